// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations by References/In-Reply-To, and the Unified Inbox's list.
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Threads.h"

#include "TestUtil.h"

#include <QRandomGenerator>
#include <QSet>

#include <gtest/gtest.h>

#include <algorithm>

using namespace poplar;
using namespace poplar::store;

namespace {

QDateTime day(int d)
{
    return QDateTime(QDate(2024, 5, d), QTime(8, 0), Qt::UTC);
}

ThreadLink link(qint64 id, const QString &messageId, const QString &inReplyTo,
                const QString &references, const QDateTime &date)
{
    return {id, messageId, inReplyTo, references, date};
}

TEST(Threads, RepliesHangUnderTheirParentAndThreadsFollowTheirNewestMessage)
{
    const QList<ThreadLink> links{
        link(1, QStringLiteral("a@x"), {}, {}, day(1)),
        link(2, QStringLiteral("b@x"), QStringLiteral("<a@x>"), QStringLiteral("<a@x>"), day(2)),
        link(3, QStringLiteral("e@x"), {}, {}, day(3)),
        link(4, QStringLiteral("c@x"), QStringLiteral("<b@x>"), QStringLiteral("<a@x> <b@x>"),
             day(4)),
        // In-Reply-To alone (no References), as some clients write.
        link(5, QStringLiteral("d@x"), QStringLiteral("<a@x>"), {}, day(5)),
    };
    // Newest first: 5, 4, 3, 2, 1.
    const ThreadedOrder threads = arrangeInThreads({5, 4, 3, 2, 1}, links);
    // a's thread holds the newest message, so it comes first; b (day 2) before d (day 5).
    EXPECT_EQ(threads.ids, (QList<qint64>{1, 2, 4, 5, 3}));
    EXPECT_EQ(threads.depth.value(1), 0);
    EXPECT_EQ(threads.depth.value(2), 1);
    EXPECT_EQ(threads.depth.value(4), 2);
    EXPECT_EQ(threads.depth.value(5), 1);
    EXPECT_FALSE(threads.depth.contains(3));

    // Oldest first: the thread with the oldest message first.
    EXPECT_EQ(arrangeInThreads({1, 2, 3, 4, 5}, links).ids, (QList<qint64>{1, 2, 4, 5, 3}));
    // Sorted by something else with e first: e's thread (alone) first.
    EXPECT_EQ(arrangeInThreads({3, 1, 2, 4, 5}, links).ids, (QList<qint64>{3, 1, 2, 4, 5}));
}

TEST(Threads, AMissingParentIsSkippedForTheNearestOneThere)
{
    const QList<ThreadLink> links{
        link(1, QStringLiteral("a@x"), {}, {}, day(1)),
        // b@x was deleted: c hangs under a, the nearest id it names that is here.
        link(2, QStringLiteral("c@x"), QStringLiteral("<b@x>"), QStringLiteral("<a@x> <b@x>"),
             day(3)),
        // Nothing it names is here: a root.
        link(3, QStringLiteral("z@x"), QStringLiteral("<gone@x>"), QStringLiteral("<gone@x>"),
             day(2)),
        // A References tail cut in the middle of an id: only whole ids count.
        link(4, QStringLiteral("t@x"), {}, QStringLiteral("ne@x> <a@x>"), day(4)),
    };
    const ThreadedOrder threads = arrangeInThreads({4, 2, 3, 1}, links);
    EXPECT_EQ(threads.ids, (QList<qint64>{1, 2, 4, 3}));
    EXPECT_EQ(threads.depth.value(2), 1);
    EXPECT_EQ(threads.depth.value(4), 1);
    EXPECT_FALSE(threads.depth.contains(3));
}

TEST(Threads, LoopsAndDuplicatesStillShowEveryMessageOnce)
{
    const QList<ThreadLink> links{
        link(1, QStringLiteral("x@y"), QStringLiteral("<y@y>"), {}, day(1)),
        link(2, QStringLiteral("y@y"), QStringLiteral("<x@y>"), {}, day(2)),
        link(3, QStringLiteral("self@y"), QStringLiteral("<self@y>"), {}, day(3)),
        link(4, QStringLiteral("x@y"), {}, {}, day(4)), // the same Message-ID again
    };
    const ThreadedOrder threads = arrangeInThreads({4, 3, 2, 1, 99}, links);
    QList<qint64> sorted = threads.ids;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (QList<qint64>{1, 2, 3, 4, 99}));
}

