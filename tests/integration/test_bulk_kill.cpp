// SPDX-License-Identifier: GPL-3.0-or-later
// Promise 1 for bulk work (issue 14): poplarctl delete, restore, empty-trash and account
// remove over thousands of messages, killed with SIGKILL inside a transaction, right after
// a commit and at random moments. Each time the cache must be sound and whole: every
// message that was there is there byte for byte (or, where the command deletes, gone with
// its download record kept), and a message of an account that deletes on the server sits
// in Trash exactly when its server deletion is queued. Running the command again finishes
// the job.
#include "TestProcess.h"
#include "TestUtil.h"

#include "accounts/AccountStore.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <random>

namespace poplar::test {

namespace {

using store::Folder;

constexpr int perAccount = 1500;

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

class BulkKillTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_profile.isValid());
        AccountStore accounts(iniPath());
        Account a;
        a.host = QStringLiteral("127.0.0.1");
        a.user = QStringLiteral("alice");
        a.passwordSource = PasswordSource::Command;
        a.passwordCommand = QStringLiteral("true");
        a.name = QStringLiteral("Home"); // deletes on the server what is deleted here
        m_home = accounts.add(a).value();
        a.name = QStringLiteral("Work");
        a.deleteFromServerOnLocalDelete = false;
        m_work = accounts.add(a).value();

        auto db = store::Database::open(cachePath(), QStringLiteral("bulk-kill-fill"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        store::Transaction txn(db.value()->connection());
        store::MessageStore::Inserter inserter(db.value()->connection());
        for (const QString &account : {m_home, m_work}) {
            for (int i = 0; i < perAccount; ++i) {
                store::IncomingMessage m;
                m.accountId = account;
                m.uidl = QStringLiteral("%1-%2").arg(account).arg(i);
                m.raw = makeMessage(QStringLiteral("Message %1 of %2").arg(i).arg(account),
                                    QStringLiteral("bob@example.org"),
                                    QStringLiteral("Body %1 of %2\n").arg(i).arg(account));
                m.headers.subject = QStringLiteral("Message %1").arg(i);
                auto id = inserter.insert(m);
                ASSERT_TRUE(id.ok());
                m_digests.insert(id.value(), sha256(m.raw));
                m_accountOf.insert(id.value(), account);
                m_uidlOf.insert(id.value(), m.uidl);
            }
        }
        ASSERT_TRUE(txn.commit().ok());
    }

    QString iniPath() const { return m_profile.filePath(QStringLiteral("poplar.ini")); }
    QString cachePath() const { return m_profile.filePath(QStringLiteral("cache.sqlite")); }

    QStringList ids() const
    {
        QStringList out;
        for (auto it = m_digests.cbegin(); it != m_digests.cend(); ++it)
            out.append(QString::number(it.key()));
        return out;
    }

    /// Runs poplarctl; with `faultPoint`, kills it with SIGKILL once it says it is there.
    /// Returns whether it was killed (false: it ended by itself, with exit code 0).
    bool runKilledAt(const QStringList &args, const QString &faultPoint)
    {
        TestProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!faultPoint.isEmpty())
            env.insert(QStringLiteral("POPLAR_FAULT_POINT"), faultPoint);
        p.setProcessEnvironment(env);
        p.setReadChannel(QProcess::StandardError);
        p.start(QStringLiteral(POPLARCTL_PATH),
                QStringList{QStringLiteral("--profile"), m_profile.path()} + args);
        if (!p.waitForStarted(10'000)) {
            ADD_FAILURE() << "poplarctl did not start";
            return false;
        }
        const QByteArray marker = "poplar fault point: " + faultPoint.toUtf8();
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60'000 && p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(20);
            err += p.readAllStandardError();
            if (!faultPoint.isEmpty() && err.contains(marker)) {
                p.killGroup();
                return true;
            }
        }
        if (p.state() != QProcess::NotRunning) {
            p.killGroup();
            ADD_FAILURE() << "poplarctl did not finish: " << err.toStdString();
            return false;
        }
        err += p.readAllStandardError();
        EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
        EXPECT_EQ(p.exitCode(), 0) << err.toStdString();
        return false;
    }

