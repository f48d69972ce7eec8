// SPDX-License-Identifier: GPL-3.0-or-later
// gtest main for tests that need an event loop (sockets, processes, timers).
#include "ChildReaper.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    poplar::test::installChildReaper();
    return RUN_ALL_TESTS();
}
