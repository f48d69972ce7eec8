// SPDX-License-Identifier: GPL-3.0-or-later
// gtest main for tests that need an event loop (sockets, processes, timers).
#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
