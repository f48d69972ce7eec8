// SPDX-License-Identifier: GPL-3.0-or-later
// Promise 1 under fire: poplarctl sync killed with SIGKILL at random moments, then one clean
// sync. The cache must then hold exactly the server's messages, each once, and with
// leave-on-server off no message may ever have left the server without being in the cache.
#include "CtlTest.h"

#include "store/Database.h"
#include "store/MessageStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QThread>

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <random>

namespace poplar::test {

namespace {

using Digests = QMap<QByteArray, int>; // SHA-256 -> how many times

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

class ChaosTest : public CtlTest, public ::testing::WithParamInterface<bool> {
protected:
    /// Messages of 1-60 KB so that kills land in the middle of RETRs and of commits.
    Digests seed(int count, std::mt19937 &rng)
    {
        Digests digests;
        std::uniform_int_distribution<int> lines(10, 800);
        for (int i = 0; i < count; ++i) {
            QString body;
            const int n = lines(rng);
            for (int l = 0; l < n; ++l)
                body += QStringLiteral(
                            "Message %1 line %2: the quick brown fox jumps over the lazy dog\n")
                            .arg(i)
                            .arg(l);
            const QByteArray raw = makeMessage(QStringLiteral("Chaos %1").arg(i),
                                               QStringLiteral("c@example.org"), body);
            EXPECT_FALSE(server().addMessage(raw).isEmpty());
            ++digests[sha256(raw)];
        }
        return digests;
    }

    Digests scanMaildir()
    {
        Digests digests;
        const QDir maildir(server().maildir());
        for (const char *sub : {"new", "cur"}) {
            const QDir dir(maildir.filePath(QLatin1String(sub)));
            for (const QString &name : dir.entryList(QDir::Files)) {
                QFile f(dir.filePath(name));
                if (f.open(QIODevice::ReadOnly))
                    ++digests[sha256(f.readAll())];
            }
        }
        return digests;
    }

    /// What the server holds. A killed client's session winds down on the server after the
    /// kill and renames files (new -> cur, flags), and readdir can miss a file being renamed,
    /// so the Maildir is read until two reads agree.
    Digests onServer()
    {
        Digests last = scanMaildir();
        for (int i = 0; i < 100; ++i) {
            QThread::msleep(20);
            Digests now = scanMaildir();
            if (now == last)
                return now;
            last = std::move(now);
        }
        ADD_FAILURE() << "the Maildir did not settle";
        return last;
    }

    /// Reads the cache directly (no poplarctl is running) and checks it is sound.
    Digests inCache()
    {
        Digests digests;
        const QString path = m_profile.filePath(QStringLiteral("cache.sqlite"));
        if (QFile::exists(path)) { // a sync killed before its first commit made none
            // First with the stock SQLite library, nothing of Poplar's registered: the cache
            // is an ordinary SQLite file, checkable by any tool.
            sqlite3 *stock = nullptr;
            EXPECT_EQ(
                sqlite3_open_v2(path.toUtf8().constData(), &stock, SQLITE_OPEN_READWRITE, nullptr),
                SQLITE_OK);
            sqlite3_stmt *check = nullptr;
            EXPECT_EQ(sqlite3_prepare_v2(stock, "PRAGMA integrity_check", -1, &check, nullptr),
                      SQLITE_OK);
            EXPECT_EQ(sqlite3_step(check), SQLITE_ROW) << sqlite3_errmsg(stock);
            const auto *verdict = sqlite3_column_text(check, 0);
            EXPECT_STREQ(verdict ? reinterpret_cast<const char *>(verdict) : "", "ok");
            sqlite3_finalize(check);
            sqlite3_close(stock);
        }
        auto db = store::Database::open(path, QStringLiteral("chaos-check"));
        EXPECT_TRUE(db.ok()) << (db.ok() ? "" : qPrintable(db.error().message()));
        if (!db.ok())
            return digests;
        {
            QSqlQuery check(db.value()->connection());
            EXPECT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            EXPECT_EQ(check.value(0).toString(), QStringLiteral("ok"));
            QSqlQuery q(db.value()->connection());
            EXPECT_TRUE(q.exec(QStringLiteral("SELECT raw FROM message_bodies")));
            while (q.next())
                ++digests[sha256(q.value(0).toByteArray())];
        }
        return digests;
    }

