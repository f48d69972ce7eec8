// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15, rough edge 4: a server deletion queued for the next check is visible in the
// window (a struck-through, marked row in Trash and a line above it) and can be cancelled.
#include "WindowFixture.h"

#include "MessageListModel.h"
#include "ServerDeletionBar.h"
#include "ServerDeletions.h"

#include <QAction>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace poplar;
using poplar::store::Folder;
using poplar::ui::MessageListModel;

namespace {

class ServerDeletionsTest : public test::WindowFixture {
protected:
    QList<QString> queuedUidls(const QString &account)
    {
        auto queued = m_deletions->queued(account);
        EXPECT_TRUE(queued.ok());
        QList<QString> uidls;
        if (queued)
            for (const store::PendingDeletion &p : queued.value())
                uidls.append(p.uidl);
        return uidls;
    }

    static bool marked(const ui::MainWindow &window, qint64 id)
    {
        const MessageListModel *model = window.messageModel();
        const int row = model->rowOf(id);
        return row >= 0 && model->index(row, MessageListModel::SubjectColumn)
                               .data(MessageListModel::ServerDeletionRole)
                               .toBool();
    }

    /// Waits until the window has read the queue (it does so on a pool thread).
    static bool settled(const ui::MainWindow &window)
    {
        return test::waitUntil([&] { return !window.serverDeletions()->isBusy(); });
    }
};

TEST_F(ServerDeletionsTest, ADeletedMessageIsMarkedInTrashAndKeepOnServerCancelsIt)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(home); // "Message 3" .. "Message 1"
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    selectMessage(window, ids.at(0));
    window.deleteAction()->trigger();
    ASSERT_EQ(queuedUidls(home), QList<QString>{QStringLiteral("uidl-3")});

    // In the Inbox nothing is queued: no line, no mark.
    ui::ServerDeletionBar *bar = window.serverDeletionBar();
    ASSERT_TRUE(settled(window));
    EXPECT_FALSE(bar->isVisible());
    EXPECT_FALSE(marked(window, ids.at(1)));

    window.showFolder(home, Folder::Trash);
    ASSERT_TRUE(test::waitUntil([&] { return bar->isVisible(); }));
    EXPECT_EQ(bar->textLabel()->text(),
              QStringLiteral("1 message will be deleted from the server at the next check."));
    EXPECT_TRUE(bar->keepButton()->isEnabled());

    MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 1);
    ASSERT_TRUE(test::waitUntil([&] { return marked(window, ids.at(0)); }));
    // Struck through, with a mark beside the size, and saying why.
    const QFont font =
        model->index(0, MessageListModel::FromColumn).data(Qt::FontRole).value<QFont>();
    EXPECT_TRUE(font.strikeOut());
    const auto mark =
        model->index(0, MessageListModel::SizeColumn).data(Qt::DecorationRole).value<QIcon>();
    EXPECT_FALSE(mark.isNull());
    EXPECT_TRUE(model->index(0, MessageListModel::DateColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("deleted from the server at the next check")));
    EXPECT_TRUE(model->index(0, MessageListModel::FromColumn)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("Will be deleted from the server")));

    QTest::mouseClick(bar->keepButton(), Qt::LeftButton);
    ASSERT_TRUE(test::waitUntil([&] { return !bar->isVisible(); }));
    EXPECT_TRUE(queuedUidls(home).isEmpty());
    EXPECT_FALSE(marked(window, ids.at(0)));
    EXPECT_FALSE(model->index(0, MessageListModel::FromColumn)
                     .data(Qt::FontRole)
                     .value<QFont>()
                     .strikeOut());
    // Kept on the server, and still in Trash here.
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->summaryAt(0).id, ids.at(0));
}

TEST_F(ServerDeletionsTest, KeepOnServerForTheSelectedMessagesLeavesTheOthersQueued)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(home);
    ASSERT_TRUE(m_actions->moveToTrash(ids.at(0)).ok());
    ASSERT_TRUE(m_actions->moveToTrash(ids.at(1)).ok());
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Trash);
    ui::ServerDeletionBar *bar = window.serverDeletionBar();
    ASSERT_TRUE(test::waitUntil([&] { return bar->isVisible(); }));
    EXPECT_EQ(bar->textLabel()->text(),
              QStringLiteral("2 messages will be deleted from the server at the next check."));
    ASSERT_TRUE(test::waitUntil([&] { return marked(window, ids.at(0)); }));
    EXPECT_TRUE(marked(window, ids.at(1)));

    QAction *keep = window.serverDeletions()->keepOnServerAction();
    EXPECT_FALSE(keep->isEnabled()); // nothing selected
    selectMessage(window, ids.at(1));
    ASSERT_TRUE(keep->isEnabled());
    keep->trigger();
    ASSERT_TRUE(test::waitUntil([&] { return !marked(window, ids.at(1)); }));
    ASSERT_TRUE(settled(window));
    EXPECT_TRUE(marked(window, ids.at(0)));
    EXPECT_EQ(queuedUidls(home), QList<QString>{QStringLiteral("uidl-3")});
    EXPECT_EQ(bar->textLabel()->text(),
              QStringLiteral("1 message will be deleted from the server at the next check."));
    EXPECT_FALSE(keep->isEnabled()); // the selected message is no longer queued
}

TEST_F(ServerDeletionsTest, ACopyDeletedHereForGoodStillCountsAndTheLineSaysWhy)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(home);
    ASSERT_TRUE(m_actions->moveToTrash(ids.at(0)).ok());
    ASSERT_TRUE(m_actions->deletePermanently(ids.at(1)).ok());
    ui::MainWindow &window = makeWindow();
    window.showFolder(home, Folder::Trash);
    ui::ServerDeletionBar *bar = window.serverDeletionBar();
    ASSERT_TRUE(test::waitUntil([&] { return bar->isVisible(); }));
    EXPECT_EQ(bar->textLabel()->text(),
              QStringLiteral("2 messages will be deleted from the server at the next check. "
                             "One of them was deleted here for good."));
    QTest::mouseClick(bar->keepButton(), Qt::LeftButton);
    ASSERT_TRUE(test::waitUntil([&] { return !bar->isVisible(); }));
    EXPECT_TRUE(queuedUidls(home).isEmpty());
}

TEST_F(ServerDeletionsTest, AnAccountThatKeepsServerCopiesQueuesNothingAndShowsNoLine)
{
    Account keeper;
    keeper.name = QStringLiteral("Keeper");
    keeper.host = QStringLiteral("127.0.0.1");
    keeper.port = 110;
    keeper.security = Security::None;
    keeper.user = QStringLiteral("alice");
    keeper.passwordSource = PasswordSource::Command;
    keeper.passwordCommand = QStringLiteral("echo pw");
    keeper.deleteFromServerOnLocalDelete = false;
    const Result<QString> id = m_accounts->add(keeper);
    ASSERT_TRUE(id.ok());
    const QList<qint64> ids = threeMessages(id.value());
    ASSERT_TRUE(m_actions->moveToTrash(ids.at(0)).ok());
    ui::MainWindow &window = makeWindow();
    window.showFolder(id.value(), Folder::Trash);
    ASSERT_TRUE(settled(window));
    EXPECT_FALSE(window.serverDeletionBar()->isVisible());
    EXPECT_FALSE(marked(window, ids.at(0)));
}

} // namespace
