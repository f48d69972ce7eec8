// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestProcess.h"

#include <csignal>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace poplar::test {

TestProcess::TestProcess(QObject *parent)
    : QProcess(parent)
{
    setChildProcessModifier([testPid = ::getpid()] {
        ::setpgid(0, 0);
#ifdef __linux__
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != testPid) // the test died before prctl took effect
            ::_exit(127);
#endif
    });
    connect(this, &QProcess::started, this, [this] { m_group = processId(); });
}

TestProcess::~TestProcess()
{
    killGroup();
}

void TestProcess::killGroup()
{
    // Also after the child exited: what it left in its group (a background job) goes too.
    if (m_group > 0)
        ::kill(pid_t(-m_group), SIGKILL);
    if (state() != QProcess::NotRunning)
        waitForFinished(10'000);
}

} // namespace poplar::test
