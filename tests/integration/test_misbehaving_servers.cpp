// SPDX-License-Identifier: GPL-3.0-or-later
// Servers that misbehave the way real ones do (tests/support/FakePop3Server plays each), and
// what must hold through them, every time: every message that left the server is byte-exact
// in the cache; every message on the server through two syncs is in the list; no message is
// listed twice; no message over the cap is transferred twice.
#include "FaultFixture.h"

#include "store/Database.h"
#include "store/DownloadRecords.h"
#include "store/MessageStore.h"
#include "sync/AccountSync.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

// Distinct messages of exactly the same size, as mailing lists and notifications produce.
QByteArray sameSizeMail(int n)
{
    return makeMessage(
        QStringLiteral("Notice %1").arg(n, 3, 10, QLatin1Char('0')),
        QStringLiteral("robot <robot@example.org>"),
        QStringLiteral("Build %1 passed.\n").arg(n, 3, 10, QLatin1Char('0')),
        QStringLiteral("Mon, 02 Nov 2026 10:%1:00 +0000").arg(n % 60, 2, 10, QLatin1Char('0')));
}

} // namespace

class MisbehavingServerTest : public FaultTest {
protected:
    Account leaving(bool leave) const
    {
        Account a = account();
        a.leaveOnServer = leave;
        return a;
    }

    /// Runs SQL on the cache from a connection of the test's own.
    void onCache(const QString &sql)
    {
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                        QStringLiteral("misbehaving-sql"));
        ASSERT_TRUE(db) << db.error().message().toStdString();
        QSqlQuery q(db.value()->connection());
        ASSERT_TRUE(q.exec(sql)) << sql.toStdString();
    }
};

TEST_F(MisbehavingServerTest, NumberUidlsRenumberedByAnotherClientMissNothing)
{
    Mailbox box;
    box.uidlsAreNumbers = true;
    for (int n = 1; n <= 4; ++n)
        box.append(sameSizeMail(n));
    m_server.serveMailbox(box);
    ASSERT_TRUE(sync(leaving(true)).ok());
    ASSERT_EQ(stored().size(), 4);

    // A phone deletes the first message, and a new one of the same size arrives: every
    // message is renumbered, and the new one gets the number "4" that named another.
    m_server.mailbox().removeByAnotherClient(1);
    m_server.mailbox().append(sameSizeMail(5));
    const SyncResult second = sync(leaving(true));
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(second.newMessages, 1);
    expectNothingLostMissedOrDoubled();
    EXPECT_EQ(m_server.mailbox().retrieved.value(sameSizeMail(5)), 1);
    for (int n = 2; n <= 4; ++n)
        EXPECT_EQ(m_server.mailbox().retrieved.value(sameSizeMail(n)), 1) << n;

    const SyncResult third = sync(leaving(true));
    ASSERT_TRUE(third.ok()) << describe(third);
    EXPECT_EQ(third.newMessages, 0);
    expectNothingLostMissedOrDoubled();
}

TEST_F(MisbehavingServerTest, NumberUidlsWithoutLeavingMailDeleteOnlyWhatIsHere)
{
    Mailbox box;
    box.uidlsAreNumbers = true;
    for (int n = 1; n <= 3; ++n)
        box.append(sameSizeMail(n));
    m_server.serveMailbox(box);
    // The first session's QUIT is lost: nothing was recorded as deleted, the server deleted.
    m_server.mailbox().loseQuitReply = true;
    EXPECT_FALSE(sync(leaving(false)).ok());
    m_server.mailbox().loseQuitReply = false;
    m_server.mailbox().append(sameSizeMail(4));
    m_server.mailbox().append(sameSizeMail(5));

    const SyncResult r = sync(leaving(false));
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 2);
    expectNothingLostMissedOrDoubled();
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty());
    EXPECT_EQ(m_server.mailbox().deleted.size(), 5);
}

TEST_F(MisbehavingServerTest, AUidlReusedAfterTheMaildropEmptiedIsDownloaded)
{
    Mailbox box;
    for (int n = 1; n <= 2; ++n)
        box.append(sameSizeMail(n));
    m_server.serveMailbox(box);
    ASSERT_TRUE(sync(leaving(false)).ok());
    ASSERT_TRUE(m_server.mailbox().messages.isEmpty());

    // New mail, and the server starts its names again: "uid-1", "uid-2", same sizes too.
    m_server.mailbox().append(sameSizeMail(3));
    m_server.mailbox().append(sameSizeMail(4));
    const SyncResult r = sync(leaving(false));
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 2);
    expectNothingLostMissedOrDoubled();
    EXPECT_EQ(stored().size(), 4);
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty());
}

