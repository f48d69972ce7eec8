// SPDX-License-Identifier: GPL-3.0-or-later
// The Foundation path end to end: poplarctl against a real Dovecot over TLS and STARTTLS.
#include "CtlTest.h"
#include "Profile.h"
#include "TestUtil.h"
#include "accounts/AccountStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

class SyncCliTest : public CtlTest {
protected:
    void expectSyncStoresAndExportsExactly(const QString &security, quint16 port)
    {
        const QList<QByteArray> raws = seedThree();
        addAccount(security, port);

        const CtlRun first = ctl({QStringLiteral("sync")});
        ASSERT_EQ(first.exitCode, 0) << first.err.toStdString() << server().logText().toStdString();
        EXPECT_TRUE(first.out.contains("3 new")) << first.out.toStdString();

        const QJsonArray rows = listJson();
        ASSERT_EQ(rows.size(), 3);
        QList<QByteArray> exported;
        for (const QJsonValue &row : rows) {
            const QJsonObject o = row.toObject();
            for (const char *key : {"id", "account", "uidl", "folder", "from", "subject", "date",
                                    "size", "seen", "partial"})
                EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
            const CtlRun e = ctl({QStringLiteral("export"),
                                  QString::number(o.value(QStringLiteral("id")).toInteger())});
            ASSERT_EQ(e.exitCode, 0) << e.err.toStdString();
            exported.append(e.out);
            EXPECT_EQ(o.value(QStringLiteral("size")).toInteger(), e.out.size());
        }
        for (const QByteArray &raw : raws)
            EXPECT_TRUE(exported.contains(asSent(raw))) << "not exported byte for byte:\n"
                                                        << raw.toStdString();

        const CtlRun second = ctl({QStringLiteral("sync")});
        ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
        EXPECT_TRUE(second.out.contains("0 new")) << second.out.toStdString();
        EXPECT_EQ(listJson().size(), 3);
    }
};

TEST_F(SyncCliTest, ImplicitTlsStoresEachMessageByteForByteAndOnlyOnce)
{
    expectSyncStoresAndExportsExactly(QStringLiteral("tls"), server().tlsPort());
}

TEST_F(SyncCliTest, StartTlsStoresEachMessageByteForByteAndOnlyOnce)
{
    expectSyncStoresAndExportsExactly(QStringLiteral("starttls"), server().plainPort());
}

TEST_F(SyncCliTest, ASyncEndsWithItsDownloadAndLeavesIndexingAndTheWalToTheNextCommand)
{
    // poplarctl exits right after its sync: indexing then only made it wait for one batch,
    // and folding the WAL into the cache and deleting it cost fsyncs and an unlink.
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort());
    const CtlRun synced = ctl({QStringLiteral("sync")});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    const QString wal = m_profile.filePath(QStringLiteral("cache.sqlite-wal"));
    EXPECT_GT(QFileInfo(wal).size(), 0) << "the WAL was folded in and deleted";
    EXPECT_EQ(listJson().size(), 3);
    EXPECT_FALSE(QFileInfo::exists(wal)) << "the next command, an ordinary one, folds it in";
    const auto search = [this](const QStringList &more) {
        return ctl(QStringList{QStringLiteral("search"), QStringLiteral("lone"),
                               QStringLiteral("--format"), QStringLiteral("json")} +
                   more);
    };
    const CtlRun unindexed = search({QStringLiteral("--index-seconds"), QStringLiteral("0")});
    EXPECT_EQ(unindexed.exitCode, 0);
    EXPECT_TRUE(unindexed.err.contains("0 of 3 messages are indexed so far"))
        << unindexed.err.toStdString();
    const CtlRun found = search({QStringLiteral("--wait-for-index")});
    ASSERT_EQ(found.exitCode, 0) << found.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(found.out).array().size(), 1) << found.out.toStdString();
}

