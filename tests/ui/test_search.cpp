// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "ComposeActions.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "SearchBar.h"
#include "SearchController.h"
#include "SearchResultsBar.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace poplar;
using poplar::store::Folder;
using poplar::ui::SearchBar;

namespace {

TEST(SearchBarTest, AsksOnceTypingPausesAndEscapeClears)
{
    SearchBar bar;
    bar.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&bar));
    QSignalSpy requested(&bar, &SearchBar::searchRequested);
    QSignalSpy cleared(&bar, &SearchBar::searchCleared);

    QTest::keyClicks(&bar, QStringLiteral("parc"));
    // Nothing per keystroke: one search once the typing pauses, for all of it.
    EXPECT_EQ(requested.count(), 0);
    ASSERT_TRUE(test::waitUntil([&] { return requested.count() == 1; }, 2000));
    EXPECT_EQ(requested.first().first().toString(), QStringLiteral("parc"));
    QTest::qWait(SearchBar::debounceMs * 2);
    EXPECT_EQ(requested.count(), 1);

    QTest::keyClick(&bar, Qt::Key_Escape);
    EXPECT_TRUE(bar.text().isEmpty());
    EXPECT_GE(cleared.count(), 1);
    QTest::qWait(SearchBar::debounceMs * 2);
    EXPECT_EQ(requested.count(), 1); // the cleared text is not searched for
}

class SearchTest : public test::WindowFixture {
protected:
    /// "Note 1" to "Note 40", an hour apart, every tenth about the harbour; indexed for
    /// search. Returns their ids, oldest first.
    QList<qint64> storeNotes(const QString &account)
    {
        QList<qint64> ids;
        for (int i = 1; i <= 40; ++i)
            ids.append(test::storeMessage(
                *m_store, account, QStringLiteral("u%1").arg(i),
                test::rfc5322(QStringLiteral("Note %1").arg(i), QStringLiteral("x@example.org"),
                              at(1, 0).addSecs(i * 3600),
                              i % 10 == 0 ? QStringLiteral("About the harbour.")
                                          : QStringLiteral("Nothing much."))));
        indexForSearch();
        return ids;
    }
};

