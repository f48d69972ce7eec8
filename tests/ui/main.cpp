// SPDX-License-Identifier: GPL-3.0-or-later
// gtest main for widget tests: a QApplication on the offscreen platform.
#include "ChildReaper.h"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Nothing a test does may touch the user's real settings or data.
    QStandardPaths::setTestModeEnabled(true);
    ::testing::InitGoogleTest(&argc, argv);
    poplar::test::installChildReaper(); // password commands, a launched opener, ...
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
