// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "FolderTree.h"
#include "HelpActions.h"
#include "MessageView.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTreeWidget>

using namespace poplar;
using namespace poplar::store;
using poplar::ui::MainWindow;
using poplar::ui::MessageListModel;
using poplar::ui::MessageView;

namespace {

/// The window on a profile of its own: WindowFixture's services, makeWindow() and at().
class MainWindowTest : public test::WindowFixture {};

TEST_F(MainWindowTest, SelectingShowsTheMessageAndDeleteMovesItToTrash)
{
    const QString account = addAccount(QStringLiteral("Home"));
    test::storeMessage(*m_store, account, QStringLiteral("a"),
                       test::rfc5322(QStringLiteral("Minutes of Tuesday's meeting"),
                                     QStringLiteral("Bob Builder <bob@example.org>"), at(2, 9),
                                     QStringLiteral("Attached are the minutes.\nBob")));
    const qint64 newest = test::storeMessage(
        *m_store, account, QStringLiteral("b"),
        test::rfc5322(QStringLiteral("Your parcel is on its way"),
                      QStringLiteral("Parcel Service <noreply@parcels.example>"), at(9, 14),
                      QStringLiteral("Expected delivery: Thursday.\nTrack it online.")));
    test::storeMessage(*m_store, account, QStringLiteral("c"),
                       test::rfc5322(QStringLiteral("Re: Holiday photos"),
                                     QStringLiteral("Carol <carol@example.org>"), at(5, 18),
                                     QStringLiteral("Lovely pictures, thanks!")));

    MainWindow &window = makeWindow();
    EXPECT_EQ(window.windowTitle(), QStringLiteral("Poplar"));
    QTableView *list = window.messageList();
    MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(list->model(), model);
    EXPECT_EQ(model->accountId(), account);
    EXPECT_EQ(model->folder(), Folder::Inbox);
    EXPECT_EQ(model->summaryAt(0).id, newest);

    // The tree: the account, with Inbox and Trash.
    QTreeWidget *tree = window.folderTree();
    ASSERT_EQ(tree->topLevelItemCount(), 1);
    EXPECT_EQ(tree->topLevelItem(0)->text(0), QStringLiteral("Home"));
    ASSERT_EQ(tree->topLevelItem(0)->childCount(), 2);
    EXPECT_EQ(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("Inbox"));
    EXPECT_EQ(tree->topLevelItem(0)->child(1)->text(0), QStringLiteral("Trash"));

    QSignalSpy rendered(window.messageView(), &MessageView::rendered);
    list->selectionModel()->setCurrentIndex(
        model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    EXPECT_EQ(window.messageView()->subjectText(), QStringLiteral("Your parcel is on its way"));
    EXPECT_TRUE(window.messageView()->bodyText().contains(QStringLiteral("Expected delivery")));
    // Reading marks it seen, in the cache and in the list.
    EXPECT_TRUE(m_store->message(newest).value().seen);
    EXPECT_TRUE(model->summaryAt(0).seen);

    ASSERT_TRUE(window.deleteAction()->isEnabled());
    window.deleteAction()->trigger();
    EXPECT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->rowOf(newest), -1);
    const auto trash = m_store->messages(Folder::Trash, account);
    ASSERT_TRUE(trash.ok());
    ASSERT_EQ(trash.value().size(), 1);
    EXPECT_EQ(trash.value().first().id, newest);
    EXPECT_EQ(m_store->messages(Folder::Inbox, account).value().size(), 2);

    // In Trash, Delete does nothing yet (and says so).
    window.showFolder(account, Folder::Trash);
    ASSERT_EQ(model->folder(), Folder::Trash);
    ASSERT_EQ(model->rowCount(), 1);
    list->selectionModel()->setCurrentIndex(
        model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    window.deleteAction()->trigger();
    EXPECT_EQ(model->rowCount(), 1);
    EXPECT_FALSE(window.statusBar()->currentMessage().isEmpty());
    EXPECT_EQ(m_store->messages(Folder::Trash, account).value().size(), 1);
}

TEST_F(MainWindowTest, DeleteKeyWorksFromTheList)
{
    const QString account = addAccount(QStringLiteral("Home"));
    for (int i = 0; i < 2; ++i)
        test::storeMessage(*m_store, account, QString::number(i),
                           test::rfc5322(QStringLiteral("Message %1").arg(i),
                                         QStringLiteral("a@example.org"), at(1 + i, 8),
                                         QStringLiteral("Text")));
    MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTableView *list = window.messageList();
    list->setFocus();
    list->selectionModel()->setCurrentIndex(window.messageModel()->index(1, 0),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    QTest::keyClick(list, Qt::Key_Delete);
    EXPECT_EQ(window.messageModel()->rowCount(), 1);
    EXPECT_EQ(m_store->messages(Folder::Trash, account).value().size(), 1);
}

TEST_F(MainWindowTest, NewMailAppearsInTheShownInboxWithoutLosingTheSelection)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const qint64 first =
        test::storeMessage(*m_store, account, QStringLiteral("1"),
                           test::rfc5322(QStringLiteral("Hello"), QStringLiteral("a@example.org"),
                                         at(1, 8), QStringLiteral("Hi")));
    MainWindow &window = makeWindow();
    QTableView *list = window.messageList();
    list->selectionModel()->setCurrentIndex(window.messageModel()->index(0, 0),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);

    const qint64 second =
        test::storeMessage(*m_store, account, QStringLiteral("2"),
                           test::rfc5322(QStringLiteral("Newer"), QStringLiteral("b@example.org"),
                                         at(3, 8), QStringLiteral("Hi again")));
    // As the sync thread reports a committed batch.
    Q_EMIT m_sync->messagesStored(account, {second});
    ASSERT_EQ(window.messageModel()->rowCount(), 2);
    EXPECT_EQ(window.messageModel()->summaryAt(0).id, second);
    const QModelIndexList selected = list->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().data(MessageListModel::MessageIdRole).toLongLong(), first);

    // Another account's mail does not enter this list.
    Q_EMIT m_sync->messagesStored(QStringLiteral("99"), {second + 1});
    EXPECT_EQ(window.messageModel()->rowCount(), 2);
}

TEST_F(MainWindowTest, TheUnifiedInboxShowsEveryAccountsMailAndWhatArrives)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QString work = addAccount(QStringLiteral("Work"));
    test::storeMessage(*m_store, home, QStringLiteral("h1"),
                       test::rfc5322(QStringLiteral("From home"), QStringLiteral("a@example.org"),
                                     at(1, 8), QStringLiteral("Hi")));
    test::storeMessage(*m_store, work, QStringLiteral("w1"),
                       test::rfc5322(QStringLiteral("From work"), QStringLiteral("b@example.org"),
                                     at(2, 8), QStringLiteral("Hi")));
    MainWindow &window = makeWindow();
    auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("folderTree"));
    ASSERT_NE(tree, nullptr);
    // Above the accounts, as Thunderbird's unified folders are.
    ASSERT_GE(tree->topLevelItemCount(), 3);
    EXPECT_EQ(tree->topLevelItem(0)->text(0), QStringLiteral("Unified Inbox"));
    EXPECT_EQ(window.messageModel()->rowCount(), 1); // Home's Inbox, the first account's

    tree->setCurrentItem(tree->topLevelItem(0));
    EXPECT_TRUE(window.messageModel()->isUnifiedInbox());
    ASSERT_EQ(window.messageModel()->rowCount(), 2);
    EXPECT_EQ(window.messageModel()->summaryAt(0).subject, QStringLiteral("From work"));
    // Whose mail a row is, where several accounts share one list.
    // (The tooltip is escaped rich text; what it shows is its plain text.)
    EXPECT_TRUE(QTextDocumentFragment::fromHtml(window.messageModel()
                                                    ->index(0, MessageListModel::FromColumn)
                                                    .data(Qt::ToolTipRole)
                                                    .toString())
                    .toPlainText()
                    .endsWith(QStringLiteral("Account: Work")));
    const auto *count = window.findChild<QLabel *>(QStringLiteral("messageCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_TRUE(count->text().startsWith(QStringLiteral("2 messages")))
        << qPrintable(count->text());

    // New mail of either account comes in as the sync stores it.
    const qint64 late =
        test::storeMessage(*m_store, home, QStringLiteral("h2"),
                           test::rfc5322(QStringLiteral("Late"), QStringLiteral("c@example.org"),
                                         at(5, 8), QStringLiteral("Hi")));
    Q_EMIT m_sync->messagesStored(home, {late});
    ASSERT_EQ(window.messageModel()->rowCount(), 3);
    EXPECT_EQ(window.messageModel()->summaryAt(0).id, late);

    // One account alone needs no Unified Inbox.
    ASSERT_TRUE(m_accounts->remove(work).ok());
    m_window->close();
    m_window.reset();
    MainWindow &again = makeWindow();
    tree = again.findChild<QTreeWidget *>(QStringLiteral("folderTree"));
    ASSERT_NE(tree, nullptr);
    EXPECT_NE(tree->topLevelItem(0)->text(0), QStringLiteral("Unified Inbox"));
    EXPECT_FALSE(again.messageModel()->isUnifiedInbox());
}

TEST_F(MainWindowTest, ThreadedConversationsIsAViewChoiceThatIsRemembered)
{
    addAccount(QStringLiteral("Home"));
    MainWindow &window = makeWindow();
    QAction *threaded = window.findChild<QAction *>(QStringLiteral("threadedAction"));
    ASSERT_NE(threaded, nullptr);
    EXPECT_FALSE(window.messageModel()->isThreaded());
    threaded->trigger();
    EXPECT_TRUE(window.messageModel()->isThreaded());
    m_window->close();
    m_window.reset();
    MainWindow &again = makeWindow();
    EXPECT_TRUE(again.messageModel()->isThreaded());
}

TEST_F(MainWindowTest, WithoutAccountsTheWindowSaysWhatToDo)
{
    MainWindow &window = makeWindow();
    auto *hint = window.findChild<QLabel *>(QStringLiteral("noAccountsHint"));
    ASSERT_NE(hint, nullptr);
    EXPECT_TRUE(hint->isVisible());
    EXPECT_EQ(hint->text(), QStringLiteral("No accounts yet — open Settings to add one."));
    EXPECT_FALSE(window.messageList()->isVisible());
    EXPECT_EQ(window.folderTree()->topLevelItemCount(), 0);
}

TEST_F(MainWindowTest, RemembersItsLayoutInPoplarIni)
{
    addAccount(QStringLiteral("Home"));
    {
        MainWindow &window = makeWindow();
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("folderSplitter"));
        ASSERT_NE(splitter, nullptr);
        splitter->setSizes({300, 700});
        window.close();
        m_window.reset();
    }
    QSettings ini(m_profile->iniPath(), QSettings::IniFormat);
    EXPECT_FALSE(ini.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    EXPECT_FALSE(ini.value(QStringLiteral("window/folderSplitter")).toByteArray().isEmpty());
    // The accounts are still there beside it.
    EXPECT_EQ(m_accounts->accounts().size(), 1);

    MainWindow &again = makeWindow();
    auto *splitter = again.findChild<QSplitter *>(QStringLiteral("folderSplitter"));
    ASSERT_NE(splitter, nullptr);
    EXPECT_NEAR(splitter->sizes().first(), 300, 5);
}

} // namespace

