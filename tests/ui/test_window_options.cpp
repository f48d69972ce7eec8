// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "WindowOptions.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>

using namespace poplar;

namespace {

class WindowOptionsTest : public test::WindowFixture {
protected:
    QSplitter *messageSplitter(ui::MainWindow &window)
    {
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("messageSplitter"));
        EXPECT_NE(splitter, nullptr);
        return splitter;
    }

    /// Closes the window as the user does (which saves its layout) and opens a new one.
    ui::MainWindow &reopen()
    {
        m_window->close();
        m_window.reset();
        return makeWindow();
    }
};

TEST_F(WindowOptionsTest, TheMessagePaneCanSitBesideTheListAndStaysThere)
{
    addAccount(QStringLiteral("Home"));
    ui::MainWindow &window = makeWindow();
    EXPECT_EQ(messageSplitter(window)->orientation(), Qt::Vertical);
    QAction *beside = window.windowOptions()->paneBesideAction();
    EXPECT_FALSE(beside->isChecked());
    beside->trigger();
    EXPECT_EQ(messageSplitter(window)->orientation(), Qt::Horizontal);

    ui::MainWindow &again = reopen();
    EXPECT_EQ(messageSplitter(again)->orientation(), Qt::Horizontal);
    EXPECT_TRUE(again.windowOptions()->paneBesideAction()->isChecked());
    again.windowOptions()->paneBesideAction()->trigger();
    EXPECT_EQ(messageSplitter(again)->orientation(), Qt::Vertical);
}

TEST_F(WindowOptionsTest, WorkingOfflineStartsNoCheckAndIsRemembered)
{
    addAccount(QStringLiteral("Home"));
    ui::MainWindow &window = makeWindow();
    QSignalSpy started(&*m_sync, &sync::SyncController::started);
    window.windowOptions()->workOfflineAction()->trigger();
    window.getMessages();
    QTest::qWait(50);
    EXPECT_EQ(started.count(), 0);
    const auto *status = window.findChild<QLabel *>(QStringLiteral("syncStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("offline"))) << qPrintable(status->text());

    ui::MainWindow &again = reopen();
    EXPECT_TRUE(again.windowOptions()->isOffline());
    again.windowOptions()->workOfflineAction()->trigger();
    EXPECT_FALSE(again.windowOptions()->isOffline());
}

} // namespace
