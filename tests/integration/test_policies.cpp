// SPDX-License-Identifier: GPL-3.0-or-later
// Server-deletion policies against the real Dovecot: deleted here, older than N days.
#include "CtlTest.h"

#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/SyncController.h"

#include <QDir>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

class PolicyTest : public CtlTest {
protected:
    int onServer() const
    {
        const QDir maildir(server().maildir());
        return int(QDir(maildir.filePath(QStringLiteral("cur"))).entryList(QDir::Files).size() +
                   QDir(maildir.filePath(QStringLiteral("new"))).entryList(QDir::Files).size());
    }
    DovecotServer &server() const { return const_cast<PolicyTest *>(this)->CtlTest::server(); }

    QString firstId()
    {
        const QJsonArray rows = listJson();
        return rows.isEmpty()
                   ? QString()
                   : QString::number(rows.at(0).toObject().value(QStringLiteral("id")).toInteger());
    }
    QJsonArray pendingJson() { return jsonOf({QStringLiteral("pending")}); }
};

TEST_F(PolicyTest, DeletedHereIsQueuedUndoableAndDeletedOnTheServerAtTheNextSync)
{
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort());
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    const QString id = firstId();

    ASSERT_EQ(ctl({QStringLiteral("delete"), id}).exitCode, 0);
    QJsonArray pending = pendingJson();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending.at(0).toObject().value(QStringLiteral("reason")).toString(),
              QStringLiteral("deleted-here"));
    EXPECT_EQ(
        QString::number(pending.at(0).toObject().value(QStringLiteral("messageId")).toInteger()),
        id);

    ASSERT_EQ(ctl({QStringLiteral("restore"), id}).exitCode, 0); // undo before the sync
    EXPECT_TRUE(pendingJson().isEmpty());
    EXPECT_EQ(listJson().size(), 3);

    ASSERT_EQ(ctl({QStringLiteral("delete"), id}).exitCode, 0);
    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    EXPECT_EQ(onServer(), 2);
    EXPECT_TRUE(pendingJson().isEmpty());
    EXPECT_EQ(listJson(QStringLiteral("trash")).size(), 1); // the local copy stays in Trash
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    EXPECT_EQ(listJson().size(), 2);
}

TEST_F(PolicyTest, EmptyingTrashPurgesLocallyAndNothingComesBack)
{
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--delete-from-server-on-local-delete"), QStringLiteral("no")});
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    const QString id = firstId();
    ASSERT_EQ(ctl({QStringLiteral("delete"), id}).exitCode, 0);
    const CtlRun purge = ctl({QStringLiteral("empty-trash")});
    ASSERT_EQ(purge.exitCode, 0) << purge.err.toStdString();
    EXPECT_TRUE(purge.out.contains("1 deleted"));
    EXPECT_TRUE(listJson(QStringLiteral("trash")).isEmpty());
    EXPECT_NE(ctl({QStringLiteral("export"), id}).exitCode, 0); // the bytes are gone here
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    EXPECT_EQ(listJson().size(), 2); // still on the server, but never downloaded again
    EXPECT_EQ(onServer(), 3);
}

TEST_F(PolicyTest, AccountThatKeepsServerMailIgnoresLocalDeletes)
{
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--delete-from-server-on-local-delete"), QStringLiteral("no")});
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    ASSERT_EQ(ctl({QStringLiteral("delete"), firstId()}).exitCode, 0);
    EXPECT_TRUE(pendingJson().isEmpty());
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    EXPECT_EQ(onServer(), 3);
}

TEST_F(PolicyTest, OverTheSizeLimitOnlyHeadersComeAndTheRestMatchesAFullRetr)
{
    QString big;
    for (int i = 0; i < 1500; ++i)
        big += QStringLiteral("Line %1 of a long report that nobody wants on a slow link\n").arg(i);
    const QByteArray bigRaw =
        makeMessage(QStringLiteral("Big report"), QStringLiteral("b@example.org"), big);
    const QByteArray smallRaw = makeMessage(
        QStringLiteral("Small"), QStringLiteral("s@example.org"), QStringLiteral("hi\n"));
    server().addMessage(bigRaw);
    server().addMessage(smallRaw);
    // Not leaving mail on the server: a headers-only copy must still never be deleted there.
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--size-limit-kb"), QStringLiteral("20"),
                QStringLiteral("--leave-on-server"), QStringLiteral("no")});
    const CtlRun first = ctl({QStringLiteral("sync")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_EQ(onServer(), 1); // the small one left the server, the big one stays

    QString bigId;
    for (const QJsonValue &row : listJson()) {
        const QJsonObject o = row.toObject();
        if (o.value(QStringLiteral("subject")).toString() == QLatin1String("Big report")) {
            bigId = QString::number(o.value(QStringLiteral("id")).toInteger());
            EXPECT_TRUE(o.value(QStringLiteral("partial")).toBool());
            EXPECT_LT(o.value(QStringLiteral("size")).toInteger(), 2000);
        } else {
            EXPECT_FALSE(o.value(QStringLiteral("partial")).toBool());
        }
    }
    ASSERT_FALSE(bigId.isEmpty());

    const CtlRun fetch = ctl({QStringLiteral("fetch"), bigId});
    ASSERT_EQ(fetch.exitCode, 0) << fetch.err.toStdString();
    const CtlRun exported = ctl({QStringLiteral("export"), bigId});
    EXPECT_EQ(exported.out, bigRaw); // the same bytes a full RETR gives
    for (const QJsonValue &row : listJson())
        EXPECT_FALSE(row.toObject().value(QStringLiteral("partial")).toBool());

    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    EXPECT_EQ(onServer(), 0); // whole now, so the policy may delete it
    EXPECT_EQ(listJson().size(), 2);
}

/// The age limit with a clock the test moves: an in-process SyncController on the same cache.
TEST_F(PolicyTest, OlderThanTheLimitLeavesTheServerOnlyWhenTheLimitPasses)
{
    seedThree();
    const QString id =
        addAccount(QStringLiteral("tls"), server().tlsPort(), true,
                   {QStringLiteral("--delete-from-server-after-days"), QStringLiteral("5")});
    const Account account =
        AccountStore(m_profile.filePath(QStringLiteral("poplar.ini"))).account(id).value();

    KeychainSecretStore secrets; // unused: the account has a password command
    PasswordProvider passwords(secrets);
    sync::SyncController controller(m_profile.filePath(QStringLiteral("cache.sqlite")), passwords);
    QDateTime now = QDateTime::currentDateTimeUtc();
    controller.setClock([&now] { return now; });
    std::optional<sync::SyncResult> result;
    QObject::connect(&controller, &sync::SyncController::finished,
                     [&](const sync::SyncResult &r) { result = r; });
    auto runSync = [&] {
        result.reset();
        controller.syncAccount(account);
        EXPECT_TRUE(spinUntil([&] { return result.has_value(); }, 20'000));
        EXPECT_TRUE(result && result->ok())
            << (result && result->error ? qPrintable(result->error->message()) : "");
    };

    runSync();
    EXPECT_EQ(result->newMessages, 3);
    EXPECT_EQ(onServer(), 3);
    now = now.addDays(4);
    runSync();
    EXPECT_EQ(onServer(), 3);
    EXPECT_TRUE(pendingJson().isEmpty()); // poplarctl's own clock is today: nothing due yet
    now = now.addDays(2);
    runSync();
    EXPECT_EQ(result->deletedOnServer, 3);
    EXPECT_EQ(onServer(), 0);
    EXPECT_EQ(listJson().size(), 3); // the local copies stay
}

} // namespace

} // namespace poplar::test
