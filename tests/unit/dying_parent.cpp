// SPDX-License-Identifier: GPL-3.0-or-later
// Stands in for a test binary that ctest kills (TIMEOUT) or that crashes: starts `sleep 300`
// as a TestProcess, prints the sleep's pid, and waits to be killed. test_child_processes.cpp
// then checks that the sleep does not outlive it.
#include "TestProcess.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    poplar::test::TestProcess child;
    child.start(QStringLiteral("sleep"), {QStringLiteral("300")});
    if (!child.waitForStarted(10'000))
        return 1;
    std::printf("%lld\n", child.processId());
    std::fflush(stdout);
    for (;;)
        ::pause();
}