TEST_F(SearchTest, CtrlFSearchesTheFolderAsYouTypeAndEscapeBringsItBack)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QString work = addAccount(QStringLiteral("Work"));
    const qint64 parcel = test::storeMessage(
        *m_store, home, QStringLiteral("a"),
        test::rfc5322(QStringLiteral("Your parcel is on its way"),
                      QStringLiteral("Parcel Service <noreply@parcels.example>"), at(9, 14),
                      QStringLiteral("Expected delivery: Thursday.")));
    test::storeMessage(*m_store, home, QStringLiteral("b"),
                       test::rfc5322(QStringLiteral("Minutes"), QStringLiteral("bob@example.org"),
                                     at(2, 9), QStringLiteral("Attached are the minutes.")));
    const qint64 bodyMatch = test::storeMessage(
        *m_store, home, QStringLiteral("c"),
        test::rfc5322(QStringLiteral("Holiday"), QStringLiteral("carol@example.org"), at(5, 18),
                      QStringLiteral("Did the parcel with the photos arrive?")));
    // Another account's message matches too, but is not in the folder shown.
    test::storeMessage(*m_store, work, QStringLiteral("d"),
                       test::rfc5322(QStringLiteral("Parcel for the office"),
                                     QStringLiteral("dave@example.org"), at(6, 8),
                                     QStringLiteral("At the desk.")));
    indexForSearch();

    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    ui::MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 3);
    window.messageList()->setFocus();

    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    SearchBar *bar = window.searchBar();
    ASSERT_TRUE(test::waitUntil([&] { return bar->hasFocus(); }));

    QSignalSpy shown(window.search(), &ui::SearchController::resultsShown);
    QTest::keyClicks(bar, QStringLiteral("parcel"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() >= 1; }));
    EXPECT_EQ(shown.last().first().toString(), QStringLiteral("parcel"));
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->summaryAt(0).id, parcel); // newest first, as the folder was
    EXPECT_EQ(model->summaryAt(1).id, bodyMatch);
    auto *count = window.findChild<QLabel *>(QStringLiteral("messageCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_TRUE(count->text().contains(QStringLiteral("2 of 3"))) << qPrintable(count->text());

    // A word that is nowhere: an empty list, not the folder.
    QTest::keyClicks(bar, QStringLiteral("zzz"));
    ASSERT_TRUE(test::waitUntil([&] { return model->rowCount() == 0; }));

    QTest::keyClick(bar, Qt::Key_Escape);
    EXPECT_TRUE(bar->text().isEmpty());
    EXPECT_FALSE(model->isFiltered());
    EXPECT_EQ(model->rowCount(), 3);

    // Escape in the list ends a search as well.
    bar->setText(QStringLiteral("minutes"));
    ASSERT_TRUE(test::waitUntil([&] { return model->rowCount() == 1; }));
    window.messageList()->setFocus();
    ASSERT_TRUE(test::waitUntil([&] { return window.messageList()->hasFocus(); }));
    QTest::keyClick(window.messageList(), Qt::Key_Escape);
    EXPECT_TRUE(bar->text().isEmpty());
    EXPECT_EQ(model->rowCount(), 3);
}

TEST_F(SearchTest, TheQueryFollowsToAnotherFolder)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const qint64 trashed = test::storeMessage(
        *m_store, home, QStringLiteral("a"),
        test::rfc5322(QStringLiteral("Invoice 42"), QStringLiteral("shop@example.org"), at(3, 9),
                      QStringLiteral("Please pay.")));
    test::storeMessage(*m_store, home, QStringLiteral("b"),
                       test::rfc5322(QStringLiteral("Invoice 43"),
                                     QStringLiteral("shop@example.org"), at(4, 9),
                                     QStringLiteral("Please pay again.")));
    test::storeMessage(*m_store, home, QStringLiteral("c"),
                       test::rfc5322(QStringLiteral("Other"), QStringLiteral("x@example.org"),
                                     at(5, 9), QStringLiteral("Nothing to pay.")));
    ASSERT_TRUE(m_actions->moveToTrash(trashed).ok());
    indexForSearch();

    ui::MainWindow &window = makeWindow();
    window.showFolder(home, Folder::Inbox);
    QSignalSpy shown(window.search(), &ui::SearchController::resultsShown);
    window.searchBar()->setText(QStringLiteral("invoice"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 1; }));
    EXPECT_EQ(window.messageModel()->rowCount(), 1);

    window.showFolder(home, Folder::Trash);
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 2; }));
    ASSERT_EQ(window.messageModel()->rowCount(), 1);
    EXPECT_EQ(window.messageModel()->summaryAt(0).id, trashed);
}

/// The ids of the list's selected rows.
QList<qint64> selectedIds(const ui::MainWindow &window)
{
    QList<qint64> ids;
    for (const QModelIndex &row : window.messageList()->selectionModel()->selectedRows())
        ids.append(row.data(ui::MessageListModel::MessageIdRole).toLongLong());
    return ids;
}

// Issue 15, rough edge 8.
TEST_F(SearchTest, ThePreviewFollowsTheResultsAndEscapeBringsBackTheSelection)
{
    const QString home = addAccount(QStringLiteral("Home"));
    // 40 messages, so the one selected can be out of sight.
    const QList<qint64> ids = storeNotes(home);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.resize(900, 500);
    window.showFolder(home, Folder::Inbox);
    ui::MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 40);

    // Note 5 is near the bottom (newest first) and not about the harbour.
    const qint64 chosen = ids.at(4);
    selectMessage(window, chosen);
    ASSERT_EQ(window.messageView()->messageId(), chosen);

    QSignalSpy shown(window.search(), &ui::SearchController::resultsShown);
    window.searchBar()->setText(QStringLiteral("harbour"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 1; }));
    ASSERT_EQ(model->rowCount(), 4);
    // Not among the results: neither selected nor previewed any more.
    EXPECT_TRUE(selectedIds(window).isEmpty());
    EXPECT_EQ(window.messageView()->messageId(), 0);

    window.searchBar()->setFocus();
    QTest::keyClick(window.searchBar(), Qt::Key_Escape);
    ASSERT_EQ(model->rowCount(), 40);
    EXPECT_EQ(selectedIds(window), QList<qint64>{chosen});
    EXPECT_EQ(window.messageView()->messageId(), chosen);
    QTableView *list = window.messageList();
    const QModelIndex current = list->selectionModel()->currentIndex();
    EXPECT_EQ(current.data(ui::MessageListModel::MessageIdRole).toLongLong(), chosen);
    // Scrolled back to it.
    EXPECT_TRUE(list->viewport()->rect().intersects(list->visualRect(current)));
}