TEST_F(MisbehavingServerTest, AUidlReusedAfterAnotherClientEmptiedTheMaildropIsDownloaded)
{
    Mailbox box;
    for (int n = 1; n <= 2; ++n)
        box.append(sameSizeMail(n));
    m_server.serveMailbox(box);
    ASSERT_TRUE(sync(leaving(true)).ok());
    m_server.mailbox().removeByAnotherClient(1);
    m_server.mailbox().removeByAnotherClient(1);
    ASSERT_TRUE(sync(leaving(true)).ok()); // sees the empty maildrop

    m_server.mailbox().uidls.clear();
    m_server.mailbox().append(sameSizeMail(3)); // "uid-1" again, the same size
    const SyncResult r = sync(leaving(true));
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 1);
    expectNothingLostMissedOrDoubled();
}

TEST_F(MisbehavingServerTest, AShortRetrIsKeptMarkedIncompleteAndNeverDeleted)
{
    Mailbox box = threeMessages();
    const QByteArray whole =
        mail(2, QString(70, QLatin1Char('z')).append(QLatin1Char('\n')).repeated(40));
    box.messages.insert(2, whole);
    box.shortRetr.insert(2, whole.size() * 4 / 10); // 40 %, then a proper terminator
    m_server.serveMailbox(box);

    const SyncResult first = sync(leaving(false));
    ASSERT_TRUE(first.ok()) << describe(first);
    EXPECT_EQ(first.newMessages, 3);
    ASSERT_EQ(first.warnings.size(), 1) << describe(first);
    EXPECT_TRUE(first.warnings.at(0).contains(QStringLiteral("Message 2"))) << describe(first);
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE 2")) << transcript(m_server.received());
    ASSERT_EQ(m_server.mailbox().messages.size(), 1);
    EXPECT_EQ(m_server.mailbox().messages.first(), whole) << "the server copy is kept";
    expectNothingLostMissedOrDoubled({whole});

    // The server is well again: the next sync fetches it whole, then deletes it.
    m_server.mailbox().shortRetr.clear();
    const SyncResult second = sync(leaving(false));
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_TRUE(second.warnings.isEmpty()) << describe(second);
    EXPECT_EQ(stored().value(uid(2)), whole);
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty());
    expectNothingLostMissedOrDoubled();
}

TEST_F(MisbehavingServerTest, AServerThatAlwaysCutsAMessageShortKeepsItsCopy)
{
    // Fetched again, the same short bytes: the server's copy is damaged. It must never be
    // deleted on the strength of what did arrive, nor fetched again at every check.
    Mailbox box = threeMessages();
    const QByteArray whole =
        mail(2, QString(70, QLatin1Char('z')).append(QLatin1Char('\n')).repeated(40));
    box.messages.insert(2, whole);
    box.shortRetr.insert(2, whole.size() / 2);
    m_server.serveMailbox(box);
    const SyncResult first = sync(leaving(false));
    ASSERT_TRUE(first.ok()) << describe(first);
    EXPECT_EQ(first.warnings.size(), 1) << describe(first);
    const SyncResult second = sync(leaving(false));
    ASSERT_TRUE(second.ok()) << describe(second);
    ASSERT_EQ(second.warnings.size(), 1) << describe(second);
    EXPECT_TRUE(second.warnings.at(0).contains(QStringLiteral("Message 2")));
    const SyncResult third = sync(leaving(false));
    ASSERT_TRUE(third.ok()) << describe(third);
    EXPECT_TRUE(third.warnings.isEmpty()) << describe(third);
    EXPECT_EQ(m_server.mailbox().retrieved.value(whole), 2);
    ASSERT_EQ(m_server.mailbox().messages.size(), 1);
    EXPECT_EQ(m_server.mailbox().messages.first(), whole);
    expectNothingLostMissedOrDoubled({whole});
}

