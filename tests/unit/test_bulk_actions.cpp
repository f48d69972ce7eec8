// SPDX-License-Identifier: GPL-3.0-or-later
// sync::BulkActions: Delete, Restore, Delete Permanently, Empty Trash and an account's
// removal over thousands of messages, cut into transactions, with the meaning one message
// has (the server deletion queue follows the account's policy).
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "store/ServerPolicyStore.h"
#include "sync/BulkActions.h"

#include "TestUtil.h"

#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

using namespace poplar;
using store::Folder;

namespace {

const QString home = QStringLiteral("1"); ///< deletes on the server what is deleted here
const QString work = QStringLiteral("2"); ///< keeps the server copies
const QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

class BulkActionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = store::Database::open(QStringLiteral(":memory:"), QStringLiteral("bulk-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
    }
    void TearDown() override
    {
        m_store.reset();
        m_db.reset();
    }

    /// `count` messages for the account (UIDLs "<account>-<i>"; none for local mail), each
    /// older than the one before.
    QList<qint64> fill(const QString &account, int count)
    {
        QList<qint64> ids;
        store::Transaction txn(m_db->connection());
        store::MessageStore::Inserter inserter(m_db->connection());
        for (int i = 0; i < count; ++i) {
            store::IncomingMessage m;
            m.accountId = account;
            if (account != store::MessageStore::localAccountId())
                m.uidl = QStringLiteral("%1-%2").arg(account).arg(i);
            // Each its own bytes, so the checksums order them as they will (at random).
            m.raw = test::makeMessage(QStringLiteral("Bulk %1").arg(i),
                                      QStringLiteral("a@example.org"), QStringLiteral("text"));
            m.headers.subject = QStringLiteral("Message %1").arg(i);
            m.headers.date = now.addSecs(-60 * i);
            auto id = inserter.insert(m);
            EXPECT_TRUE(id.ok());
            if (id)
                ids.append(id.value());
        }
        EXPECT_TRUE(txn.commit().ok());
        return ids;
    }

    sync::BulkActions actions()
    {
        sync::BulkActions bulk(m_db->connection(), {home}, [] { return now; });
        // Nothing to wait for in a test: every transaction takes one slice, no rest.
        bulk.setPacing(std::chrono::milliseconds(0), std::chrono::milliseconds(0));
        return bulk;
    }

    qint64 rows(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        EXPECT_TRUE(q.exec(sql) && q.next()) << qPrintable(sql);
        return q.value(0).toLongLong();
    }

    qint64 queued(const QString &account)
    {
        return rows(QStringLiteral("SELECT COUNT(*) FROM server_deletions WHERE account_id = '%1'")
                        .arg(account));
    }

    std::unique_ptr<store::Database> m_db;
    std::optional<store::MessageStore> m_store;
};

TEST_F(BulkActionsTest, DeleteMovesThousandsToTrashInPartsAndQueuesWhatEachAccountAsks)
{
    QList<qint64> ids = fill(home, 700);
    ids += fill(work, 500);
    ids += fill(store::MessageStore::localAccountId(), 30);
    sync::BulkActions bulk = actions();
    QList<std::pair<qint64, qint64>> progress;
    bulk.setProgress([&](qint64 done, qint64 total) { progress.append({done, total}); });

    const sync::BulkOutcome outcome = bulk.moveToTrash(ids);
    ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error->message());
    EXPECT_EQ(outcome.count, 1230);
    EXPECT_EQ(outcome.changed.size(), 1230);
    EXPECT_EQ(m_store->count(Folder::Trash, home).value(), 700);
    EXPECT_EQ(m_store->count(Folder::Trash, work).value(), 500);
    EXPECT_EQ(m_store->count(Folder::Inbox, work).value(), 0);
    // One transaction per slice of 250, each reported when committed.
    ASSERT_EQ(progress.size(), 5);
    EXPECT_EQ(progress.first(), std::make_pair(qint64(250), qint64(1230)));
    EXPECT_EQ(progress.last(), std::make_pair(qint64(1230), qint64(1230)));
    // The server copies of Home go at the next sync; Work keeps them; imported mail has none.
    EXPECT_EQ(queued(home), 700);
    EXPECT_EQ(queued(work), 0);
    auto pending = store::DeletionQueue(m_db->connection()).queued(home);
    ASSERT_TRUE(pending.ok());
    EXPECT_EQ(pending.value().first().since, now);
    EXPECT_NE(pending.value().first().downloadId, 0) << "the queue names the download record";

    // Deleting again changes nothing: they are in Trash already.
    const sync::BulkOutcome again = bulk.moveToTrash(ids.mid(0, 10));
    EXPECT_TRUE(again.ok());
    EXPECT_EQ(again.count, 0);
}