TEST_F(SearchTest, CtrlAIsKeptThroughASearchAndReplyFollowsHowManyAreSelected)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = storeNotes(home);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    ui::MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 40);
    QAction *reply = window.composeActions()->replyAction();

    selectMessage(window, ids.at(4));
    EXPECT_TRUE(reply->isEnabled()); // one message: there is one to answer
    window.messageList()->setFocus();
    QTest::keyClick(window.messageList(), Qt::Key_A, Qt::ControlModifier);
    const QSet<qint64> all(ids.cbegin(), ids.cend());
    QList<qint64> selected = selectedIds(window);
    EXPECT_EQ(QSet<qint64>(selected.cbegin(), selected.cend()), all);
    EXPECT_FALSE(reply->isEnabled()); // forty: which one would it answer?

    QSignalSpy shown(window.search(), &ui::SearchController::resultsShown);
    window.searchBar()->setText(QStringLiteral("harbour"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 1; }));
    ASSERT_EQ(model->rowCount(), 4);
    window.searchBar()->setFocus();
    QTest::keyClick(window.searchBar(), Qt::Key_Escape);
    ASSERT_EQ(model->rowCount(), 40);
    selected = selectedIds(window);
    EXPECT_EQ(QSet<qint64>(selected.cbegin(), selected.cend()), all);
    EXPECT_FALSE(reply->isEnabled());
}

TEST_F(SearchTest, AMessageAmongTheResultsStaysAndTheLastOneChosenIsKept)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const qint64 a = test::storeMessage(*m_store, home, QStringLiteral("a"),
                                        test::rfc5322(QStringLiteral("Harbour tour"),
                                                      QStringLiteral("a@example.org"), at(3, 9),
                                                      QStringLiteral("Boats.")));
    const qint64 b = test::storeMessage(*m_store, home, QStringLiteral("b"),
                                        test::rfc5322(QStringLiteral("Harbour fees"),
                                                      QStringLiteral("b@example.org"), at(4, 9),
                                                      QStringLiteral("Pay.")));
    test::storeMessage(*m_store, home, QStringLiteral("c"),
                       test::rfc5322(QStringLiteral("Lunch"), QStringLiteral("c@example.org"),
                                     at(5, 9), QStringLiteral("Soup.")));
    indexForSearch();
    ui::MainWindow &window = makeWindow();
    window.showFolder(home, Folder::Inbox);
    selectMessage(window, a);
    ASSERT_EQ(window.messageView()->messageId(), a);

    QSignalSpy shown(window.search(), &ui::SearchController::resultsShown);
    window.searchBar()->setText(QStringLiteral("harbour"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 1; }));
    ASSERT_EQ(window.messageModel()->rowCount(), 2);
    EXPECT_EQ(selectedIds(window), QList<qint64>{a});
    EXPECT_EQ(window.messageView()->messageId(), a);

    // Narrowed further, a drops out; widened again, it comes back selected.
    window.searchBar()->setText(QStringLiteral("harbour fees"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 2; }));
    EXPECT_TRUE(selectedIds(window).isEmpty());
    EXPECT_EQ(window.messageView()->messageId(), 0);
    window.searchBar()->setText(QStringLiteral("harbour"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 3; }));
    EXPECT_EQ(selectedIds(window), QList<qint64>{a});

    // The user picks b among the results: ending the search keeps b.
    selectMessage(window, b);
    window.searchBar()->reset();
    ASSERT_EQ(window.messageModel()->rowCount(), 3);
    EXPECT_EQ(selectedIds(window), QList<qint64>{b});
    EXPECT_EQ(window.messageView()->messageId(), b);
}

