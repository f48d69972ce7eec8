// SPDX-License-Identifier: GPL-3.0-or-later
// Run Filters Now on mail already here (filters::FilterRun) with a rule that deletes on the
// server (addflag "\\Deleted"): the run queues the server copy in the visible deletion queue
// as the same rule does when mail arrives; only for an account that leaves its mail on the
// server, only for a copy the cache holds whole, never twice; and the moves and the queued
// deletions are written all together or not at all.
#include "filters/FilterRules.h"
#include "filters/FilterRun.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/DownloadRecords.h"
#include "store/MessageStore.h"
#include "store/TagStore.h"
#include "sync/HeaderFacts.h"

#include "TestUtil.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

using namespace poplar;
using filters::FilterMove;
using filters::FilterRun;

namespace {

const QString keeping = QStringLiteral("keeping");   // leaves its mail on the server
const QString deleting = QStringLiteral("deleting"); // deletes it at every sync

// "Ads": subjects with "sale" go to the folder Ads and leave the server. "Lunch": marked read
// only (no deletion).
const QString script = QStringLiteral("require [\"fileinto\", \"imap4flags\"];\n"
                                      "# rule: Ads\n"
                                      "if header :contains \"subject\" \"sale\" {\n"
                                      "  addflag \"\\\\Deleted\";\n"
                                      "  fileinto \"Ads\";\n"
                                      "}\n"
                                      "# rule: Gone\n"
                                      "if header :contains \"subject\" \"gone\" {\n"
                                      "  addflag \"\\\\Deleted\";\n"
                                      "}\n"
                                      "# rule: Lunch\n"
                                      "if header :contains \"subject\" \"lunch\" {\n"
                                      "  addflag \"\\\\Seen\";\n"
                                      "}\n");

QDateTime at(int day)
{
    return QDateTime(QDate(2026, 3, day), QTime(9, 0), Qt::UTC);
}

class FilterRunTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                        QStringLiteral("filter-run-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
        auto compiled = filters::FilterRules::compile(script);
        ASSERT_TRUE(std::holds_alternative<std::shared_ptr<const filters::FilterRules>>(compiled));
        m_rules = std::get<std::shared_ptr<const filters::FilterRules>>(compiled);
    }

    /// Stores a message as a sync does; `partial`/`incomplete` as a sync marks them.
    qint64 add(const QString &account, const QString &uidl, const QString &subject,
               bool partial = false, bool incomplete = false)
    {
        store::IncomingMessage m;
        m.accountId = account;
        m.uidl = uidl;
        m.raw = test::makeMessage(subject, QStringLiteral("shop@ads.example"),
                                  QStringLiteral("Buy.\n"));
        m.headers = sync::headerFacts(m.raw);
        m.partial = partial;
        m.incomplete = incomplete;
        auto id = m_store->insert(m);
        EXPECT_TRUE(id.ok()) << qPrintable(id.error().message());
        return id.ok() ? id.value() : 0;
    }

    QList<store::MessageSummary> inbox() const
    {
        QList<store::MessageSummary> all;
        for (const QString &account : {keeping, deleting}) {
            auto rows = m_store->messages(store::Folder::Inbox, account);
            EXPECT_TRUE(rows.ok());
            if (rows.ok())
                all += rows.value();
        }
        return all;
    }

    QList<FilterMove> plan() const
    {
        auto moves = FilterRun::plan(*m_store, *m_rules, inbox(), {keeping});
        EXPECT_TRUE(moves.ok()) << qPrintable(moves.error().message());
        return moves.ok() ? moves.value() : QList<FilterMove>{};
    }

    QList<store::PendingDeletion> queued(const QString &account = keeping) const
    {
        auto q = store::DeletionQueue(m_db->connection()).queued(account);
        EXPECT_TRUE(q.ok());
        return q.ok() ? q.value() : QList<store::PendingDeletion>{};
    }

    static const FilterMove *find(const QList<FilterMove> &moves, qint64 id)
    {
        auto it = std::find_if(moves.cbegin(), moves.cend(),
                               [id](const FilterMove &m) { return m.message.id == id; });
        return it == moves.cend() ? nullptr : &*it;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::optional<store::MessageStore> m_store;
    std::shared_ptr<const filters::FilterRules> m_rules;
};

} // namespace

