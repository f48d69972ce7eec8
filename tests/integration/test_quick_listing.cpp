// SPDX-License-Identifier: GPL-3.0-or-later
// The check of a large mailbox without its full listing (sync/QuickListing.h), through the
// real sync against FakePop3Server: new mail is found with STAT and a few UIDLs, and every
// change before it, or anything the quick way cannot prove, sends the check back to the
// whole listing, so nothing is missed.
#include "FaultFixture.h"

#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/DownloadRecords.h"
#include "store/MessageStore.h"
#include "sync/QuickListing.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

constexpr int mailboxSize = int(sync::quicklisting::minMessages) + 200;

QByteArray smallMail(int n, const QByteArray &extra = {})
{
    return "From: robot@example.org\r\nSubject: Notice " + QByteArray::number(n) +
           "\r\nMessage-ID: <n" + QByteArray::number(n) + extra + "@example.org>\r\n\r\nBuild " +
           QByteArray::number(n) + " passed." + extra + "\r\n";
}

} // namespace

class QuickListingTest : public FaultTest {
protected:
    void SetUp() override
    {
        FaultTest::SetUp();
        Mailbox box;
        box.pipelining = true;
        for (int n = 1; n <= mailboxSize; ++n)
            box.messages.insert(n, smallMail(n));
        m_server.serveMailbox(box);
        m_server.setPipeliningAllowed(true);
    }

    Account leaving() const
    {
        Account a = account();
        a.leaveOnServer = true;
        return a;
    }

    /// Syncs, and returns the lines this session sent.
    QByteArrayList check()
    {
        const qsizetype before = m_server.received().size();
        const SyncResult r = sync(leaving());
        EXPECT_FALSE(r.error) << describe(r);
        return m_server.received().mid(before);
    }

    static bool listedWhole(const QByteArrayList &lines)
    {
        return lines.contains("UIDL") && lines.contains("LIST");
    }

    static int retrs(const QByteArrayList &lines)
    {
        return int(std::count_if(lines.cbegin(), lines.cend(),
                                 [](const QByteArray &l) { return l.startsWith("RETR "); }));
    }

    /// Each message the server holds is in the cache once.
    void expectCacheMatchesServer()
    {
        const auto cache = stored();
        const Mailbox &box = m_server.mailbox();
        EXPECT_GE(cache.size(), box.messages.size());
        for (auto it = box.messages.cbegin(); it != box.messages.cend(); ++it) {
            const QString name = QString::fromLatin1(box.uidlOf(it.key()));
            EXPECT_EQ(cache.values(name), QList<QByteArray>{it.value()}) << it.key();
        }
    }
};

TEST_F(QuickListingTest, AfterAFullListingACheckAsksOnlyForWhatCameAfterTheKnownRun)
{
    const QByteArrayList first = check();
    EXPECT_TRUE(listedWhole(first));
    EXPECT_TRUE(first.contains("STAT")); // proves STAT is the sum of LIST on this server
    EXPECT_EQ(retrs(first), mailboxSize);

    for (int n = 1; n <= 3; ++n)
        m_server.mailbox().append(smallMail(mailboxSize + n));
    const QByteArrayList second = check();
    EXPECT_FALSE(listedWhole(second)) << transcript(second);
    EXPECT_TRUE(second.contains("STAT"));
    for (const int probe : sync::quicklisting::probeNumbers(mailboxSize))
        EXPECT_TRUE(second.contains("UIDL " + QByteArray::number(probe))) << probe;
    for (int n = mailboxSize + 1; n <= mailboxSize + 3; ++n) {
        EXPECT_TRUE(second.contains("UIDL " + QByteArray::number(n)));
        EXPECT_TRUE(second.contains("LIST " + QByteArray::number(n)));
        EXPECT_TRUE(second.contains("RETR " + QByteArray::number(n)));
    }
    EXPECT_EQ(retrs(second), 3);
    expectCacheMatchesServer();

    // The run grew over them: the next check asks about none of them again.
    const QByteArrayList third = check();
    EXPECT_FALSE(listedWhole(third)) << transcript(third);
    EXPECT_FALSE(third.contains("UIDL " + QByteArray::number(mailboxSize + 1)));
    EXPECT_TRUE(third.contains("UIDL " + QByteArray::number(mailboxSize + 3)));
    EXPECT_EQ(retrs(third), 0);
}