TEST_F(SearchTest, TheTotalIsShownAndShowMoreAddsTheNextOlderPage)
{
    const QString home = addAccount(QStringLiteral("Home"));
    QList<qint64> receipts; // newest first
    for (int day = 7; day >= 1; --day) {
        receipts.append(test::storeMessage(
            *m_store, home, QStringLiteral("r%1").arg(day),
            test::rfc5322(QStringLiteral("Receipt %1").arg(day), QStringLiteral("shop@example.org"),
                          at(day, 9), QStringLiteral("Thank you for your order."))));
    }
    test::storeMessage(*m_store, home, QStringLiteral("x"),
                       test::rfc5322(QStringLiteral("Other"), QStringLiteral("x@example.org"),
                                     at(8, 9), QStringLiteral("Nothing.")));
    indexForSearch();

    ui::MainWindow &window = makeWindow();
    window.showFolder(home, Folder::Inbox);
    window.search()->setPageSize(3);
    ui::MessageListModel *model = window.messageModel();
    auto *results = window.findChild<ui::SearchResultsBar *>(QStringLiteral("searchResults"));
    ASSERT_NE(results, nullptr);
    EXPECT_FALSE(results->isVisible());
    QSignalSpy shown(window.search(), &ui::SearchController::resultsShown);
    QSignalSpy counted(window.search(), &ui::SearchController::matchesCounted);
    window.searchBar()->setText(QStringLiteral("receipt"));
    // The rows and the count come separately (the rows do not wait for the count).
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 1 && counted.count() == 1; }));
    EXPECT_EQ(counted.first().first().toLongLong(), 7);

    // The newest page, and the number of all of them.
    ASSERT_EQ(model->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        EXPECT_EQ(model->summaryAt(row).id, receipts.at(row));
    EXPECT_TRUE(results->isVisible());
    EXPECT_EQ(results->text(), QStringLiteral("7 messages found. The newest 3 are shown."));
    auto *count = window.findChild<QLabel *>(QStringLiteral("messageCount"));
    EXPECT_TRUE(count->text().startsWith(QStringLiteral("7 of 8 match")))
        << qPrintable(count->text());
    QPushButton *more = results->showMoreButton();
    ASSERT_TRUE(more->isVisible());

    // Show More keeps what the user selected, and adds the older ones below.
    window.messageList()->selectRow(1);
    more->click();
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 2; }));
    ASSERT_EQ(model->rowCount(), 6);
    EXPECT_EQ(model->summaryAt(5).id, receipts.at(5));
    const QModelIndexList selected = window.messageList()->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(model->summaryAt(selected.first().row()).id, receipts.at(1));
    EXPECT_EQ(results->text(), QStringLiteral("7 messages found. The newest 6 are shown."));

    more->click();
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 3; }));
    EXPECT_EQ(model->rowCount(), 7);
    EXPECT_EQ(results->text(), QStringLiteral("7 messages found."));
    EXPECT_FALSE(more->isVisible());

    // Clearing the search hides the line.
    window.searchBar()->reset();
    EXPECT_FALSE(results->isVisible());
    EXPECT_EQ(model->rowCount(), 8);
}

TEST_F(SearchTest, ASearchDuringIndexingSaysHowFarIndexingIs)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(home); // "Text 1".."Text 3", days 1..3
    // Only the newest is indexed, as when a long indexing has just begun.
    ASSERT_EQ(sync::MessageIndexer(m_db->connection()).indexPending(1).value(), 1);

    ui::MainWindow &window = makeWindow();
    window.showFolder(home, Folder::Inbox);
    QSignalSpy shown(window.search(), &ui::SearchController::resultsShown);
    QSignalSpy counted(window.search(), &ui::SearchController::matchesCounted);
    window.searchBar()->setText(QStringLiteral("text"));
    ASSERT_TRUE(test::waitUntil([&] { return shown.count() == 1 && counted.count() == 1; }));
    EXPECT_EQ(window.messageModel()->rowCount(), 1);
    auto *results = window.findChild<ui::SearchResultsBar *>(QStringLiteral("searchResults"));
    EXPECT_EQ(results->text(),
              QStringLiteral("One message found. 1 of 3 messages are indexed so far; the others "
                             "are found once indexing gets to them."));
    (void)ids;
}

} // namespace
