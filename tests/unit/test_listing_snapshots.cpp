// SPDX-License-Identifier: GPL-3.0-or-later
// ListingSnapshots: one per mailbox, read back as written, gone with its mailbox or its
// account's records, and a row that does not read back whole proves nothing.
#include "OldSchema.h"
#include "store/BulkChanges.h"
#include "store/Database.h"
#include "store/DownloadRecords.h"
#include "store/ListingSnapshots.h"
#include "store/SortKeys.h"
#include "store/TextCollator.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;

namespace {

ListingSnapshot sample()
{
    ListingSnapshot s;
    s.count = 2000;
    s.octets = 11'000'000;
    s.probes = {{1, "first"}, {500, "u500"}, {1000, "0000a1b2c3"}, {1500, "x:y"}, {2000, "last"}};
    s.taken = QDateTime(QDate(2026, 12, 7), QTime(6, 0), Qt::UTC);
    return s;
}

class ListingSnapshotsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                 QStringLiteral("snapshots-test"));
        ASSERT_TRUE(db) << db.error().message().toStdString();
        m_db = std::move(db).value();
        auto mailbox = DownloadRecords(m_db->connection())
                           .mailbox(QStringLiteral("acct"), {QStringLiteral("pop.example.org"), 995,
                                                             QStringLiteral("alice")});
        ASSERT_TRUE(mailbox) << mailbox.error().message().toStdString();
        m_mailbox = mailbox.value();
    }

    std::optional<ListingSnapshot> load()
    {
        auto s = ListingSnapshots(m_db->connection()).load(m_mailbox);
        EXPECT_TRUE(s) << s.error().message().toStdString();
        return s ? s.value() : std::nullopt;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_mailbox = 0;
};

TEST_F(ListingSnapshotsTest, ASnapshotReadsBackAsItWasWrittenAndIsForgotten)
{
    EXPECT_FALSE(load());
    ListingSnapshots snapshots(m_db->connection());
    ASSERT_TRUE(snapshots.save(m_mailbox, sample()).ok());
    EXPECT_EQ(load(), sample());
    ListingSnapshot later = sample();
    later.count = 2003;
    later.probes.append({2003, "newest"});
    ASSERT_TRUE(snapshots.save(m_mailbox, later).ok()); // one per mailbox
    EXPECT_EQ(load(), later);
    ASSERT_TRUE(snapshots.forget(m_mailbox).ok());
    EXPECT_FALSE(load());
}

TEST_F(ListingSnapshotsTest, ARowThatDoesNotReadBackWholeProvesNothing)
{
    ASSERT_TRUE(ListingSnapshots(m_db->connection()).save(m_mailbox, sample()).ok());
    QSqlQuery q(m_db->connection());
    for (const char *damage : {"UPDATE listing_snapshots SET probes = 'garbage'",
                               "UPDATE listing_snapshots SET probes = ''",
                               "UPDATE listing_snapshots SET probes = '0 zero'",
                               "UPDATE listing_snapshots SET message_count = 0"}) {
        ASSERT_TRUE(ListingSnapshots(m_db->connection()).save(m_mailbox, sample()).ok());
        ASSERT_TRUE(q.exec(QString::fromLatin1(damage))) << damage;
        EXPECT_FALSE(load()) << damage;
    }
}

TEST_F(ListingSnapshotsTest, TheSnapshotGoesWithItsAccountsRecords)
{
    ASSERT_TRUE(ListingSnapshots(m_db->connection()).save(m_mailbox, sample()).ok());
    // Removing an account forgets its records a piece at a time: the snapshot goes first,
    // so that an interrupted removal never leaves one that speaks of records now gone.
    auto forgotten = BulkChanges(m_db->connection()).forgetSomeDownloads(QStringLiteral("acct"), 1);
    ASSERT_TRUE(forgotten) << forgotten.error().message().toStdString();
    EXPECT_FALSE(load());
    ASSERT_TRUE(ListingSnapshots(m_db->connection()).save(m_mailbox, sample()).ok());
    ASSERT_TRUE(BulkChanges(m_db->connection()).forgetAccount(QStringLiteral("acct")).ok());
    EXPECT_FALSE(load());
}

TEST(ListingSnapshotsUpgrade, AVersion16CacheGainsTheTable)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v16.sqlite"));
    {
        QSqlDatabase db;
        ASSERT_NO_FATAL_FAILURE(test::writeOldCache(db, path, QStringLiteral("v16-writer"), 16));
        QSqlQuery q(db);
        ASSERT_FALSE(q.exec(QStringLiteral("SELECT 1 FROM listing_snapshots")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v16-writer"));
    const auto db = test::openUpgraded(path, QStringLiteral("v16-reader"));
    ASSERT_TRUE(db);
    auto mailbox =
        DownloadRecords(db->connection())
            .mailbox(QStringLiteral("acct"), {QStringLiteral("h"), 1, QStringLiteral("u")});
    ASSERT_TRUE(mailbox);
    ListingSnapshots snapshots(db->connection());
    ASSERT_TRUE(snapshots.save(mailbox.value(), sample()).ok());
    auto back = snapshots.load(mailbox.value());
    ASSERT_TRUE(back && back.value());
    EXPECT_EQ(*back.value(), sample());
}

} // namespace
