// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChildReaper.h"

#include "util/ProcessTree.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace poplar::test {

namespace {

struct ProcessState {
    qint64 parent = 0;
    char state = '?'; ///< R, S, D, ... Z for a zombie
};

/// Reads /proc/PID/stat: "PID (COMMAND) STATE PPID ...".
std::optional<ProcessState> readState(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = file.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the command may hold spaces and parens
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 2 || fields.at(0).isEmpty())
        return std::nullopt;
    return ProcessState{fields.at(1).toLongLong(), fields.at(0).at(0)};
}

QString commandLine(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray line = file.readAll();
    line.replace('\0', ' ');
    return QString::fromLocal8Bit(line.trimmed().left(200));
}

class ReaperListener final : public ::testing::EmptyTestEventListener {
    void OnTestEnd(const ::testing::TestInfo &test) override
    {
        for (const QString &process : endLeftoverProcesses())
            std::fprintf(stderr, "[ REAPER   ] %s.%s left a process running; killed: %s\n",
                         test.test_suite_name(), test.name(), qPrintable(process));
    }
};

} // namespace

bool isRunning(qint64 pid)
{
    const auto state = readState(pid);
    return state && state->state != 'Z' && state->state != 'X';
}

QList<qint64> liveDescendants()
{
    return descendantsOf(qint64(::getpid()));
}

QStringList endLeftoverProcesses()
{
    QStringList left;
    QList<qint64> killed;
    // Again until none is left: one that forked between the scan and its kill is found next
    // time round.
    const QDeadlineTimer deadline(10'000);
    for (QList<qint64> live = liveDescendants(); !live.isEmpty() && !deadline.hasExpired();
         live = liveDescendants()) {
        for (const qint64 pid : std::as_const(live)) {
            if (!killed.contains(pid)) {
                left.append(QStringLiteral("%1 %2").arg(pid).arg(commandLine(pid)));
                killed.append(pid);
            }
            ::kill(pid_t(pid), SIGKILL);
        }
        QThread::msleep(1); // SIGKILL is delivered asynchronously
    }
    // The ones that were our children (or became ours as orphans) are zombies now.
    for (const qint64 pid : std::as_const(killed))
        ::waitpid(pid_t(pid), nullptr, WNOHANG);
    return left;
}

void installChildReaper()
{
#ifdef __linux__
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
#endif
    // gtest owns its listeners and deletes them at exit.
    ::testing::UnitTest::GetInstance()->listeners().Append(new ReaperListener);
}

} // namespace poplar::test