    /// Runs poplarctl and kills it after `delayMs`; returns whether it was still running.
    bool runKilledAfter(const QStringList &args, int delayMs)
    {
        TestProcess p;
        p.start(QStringLiteral(POPLARCTL_PATH),
                QStringList{QStringLiteral("--profile"), m_profile.path()} + args);
        if (!p.waitForStarted(10'000)) {
            ADD_FAILURE() << "poplarctl did not start";
            return false;
        }
        if (p.waitForFinished(delayMs)) {
            EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
            return false;
        }
        p.killGroup();
        return true;
    }

    struct CacheState {
        QHash<qint64, Folder> folders; ///< the messages there
        QSet<QString> queued;          ///< UIDLs with a queued server deletion, any account
        QSet<QString> known;           ///< UIDLs with a download record
    };

    /// Opens the cache as the next program would, and checks what every kill must leave.
    CacheState checkSound(const char *when)
    {
        SCOPED_TRACE(when);
        CacheState state;
        auto db = store::Database::open(cachePath(), QStringLiteral("bulk-kill-check"));
        EXPECT_TRUE(db.ok()) << (db.ok() ? "" : qPrintable(db.error().message()));
        if (!db.ok())
            return state;
        QSqlQuery q(db.value()->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
        // Through the store's own reads, whatever its tables look like.
        const store::MessageStore messages(db.value()->connection());
        const store::DeletionQueue queue(db.value()->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT id FROM messages")));
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            EXPECT_TRUE(m_digests.contains(id)) << "a message from nowhere: " << id;
            const auto summary = messages.message(id);
            const auto raw = messages.raw(id);
            EXPECT_TRUE(summary.ok() && raw.ok()) << "message " << id << " cannot be read";
            if (!summary.ok() || !raw.ok())
                continue;
            EXPECT_EQ(sha256(raw.value()), m_digests.value(id))
                << "message " << id << " is not whole";
            state.folders.insert(id, summary.value().folder);
        }
        for (const QString &account : {m_home, m_work}) {
            const auto queued = queue.queued(account);
            EXPECT_TRUE(queued.ok());
            if (queued.ok()) {
                for (const store::PendingDeletion &d : queued.value())
                    state.queued.insert(d.uidl);
            }
            const auto known = messages.knownUidls(account);
            EXPECT_TRUE(known.ok());
            if (known.ok())
                state.known.unite(known.value());
        }
        return state;
    }

    /// A message of Home is in Trash exactly when its server deletion is queued (or it is
    /// gone from here, its deletion still queued); Work never queues one.
    void expectQueueInStep(const CacheState &state, bool purged)
    {
        for (auto it = m_accountOf.cbegin(); it != m_accountOf.cend(); ++it) {
            const qint64 id = it.key();
            const QString uidl = m_uidlOf.value(id);
            const bool there = state.folders.contains(id);
            const bool queued = state.queued.contains(uidl);
            if (it.value() == m_work) {
                ASSERT_FALSE(queued) << "Work keeps its server copies: " << id;
            } else if (there) {
                ASSERT_EQ(queued, state.folders.value(id) == Folder::Trash)
                    << "message " << id << " and its queued deletion are out of step";
            } else {
                ASSERT_TRUE(purged && queued) << "message " << id << " went without its deletion";
            }
            if (!there) {
                ASSERT_TRUE(purged) << "message " << id << " was lost";
            }
            ASSERT_TRUE(state.known.contains(uidl))
                << "the download record of " << id << " went: it would come again";
        }
    }

    static int countIn(const CacheState &state, Folder folder)
    {
        return int(std::count(state.folders.cbegin(), state.folders.cend(), folder));
    }

    QTemporaryDir m_profile;
    QString m_home;
    QString m_work;
    QMap<qint64, QByteArray> m_digests;
    QMap<qint64, QString> m_accountOf;
    QMap<qint64, QString> m_uidlOf;
};

TEST_F(BulkKillTest, DeleteAndRestoreKilledAtAnyMomentKeepEveryMessageAndTheQueueInStep)
{
    const QStringList all = ids();
    const QStringList del = QStringList{QStringLiteral("delete")} + all;
    const QStringList restore = QStringList{QStringLiteral("restore")} + all;
    // Inside the first transaction, right after it, and later inside and after others.
    {
        // An id that is not there is an error, and nothing is moved then.
        TestProcess p;
        p.start(QStringLiteral(POPLARCTL_PATH),
                {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("delete"),
                 all.first(), QStringLiteral("999999")});
        ASSERT_TRUE(p.waitForFinished(30'000));
        EXPECT_EQ(p.exitCode(), 1);
        EXPECT_TRUE(p.readAllStandardError().contains("999999"));
        EXPECT_EQ(countIn(checkSound("an unknown id"), Folder::Trash), 0);
    }
    // Killed inside the first transaction: it rolls back, nothing moved.
    ASSERT_TRUE(runKilledAt(del, QStringLiteral("bulk-slice:1")));
    CacheState state = checkSound("inside the first transaction");
    EXPECT_EQ(countIn(state, Folder::Trash), 0);
    EXPECT_TRUE(state.queued.isEmpty());
    // Killed right after it: what it moved stays moved, with its deletions queued.
    ASSERT_TRUE(runKilledAt(del, QStringLiteral("bulk-committed:1")));
    state = checkSound("after the first commit");
    EXPECT_GT(countIn(state, Folder::Trash), 0);
    expectQueueInStep(state, false);
    for (const char *point : {"bulk-slice:3", "bulk-committed:2"}) {
        runKilledAt(del, QString::fromLatin1(point));
        state = checkSound(point);
        EXPECT_EQ(state.folders.size(), 2 * perAccount);
        expectQueueInStep(state, false);
    }
    // At random moments too: inside a commit, between two.
    std::mt19937 rng(20261206u);
    std::uniform_int_distribution<int> delay(20, 250);
    for (int round = 0; round < 4; ++round) {
        runKilledAfter(del, delay(rng));
        state = checkSound("a random kill of delete");
        EXPECT_EQ(state.folders.size(), 2 * perAccount);
        expectQueueInStep(state, false);
    }
    ASSERT_FALSE(runKilledAt(del, {})) << "run again, it finishes";
    CacheState done = checkSound("delete finished");
    EXPECT_EQ(countIn(done, Folder::Trash), 2 * perAccount);
    EXPECT_EQ(done.queued.size(), perAccount);
    expectQueueInStep(done, false);

    for (const char *point : {"bulk-slice:1", "bulk-committed:1", "bulk-slice:2"}) {
        ASSERT_TRUE(runKilledAt(restore, QString::fromLatin1(point))) << point;
        state = checkSound(point);
        EXPECT_EQ(state.folders.size(), 2 * perAccount);
        expectQueueInStep(state, false);
    }
    ASSERT_FALSE(runKilledAt(restore, {}));
    done = checkSound("restore finished");
    EXPECT_EQ(countIn(done, Folder::Inbox), 2 * perAccount);
    EXPECT_TRUE(done.queued.isEmpty());
}

TEST_F(BulkKillTest, EmptyTrashKilledMidwayDeletesWholeTransactionsAndKeepsTheRecords)
{
    ASSERT_FALSE(runKilledAt(QStringList{QStringLiteral("delete")} + ids(), {}));
    const QStringList empty{QStringLiteral("empty-trash")};
    // Killed inside the first transaction: nothing went.
    ASSERT_TRUE(runKilledAt(empty, QStringLiteral("bulk-slice:1")));
    CacheState state = checkSound("inside the first transaction");
    EXPECT_EQ(countIn(state, Folder::Trash), 2 * perAccount);
    // After a commit and inside a later transaction: what is left is in Trash and whole;
    // what went kept its download record and its queued server deletion.
    for (const char *point : {"bulk-committed:1", "bulk-slice:2"}) {
        runKilledAt(empty, QString::fromLatin1(point));
        state = checkSound(point);
        EXPECT_EQ(countIn(state, Folder::Inbox), 0);
        expectQueueInStep(state, true);
    }
    EXPECT_LT(countIn(state, Folder::Trash), 2 * perAccount);
    ASSERT_FALSE(runKilledAt({QStringLiteral("empty-trash")}, {}));
    const CacheState done = checkSound("empty-trash finished");
    EXPECT_TRUE(done.folders.isEmpty());
    EXPECT_EQ(done.queued.size(), perAccount) << "Home's server copies still go at the next sync";
    expectQueueInStep(done, true);
}

TEST_F(BulkKillTest, AnAccountRemovalKilledMidwayIsFinishedByAskingAgain)
{
    const QStringList remove{QStringLiteral("account"), QStringLiteral("remove"), m_home};
    ASSERT_TRUE(runKilledAt(remove, QStringLiteral("bulk-slice:2")));
    {
        // The account is gone from poplar.ini, and the record of its removal is there.
        AccountStore accounts(iniPath());
        EXPECT_FALSE(accounts.account(m_home).has_value());
        EXPECT_EQ(accounts.removedWithMailLeft(), QStringList{m_home});
        const CacheState state = checkSound("killed while removing the messages");
        EXPECT_GT(state.folders.size(), perAccount) << "some of Home's mail is still there";
        for (auto it = m_accountOf.cbegin(); it != m_accountOf.cend(); ++it) {
            if (it.value() == m_work) {
                ASSERT_TRUE(state.folders.contains(it.key())) << "Work lost " << it.key();
            }
        }
    }
    // Again, killed among the download records this time.
    ASSERT_TRUE(runKilledAt(remove, QStringLiteral("bulk-records:1")));
    EXPECT_EQ(AccountStore(iniPath()).removedWithMailLeft(), QStringList{m_home});
    const CacheState records = checkSound("killed while removing the records");
    EXPECT_EQ(records.folders.size(), perAccount) << "only Work's mail";

    ASSERT_FALSE(runKilledAt(remove, {})) << "asking again finishes it";
    EXPECT_TRUE(AccountStore(iniPath()).removedWithMailLeft().isEmpty());
    const CacheState done = checkSound("removal finished");
    EXPECT_EQ(done.folders.size(), perAccount);
    for (const QString &uidl : done.known)
        EXPECT_TRUE(uidl.startsWith(m_work + QLatin1Char('-'))) << qPrintable(uidl);
    EXPECT_EQ(done.known.size(), perAccount);
    // And a removal that is done is not one to finish: the id is unknown again.
    TestProcess p;
    p.start(QStringLiteral(POPLARCTL_PATH),
            QStringList{QStringLiteral("--profile"), m_profile.path()} + remove);
    ASSERT_TRUE(p.waitForFinished(30'000));
    EXPECT_NE(p.exitCode(), 0);
}

} // namespace

} // namespace poplar::test
