// SPDX-License-Identifier: GPL-3.0-or-later
#include "junk/JunkClassifier.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/CacheWriter.h"

#include "TestUtil.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace poplar;

namespace {

store::IncomingMessage incoming(const QString &uidl)
{
    store::IncomingMessage m;
    m.accountId = QStringLiteral("acct");
    m.uidl = uidl;
    m.raw =
        test::makeMessage(uidl, QStringLiteral("Bob <bob@example.org>"), QStringLiteral("body"));
    m.headers.subject = uidl;
    return m;
}

QList<store::IncomingMessage> batchOf(std::initializer_list<const char *> uidls)
{
    QList<store::IncomingMessage> batch;
    for (const char *uidl : uidls)
        batch.append(incoming(QString::fromLatin1(uidl)));
    return batch;
}

class CacheWriterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        // The sync thread opens (and migrates) the cache before the writer ever does.
        auto db = store::Database::open(m_path, QStringLiteral("writer-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
    }

    QSet<QString> storedUidls()
    {
        auto uidls = store::MessageStore(m_db->connection()).storedUidls(QStringLiteral("acct"));
        EXPECT_TRUE(uidls.ok());
        return uidls.ok() ? uidls.value() : QSet<QString>{};
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::Database> m_db;
    QObject m_context;
};

TEST_F(CacheWriterTest, CommitsBatchesInOrderAndAnswersOnTheCallersThread)
{
    sync::CacheWriter writer(m_path);
    QList<int> order;
    QList<qint64> ids;
    const QThread *here = QThread::currentThread();
    bool otherThread = false;
    for (int i = 0; i < 4; ++i) {
        auto batch = batchOf({});
        batch.append(incoming(QStringLiteral("u%1a").arg(i)));
        batch.append(incoming(QStringLiteral("u%1b").arg(i)));
        writer.submit(std::move(batch), &m_context, [&, i](Result<QList<qint64>> r) {
            ASSERT_TRUE(r.ok()) << qPrintable(r.error().message());
            otherThread |= QThread::currentThread() != here;
            order.append(i);
            ids += r.value();
        });
    }
    // Answers come through the event loop, as they do on the sync thread.
    QDeadlineTimer deadline(10000);
    while (order.size() < 4 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    EXPECT_EQ(order, (QList<int>{0, 1, 2, 3}));
    EXPECT_FALSE(otherThread);
    EXPECT_EQ(ids.size(), 8);
    EXPECT_EQ(storedUidls().size(), 8);
}

TEST_F(CacheWriterTest, WaitForAllDeliversEveryAnswerBeforeItReturns)
{
    sync::CacheWriter writer(m_path);
    int answered = 0;
    for (int i = 0; i < 5; ++i) {
        writer.submit(batchOf({}) << incoming(QStringLiteral("m%1").arg(i)), &m_context,
                      [&](Result<QList<qint64>> r) {
                          EXPECT_TRUE(r.ok());
                          ++answered;
                      });
    }
    writer.waitForAll(&m_context);
    EXPECT_EQ(answered, 5);
    EXPECT_EQ(storedUidls().size(), 5);
}

TEST_F(CacheWriterTest, AFailedBatchLeavesNothingOfItselfAndSparesTheOthers)
{
    sync::CacheWriter writer(m_path);
    QList<bool> results;
    auto record = [&](Result<QList<qint64>> r) { results.append(r.ok()); };
    writer.submit(batchOf({"first"}), &m_context, record);
    // A message without an account breaks a NOT NULL constraint: the whole batch rolls back.
    auto broken = batchOf({"second", "third"});
    broken.append(incoming(QStringLiteral("orphan")));
    broken.last().accountId.clear();
    writer.submit(std::move(broken), &m_context, record);
    writer.submit(batchOf({"fourth"}), &m_context, record);
    writer.waitForAll(&m_context);
    EXPECT_EQ(results, (QList<bool>{true, false, true}));
    EXPECT_EQ(storedUidls(), (QSet<QString>{QStringLiteral("first"), QStringLiteral("fourth")}));
}

TEST_F(CacheWriterTest, ACacheItCannotOpenIsAnErrorNotACrash)
{
    sync::CacheWriter writer(m_dir.filePath(QStringLiteral("no/such/folder/cache.sqlite")));
    std::optional<Error> error;
    writer.submit(batchOf({"lost"}), &m_context, [&](Result<QList<qint64>> r) {
        ASSERT_FALSE(r.ok());
        error = r.error();
    });
    writer.waitForAll(&m_context);
    ASSERT_TRUE(error.has_value());
    EXPECT_FALSE(error->message().isEmpty());
}

TEST_F(CacheWriterTest, PrepareOpensTheCacheBeforeAnyBatchAndLeavesAFailureToTheFirst)
{
    // Opened on the writer's thread while nothing is submitted: a cache that was not there
    // is there afterwards, and the first batch still commits.
    const QString fresh = m_dir.filePath(QStringLiteral("fresh.sqlite"));
    {
        sync::CacheWriter writer(fresh);
        writer.prepare();
        writer.waitForAll(&m_context);
        EXPECT_TRUE(QFile::exists(fresh));
        bool committed = false;
        writer.submit(batchOf({"first"}), &m_context,
                      [&](Result<QList<qint64>> r) { committed = r.ok(); });
        writer.waitForAll(&m_context);
        EXPECT_TRUE(committed);
    }
    // A cache it cannot open: prepare() says nothing, and the batch reports it.
    sync::CacheWriter writer(m_dir.filePath(QStringLiteral("no/such/folder/cache.sqlite")));
    writer.prepare();
    std::optional<Error> error;
    writer.submit(batchOf({"lost"}), &m_context, [&](Result<QList<qint64>> r) {
        if (!r.ok())
            error = r.error();
    });
    writer.waitForAll(&m_context);
    ASSERT_TRUE(error.has_value());
    EXPECT_FALSE(error->message().isEmpty());
}

} // namespace

namespace {

/// The UIDLs a copy of the cache file alone holds: what is still only in the WAL is not
/// there (a backup that copied cache.sqlite would miss it).
QSet<QString> uidlsInTheFileAlone(const QString &path, const QString &copyPath)
{
    EXPECT_TRUE(QFile::copy(path, copyPath));
    QSet<QString> uidls;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("file-alone"));
        db.setDatabaseName(copyPath);
        EXPECT_TRUE(db.open());
        QSqlQuery q(db);
        // A file that has not had a checkpoint yet has not even the tables.
        if (q.exec(QStringLiteral("SELECT uidl FROM messages"))) {
            while (q.next())
                uidls.insert(q.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("file-alone"));
    return uidls;
}

} // namespace

TEST_F(CacheWriterTest, CheckpointSoonPutsWhatWasCommittedIntoTheCacheFileItself)
{
    sync::CacheWriter writer(m_path);
    writer.submit(batchOf({"a", "b"}), &m_context, [](Result<QList<qint64>> r) {
        ASSERT_TRUE(r.ok()) << qPrintable(r.error().message());
    });
    writer.waitForAll(&m_context);
    // Committed, but a small batch stays in the WAL until a checkpoint.
    EXPECT_TRUE(
        uidlsInTheFileAlone(m_path, m_dir.filePath(QStringLiteral("before.sqlite"))).isEmpty());

    writer.submit(batchOf({"c"}), &m_context, [](Result<QList<qint64>>) {});
    writer.checkpointSoon(); // after the batch: it is copied too
    writer.waitForAll(&m_context);
    EXPECT_EQ(uidlsInTheFileAlone(m_path, m_dir.filePath(QStringLiteral("after.sqlite"))),
              (QSet<QString>{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
}

/// A stand-in for bogofilter -M -T that calls a message junk when it says JUNKWORD.
std::shared_ptr<junk::JunkClassifier> fakeClassifier(const QTemporaryDir &dir)
{
    const QString fake = dir.filePath(QStringLiteral("fake-bogofilter"));
    QFile script(fake);
    EXPECT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n"
                 "exec awk '/^From poplar /{ if (n++) print (j ? \"S 0.990000\" : "
                 "\"H 0.010000\"); j = 0; next } /JUNKWORD/ { j = 1 } "
                 "END { if (n) print (j ? \"S 0.990000\" : \"H 0.010000\") }'\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto classifier = std::make_shared<junk::JunkClassifier>(dir.filePath(QStringLiteral("wl")));
    classifier->setProgram(fake);
    return classifier;
}

/// Submits batches of the given sizes, every third message junk, and checks that each
/// message was stored with its own verdict.
void expectEachItsOwnVerdict(const QString &path, store::Database &db, QObject &context,
                             const std::shared_ptr<junk::JunkClassifier> &c,
                             const QList<int> &batchSizes)
{
    sync::CacheWriter writer(path);
    QSet<QString> junkExpected;
    int total = 0;
    for (qsizetype b = 0; b < batchSizes.size(); ++b) {
        QList<store::IncomingMessage> batch;
        for (int i = 0; i < batchSizes.at(b); ++i) {
            const QString uidl = QStringLiteral("b%1m%2").arg(b).arg(i);
            const bool junk = (b + i) % 3 == 0;
            store::IncomingMessage m = incoming(uidl);
            m.raw = test::makeMessage(uidl, QStringLiteral("Bob <bob@example.org>"),
                                      junk ? QStringLiteral("buy now JUNKWORD")
                                           : QStringLiteral("lunch at noon"));
            if (junk)
                junkExpected.insert(uidl);
            batch.append(m);
            ++total;
        }
        writer.submit(
            std::move(batch), &context,
            [](Result<QList<qint64>> r) { ASSERT_TRUE(r.ok()) << qPrintable(r.error().message()); },
            nullptr, c);
    }
    writer.waitForAll(&context);
    EXPECT_FALSE(writer.takeClassifierError());

    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT uidl, junk FROM messages")));
    QSet<QString> junkStored;
    int rows = 0;
    while (q.next()) {
        ++rows;
        if (q.value(1).toBool())
            junkStored.insert(q.value(0).toString());
    }
    EXPECT_EQ(rows, total);
    EXPECT_EQ(junkStored, junkExpected);
}

TEST_F(CacheWriterTest, EachMessageKeepsItsOwnVerdictWhileScoringRunsAheadOfWriting)
{
    // One batch is scored while the one before is written: the verdicts must land on the
    // messages they were given for, batch after batch.
    expectEachItsOwnVerdict(m_path, *m_db, m_context, fakeClassifier(m_dir), {5, 5, 5, 5, 5, 5});
}

TEST_F(CacheWriterTest, ALargeBatchScoredInTwoHalvesAtOnceKeepsEachVerdictInPlace)
{
    // Large batches are scored by two bogofilters at once, each on half of it; an odd size
    // makes the halves unequal.
    expectEachItsOwnVerdict(m_path, *m_db, m_context, fakeClassifier(m_dir), {151, 3, 200});
}

// The writer's page cache follows the indexes it must keep at hand (about 0.27 KB a
// message at 100,000), with room for the pages being written, and no more: a cache larger
// than the work took fresh memory for every body page that passed through it.
TEST(CacheWriterPageCache, GrowsWithTheIndexesAndStaysSmallForASmallCache)
{
    EXPECT_EQ(sync::CacheWriter::pageCacheKbFor(0), 8 * 1024);
    EXPECT_LE(sync::CacheWriter::pageCacheKbFor(2'000), 10 * 1024)
        << "a small cache's writer stays small";
    const int at100k = sync::CacheWriter::pageCacheKbFor(100'000);
    EXPECT_GE(at100k, 8 * 1024 + 100'000 * 27 / 100) << "the indexes' share of 100,000";
    EXPECT_LE(at100k, 48 * 1024);
    EXPECT_EQ(sync::CacheWriter::pageCacheKbFor(10'000'000), 64 * 1024) << "capped";
    EXPECT_EQ(sync::CacheWriter::pageCacheKbFor(-5), 8 * 1024);
    int last = 0;
    for (qint64 n = 0; n <= 400'000; n += 997) {
        const int kb = sync::CacheWriter::pageCacheKbFor(n);
        EXPECT_GE(kb, last) << n;
        last = kb;
    }
}