TEST_F(FilterRunTest, PlanMarksTheServerDeletionOfAWholeCopyInALeaveOnServerAccount)
{
    const qint64 sale = add(keeping, QStringLiteral("u1"), QStringLiteral("Big sale"));
    const qint64 gone = add(keeping, QStringLiteral("u2"), QStringLiteral("Gone soon"));
    const qint64 lunch = add(keeping, QStringLiteral("u3"), QStringLiteral("Lunch"));
    const qint64 elsewhere = add(deleting, QStringLiteral("u4"), QStringLiteral("Gone too"));

    const QList<FilterMove> moves = plan();
    ASSERT_EQ(moves.size(), 3); // "Gone too" changes nothing: its account deletes anyway
    const FilterMove *s = find(moves, sale);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->deleteOnServer);
    EXPECT_TRUE(s->changesHere);
    // A rule that only deletes on the server is a change all the same.
    const FilterMove *g = find(moves, gone);
    ASSERT_TRUE(g);
    EXPECT_TRUE(g->deleteOnServer);
    EXPECT_FALSE(g->changesHere);
    const FilterMove *l = find(moves, lunch);
    ASSERT_TRUE(l);
    EXPECT_FALSE(l->deleteOnServer);
    EXPECT_EQ(find(moves, elsewhere), nullptr);
    EXPECT_EQ(FilterRun::serverDeletions(moves), 2);
    EXPECT_TRUE(queued().isEmpty()); // a plan writes nothing

    auto applied = FilterRun::apply(*m_store, moves, [] { return at(5); });
    ASSERT_TRUE(applied.ok()) << qPrintable(applied.error().message());
    EXPECT_EQ(applied.value(), 2);
    const QList<store::PendingDeletion> q = queued();
    ASSERT_EQ(q.size(), 2);
    QList<qint64> ids;
    for (const store::PendingDeletion &p : q) {
        ids.append(p.messageId);
        EXPECT_EQ(p.reason, store::DeletionReason::DeletedHere); // as the user's own deletes
        EXPECT_EQ(p.since, at(5));
        EXPECT_NE(p.downloadId, 0);
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (QList<qint64>{sale, gone}));
    EXPECT_TRUE(queued(deleting).isEmpty());
    // The local copies stay here: filed, or where they were.
    EXPECT_EQ(m_store->message(sale).value().localFolder, QStringLiteral("Ads"));
    EXPECT_EQ(m_store->message(gone).value().folder, store::Folder::Inbox);
    EXPECT_TRUE(m_store->message(gone).value().localFolder.isEmpty());
    EXPECT_TRUE(m_store->message(lunch).value().seen);
}

TEST_F(FilterRunTest, AServerCopyAlreadyQueuedIsNotQueuedTwice)
{
    const qint64 gone = add(keeping, QStringLiteral("u1"), QStringLiteral("Gone soon"));
    const qint64 later = add(keeping, QStringLiteral("u2"), QStringLiteral("Gone later"));
    store::DeletionQueue queue(m_db->connection());
    // The user deleted one here already (or the rule queued it as it arrived).
    ASSERT_TRUE(queue.enqueue(keeping, QStringLiteral("u1"), at(1), gone).ok());

    QList<FilterMove> moves = plan();
    ASSERT_EQ(moves.size(), 1); // nothing left to do for the queued one
    EXPECT_EQ(moves.front().message.id, later);
    EXPECT_TRUE(moves.front().deleteOnServer);

    // Queued meanwhile (a sync stored it again, the user deleted it): Apply does not add it.
    ASSERT_TRUE(queue.enqueue(keeping, QStringLiteral("u2"), at(2), later).ok());
    auto applied = FilterRun::apply(*m_store, moves, [] { return at(5); });
    ASSERT_TRUE(applied.ok());
    EXPECT_EQ(applied.value(), 0);
    const QList<store::PendingDeletion> q = queued();
    ASSERT_EQ(q.size(), 2);
    for (const store::PendingDeletion &p : q)
        EXPECT_NE(p.since, at(5)); // each as it was queued first

    // Run again: nothing to change.
    EXPECT_TRUE(plan().isEmpty());
}

TEST_F(FilterRunTest, AHeadersOnlyOrIncompleteCopyIsNotQueuedUntilItIsWhole)
{
    const qint64 headers = add(keeping, QStringLiteral("u1"), QStringLiteral("Gone big"), true);
    const qint64 shortCopy =
        add(keeping, QStringLiteral("u2"), QStringLiteral("Gone short"), false, true);
    EXPECT_TRUE(plan().isEmpty());
    auto applied = FilterRun::apply(*m_store, plan());
    ASSERT_TRUE(applied.ok());
    EXPECT_TRUE(queued().isEmpty());

    // Download the Rest made one whole: now its server copy may go.
    store::DownloadRecords records(m_db->connection());
    auto record = records.ofMessage(headers);
    ASSERT_TRUE(record.ok() && record.value());
    ASSERT_TRUE(records
                    .received(record.value()->id, store::DownloadState::Stored,
                              record.value()->listedSize, 100, record.value()->headerKey)
                    .ok());
    const QList<FilterMove> moves = plan();
    ASSERT_EQ(moves.size(), 1);
    EXPECT_EQ(moves.front().message.id, headers);
    EXPECT_TRUE(moves.front().deleteOnServer);
    Q_UNUSED(shortCopy)
}