TEST(Threads, RandomReferencesNeverLoseOrRepeatARow)
{
    // Hostile headers: every message names random others, loops and self-references included.
    QRandomGenerator random(20261127);
    for (int round = 0; round < 20; ++round) {
        const int n = 300;
        QList<ThreadLink> links;
        QList<qint64> order;
        for (int i = 1; i <= n; ++i) {
            QString refs;
            for (int r = 0; r < int(random.bounded(4)); ++r)
                refs += QStringLiteral("<m%1@x> ").arg(random.bounded(n + 20));
            links.append(link(i, QStringLiteral("m%1@x").arg(random.bounded(n)),
                              QStringLiteral("<m%1@x>").arg(random.bounded(n)), refs,
                              day(1 + int(random.bounded(28)))));
            order.append(i);
        }
        std::shuffle(order.begin(), order.end(), random);
        const ThreadedOrder threads = arrangeInThreads(order, links);
        QList<qint64> sorted = threads.ids;
        std::sort(sorted.begin(), sorted.end());
        QList<qint64> expected = order;
        std::sort(expected.begin(), expected.end());
        ASSERT_EQ(sorted, expected) << "round " << round;
    }
}

TEST(Threads, AVeryLongChainIsWalkedWithoutRecursion)
{
    // Each message answers the one before: a hostile or endless thread. No recursion (a
    // deep stack would overflow), and every message placed once, each a level deeper.
    const int n = 20'000;
    QList<ThreadLink> links;
    QList<qint64> order;
    for (int i = 0; i < n; ++i) {
        links.append(link(i + 1, QStringLiteral("c%1@x").arg(i),
                          i > 0 ? QStringLiteral("<c%1@x>").arg(i - 1) : QString(), {},
                          day(1).addSecs(i)));
        order.prepend(i + 1); // newest first
    }
    const ThreadedOrder threads = arrangeInThreads(order, links);
    ASSERT_EQ(threads.ids.size(), n);
    EXPECT_EQ(threads.ids.first(), 1);
    EXPECT_EQ(threads.ids.last(), n);
    EXPECT_EQ(threads.depth.value(n), n - 1);
}

class ListScopeTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("scope-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
    }

    qint64 add(const QString &account, const QString &uidl, const QDateTime &date,
               const QString &localFolder = {})
    {
        IncomingMessage m;
        m.accountId = account;
        m.uidl = uidl;
        m.localFolder = localFolder;
        m.raw = test::makeMessage(uidl, QStringLiteral("Bob <bob@example.org>"),
                                  QStringLiteral("body"));
        m.headers.subject = uidl;
        m.headers.fromAddress = QStringLiteral("bob@example.org");
        m.headers.messageId = uidl + QStringLiteral("@example.org");
        m.headers.inReplyTo = QStringLiteral("<parent@example.org>");
        m.headers.date = date;
        auto id = m_store->insert(m);
        EXPECT_TRUE(id.ok());
        return id.value();
    }

    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
};

TEST_F(ListScopeTest, TheUnifiedInboxHoldsEveryServerAccountsInboxOnly)
{
    const qint64 one = add(QStringLiteral("1"), QStringLiteral("one"), day(1));
    const qint64 two = add(QStringLiteral("2"), QStringLiteral("two"), day(3));
    const qint64 trashed = add(QStringLiteral("2"), QStringLiteral("old"), day(2));
    ASSERT_TRUE(m_store->moveToFolder(trashed, Folder::Trash).ok());
    add(MessageStore::localAccountId(), {}, day(4), QStringLiteral("archive"));
    ASSERT_TRUE(m_store->setSeen(one, true).ok());

    const FolderRef unified = FolderRef::unified();
    auto ids = m_store->orderedIds(unified, SortKey::Date, true);
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(ids.value(), (QList<qint64>{two, one}));
    EXPECT_EQ(m_store->unreadCount(unified).value(), 1);
    EXPECT_EQ(m_store->unreadIds(unified).value(), (QSet<qint64>{two}));
    // The tray counts the same mail: imported archives are not new mail.
    EXPECT_EQ(m_store->unreadInInboxes().value(), 1);

    EXPECT_TRUE(unified.holds(m_store->message(two).value()));
    EXPECT_FALSE(unified.holds(m_store->message(trashed).value()));

    auto links = m_store->threadLinks(unified);
    ASSERT_TRUE(links.ok());
    ASSERT_EQ(links.value().size(), 2);
    for (const ThreadLink &l : links.value()) {
        EXPECT_TRUE(l.messageId.endsWith(u"@example.org"));
        EXPECT_EQ(l.inReplyTo, QStringLiteral("<parent@example.org>"));
    }
}

} // namespace