TEST_F(SyncCliTest, ShowRendersTheStoredMessage)
{
    server().addMessage(makeMessage(QStringLiteral("Lunch?"),
                                    QStringLiteral("Bob <bob@example.org>"),
                                    QStringLiteral("Noon at the usual place.\n")));
    addAccount(QStringLiteral("tls"), server().tlsPort());
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    const QJsonArray rows = listJson();
    ASSERT_EQ(rows.size(), 1);
    const QString id =
        QString::number(rows.at(0).toObject().value(QStringLiteral("id")).toInteger());
    const CtlRun r =
        ctl({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("subject")).toString(), QStringLiteral("Lunch?"));
    EXPECT_EQ(
        o.value(QStringLiteral("from")).toObject().value(QStringLiteral("address")).toString(),
        QStringLiteral("bob@example.org"));
    EXPECT_TRUE(o.value(QStringLiteral("text"))
                    .toString()
                    .contains(QStringLiteral("Noon at the usual place.")));
    for (const char *key :
         {"to", "cc", "date", "html", "attachments", "remoteContentBlocked", "warnings"})
        EXPECT_TRUE(o.contains(QLatin1String(key))) << key;

    const CtlRun badFormat =
        ctl({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")});
    EXPECT_EQ(badFormat.exitCode, 2);
    EXPECT_TRUE(badFormat.err.contains("--format must be one of")) << badFormat.err.toStdString();
    EXPECT_TRUE(ctl({QStringLiteral("export"), id}).err.isEmpty()); // no stray parser warnings

    const CtlRun found = ctl({QStringLiteral("search"), QStringLiteral("usual place"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(found.exitCode, 0) << found.err.toStdString();
    const QJsonArray hits = QJsonDocument::fromJson(found.out).array();
    ASSERT_EQ(hits.size(), 1);
    EXPECT_EQ(QString::number(hits.at(0).toObject().value(QStringLiteral("id")).toInteger()), id);
    EXPECT_EQ(QJsonDocument::fromJson(ctl({QStringLiteral("search"), QStringLiteral("nowhere"),
                                           QStringLiteral("--format"), QStringLiteral("json")})
                                          .out)
                  .array()
                  .size(),
              0);

    const CtlRun del = ctl({QStringLiteral("delete"), id});
    ASSERT_EQ(del.exitCode, 0) << del.err.toStdString();
    EXPECT_EQ(listJson().size(), 0);
    EXPECT_EQ(listJson(QStringLiteral("trash")).size(), 1);
    // Deleted here, left on the server: the next sync must not bring it back.
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    EXPECT_EQ(listJson().size(), 0);
}

TEST_F(SyncCliTest, WrongPasswordFailsClearlyAndTouchesNothingStored)
{
    seedThree();
    const QString id = addAccount(QStringLiteral("tls"), server().tlsPort());
    ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
    const QJsonArray before = listJson();
    ASSERT_EQ(before.size(), 3);

    AccountStore accounts(m_profile.filePath(QStringLiteral("poplar.ini")));
    Account account = accounts.account(id).value();
    account.passwordCommand = passwordCommand(QStringLiteral("wrong"));
    ASSERT_TRUE(accounts.update(account).ok());
    server().addMessage(makeMessage(QStringLiteral("Fourth"), QStringLiteral("e@example.org"),
                                    QStringLiteral("x\n")));

    const CtlRun r = ctl({QStringLiteral("sync")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("rejected the password")) << r.err.toStdString();
    EXPECT_EQ(listJson(), before);
}

TEST_F(SyncCliTest, RejectedPasswordIsReportedWithTheServersWords)
{
    seedThree();
    QStringList args{QStringLiteral("account"),
                     QStringLiteral("add"),
                     QStringLiteral("--host"),
                     server().host(),
                     QStringLiteral("--port"),
                     QString::number(server().tlsPort()),
                     QStringLiteral("--security"),
                     QStringLiteral("tls"),
                     QStringLiteral("--user"),
                     server().user(),
                     QStringLiteral("--password-command"),
                     passwordCommand(QStringLiteral("not-the-password")),
                     QStringLiteral("--ca-file"),
                     server().caFile(),
                     QStringLiteral("--auth"),
                     QStringLiteral("user")};
    ASSERT_EQ(ctl(args).exitCode, 0);
    const QString log = m_profile.filePath(QStringLiteral("protocol.log"));
    const CtlRun r = ctl({QStringLiteral("sync"), QStringLiteral("--log"), log});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("rejected the password")) << r.err.toStdString();
    EXPECT_EQ(r.err.count('\n'), 1) << "one clear line: " << r.err.toStdString();
    EXPECT_EQ(listJson().size(), 0);

    QFile f(log);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    EXPECT_TRUE(text.contains("C: PASS ********")) << text.toStdString();
    EXPECT_FALSE(text.contains("not-the-password"));
}

TEST_F(SyncCliTest, UntrustedCertificateIsRefusedWithItsFingerprint)
{
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort(), /*trustCa=*/false);
    const CtlRun r = ctl({QStringLiteral("sync")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("not trusted")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("SHA-256")) << r.err.toStdString();
    EXPECT_EQ(listJson().size(), 0);
}

TEST_F(SyncCliTest, CertificateForAnotherHostIsRefused)
{
    seedThree();
    // The certificate names localhost and 127.0.0.1; the server also listens on 127.0.0.2.
    const CtlRun add = ctl(
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--host"),
         QStringLiteral("127.0.0.2"), QStringLiteral("--port"), QString::number(server().tlsPort()),
         QStringLiteral("--security"), QStringLiteral("tls"), QStringLiteral("--user"),
         server().user(), QStringLiteral("--password-command"),
         passwordCommand(server().password()), QStringLiteral("--ca-file"), server().caFile()});
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    const CtlRun r = ctl({QStringLiteral("sync")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("issued for another host")) << r.err.toStdString();
    EXPECT_EQ(listJson().size(), 0);
}

TEST_F(SyncCliTest, PinnedCertificateIsTrustedWithoutACaFile)
{
    seedThree();
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(server().caFile());
    ASSERT_EQ(certs.size(), 1);
    const QString pin =
        QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':'));
    addAccount(QStringLiteral("tls"), server().tlsPort(), /*trustCa=*/false,
               {QStringLiteral("--pin-sha256"), pin});
    const CtlRun r = ctl({QStringLiteral("sync")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(listJson().size(), 3);
}

TEST_F(SyncCliTest, PinOfAnotherCertificateIsRefused)
{
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort(), /*trustCa=*/false,
               {QStringLiteral("--pin-sha256"), QString(64, QLatin1Char('a'))});
    const CtlRun r = ctl({QStringLiteral("sync")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("self-signed")) << r.err.toStdString();
}

TEST_F(SyncCliTest, UnreachableServerFailsClearly)
{
    addAccount(QStringLiteral("tls"), 1); // nothing listens on port 1 of loopback
    const CtlRun r = ctl({QStringLiteral("sync")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("Cannot reach")) << r.err.toStdString();
}

TEST_F(SyncCliTest, NotLeavingOnServerDeletesOnlyAfterStoring)
{
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--leave-on-server"), QStringLiteral("no")});
    const CtlRun r = ctl({QStringLiteral("sync")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(listJson().size(), 3);
    const QDir maildir(server().maildir());
    EXPECT_TRUE(QDir(maildir.filePath(QStringLiteral("cur"))).entryList(QDir::Files).isEmpty());
    EXPECT_TRUE(QDir(maildir.filePath(QStringLiteral("new"))).entryList(QDir::Files).isEmpty());
}

TEST_F(SyncCliTest, SecondInstanceOnTheSameProfileIsRefused)
{
    addAccount(QStringLiteral("tls"), server().tlsPort());
    auto profile = Profile::open(m_profile.path());
    ASSERT_TRUE(profile.ok());
    ASSERT_TRUE(profile.value().lock().ok());
    const CtlRun r = ctl({QStringLiteral("sync")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("already running")) << r.err.toStdString();
}

TEST_F(SyncCliTest, ALargeMailboxIsCheckedWithoutItsWholeListingAndMissesNothing)
{
    // sync/QuickListing.h against Dovecot: its STAT must be the sum of its LIST, its message
    // order that of arrival, and a removal by another client must send the check back to the
    // whole listing.
    const int count = 1100;
    QStringList paths;
    for (int n = 1; n <= count; ++n) {
        paths.append(server().addMessage(makeMessage(QStringLiteral("Notice %1").arg(n),
                                                     QStringLiteral("robot@example.org"),
                                                     QStringLiteral("Build %1 passed.\n").arg(n))));
        ASSERT_FALSE(paths.back().isEmpty());
    }
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--leave-on-server"), QStringLiteral("yes")});
    const QString logPath = m_files.filePath(QStringLiteral("protocol.log"));
    auto syncLogged = [&] {
        QFile::remove(logPath);
        const CtlRun r = ctl({QStringLiteral("sync"), QStringLiteral("--log"), logPath});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QFile log(logPath);
        EXPECT_TRUE(log.open(QIODevice::ReadOnly));
        QByteArrayList sent;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const qsizetype c = line.indexOf("] C: ");
            if (c >= 0)
                sent.append(line.mid(c + 5).trimmed());
        }
        return sent;
    };
    const QByteArrayList first = syncLogged();
    EXPECT_TRUE(first.contains("UIDL") && first.contains("STAT"));
    ASSERT_EQ(listJson().size(), count);

    // Two new messages: asked for one by one, after STAT and the probes.
    for (int n = 1; n <= 2; ++n)
        server().addMessage(makeMessage(QStringLiteral("New %1").arg(n),
                                        QStringLiteral("carol@example.org"),
                                        QStringLiteral("New mail.\n")));
    const QByteArrayList second = syncLogged();
    EXPECT_FALSE(second.contains("UIDL")) << second.join(" | ").toStdString();
    EXPECT_TRUE(second.contains("UIDL 1101") && second.contains("LIST 1102"))
        << second.join(" | ").toStdString();
    EXPECT_TRUE(second.contains("RETR 1101") && second.contains("RETR 1102"));
    EXPECT_EQ(listJson().size(), count + 2);

    // Another client deletes message 10 and one more arrives: the whole listing, and the
    // new one is found.
    const QString base = QFileInfo(paths.at(9)).fileName();
    const QDir cur(QDir(server().maildir()).filePath(QStringLiteral("cur")));
    const QStringList found = cur.entryList({base + QLatin1Char('*')}, QDir::Files);
    ASSERT_EQ(found.size(), 1) << base.toStdString();
    ASSERT_TRUE(QFile::remove(cur.filePath(found.front())));
    server().addMessage(makeMessage(QStringLiteral("Newest"), QStringLiteral("dan@example.org"),
                                    QStringLiteral("Newest mail.\n")));
    const QByteArrayList third = syncLogged();
    EXPECT_TRUE(third.contains("UIDL")) << third.join(" | ").toStdString();
    EXPECT_TRUE(third.contains("RETR 1102")) << third.join(" | ").toStdString();
    QStringList subjects;
    for (const QJsonValue &row : listJson())
        subjects.append(row.toObject().value(QStringLiteral("subject")).toString());
    EXPECT_EQ(subjects.size(), count + 3); // the copy of the deleted one stays here
    EXPECT_TRUE(subjects.contains(QStringLiteral("Newest")));
}

} // namespace

} // namespace poplar::test