TEST_F(BulkActionsTest, AloneAChangeTakesLongTransactionsAndGivesWayWhenAWriterWaits)
{
    const QList<qint64> ids = fill(home, 2000);
    sync::BulkActions bulk = actions();
    // Alone: as long a transaction as it likes (here without end), so one commit for all.
    bulk.setSoloPacing(std::chrono::hours(1), std::chrono::milliseconds(0));
    int slices = 0;
    bool waiting = false;
    bulk.setOthersWaiting([&] {
        ++slices;
        return waiting;
    });
    QList<qint64> committed;
    bulk.setProgress([&](qint64 done, qint64) { committed.append(done); });
    sync::BulkOutcome outcome = bulk.moveToTrash(ids.mid(0, 1000));
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(slices, 4);
    EXPECT_EQ(committed, QList<qint64>{1000});

    // A writer waits from the third slice on: that transaction ends there, and each one
    // after it is a slice long.
    committed.clear();
    slices = 0;
    bulk.setOthersWaiting([&] { return ++slices >= 3; });
    outcome = bulk.moveToTrash(ids.mid(1000));
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(committed, (QList<qint64>{750, 1000}));
    EXPECT_EQ(m_store->count(Folder::Trash, home).value(), 2000);
}

TEST(WriteTransactions, AWriterWaitingForTheLockIsCountedUntilItGetsIn)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto holder = store::Database::open(path, QStringLiteral("holder"));
    ASSERT_TRUE(holder.ok());
    EXPECT_EQ(store::Transaction::writersWaiting(), 0);
    std::optional<store::Transaction> held;
    held.emplace(holder.value()->connection());
    ASSERT_TRUE(held->active());

    std::atomic<bool> gotIn = false;
    std::thread other([&] {
        auto db = store::Database::open(path, QStringLiteral("waiter"));
        if (!db)
            return;
        {
            store::Transaction txn(db.value()->connection()); // waits for `held`
            gotIn = txn.active();
        }
    });
    // Counted while SQLite's busy handler keeps it waiting (the busy timeout is 5 s).
    const QDeadlineTimer deadline(4000);
    while (store::Transaction::writersWaiting() != 1 && !deadline.hasExpired())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_EQ(store::Transaction::writersWaiting(), 1);
    EXPECT_FALSE(gotIn);
    ASSERT_TRUE(held->commit().ok());
    other.join();
    EXPECT_TRUE(gotIn);
    EXPECT_EQ(store::Transaction::writersWaiting(), 0);
}

TEST_F(BulkActionsTest, RestoreBringsBackWhatIsInTrashAndTakesItOffTheQueue)
{
    const QList<qint64> ids = fill(home, 600);
    sync::BulkActions bulk = actions();
    ASSERT_TRUE(bulk.moveToTrash(ids.mid(0, 400)).ok());
    ASSERT_EQ(queued(home), 400);

    // All 600 asked: the 200 in the Inbox are left as they are.
    const sync::BulkOutcome outcome = bulk.restore(ids);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome.count, 400);
    EXPECT_EQ(m_store->count(Folder::Inbox, home).value(), 600);
    EXPECT_EQ(queued(home), 0);
}

TEST_F(BulkActionsTest, DeletePermanentlyQueuesTheServerCopiesAndKeepsTheDownloadRecords)
{
    const QList<qint64> ids = fill(home, 300);
    sync::BulkActions bulk = actions();
    ASSERT_TRUE(bulk.moveToTrash(ids.mid(0, 100)).ok());

    const sync::BulkOutcome outcome = bulk.deletePermanently(ids);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome.count, 300);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM messages")), 0);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM message_bodies")), 0);
    EXPECT_EQ(queued(home), 300) << "each once, whether it passed through Trash or not";
    // Known still: the next sync does not download them again.
    EXPECT_EQ(m_store->knownUidls(home).value().size(), 300);
}

TEST_F(BulkActionsTest, EmptyTrashDeletesOnlyThatAccountsTrash)
{
    const QList<qint64> homeIds = fill(home, 900);
    const QList<qint64> workIds = fill(work, 50);
    sync::BulkActions bulk = actions();
    ASSERT_TRUE(bulk.moveToTrash(homeIds.mid(0, 800)).ok());
    ASSERT_TRUE(bulk.moveToTrash(workIds).ok());

    QList<qint64> totals;
    bulk.setProgress([&](qint64, qint64 total) { totals.append(total); });
    const sync::BulkOutcome outcome = bulk.purgeTrash(home);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome.count, 800);
    EXPECT_GE(totals.size(), 2) << "in several transactions";
    EXPECT_EQ(totals.first(), 800);
    EXPECT_EQ(m_store->count(Folder::Trash, home).value(), 0);
    EXPECT_EQ(m_store->count(Folder::Inbox, home).value(), 100);
    EXPECT_EQ(m_store->count(Folder::Trash, work).value(), 50);
    EXPECT_EQ(m_store->knownUidls(home).value().size(), 900);
}

