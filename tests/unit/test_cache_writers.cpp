// SPDX-License-Identifier: GPL-3.0-or-later
// Several connections write to the cache: the window's, the sync thread's and the sending
// thread's. A transaction that reads before it writes must not fail because another one
// wrote in between (seen at start-up: the sending thread's first write broke the start-up
// check's "Cannot record a mailbox: database is locked").
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace poplar;
using namespace poplar::store;

TEST(CacheWriters, ATransactionThatReadsFirstStillWritesWhenAnotherConnectionWritesMeanwhile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto a = Database::open(path, QStringLiteral("writer-a"));
    ASSERT_TRUE(a.ok());
    QSqlQuery setup(a.value()->connection());
    ASSERT_TRUE(setup.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")));

    Transaction txn(a.value()->connection());
    ASSERT_TRUE(txn.active());
    QSqlQuery read(a.value()->connection());
    ASSERT_TRUE(read.exec(QStringLiteral("SELECT count(*) FROM t")) && read.next());
    read.finish();

    // Another connection writes now, on its own thread (QtSql's rule).
    std::atomic<bool> otherDone{false};
    std::atomic<bool> otherOk{false};
    std::thread other([&] {
        {
            auto b = Database::open(path, QStringLiteral("writer-b"));
            if (b.ok()) {
                QSqlQuery write(b.value()->connection());
                otherOk = write.exec(QStringLiteral("INSERT INTO t VALUES (2)"));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("writer-b"));
        otherDone = true;
    });
    // Give it the chance to write first; it may also wait for this transaction instead.
    for (int i = 0; i < 20 && !otherDone; ++i)
        QThread::msleep(10);

    QSqlQuery write(a.value()->connection());
    EXPECT_TRUE(write.exec(QStringLiteral("INSERT INTO t VALUES (1)")))
        << write.lastError().text().toStdString();
    write.finish();
    EXPECT_TRUE(txn.commit().ok());
    other.join();
    EXPECT_TRUE(otherOk) << "the other writer waited its turn";
    QSqlQuery count(a.value()->connection());
    ASSERT_TRUE(count.exec(QStringLiteral("SELECT count(*) FROM t")) && count.next());
    EXPECT_EQ(count.value(0).toInt(), 2);
}
