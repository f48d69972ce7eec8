// SPDX-License-Identifier: GPL-3.0-or-later
// The cache checked and compacted: a healthy one says so, a damaged one is described in words
// (never a crash), Poplar's own promises are checked, and compacting gives space back.
#include "store/CacheCheck.h"
#include "store/CacheCompactor.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/TextCollator.h"

#include "TestUtil.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <map>

using namespace poplar;
using namespace poplar::store;

namespace {

class CacheCheckTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
    }

    /// Stores `count` messages of about `size` bytes in account 1; returns their ids.
    QList<qint64> fill(int count, qsizetype size = 2000)
    {
        auto db = Database::open(m_path, QStringLiteral("check-writer"));
        EXPECT_TRUE(db.ok());
        if (!db)
            return {};
        MessageStore store(db.value()->connection());
        Transaction txn(db.value()->connection());
        QList<qint64> ids;
        for (int i = 0; i < count; ++i) {
            IncomingMessage m;
            m.accountId = QStringLiteral("1");
            m.uidl = QStringLiteral("u%1").arg(i);
            m.raw = test::makeMessage(QStringLiteral("Message %1").arg(i),
                                      QStringLiteral("a@example.org"),
                                      QString(size, QLatin1Char('a' + i % 26)) + u'\n');
            m.headers.subject = QStringLiteral("Message %1").arg(i);
            ids.append(store.insert(m).value());
        }
        EXPECT_TRUE(txn.commit().ok());
        return ids;
    }

    /// Runs statements on the file with the stock library, foreign keys off (as the
    /// sqlite3 shell has them), to break what Poplar itself never would.
    void tamper(const char *sql)
    {
        sqlite3 *db = nullptr;
        ASSERT_EQ(sqlite3_open(m_path.toUtf8().constData(), &db), SQLITE_OK);
        char *error = nullptr;
        EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK)
            << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(db);
    }

    /// Overwrites `bytes` at `offset` of the cache file.
    void overwrite(qint64 offset, const QByteArray &bytes)
    {
        QFile file(m_path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        ASSERT_TRUE(file.seek(offset));
        ASSERT_EQ(file.write(bytes), bytes.size());
    }

    static const CacheCheck::Problem *find(const CacheCheck::Report &report, const QString &code)
    {
        for (const CacheCheck::Problem &p : report.problems) {
            if (p.code == code)
                return &p;
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    QString m_path;
};

TEST_F(CacheCheckTest, AHealthyCacheIsSaidToBeHealthy)
{
    fill(3);
    const CacheCheck::Report report = CacheCheck::run(m_path);
    EXPECT_TRUE(report.healthy()) << qPrintable(report.sentences().join(u'\n'));
    EXPECT_TRUE(report.readable);
    EXPECT_EQ(report.schemaVersion, Database::schemaVersion);
    EXPECT_EQ(report.messages, 3);
    EXPECT_EQ(report.indexedMessages, 0);
    EXPECT_GT(report.fileBytes, 0);
    const QStringList sentences = report.sentences();
    ASSERT_GE(sentences.size(), 2);
    EXPECT_TRUE(sentences.first().contains(QLatin1String("is healthy")))
        << qPrintable(sentences.first());
    EXPECT_TRUE(sentences.join(u' ').contains(QLatin1String("0 of 3 messages indexed")));
}

TEST_F(CacheCheckTest, APoplarPromiseBrokenIsNamedWithHowOften)
{
    fill(6);
    tamper("DELETE FROM message_bodies WHERE message_id IN (1, 2);"
           "UPDATE messages SET size = size + 1 WHERE id = 3;"
           "DELETE FROM downloads WHERE uidl = 'u3';"
           "UPDATE messages SET partial = 1 WHERE id = 5;"
           "INSERT INTO server_deletions (account_id, uidl, reason, queued_at) "
           "VALUES ('1', 'gone-long-ago', 'deleted-here', 0);"
           "INSERT INTO search_text VALUES (999, 'secret', '', 'words of a purged message');");
    const CacheCheck::Report report = CacheCheck::run(m_path);
    EXPECT_FALSE(report.healthy());
    const std::map<QString, qint64> expected{
        {QStringLiteral("missing-bodies"), 2},
        {QStringLiteral("size-mismatch"), 1},
        {QStringLiteral("missing-download-records"), 1},
        {QStringLiteral("headers-only-recorded-whole"), 1},
        {QStringLiteral("deletions-without-message"), 1},
        {QStringLiteral("search-leftovers"), 1},
    };
    for (const auto &[code, count] : expected) {
        const CacheCheck::Problem *p = find(report, code);
        ASSERT_TRUE(p) << code.toStdString()
                       << " not found in: " << report.sentences().join(u'\n').toStdString();
        EXPECT_EQ(p->count, count) << code.toStdString();
        EXPECT_FALSE(p->text.isEmpty());
    }
    EXPECT_EQ(report.problems.size(), qsizetype(expected.size()))
        << qPrintable(report.sentences().join(u'\n'));
    EXPECT_TRUE(report.sentences().first().contains(QLatin1String("has problems")));
    EXPECT_TRUE(find(report, QStringLiteral("missing-bodies"))
                    ->text.startsWith(QLatin1String("2 messages have lost their content")));
}

TEST_F(CacheCheckTest, TheSamePromisesWhereDownloadRecordsAreKeptByMailbox)
{
    // Download records kept by mailbox (schema 10 on), each pointing at its cached copy,
    // queued deletions naming their record: a state no Poplar writes, a record pointing at
    // a purged message, a deletion queued for it.
    fill(5);
    tamper("DELETE FROM downloads;"
           "INSERT INTO downloads (account_id, mailbox_id, uidl, state, message_id, first_seen) "
           "VALUES ('1', 1, 'u0', 'stored', 1, 0), ('1', 1, 'u1', 'stored', 2, 0), "
           "('1', 1, 'u2', 'headers-only', 3, 0), ('1', 1, 'u3', 'stored', 4, 0), "
           "('1', 1, 'old', 'gone', 99, 0), ('1', 1, 'odd', 'sideways', NULL, 0);"
           "UPDATE messages SET partial = 1 WHERE id IN (2, 3);"
           "INSERT INTO server_deletions VALUES ('1', 'u0', 'deleted-here', 0, 1), "
           "('1', 'old', 'deleted-here', 0, 5);");
    const CacheCheck::Report report = CacheCheck::run(m_path);
    const std::map<QString, qint64> expected{
        {QStringLiteral("missing-download-records"), 1},    // message 5
        {QStringLiteral("headers-only-recorded-whole"), 1}, // message 2 ('stored')
        {QStringLiteral("unknown-download-states"), 1},
        {QStringLiteral("deletions-without-message"), 1}, // the 'gone' one
    };
    for (const auto &[code, count] : expected) {
        const CacheCheck::Problem *p = find(report, code);
        ASSERT_TRUE(p) << code.toStdString()
                       << " not found in: " << report.sentences().join(u'\n').toStdString();
        EXPECT_EQ(p->count, count) << code.toStdString();
    }
    EXPECT_EQ(report.problems.size(), qsizetype(expected.size()))
        << qPrintable(report.sentences().join(u'\n'));
}

TEST_F(CacheCheckTest, ASearchIndexOutOfStepWithItsTextIsFound)
{
    fill(2);
    // Text stored behind the index's back (its trigger gone): never indexed, and it could
    // not be deleted from the index either.
    tamper("DROP TRIGGER search_text_added;"
           "INSERT INTO search_text VALUES (1, 'subject', 'a@example.org', 'indexed words');");
    const CacheCheck::Report report = CacheCheck::run(m_path);
    EXPECT_FALSE(report.healthy());
    const CacheCheck::Problem *p = find(report, QStringLiteral("search-index-out-of-step"));
    ASSERT_TRUE(p) << qPrintable(report.sentences().join(u'\n'));
    EXPECT_EQ(p->count, 1);
}

TEST_F(CacheCheckTest, ADamagedPageIsReportedInWordsAndNothingCrashes)
{
    fill(400, 3000); // many pages of 64 KB
    ASSERT_GT(QFileInfo(m_path).size(), 8 * 65536);
    ASSERT_FALSE(QFileInfo::exists(m_path + QStringLiteral("-wal")) &&
                 QFileInfo(m_path + QStringLiteral("-wal")).size() > 0);
    const QByteArray before = [&] {
        QFile f(m_path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    // Garbage over the start of a few B-tree pages: their type and cell counts.
    for (int page = 2; page < 8; ++page)
        overwrite(qint64(page) * 65536, QByteArray(12, '\xA5'));
    const CacheCheck::Report report = CacheCheck::run(m_path);
    EXPECT_FALSE(report.healthy());
    const CacheCheck::Problem *damage = find(report, QStringLiteral("damaged-file"));
    ASSERT_TRUE(damage) << qPrintable(report.sentences().join(u'\n'));
    EXPECT_GE(damage->count, 1);
    EXPECT_TRUE(damage->text.contains(QLatin1String("SQLite found the file damaged")));
    // The check changed nothing but what the test broke.
    QFile f(m_path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray after = f.readAll();
    ASSERT_EQ(after.size(), before.size());
    for (int page = 2; page < 8; ++page)
        EXPECT_EQ(after.mid(qint64(page) * 65536, 12), QByteArray(12, '\xA5'));
    EXPECT_EQ(after.mid(8 * 65536), before.mid(8 * 65536));
}

TEST_F(CacheCheckTest, AFileThatIsNotADatabaseIsSaidToBeOne)
{
    fill(2);
    overwrite(0, QByteArray("Not SQLite at all"));
    const CacheCheck::Report report = CacheCheck::run(m_path);
    EXPECT_FALSE(report.healthy());
    EXPECT_FALSE(report.readable);
    ASSERT_TRUE(find(report, QStringLiteral("not-a-database")));
    EXPECT_EQ(report.sentences().size(), 2); // the verdict and the problem, no facts
}

TEST_F(CacheCheckTest, AVersion9CacheIsCheckedWithItsCollation)
{
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v9-check-writer"));
        db.setDatabaseName(m_path);
        ASSERT_TRUE(db.open());
        ASSERT_TRUE(TextCollator::registerOn(db, QStringLiteral("en_US")).ok());
        for (int v = 1; v <= 9; ++v) {
            for (const QString &statement :
                 Database::migrationScript(v).split(u';', Qt::SkipEmptyParts)) {
                if (!statement.trimmed().isEmpty()) {
                    ASSERT_TRUE(QSqlQuery(db).exec(statement)) << v;
                }
            }
        }
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 9")));
        ASSERT_TRUE(q.exec(QStringLiteral(
            "INSERT INTO messages (account_id, uidl, subject, size, received_at) VALUES "
            "('1', 'a', 'Zebra', 1, 0), ('1', 'b', 'apple', 1, 0)")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO message_bodies VALUES (1, x'41'), "
                                          "(2, x'42')")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO server_uidls VALUES ('1', 'a', 'stored', "
                                          "0), ('1', 'b', 'stored', 0)")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v9-check-writer"));
    const CacheCheck::Report report = CacheCheck::run(m_path);
    EXPECT_TRUE(report.healthy()) << qPrintable(report.sentences().join(u'\n'));
    EXPECT_EQ(report.schemaVersion, 9);
    EXPECT_EQ(report.messages, 2);
}

TEST_F(CacheCheckTest, NoCacheYetIsNothingWrong)
{
    const CacheCheck::Report report = CacheCheck::run(m_path);
    EXPECT_TRUE(report.healthy());
    EXPECT_FALSE(QFileInfo::exists(m_path)) << "a check creates nothing";
}

TEST_F(CacheCheckTest, CompactingGivesTheSpaceOfDeletedMailBackAndKeepsTheRest)
{
    const QList<qint64> ids = fill(200, 60 * 1024);
    auto db = Database::open(m_path, QStringLiteral("compact-test"));
    ASSERT_TRUE(db.ok());
    MessageStore store(db.value()->connection());
    for (qsizetype i = 20; i < ids.size(); ++i)
        ASSERT_TRUE(store.moveToFolder(ids.at(i), Folder::Trash).ok());
    ASSERT_EQ(store.purgeTrash().value(), 180);
    const QByteArray keptRaw = store.raw(ids.at(7)).value();

    CacheCompactor compactor(db.value()->connection(), m_path);
    auto space = compactor.space();
    ASSERT_TRUE(space.ok());
    EXPECT_GT(space.value().unusedBytes, 8 * 1024 * 1024);
    auto done = compactor.compact();
    ASSERT_TRUE(done.ok()) << qPrintable(done.error().message());
    EXPECT_GE(done.value().bytesBefore, space.value().fileBytes);
    EXPECT_LT(done.value().bytesAfter, done.value().bytesBefore - 8 * 1024 * 1024);
    EXPECT_EQ(done.value().bytesAfter,
              QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size());
    EXPECT_EQ(compactor.space().value().unusedBytes, 0);
    EXPECT_EQ(store.raw(ids.at(7)).value(), keptRaw);
    EXPECT_EQ(store.messages(Folder::Inbox).value().size(), 20);
    db.value().reset();
    EXPECT_TRUE(CacheCheck::run(m_path).healthy());
}

TEST_F(CacheCheckTest, SpaceGoesBackInShortStepsAndAnOldCacheLearnsThatAtItsCompaction)
{
    const QList<qint64> ids = fill(120, 60 * 1024);
    {
        auto db = Database::open(m_path, QStringLiteral("give-back"));
        ASSERT_TRUE(db.ok());
        MessageStore store(db.value()->connection());
        for (qsizetype i = 10; i < ids.size(); ++i)
            ASSERT_TRUE(store.purgeMessage(ids.at(i)).ok());
        CacheCompactor compactor(db.value()->connection(), m_path);
        const CacheCompactor::Space before = compactor.space().value();
        EXPECT_TRUE(before.incremental) << "a cache Poplar makes gives space back in steps";
        ASSERT_GT(before.unusedBytes, 4 * 1024 * 1024);
        int steps = 0;
        qint64 left = before.unusedBytes;
        while (left > 0) {
            ASSERT_LT(++steps, 1000);
            auto next = compactor.giveBack(8); // 512 KB a step
            ASSERT_TRUE(next.ok()) << qPrintable(next.error().message());
            EXPECT_LT(next.value(), left);
            left = next.value();
        }
        EXPECT_GT(steps, 5);
        compactor.finishGivingBack();
        EXPECT_LT(QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size(),
                  before.fileBytes - 4 * 1024 * 1024);
        EXPECT_EQ(store.messages(Folder::Inbox).value().size(), 10);
        EXPECT_FALSE(store.raw(ids.at(3)).value().isEmpty());
    }
    EXPECT_TRUE(CacheCheck::run(m_path).healthy());

    // A cache from before: no incremental vacuuming until one whole compaction.
    tamper("PRAGMA auto_vacuum = NONE; VACUUM;");
    auto db = Database::open(m_path, QStringLiteral("old-cache"));
    ASSERT_TRUE(db.ok());
    CacheCompactor compactor(db.value()->connection(), m_path);
    EXPECT_FALSE(compactor.space().value().incremental);
    ASSERT_TRUE(compactor.compact().ok());
    EXPECT_TRUE(compactor.space().value().incremental);
}

TEST_F(CacheCheckTest, ACompactionStoppedChangesNothing)
{
    fill(10);
    auto db = Database::open(m_path, QStringLiteral("compact-stop"));
    ASSERT_TRUE(db.ok());
    CacheCompactor compactor(db.value()->connection(), m_path);
    compactor.interrupt();
    auto done = compactor.compact();
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().code, Error::Code::Cancelled);
    EXPECT_EQ(MessageStore(db.value()->connection()).messages(Folder::Inbox).value().size(), 10);
}

TEST(CacheCompactorTemp, FollowsSqlitesTemporaryDirectory)
{
    QTemporaryDir dir;
    const QByteArray saved = qgetenv("SQLITE_TMPDIR");
    qputenv("SQLITE_TMPDIR", dir.path().toUtf8());
    EXPECT_EQ(CacheCompactor::sqliteTempDirectory(), dir.path());
    if (saved.isEmpty())
        qunsetenv("SQLITE_TMPDIR");
    else
        qputenv("SQLITE_TMPDIR", saved);
}

} // namespace