TEST_F(FilterRunTest, MessagesFromNoServerAreLeftAlone)
{
    store::IncomingMessage imported;
    imported.accountId = store::MessageStore::localAccountId();
    imported.raw = test::makeMessage(QStringLiteral("Gone old"), QStringLiteral("a@b.example"),
                                     QStringLiteral("x"));
    imported.headers = sync::headerFacts(imported.raw);
    ASSERT_TRUE(m_store->insert(imported).ok());
    auto rows = m_store->messages(store::Folder::Inbox, store::MessageStore::localAccountId());
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), 1);
    auto moves = FilterRun::plan(*m_store, *m_rules, rows.value(),
                                 {store::MessageStore::localAccountId(), keeping});
    ASSERT_TRUE(moves.ok());
    EXPECT_TRUE(moves.value().isEmpty());
}

TEST_F(FilterRunTest, ApplyQueuesAndMovesAllTogetherOrNothing)
{
    const qint64 sale = add(keeping, QStringLiteral("u1"), QStringLiteral("Big sale"));
    const qint64 gone = add(keeping, QStringLiteral("u2"), QStringLiteral("Gone soon"));
    QList<FilterMove> moves = plan();
    ASSERT_EQ(moves.size(), 2);
    // A message that is no longer here (emptied from Trash meanwhile): the last move fails
    // after the others have been written in the transaction.
    FilterMove vanished = *find(moves, sale);
    vanished.message.id = gone + 1000;
    moves.append(vanished);

    auto applied = FilterRun::apply(*m_store, moves);
    EXPECT_FALSE(applied.ok());
    EXPECT_TRUE(queued().isEmpty());
    EXPECT_TRUE(m_store->message(sale).value().localFolder.isEmpty());

    moves.removeLast();
    applied = FilterRun::apply(*m_store, moves);
    ASSERT_TRUE(applied.ok()) << qPrintable(applied.error().message());
    EXPECT_EQ(applied.value(), 2);
    EXPECT_EQ(queued().size(), 2);
    EXPECT_EQ(m_store->message(sale).value().localFolder, QStringLiteral("Ads"));
}

TEST_F(FilterRunTest, WithoutServerDeletionsKeepsOnlyWhatChangesHere)
{
    const qint64 sale = add(keeping, QStringLiteral("u1"), QStringLiteral("Big sale"));
    add(keeping, QStringLiteral("u2"), QStringLiteral("Gone soon"));
    const QList<FilterMove> kept = FilterRun::withoutServerDeletions(plan());
    ASSERT_EQ(kept.size(), 1);
    EXPECT_EQ(kept.front().message.id, sale);
    EXPECT_FALSE(kept.front().deleteOnServer);
    EXPECT_EQ(FilterRun::serverDeletions(kept), 0);
    auto applied = FilterRun::apply(*m_store, kept);
    ASSERT_TRUE(applied.ok());
    EXPECT_EQ(applied.value(), 0);
    EXPECT_TRUE(queued().isEmpty());
    EXPECT_EQ(m_store->message(sale).value().localFolder, QStringLiteral("Ads"));
}

TEST_F(FilterRunTest, ATagTheMessageHasAlreadyChangesNothingAndOthersShowByTheirNames)
{
    auto compiled = filters::FilterRules::compile(
        QStringLiteral("require \"imap4flags\";\n# rule: Work mail\n"
                       "if header :contains \"subject\" \"report\" { addflag \"$label2\"; }\n"));
    ASSERT_TRUE(std::holds_alternative<std::shared_ptr<const filters::FilterRules>>(compiled));
    m_rules = std::get<std::shared_ptr<const filters::FilterRules>>(compiled);
    const qint64 tagged = add(keeping, QStringLiteral("u1"), QStringLiteral("Weekly report"));
    const qint64 bare = add(keeping, QStringLiteral("u2"), QStringLiteral("Monthly report"));
    store::TagStore tags(m_db->connection());
    auto work = tags.tagForKeyword(QStringLiteral("$label2"));
    ASSERT_TRUE(work.ok() && work.value());
    ASSERT_TRUE(tags.setTag({tagged}, work.value()->id, true).ok());

    const QList<FilterMove> moves = plan();
    EXPECT_EQ(find(moves, tagged), nullptr); // it has Work already
    const FilterMove *other = find(moves, bare);
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(other->tagNames, QStringList{QStringLiteral("Work")});
    EXPECT_EQ(other->outcome.markedByRule, QStringLiteral("Work mail"));
}