    /// Starts a sync and kills it after `delayMs`; returns whether it was still running.
    bool syncAndKill(int delayMs)
    {
        TestProcess p;
        p.start(QStringLiteral(POPLARCTL_PATH),
                {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("sync")});
        if (!p.waitForStarted(10'000)) {
            ADD_FAILURE() << "poplarctl did not start";
            return false;
        }
        const bool finished = p.waitForFinished(delayMs);
        if (!finished) {
            p.kill(); // SIGKILL: no chance to clean up
            p.waitForFinished(10'000);
        }
        return !finished;
    }

    /// Starts a sync that stops at fault point `point` (core/util/FaultPoint.h) and kills it
    /// there; returns whether it got there (false: the sync ended before).
    bool syncAndKillAt(const QString &point)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POPLAR_FAULT_POINT"), point);
        p.setProcessEnvironment(env);
        p.setReadChannel(QProcess::StandardError);
        p.start(QStringLiteral(POPLARCTL_PATH),
                {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("sync")});
        if (!p.waitForStarted(10'000)) {
            ADD_FAILURE() << "poplarctl did not start";
            return false;
        }
        const QByteArray marker = "poplar fault point: " + point.toUtf8();
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60'000) {
            p.waitForReadyRead(50);
            err += p.readAllStandardError();
            if (err.contains(marker)) {
                p.kill(); // SIGKILL, at that very moment
                p.waitForFinished(10'000);
                return true;
            }
            if (p.state() == QProcess::NotRunning)
                break;
        }
        p.kill();
        p.waitForFinished(10'000);
        return false;
    }

    /// Whatever left the server must already be in the cache (leave on server off).
    void expectEverythingThatLeftIsCached(const Digests &original, int round)
    {
        const Digests server = onServer();
        const Digests cache = inCache();
        for (auto it = original.cbegin(); it != original.cend(); ++it) {
            if (!server.contains(it.key())) {
                ASSERT_TRUE(cache.contains(it.key()))
                    << "round " << round << ": a message left the server but is not cached";
            }
        }
    }
};

TEST_P(ChaosTest, KilledAtRandomMomentsLosesNothingAndStoresNothingTwice)
{
    const bool leaveOnServer = GetParam();
    const unsigned seedValue = qEnvironmentVariableIsSet("POPLAR_CHAOS_SEED")
                                   ? qEnvironmentVariableIntValue("POPLAR_CHAOS_SEED")
                                   : 20261127u;
    std::mt19937 rng(seedValue);
    SCOPED_TRACE("POPLAR_CHAOS_SEED=" + std::to_string(seedValue));
    Digests original = seed(60, rng);
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--leave-on-server"),
                leaveOnServer ? QStringLiteral("yes") : QStringLiteral("no")});

    // A sync of a few dozen messages takes tens of milliseconds here: kill inside that.
    std::uniform_int_distribution<int> delay(1, 60);
    int killed = 0;
    for (int round = 0; round < 15; ++round) {
        // New mail every round, so every sync has work to be interrupted in.
        const Digests more = seed(20, rng);
        for (auto it = more.cbegin(); it != more.cend(); ++it)
            original[it.key()] += it.value();
        if (syncAndKill(delay(rng)))
            ++killed;

        if (!leaveOnServer)
            expectEverythingThatLeftIsCached(original, round);
    }
    EXPECT_GT(killed, 5) << "the kills should mostly land during a sync";

    const CtlRun clean = ctl({QStringLiteral("sync")});
    ASSERT_EQ(clean.exitCode, 0) << clean.err.toStdString();
    EXPECT_EQ(inCache(), original) << "missing or duplicated messages";
    if (!leaveOnServer)
        EXPECT_TRUE(onServer().isEmpty());
    else
        EXPECT_EQ(onServer(), original);
}

// Kills at moments chosen by progress, each one proven reached: after the Nth message
// arrived, inside a commit (written, not committed), and after the Nth DELE was answered
// (before QUIT's answer). A random delay lands mostly before any RETR on a loaded machine.
TEST_P(ChaosTest, KilledAtChosenMomentsLosesNothingAndStoresNothingTwice)
{
    const bool leaveOnServer = GetParam();
    std::mt19937 rng(20261206u);
    Digests original = seed(30, rng);
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--leave-on-server"),
                leaveOnServer ? QStringLiteral("yes") : QStringLiteral("no")});
    std::uniform_int_distribution<int> nth(1, 20);
    QStringList moments{QStringLiteral("retrieved:%1"), QStringLiteral("commit:1")};
    if (!leaveOnServer)
        moments.append(QStringLiteral("deleted:%1"));
    for (int round = 0; round < 9; ++round) {
        const Digests more = seed(20, rng);
        for (auto it = more.cbegin(); it != more.cend(); ++it)
            original[it.key()] += it.value();
        const QString moment = moments.at(round % moments.size()).arg(nth(rng));
        ASSERT_TRUE(syncAndKillAt(moment))
            << "round " << round << " never reached " << moment.toStdString();
        if (!leaveOnServer)
            expectEverythingThatLeftIsCached(original, round);
    }
    const CtlRun clean = ctl({QStringLiteral("sync")});
    ASSERT_EQ(clean.exitCode, 0) << clean.err.toStdString();
    EXPECT_EQ(inCache(), original) << "missing or duplicated messages";
    if (!leaveOnServer)
        EXPECT_TRUE(onServer().isEmpty());
    else
        EXPECT_EQ(onServer(), original);
}

INSTANTIATE_TEST_SUITE_P(Sync, ChaosTest, ::testing::Values(true, false),
                         [](const ::testing::TestParamInfo<bool> &info) {
                             return std::string(info.param ? "LeaveOnServer" : "DeleteFromServer");
                         });

} // namespace

} // namespace poplar::test
