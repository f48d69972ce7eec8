// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15, rough edge 6: in a narrow window the message list keeps every column within
// reach. The subject and then the sender give way; the date and the size keep their width;
// narrower still, the list scrolls sideways.
#include "WindowFixture.h"

#include "MessageListModel.h"
#include "WindowOptions.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace poplar;
using poplar::store::Folder;
using poplar::ui::MessageListModel;

namespace {

class NarrowListTest : public test::WindowFixture {
protected:
    /// Whether the column lies wholly inside the list's viewport as it is scrolled now (or,
    /// when the list is narrower than the column itself, fills it).
    static bool onScreen(const QTableView *list, int column)
    {
        const QHeaderView *header = list->horizontalHeader();
        const int x = header->sectionViewportPosition(column);
        const int right = x + header->sectionSize(column);
        const int width = list->viewport()->width();
        if (header->sectionSize(column) > width)
            return x <= 0 && right >= width;
        return x >= 0 && right <= width;
    }

    /// Every column can be brought wholly into view, by scrolling when they do not all fit
    /// (and then the scroll bar is there for the user to do the same).
    static void expectEveryColumnReachable(QTableView *list, int windowWidth)
    {
        SCOPED_TRACE(QStringLiteral("window %1, list %2")
                         .arg(windowWidth)
                         .arg(list->viewport()->width())
                         .toStdString());
        QScrollBar *sideways = list->horizontalScrollBar();
        sideways->setValue(0);
        QApplication::processEvents();
        bool allFit = true;
        for (int column = 0; column < MessageListModel::ColumnCount; ++column)
            allFit = allFit && onScreen(list, column);
        if (!allFit) {
            EXPECT_TRUE(sideways->isVisible());
            EXPECT_GT(sideways->maximum(), 0);
        }
        for (int column = 0; column < MessageListModel::ColumnCount; ++column) {
            // What dragging the scroll bar to the column does.
            list->scrollTo(list->model()->index(0, column));
            QApplication::processEvents();
            EXPECT_TRUE(onScreen(list, column)) << "column " << column;
        }
        sideways->setValue(0);
    }
};

TEST_F(NarrowListTest, EveryColumnStaysWithinReachAsTheWindowNarrows)
{
    const QString home = addAccount(QStringLiteral("Home"));
    threeMessages(home);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    QTableView *list = window.messageList();
    QHeaderView *header = list->horizontalHeader();
    window.resize(1100, 700);
    QApplication::processEvents();
    const int dateWidth = header->sectionSize(MessageListModel::DateColumn);
    const int sizeWidth = header->sectionSize(MessageListModel::SizeColumn);
    const int senderWidth = header->sectionSize(MessageListModel::FromColumn);
    expectEveryColumnReachable(list, 1100);

    for (int width : {800, 640, 520, 420, 320}) {
        window.resize(width, 600);
        QApplication::processEvents();
        // The date and the size never give way: their text is never cut.
        EXPECT_EQ(header->sectionSize(MessageListModel::DateColumn), dateWidth) << width;
        EXPECT_EQ(header->sectionSize(MessageListModel::SizeColumn), sizeWidth) << width;
        expectEveryColumnReachable(list, width);
    }

    // Order: at a middling width the sender has given way and everything fits unscrolled.
    window.resize(760, 600);
    QApplication::processEvents();
    const int room = list->viewport()->width();
    ASSERT_LT(room, senderWidth + dateWidth + sizeWidth + 2 * header->minimumSectionSize())
        << "the window is not narrow enough for this check";
    ASSERT_GE(room, dateWidth + sizeWidth + 2 * header->minimumSectionSize());
    EXPECT_LT(header->sectionSize(MessageListModel::FromColumn), senderWidth);
    EXPECT_FALSE(list->horizontalScrollBar()->isVisible());
    for (int column = 0; column < MessageListModel::ColumnCount; ++column)
        EXPECT_TRUE(onScreen(list, column)) << "column " << column;

    // Wide again: the sender has its width back.
    window.resize(1100, 700);
    QApplication::processEvents();
    EXPECT_EQ(header->sectionSize(MessageListModel::FromColumn), senderWidth);
    EXPECT_FALSE(list->horizontalScrollBar()->isVisible());
}

TEST_F(NarrowListTest, BesideTheMessageTheListKeepsItsColumnsToo)
{
    const QString home = addAccount(QStringLiteral("Home"));
    threeMessages(home);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    window.windowOptions()->paneBesideAction()->setChecked(true);
    for (int width : {1100, 800, 600}) {
        window.resize(width, 600);
        QApplication::processEvents();
        expectEveryColumnReachable(window.messageList(), width);
    }
}

} // namespace
