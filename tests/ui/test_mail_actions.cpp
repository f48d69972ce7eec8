// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "MailActions.h"
#include "MessageListModel.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace poplar;
using poplar::store::Folder;

namespace {

class MailActionsTest : public test::WindowFixture {
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

    /// Answers the next modal question by pressing the button named `buttonName`.
    static void answerNextQuestion(const QString &buttonName)
    {
        QTimer::singleShot(0, [buttonName] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr) << "no question was asked";
            if (buttonName.isEmpty()) {
                box->button(QMessageBox::Cancel)->click();
                return;
            }
            auto *button = box->findChild<QPushButton *>(buttonName);
            ASSERT_NE(button, nullptr);
            button->click();
        });
    }
};

TEST_F(MailActionsTest, CtrlZUndoesADeleteAndRedoDoesItAgain)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ui::MessageListModel *model = window.messageModel();
    QTableView *list = window.messageList();
    list->setFocus();
    selectMessage(window, ids.at(1));

    QTest::keyClick(list, Qt::Key_Delete);
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->rowOf(ids.at(1)), -1);
    EXPECT_EQ(m_store->message(ids.at(1)).value().folder, Folder::Trash);
    // The account deletes from the server what is deleted here: queued for the next sync.
    EXPECT_EQ(queuedUidls(account), QList<QString>{QStringLiteral("uidl-2")});
    // The next message is selected, as after a delete in any mail reader.
    ASSERT_EQ(list->selectionModel()->selectedRows().size(), 1);

    QAction *undo = window.mailActions()->undoAction();
    ASSERT_TRUE(undo->isEnabled());
    EXPECT_EQ(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(m_store->message(ids.at(1)).value().folder, Folder::Inbox);
    EXPECT_TRUE(queuedUidls(account).isEmpty());
    // The restored message is the one selected.
    const QModelIndexList selected = list->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().data(ui::MessageListModel::MessageIdRole).toLongLong(), ids.at(1));

    window.mailActions()->redoAction()->trigger();
    EXPECT_EQ(model->rowCount(), 2);
    EXPECT_EQ(m_store->message(ids.at(1)).value().folder, Folder::Trash);
    EXPECT_EQ(queuedUidls(account).size(), 1);
}

TEST_F(MailActionsTest, RestoreFromTrashCanBeUndoneToo)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ASSERT_TRUE(m_actions->moveToTrash(ids.at(0)).ok());
    ui::MainWindow &window = makeWindow();
    window.showFolder(account, Folder::Trash);
    ASSERT_EQ(window.messageModel()->rowCount(), 1);
    QAction *restore = window.mailActions()->restoreAction();
    EXPECT_FALSE(restore->isEnabled()); // nothing selected
    selectMessage(window, ids.at(0));
    ASSERT_TRUE(restore->isEnabled());

    restore->trigger();
    EXPECT_EQ(window.messageModel()->rowCount(), 0);
    EXPECT_EQ(m_store->message(ids.at(0)).value().folder, Folder::Inbox);
    EXPECT_TRUE(queuedUidls(account).isEmpty());

    window.mailActions()->undoAction()->trigger();
    EXPECT_EQ(window.messageModel()->rowCount(), 1);
    EXPECT_EQ(m_store->message(ids.at(0)).value().folder, Folder::Trash);
    EXPECT_EQ(queuedUidls(account).size(), 1);

    // Restore is for Trash only.
    window.showFolder(account, Folder::Inbox);
    selectMessage(window, ids.at(1));
    EXPECT_FALSE(restore->isEnabled());
}

TEST_F(MailActionsTest, EmptyTrashAsksThenPurgesAndNothingComesBack)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ui::MainWindow &window = makeWindow();
    selectMessage(window, ids.at(0));
    window.deleteAction()->trigger();
    selectMessage(window, ids.at(1));
    window.deleteAction()->trigger();
    ASSERT_EQ(m_store->count(Folder::Trash, account).value(), 2);
    window.showFolder(account, Folder::Trash);
    ASSERT_EQ(window.messageModel()->rowCount(), 2);
    QAction *empty = window.mailActions()->emptyTrashAction();
    ASSERT_TRUE(empty->isEnabled());

    // "Cancel" keeps everything.
    answerNextQuestion({});
    empty->trigger();
    EXPECT_EQ(m_store->count(Folder::Trash, account).value(), 2);

    QSignalSpy emptied(window.mailActions(), &ui::MailActions::trashEmptied);
    answerNextQuestion(QStringLiteral("confirmEmptyTrash"));
    empty->trigger();
    ASSERT_TRUE(test::waitUntil([&] { return emptied.count() == 1; }));
    EXPECT_EQ(emptied.first().at(1).toInt(), 2);
    EXPECT_EQ(m_store->count(Folder::Trash, account).value(), 0);
    EXPECT_EQ(window.messageModel()->rowCount(), 0);
    EXPECT_EQ(m_store->count(Folder::Inbox, account).value(), 1);
    EXPECT_FALSE(m_store->message(ids.at(0)).ok());
    // The download records stay, so the next sync does not fetch them again.
    const auto known = m_store->knownUidls(account);
    ASSERT_TRUE(known.ok());
    EXPECT_TRUE(known.value().contains(QStringLiteral("uidl-3")));
    EXPECT_TRUE(known.value().contains(QStringLiteral("uidl-2")));
    // Nothing left to undo: the deleted messages are gone.
    EXPECT_FALSE(window.mailActions()->undoAction()->isEnabled());
}

} // namespace

TEST_F(MailActionsTest, ShiftDelAsksThenDeletesForGoodAndQueuesTheServerCopy)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.messageList()->setFocus();
    selectMessage(window, ids.at(1));

    answerNextQuestion({}); // Cancel: nothing happens
    QTest::keyClick(window.messageList(), Qt::Key_Delete, Qt::ShiftModifier);
    EXPECT_TRUE(m_store->message(ids.at(1)).ok());

    // The closed question took the focus with it (offscreen has no window manager).
    QApplication::setActiveWindow(&window);
    window.messageList()->setFocus();
    answerNextQuestion(QStringLiteral("confirmDeletePermanently"));
    QTest::keyClick(window.messageList(), Qt::Key_Delete, Qt::ShiftModifier);
    ASSERT_FALSE(m_store->message(ids.at(1)).ok());
    EXPECT_EQ(m_store->message(ids.at(1)).error().code, Error::Code::NotFound);
    EXPECT_EQ(window.messageModel()->rowOf(ids.at(1)), -1);
    EXPECT_EQ(m_store->count(Folder::Trash, account).value(), 0) << "it skipped the Trash";
    // The account deletes on the server what is deleted here: the next sync will.
    EXPECT_EQ(queuedUidls(account), QList<QString>{QStringLiteral("uidl-2")});
    // And the download record stays, so the next sync does not bring it back.
    EXPECT_TRUE(m_store->knownUidls(account).value().contains(QStringLiteral("uidl-2")));
    EXPECT_FALSE(window.mailActions()->undoAction()->isEnabled());
}