// Issue 15, rough edge 7: Help has About Poplar and Getting Started; About says where the
// profile lives.
TEST_F(MainWindowTest, HelpHasAboutAndGettingStarted)
{
    ui::MainWindow &w = makeWindow();
    QMenu *help = nullptr;
    for (QAction *menu : w.menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(w.protocolLogAction()))
            help = menu->menu();
    }
    ASSERT_NE(help, nullptr);
    auto *about = w.findChild<QAction *>(QStringLiteral("aboutAction"));
    auto *start = w.findChild<QAction *>(QStringLiteral("gettingStartedAction"));
    ASSERT_NE(about, nullptr);
    ASSERT_NE(start, nullptr);
    EXPECT_TRUE(help->actions().contains(about));
    EXPECT_TRUE(help->actions().contains(start));

    const QString text = ui::HelpActions::aboutText(*m_profile);
    EXPECT_TRUE(text.contains(QDir::toNativeSeparators(m_profile->iniPath()).toHtmlEscaped()))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral(POPLAR_VERSION)));
    EXPECT_TRUE(text.contains(QStringLiteral("GPL-3.0-or-later")));

    // Getting Started opens a dialog that says how to add an account.
    start->trigger();
    QMessageBox *box = nullptr;
    ASSERT_TRUE(test::waitUntil([&] {
        box = w.findChild<QMessageBox *>(QStringLiteral("gettingStartedDialog"));
        return box && box->isVisible();
    }));
    EXPECT_TRUE(box->text().contains(QStringLiteral("Add")));
    box->close();
}