TEST_F(MisbehavingServerTest, TwoMessagesUnderOneUidlAreBothKeptAndNeitherDeleted)
{
    Mailbox box = threeMessages();
    box.uidls.insert(2, "same");
    box.uidls.insert(3, "same");
    m_server.serveMailbox(box);

    const SyncResult first = sync(leaving(false));
    ASSERT_TRUE(first.ok()) << describe(first);
    EXPECT_EQ(first.newMessages, 3);
    EXPECT_TRUE(m_server.receivedLineStartingWith("DELE 1"));
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE 2"));
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE 3"));
    expectNothingLostMissedOrDoubled();
    const SyncResult second = sync(leaving(false));
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(second.newMessages, 0);
    expectNothingLostMissedOrDoubled();
}

TEST_F(MisbehavingServerTest, ALostQuitReplyRecordsNoDeletionAndTheNextSyncFinishes)
{
    m_server.serveMailbox(threeMessages());
    m_server.mailbox().loseQuitReply = true;
    const SyncResult first = sync(leaving(false));
    EXPECT_FALSE(first.ok());
    EXPECT_EQ(first.deletedOnServer, 0);
    m_server.mailbox().loseQuitReply = false;
    m_server.mailbox().append(mail(4));

    const SyncResult second = sync(leaving(false));
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(second.newMessages, 1);
    expectNothingLostMissedOrDoubled();
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty());
}

TEST_F(MisbehavingServerTest, EveryUidlRenamedAfterWholeHeadersOnlyAndCompletedCopies)
{
    // Four messages: two whole, two over the size limit (headers only), one of those then
    // completed by hand. Then the server changes every UIDL (a migration).
    Mailbox box;
    const QString big = QString(70, QLatin1Char('b')).append(QLatin1Char('\n')).repeated(60);
    box.append(mail(1));
    box.append(mail(2, big));
    box.append(mail(3));
    box.append(mail(4, big));
    m_server.serveMailbox(box);
    Account a = leaving(true);
    a.sizeLimitKb = 2;
    ASSERT_TRUE(sync(a).ok());

    auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                    QStringLiteral("migration-reader"));
    ASSERT_TRUE(db);
    store::MessageStore messages(db.value()->connection());
    auto rows = messages.messages(store::Folder::Inbox, m_accountId);
    ASSERT_TRUE(rows);
    qint64 partial2 = 0;
    for (const store::MessageSummary &m : rows.value()) {
        if (m.uidl == uid(2))
            partial2 = m.id;
    }
    ASSERT_NE(partial2, 0);
    db.value().reset();
    m_result.reset();
    worker().completeMessage(a, QStringLiteral("pw"), partial2);
    ASSERT_TRUE(waitForResult().ok());

    for (int n = 1; n <= 4; ++n)
        m_server.mailbox().uidls.insert(n, "migrated-" + QByteArray::number(n));
    QHash<QByteArray, int> before = m_server.mailbox().retrieved;
    const SyncResult r = sync(a);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 0);
    EXPECT_EQ(m_server.mailbox().retrieved, before) << "nothing was transferred again";
    expectNothingLostMissedOrDoubled({mail(4, big)});
    const auto cached = stored();
    EXPECT_EQ(cached.value(QStringLiteral("migrated-2")), mail(2, big)) << "stays whole";
    EXPECT_EQ(cached.value(QStringLiteral("migrated-4")), headerSection(mail(4, big)));
    // And the next session matches them by name.
    const SyncResult again = sync(a);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(
        m_server.received().mid(m_server.received().lastIndexOf("UIDL")).contains("TOP 1 0"));
}

