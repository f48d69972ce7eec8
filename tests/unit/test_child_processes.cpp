// SPDX-License-Identifier: GPL-3.0-or-later
// What a test starts ends with it: TestProcess takes the child's process group along when it
// is destroyed and when the test binary dies; the reaper ends what is left when a test ends.
#include "ChildReaper.h"
#include "TestProcess.h"
#include "TestUtil.h"

#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace poplar::test;

namespace {

/// The first line the process prints, as a pid.
qint64 readPid(QProcess &process)
{
    if (!spinUntil([&] { return process.canReadLine(); }, 30'000))
        return 0;
    return process.readLine().trimmed().toLongLong();
}

qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

} // namespace

TEST(TestProcess, DestroyingItEndsTheChildAndWhatTheChildStarted)
{
    qint64 child = 0;
    qint64 grandchild = 0;
    {
        TestProcess shell;
        // A password command's shape: a shell that started something and waits for it.
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"), QStringLiteral("sleep 300 & echo $!; wait")});
        ASSERT_TRUE(shell.waitForStarted(10'000));
        child = shell.processId();
        grandchild = readPid(shell);
        ASSERT_GT(grandchild, 0);
        ASSERT_TRUE(isRunning(child));
        ASSERT_TRUE(isRunning(grandchild));
    }
    EXPECT_FALSE(isRunning(child));
    EXPECT_TRUE(spinUntil([&] { return !isRunning(grandchild); }))
        << "the shell's child outlived the TestProcess";
}

// A ctest TIMEOUT kills the test binary with SIGKILL: no destructor runs.
TEST(TestProcess, ItsChildDiesWithTheTestBinary)
{
    QProcess testBinary; // stands in for a test binary; plain, so it can be killed alone
    testBinary.start(QStringLiteral(POPLAR_DYING_PARENT_PATH), {});
    ASSERT_TRUE(testBinary.waitForStarted(10'000));
    const qint64 sleeper = readPid(testBinary);
    ASSERT_GT(sleeper, 0);
    ASSERT_TRUE(isRunning(sleeper));
    testBinary.kill();
    ASSERT_TRUE(testBinary.waitForFinished(10'000));
    EXPECT_TRUE(spinUntil([&] { return !isRunning(sleeper); }))
        << "the child of a killed test binary is still running";
}

// A shell that is killed (or exits) leaves its children behind as orphans; the test binary
// adopts them and ends them when the test ends.
TEST(ChildReaper, AdoptsAndEndsAnOrphanedGrandchild)
{
    QProcess shell; // plain: nothing of TestProcess's group handling helps here
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("sleep 300 >/dev/null 2>&1 & echo $!")});
    ASSERT_TRUE(shell.waitForStarted(10'000));
    const qint64 orphan = readPid(shell);
    ASSERT_TRUE(spinUntil([&] { return shell.state() == QProcess::NotRunning; }));
    ASSERT_GT(orphan, 0);
    ASSERT_TRUE(isRunning(orphan));
#ifdef __linux__
    EXPECT_EQ(parentOf(orphan), qint64(::getpid())) << "the test binary is not the subreaper";
#endif
    EXPECT_TRUE(liveDescendants().contains(orphan));

    const QStringList ended = endLeftoverProcesses();
    // Named by pid: it may not have become "sleep 300" yet (forked, not yet exec'd).
    EXPECT_EQ(ended.filter(QRegularExpression(QStringLiteral("^%1 ").arg(orphan))).size(), 1)
        << ended.join(u'\n').toStdString();
    EXPECT_FALSE(isRunning(orphan));
    EXPECT_TRUE(liveDescendants().isEmpty());
}