TEST_F(BulkActionsTest, ChangesGoInTheOrderTheRowsLieInTheFile)
{
    // A slice of messages taken in the order of an index (UIDL, checksum, date) lies all over
    // the table and the bodies, and every transaction rewrote most of their pages: removing
    // an account of 100,000 wrote 30 GB. Every change goes by id, the order of the rows.
    const QList<qint64> homeIds = fill(home, 700); // newest first: the list's order
    fill(work, 600);
    sync::BulkActions bulk = actions();
    QList<qint64> selection = homeIds.mid(0, 650);
    std::reverse(selection.begin(), selection.end()); // as the list sorted oldest first gives them
    const sync::BulkOutcome trashed = bulk.moveToTrash(selection);
    ASSERT_TRUE(trashed.ok());
    EXPECT_TRUE(std::is_sorted(trashed.changed.cbegin(), trashed.changed.cend()));

    const sync::BulkOutcome emptied = bulk.purgeTrash(home);
    ASSERT_TRUE(emptied.ok());
    EXPECT_EQ(emptied.changed, homeIds.mid(0, 650)) << "each in the order of its row";

    const sync::BulkOutcome removed = bulk.removeAccount(work);
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(removed.count, 600);
    EXPECT_TRUE(std::is_sorted(removed.changed.cbegin(), removed.changed.cend()));
}

TEST_F(BulkActionsTest, RemovingAnAccountLeavesNothingOfItAndAStoppedRemovalIsFinishedLater)
{
    fill(home, 1100);
    fill(work, 20);
    sync::BulkActions bulk = actions();
    ASSERT_TRUE(bulk.moveToTrash(fill(home, 5)).ok()); // queued server deletions too
    QSqlQuery q(m_db->connection());
    for (const QString &account : {home, work})
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO mailboxes (account_id, host, port, user) "
                                          "VALUES ('%1', 'pop.example.org', 995, 'me')")
                               .arg(account)));
    store::ServerPolicy policy;
    policy.lastLogin = now;
    ASSERT_TRUE(store::ServerPolicyStore(m_db->connection()).save(home, policy).ok());

    // Stopped after the second transaction (as when Poplar quits meanwhile).
    int transactions = 0;
    bulk.setProgress([&](qint64, qint64) { ++transactions; });
    bulk.setStopRequested([&] { return transactions >= 2; });
    const sync::BulkOutcome stopped = bulk.removeAccount(home);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error->code, Error::Code::Cancelled);
    EXPECT_EQ(stopped.count, 500);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM messages WHERE account_id = '1'")), 605);

    bulk.setStopRequested({});
    const sync::BulkOutcome finished = bulk.removeAccount(home);
    ASSERT_TRUE(finished.ok()) << qPrintable(finished.error->message());
    EXPECT_EQ(finished.count, 605);
    for (const char *table :
         {"messages", "downloads", "mailboxes", "server_deletions", "server_policy"}) {
        EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE account_id = '1'")
                           .arg(QLatin1String(table))),
                  0)
            << table;
    }
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM message_bodies")), 20);
    EXPECT_EQ(m_store->count(Folder::Inbox, work).value(), 20);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM mailboxes WHERE account_id = '2'")), 1);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM downloads WHERE account_id = '2'")), 20);
}

TEST_F(BulkActionsTest, MarksAndFlagsManyAtOnce)
{
    const QList<qint64> ids = fill(home, 520);
    sync::BulkActions bulk = actions();
    ASSERT_TRUE(bulk.setSeen(ids.mid(0, 510), true).ok());
    EXPECT_EQ(m_store->unreadCount(store::FolderRef{home, Folder::Inbox, {}, false}).value(), 10);
    ASSERT_TRUE(bulk.setFlagged(ids, true).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM messages WHERE flagged = 1")), 520);
    ASSERT_TRUE(bulk.setSeen(ids, false).ok());
    EXPECT_EQ(m_store->unreadCount(store::FolderRef{home, Folder::Inbox, {}, false}).value(), 520);
}

TEST_F(BulkActionsTest, TagsManyAtOnceAndTakesTheTagOff)
{
    const QList<qint64> ids = fill(home, 600);
    sync::BulkActions bulk = actions();
    const qint64 important = rows(QStringLiteral("SELECT id FROM tags WHERE name = 'Important'"));
    const sync::BulkOutcome on = bulk.setTag(ids.mid(0, 550), important, true);
    ASSERT_TRUE(on.ok());
    EXPECT_EQ(on.count, 550);
    EXPECT_EQ(
        rows(QStringLiteral("SELECT COUNT(*) FROM message_tags WHERE tag_id = %1").arg(important)),
        550);
    ASSERT_TRUE(bulk.setTag(ids, important, false).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM message_tags")), 0);
}

} // namespace