TEST_F(MisbehavingServerTest, AMessageOverTheCapShowsAtOnceAndIsNeverTransferredTwice)
{
    m_options.limits.maxBlock = 64 * 1024;
    Mailbox box = threeMessages();
    const QByteArray video =
        mail(2, QString(76, QLatin1Char('v')).append(QLatin1Char('\n')).repeated(3000));
    box.messages.insert(2, video);
    m_server.serveMailbox(box);

    const SyncResult first = sync(leaving(false));
    ASSERT_TRUE(first.ok()) << describe(first);
    EXPECT_EQ(first.newMessages, 3);
    ASSERT_EQ(first.warnings.size(), 1) << describe(first);
    EXPECT_TRUE(first.warnings.at(0).contains(QStringLiteral("Message 2")));
    EXPECT_EQ(m_server.mailbox().retrieved.value(video), 0) << "only TOP 2 0";
    EXPECT_EQ(stored().value(uid(2)), headerSection(video));
    expectNothingLostMissedOrDoubled({video});

    const SyncResult second = sync(leaving(false));
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(second.newMessages, 0);
    EXPECT_EQ(m_server.mailbox().retrieved.value(video), 0);
    expectNothingLostMissedOrDoubled({video});

    // Download the Rest: asked for, it comes whole, once; then it may leave the server.
    auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                    QStringLiteral("cap-reader"));
    ASSERT_TRUE(db);
    auto rows =
        store::MessageStore(db.value()->connection()).messages(store::Folder::Inbox, m_accountId);
    ASSERT_TRUE(rows);
    qint64 id = 0;
    for (const store::MessageSummary &m : rows.value()) {
        if (m.uidl == uid(2))
            id = m.id;
    }
    ASSERT_NE(id, 0);
    db.value().reset();
    m_result.reset();
    worker().completeMessage(leaving(false), QStringLiteral("pw"), id);
    const SyncResult rest = waitForResult();
    ASSERT_TRUE(rest.ok()) << describe(rest);
    EXPECT_EQ(stored().value(uid(2)), video);
    EXPECT_EQ(m_server.mailbox().retrieved.value(video), 1);
    ASSERT_TRUE(sync(leaving(false)).ok());
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty());
    EXPECT_EQ(m_server.mailbox().retrieved.value(video), 1);
    expectNothingLostMissedOrDoubled();
}

TEST_F(MisbehavingServerTest, AStallMidDownloadKeepsWhatArrivedAndDeletesNothing)
{
    m_options.replyTimeoutMs = 800;
    Mailbox box = threeMessages();
    box.replies.insert("RETR", QByteArray()); // never answered
    m_server.serveMailbox(box);
    const SyncResult r = sync(leaving(false));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Network) << describe(r);
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE"));
    m_server.mailbox().replies.clear();
    ASSERT_TRUE(sync(leaving(false)).ok());
    expectNothingLostMissedOrDoubled();
}

TEST_F(MisbehavingServerTest, ACommitThatFailsSendsNoDeleAndTheNextSyncFinishesTheJob)
{
    // A batch and a half: the first batch commits, the second fails (as a full disk would).
    constexpr int batch = sync::AccountSync::batchMessages;
    Mailbox box;
    for (int n = 1; n <= batch + batch / 2; ++n)
        box.append(mail(n));
    m_server.serveMailbox(box);
    onCache(QStringLiteral("CREATE TRIGGER fail_second_batch BEFORE INSERT ON messages WHEN "
                           "(SELECT count(*) FROM messages) >= %1 BEGIN SELECT RAISE(ABORT, "
                           "'disk full'); END")
                .arg(batch));

    const qsizetype linesBefore = m_server.received().size();
    const SyncResult failed = sync(leaving(false));
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error->code, Error::Code::Storage) << describe(failed);
    for (const QByteArray &line : m_server.received().mid(linesBefore))
        EXPECT_FALSE(line.startsWith("DELE")) << "a DELE with a batch not in the cache";
    EXPECT_EQ(m_server.mailbox().messages.size(), batch + batch / 2);
    EXPECT_EQ(stored().size(), batch);

    onCache(QStringLiteral("DROP TRIGGER fail_second_batch"));
    const SyncResult next = sync(leaving(false));
    ASSERT_TRUE(next.ok()) << describe(next);
    EXPECT_EQ(next.newMessages, batch / 2);
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty());
    expectNothingLostMissedOrDoubled();
}

TEST_F(MisbehavingServerTest, AnAccountEditedToAnotherMailboxStartsAfresh)
{
    // Two servers whose UIDLs are alike ("uid-1", ...) but whose messages are not.
    m_server.serveMailbox(threeMessages());
    FakePop3Server other;
    Mailbox otherBox;
    for (int n = 11; n <= 13; ++n)
        otherBox.append(mail(n));
    other.serveMailbox(otherBox);

    ASSERT_TRUE(sync(leaving(true)).ok());
    Account moved = leaving(true);
    moved.port = other.port();
    const SyncResult r = sync(moved);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 3) << "the other mailbox's messages are not the first one's";
    EXPECT_EQ(stored().size(), 6);
    // Back to the first: its records are still its own.
    const SyncResult back = sync(leaving(true));
    ASSERT_TRUE(back.ok()) << describe(back);
    EXPECT_EQ(back.newMessages, 0);
}

} // namespace poplar::test