TEST_F(QuickListingTest, AMessageRemovedByAnotherClientSendsTheCheckToTheWholeListing)
{
    check();
    m_server.mailbox().removeByAnotherClient(700);
    m_server.mailbox().append(smallMail(9001));
    const QByteArrayList second = check();
    EXPECT_TRUE(listedWhole(second)) << transcript(second);
    EXPECT_EQ(retrs(second), 1);
    expectCacheMatchesServer();
    // Gone from the server, so a UIDL coming back later is looked at before it is trusted.
    auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                    QStringLiteral("quick-listing-reader"));
    ASSERT_TRUE(db);
    QSqlQuery q(db.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT state FROM downloads WHERE uidl = 'uid-700'")) &&
                q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("gone"));
}

TEST_F(QuickListingTest, AMessageReplacedBetweenTheProbesIsFoundByStatsOctets)
{
    check();
    // A server that lists in another order than arrival: a message between the probes left,
    // and a new one took its place. The count and every probe's UIDL are as they were.
    const int replaced = 700;
    ASSERT_FALSE(sync::quicklisting::probeNumbers(mailboxSize).contains(replaced));
    Mailbox &box = m_server.mailbox();
    for (int n = 1; n <= mailboxSize; ++n)
        box.uidls.insert(n, box.uidlOf(n)); // names stay with their messages
    box.messages.insert(replaced, smallMail(replaced, "-and-a-longer-new-one"));
    box.uidls.insert(replaced, "uid-new-in-the-middle");
    const QByteArrayList second = check();
    EXPECT_TRUE(listedWhole(second)) << transcript(second);
    EXPECT_TRUE(second.contains("RETR " + QByteArray::number(replaced)));
    expectCacheMatchesServer();
}

TEST_F(QuickListingTest, ANewMessageUnderAKnownNameIsLeftToTheWholeListing)
{
    check();
    m_server.mailbox().append(smallMail(9002), "uid-5"); // a server repeating a UIDL
    const QByteArrayList second = check();
    EXPECT_TRUE(listedWhole(second)) << transcript(second);
}

TEST_F(QuickListingTest, ADeletionQueuedHereListsTheWholeMailboxToFindItsNumber)
{
    check();
    {
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                        QStringLiteral("quick-listing-queue"));
        ASSERT_TRUE(db);
        store::MessageStore messages(db.value()->connection());
        auto rows = messages.messages(store::Folder::Inbox, m_accountId);
        ASSERT_TRUE(rows && !rows.value().isEmpty());
        qint64 id = 0;
        for (const auto &row : rows.value()) {
            if (row.uidl == QStringLiteral("uid-42"))
                id = row.id;
        }
        ASSERT_GT(id, 0);
        ASSERT_TRUE(
            store::DeletionQueue(db.value()->connection())
                .enqueue(m_accountId, QStringLiteral("uid-42"), QDateTime::currentDateTimeUtc(), id)
                .ok());
    }
    const QByteArrayList second = check();
    EXPECT_TRUE(listedWhole(second)) << transcript(second);
    EXPECT_TRUE(second.contains("DELE 42")) << transcript(second);
    // The deletion renumbered the messages after it: the next check lists whole again, and
    // leaves a new run behind.
    EXPECT_TRUE(listedWhole(check()));
    m_server.mailbox().append(smallMail(9003));
    const QByteArrayList fourth = check();
    EXPECT_FALSE(listedWhole(fourth)) << transcript(fourth);
    EXPECT_EQ(retrs(fourth), 1);
}

TEST_F(QuickListingTest, WithoutPipeliningEveryCheckListsTheWholeMailbox)
{
    m_server.mailbox().pipelining = false;
    m_server.setPipeliningAllowed(false);
    check();
    m_server.mailbox().append(smallMail(9004));
    const QByteArrayList second = check();
    EXPECT_TRUE(listedWhole(second));
    EXPECT_FALSE(second.contains("STAT")); // a round trip of its own, for nothing
    EXPECT_EQ(retrs(second), 1);
}

} // namespace poplar::test
