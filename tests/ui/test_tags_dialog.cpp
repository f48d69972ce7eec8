// SPDX-License-Identifier: GPL-3.0-or-later
// Edit Tags (issue 17) on real widgets, from Message ▸ Tag ▸ Edit Tags…: add by name (Enter
// adds), rename in place (F2), recolour through the colour dialog, move (which key reaches
// a tag follows), delete (asking first, with the count, when messages carry the tag), names
// refused with the reason; the Tag menu and the list change at once.
#include "WindowFixture.h"

#include "CacheChangeQueue.h"
#include "MessageListModel.h"
#include "TagsDialog.h"
#include "store/TagStore.h"

#include <QAction>
#include <QApplication>
#include <QColor>
#include <QColorDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace poplar;

namespace {

class TagsDialogTest : public test::WindowFixture {
protected:
    void SetUp() override
    {
        test::WindowFixture::SetUp();
        const QString account = addAccount(QStringLiteral("Home"));
        m_ids = threeMessages(account);
    }

    QStringList tagsOf(qint64 id)
    {
        auto names = store::TagStore(m_db->connection()).tagNames(id);
        EXPECT_TRUE(names.ok());
        return names.ok() ? names.value() : QStringList{};
    }

    store::Tag stored(const QString &name)
    {
        auto t = store::TagStore(m_db->connection()).tag(name);
        EXPECT_TRUE(t.ok() && t.value()) << qPrintable(name);
        return t.ok() && t.value() ? *t.value() : store::Tag{};
    }

    /// The window, and Edit Tags opened from its Message ▸ Tag menu.
    ui::TagsDialog *openDialog()
    {
        ui::MainWindow &window = makeWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
        auto *tagMenu = window.findChild<QMenu *>(QStringLiteral("tagMenu"));
        EXPECT_TRUE(tagMenu);
        if (!tagMenu)
            return nullptr;
        QAction *edit = tagMenu->actions().isEmpty() ? nullptr : tagMenu->actions().last();
        EXPECT_TRUE(edit && edit->objectName() == QStringLiteral("editTagsAction"));
        if (!edit)
            return nullptr;
        edit->trigger();
        auto *dialog = window.findChild<ui::TagsDialog *>();
        EXPECT_TRUE(dialog && dialog->isVisible());
        // Its keys (Delete, Ctrl+Up) are shortcuts: they work in the active window only.
        if (dialog) {
            // (A window-modal dialog counts as active while its parent is: wait for the
            // dialog itself to have the focus.)
            dialog->activateWindow();
            EXPECT_TRUE(QTest::qWaitFor(
                [dialog] { return QGuiApplication::focusWindow() == dialog->windowHandle(); }));
        }
        return dialog;
    }

    static QStringList shown(const ui::TagsDialog *dialog)
    {
        QStringList out;
        for (int i = 0; i < dialog->tagList()->count(); ++i)
            out.append(dialog->tagList()->item(i)->text());
        return out;
    }

    QAction *tagAction(int n)
    {
        return m_window->findChild<QAction *>(QStringLiteral("tagAction%1").arg(n));
    }

    /// Renames the list's current tag in place: F2, the new name, Enter.
    static void renameInPlace(ui::TagsDialog *dialog, const QString &name)
    {
        QListWidget *list = dialog->tagList();
        list->setFocus();
        QTest::keyClick(list, Qt::Key_F2);
        auto *editor = list->viewport()->findChild<QLineEdit *>();
        ASSERT_TRUE(editor) << "F2 opened no editor";
        editor->selectAll();
        QTest::keyClicks(editor, name);
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits what was typed from the event loop (a queued call), and the
        // editor goes later still: gone before the next F2 looks for one.
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    /// Closed sub-dialogs delete themselves later (WA_DeleteOnClose): now.
    static void flushDeletes()
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    QList<qint64> m_ids;
};

} // namespace

TEST_F(TagsDialogTest, EditTagsIsInTheTagMenuAndTheEditMenuAndListsTheTagsWithSwatches)
{
    ui::TagsDialog *dialog = openDialog();
    ASSERT_TRUE(dialog);
    EXPECT_EQ(shown(dialog), (QStringList{QStringLiteral("Important"), QStringLiteral("Work"),
                                          QStringLiteral("Personal"), QStringLiteral("To Do"),
                                          QStringLiteral("Later")}));
    for (int i = 0; i < dialog->tagList()->count(); ++i)
        EXPECT_FALSE(dialog->tagList()->item(i)->icon().isNull());
    EXPECT_TRUE(dialog->tagList()->item(3)->toolTip().contains(QStringLiteral("$label4")));
    EXPECT_TRUE(dialog->tagList()->item(3)->toolTip().contains(QStringLiteral("Key 4")));
    EXPECT_EQ(dialog->tagList()->currentRow(), 0);
    EXPECT_FALSE(dialog->upButton()->isEnabled()); // the first cannot go up
    EXPECT_TRUE(dialog->downButton()->isEnabled());
    // The same action in the Edit menu, beside the filters.
    bool inEdit = false;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->text() == QStringLiteral("&Edit"))
            inEdit = menu->menu()->actions().contains(
                m_window->findChild<QAction *>(QStringLiteral("editTagsAction")));
    }
    EXPECT_TRUE(inEdit);
}

TEST_F(TagsDialogTest, EnterAddsATagWhichTheTagMenuOffersAtOnceAndBadNamesAreRefused)
{
    ui::TagsDialog *dialog = openDialog();
    ASSERT_TRUE(dialog);
    QTest::keyClicks(dialog->newName(), QStringLiteral("Follow Up"));
    QTest::keyClick(dialog->newName(), Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible()); // Enter added; it did not close the dialog
    EXPECT_FALSE(dialog->problem()->isVisible());
    EXPECT_TRUE(dialog->newName()->text().isEmpty());
    ASSERT_EQ(dialog->tagList()->count(), 6);
    EXPECT_EQ(dialog->tagList()->currentItem()->text(), QStringLiteral("Follow Up"));
    EXPECT_EQ(stored(QStringLiteral("Follow Up")).keyword, QStringLiteral("follow_up"));
    ASSERT_TRUE(tagAction(6));
    EXPECT_EQ(tagAction(6)->text(), QStringLiteral("Follow Up"));
    EXPECT_TRUE(tagAction(6)->shortcut().isEmpty()); // keys reach the first five only

    // A name that is there already (in any case), or none, is refused with the reason.
    QTest::keyClicks(dialog->newName(), QStringLiteral("work"));
    dialog->addButton()->click();
    EXPECT_TRUE(dialog->problem()->isVisible());
    EXPECT_TRUE(dialog->problem()->text().contains(QStringLiteral("already a tag named \"Work\"")))
        << qPrintable(dialog->problem()->text());
    EXPECT_EQ(dialog->newName()->text(), QStringLiteral("work")); // kept, to be corrected
    dialog->newName()->setText(QStringLiteral("  "));
    dialog->addButton()->click();
    EXPECT_TRUE(dialog->problem()->text().contains(QStringLiteral("needs a name")));
    EXPECT_EQ(dialog->tagList()->count(), 6);
    // A name with '&' is shown as typed in the menu, not as a mnemonic.
    dialog->newName()->setText(QStringLiteral("R&D"));
    dialog->addButton()->click();
    ASSERT_TRUE(tagAction(7));
    EXPECT_EQ(tagAction(7)->text(), QStringLiteral("R&&D"));
    EXPECT_FALSE(dialog->problem()->isVisible());
}

TEST_F(TagsDialogTest, F2RenamesInPlaceAndTheListAndMenuShowTheNewNameAtOnce)
{
    ui::TagsDialog *dialog = openDialog();
    ASSERT_TRUE(dialog);
    const store::Tag work = stored(QStringLiteral("Work"));
    ASSERT_TRUE(store::TagStore(m_db->connection()).setTag({m_ids.at(0)}, work.id, true).ok());
    m_window->messageModel()->rereadChanged();
    selectMessage(*m_window, m_ids.at(0));

    dialog->tagList()->setCurrentRow(1);
    ASSERT_NO_FATAL_FAILURE(renameInPlace(dialog, QStringLiteral("Projects")));
    EXPECT_EQ(dialog->tagList()->item(1)->text(), QStringLiteral("Projects"));
    EXPECT_FALSE(dialog->problem()->isVisible());
    const store::Tag projects = stored(QStringLiteral("Projects"));
    EXPECT_EQ(projects.id, work.id);
    EXPECT_EQ(projects.keyword, QStringLiteral("$label2")); // the rules keep their tag
    EXPECT_EQ(tagAction(2)->text(), QStringLiteral("Projects"));
    ui::MessageListModel *model = m_window->messageModel();
    const QModelIndex subject =
        model->index(model->rowOf(m_ids.at(0)), ui::MessageListModel::SubjectColumn);
    EXPECT_TRUE(subject.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Projects")))
        << qPrintable(subject.data(Qt::ToolTipRole).toString());
    // The list kept its current message through the change.
    EXPECT_EQ(m_window->messageList()->currentIndex().row(), model->rowOf(m_ids.at(0)));

    // A name another tag has is refused, and the item shows its name again.
    dialog->tagList()->setCurrentRow(2);
    ASSERT_NO_FATAL_FAILURE(renameInPlace(dialog, QStringLiteral("important")));
    EXPECT_TRUE(dialog->problem()->isVisible());
    EXPECT_TRUE(dialog->problem()->text().contains(QStringLiteral("Important")));
    EXPECT_EQ(dialog->tagList()->item(2)->text(), QStringLiteral("Personal"));
    EXPECT_EQ(stored(QStringLiteral("Personal")).name, QStringLiteral("Personal"));

    // The Rename button opens the same editor.
    dialog->renameButton()->click();
    EXPECT_TRUE(dialog->tagList()->viewport()->findChild<QLineEdit *>());
}

TEST_F(TagsDialogTest, TheColourDialogRecoloursTheTagAndTheListAtOnce)
{
    ui::TagsDialog *dialog = openDialog();
    ASSERT_TRUE(dialog);
    const store::Tag important = stored(QStringLiteral("Important"));
    ASSERT_TRUE(store::TagStore(m_db->connection()).setTag({m_ids.at(1)}, important.id, true).ok());
    m_window->messageModel()->rereadChanged();
    dialog->tagList()->setCurrentRow(0);
    dialog->colourButton()->click();
    auto *colours = dialog->findChild<QColorDialog *>(QStringLiteral("tagColourDialog"));
    ASSERT_TRUE(colours);
    EXPECT_TRUE(colours->isVisible());
    EXPECT_EQ(colours->currentColor(), QColor(QStringLiteral("#ff0000")));
    colours->setCurrentColor(QColor(QStringLiteral("#00a000")));
    colours->accept();
    EXPECT_EQ(stored(QStringLiteral("Important")).colour, QStringLiteral("#00a000"));
    ui::MessageListModel *model = m_window->messageModel();
    const QModelIndex subject =
        model->index(model->rowOf(m_ids.at(1)), ui::MessageListModel::SubjectColumn);
    EXPECT_EQ(subject.data(Qt::ForegroundRole).value<QColor>(), QColor(QStringLiteral("#00a000")));
    EXPECT_EQ(dialog->tagList()->item(0)->toolTip().contains(QStringLiteral("#00a000")), true);
}

TEST_F(TagsDialogTest, MovingATagChangesWhichKeyTagsWithIt)
{
    ui::TagsDialog *dialog = openDialog();
    ASSERT_TRUE(dialog);
    dialog->tagList()->setCurrentRow(4); // Later
    EXPECT_FALSE(dialog->downButton()->isEnabled());
    dialog->upButton()->click();
    EXPECT_EQ(shown(dialog).at(3), QStringLiteral("Later"));
    EXPECT_EQ(dialog->tagList()->currentRow(), 3); // it stays chosen as it moves
    EXPECT_EQ(tagAction(4)->text(), QStringLiteral("Later"));
    // Ctrl+Up on the list moves it again.
    dialog->tagList()->setFocus();
    QTest::keyClick(dialog->tagList(), Qt::Key_Up, Qt::ControlModifier);
    EXPECT_EQ(shown(dialog).at(2), QStringLiteral("Later"));
    EXPECT_EQ(tagAction(3)->text(), QStringLiteral("Later"));

    // Key 3 in the message list now puts Later on the message.
    dialog->close();
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitFor(
        [this] { return QGuiApplication::focusWindow() == m_window->windowHandle(); }));
    QTableView *list = m_window->messageList();
    list->setFocus();
    selectMessage(*m_window, m_ids.at(2));
    QTest::keyClick(list, Qt::Key_3);
    EXPECT_EQ(tagsOf(m_ids.at(2)), QStringList{QStringLiteral("Later")});
}

TEST_F(TagsDialogTest, DeletingATagMessagesCarryAsksWithTheCountFirst)
{
    ui::TagsDialog *dialog = openDialog();
    ASSERT_TRUE(dialog);
    const store::Tag toDo = stored(QStringLiteral("To Do"));
    ASSERT_TRUE(
        store::TagStore(m_db->connection()).setTag({m_ids.at(0), m_ids.at(1)}, toDo.id, true).ok());
    dialog->tagList()->setCurrentRow(3);
    dialog->tagList()->setFocus();
    QTest::keyClick(dialog->tagList(), Qt::Key_Delete);
    auto *question = dialog->findChild<QMessageBox *>(QStringLiteral("deleteTagQuestion"));
    ASSERT_TRUE(question);
    EXPECT_TRUE(question->isVisible());
    EXPECT_TRUE(question->text().contains(QStringLiteral("To Do")));
    EXPECT_TRUE(question->informativeText().contains(QStringLiteral("2 messages")))
        << qPrintable(question->informativeText());
    // Cancel (the default) keeps it.
    question->button(QMessageBox::Cancel)->click();
    flushDeletes();
    EXPECT_EQ(dialog->tagList()->count(), 5);
    EXPECT_EQ(tagsOf(m_ids.at(0)), QStringList{QStringLiteral("To Do")});

    dialog->deleteButton()->click();
    question = dialog->findChild<QMessageBox *>(QStringLiteral("deleteTagQuestion"));
    ASSERT_TRUE(question);
    auto *confirm = question->findChild<QPushButton *>(QStringLiteral("confirmDeleteTag"));
    ASSERT_TRUE(confirm);
    confirm->click();
    flushDeletes();
    EXPECT_EQ(shown(dialog), (QStringList{QStringLiteral("Important"), QStringLiteral("Work"),
                                          QStringLiteral("Personal"), QStringLiteral("Later")}));
    EXPECT_EQ(dialog->tagList()->currentItem()->text(), QStringLiteral("Later"));
    EXPECT_TRUE(tagsOf(m_ids.at(0)).isEmpty());
    EXPECT_TRUE(tagsOf(m_ids.at(1)).isEmpty());
    EXPECT_EQ(tagAction(4)->text(), QStringLiteral("Later"));
    EXPECT_FALSE(tagAction(5));

    // A tag no message carries goes without a question.
    dialog->tagList()->setCurrentRow(0);
    dialog->deleteButton()->click();
    EXPECT_FALSE(dialog->findChild<QMessageBox *>(QStringLiteral("deleteTagQuestion")));
    EXPECT_EQ(shown(dialog).front(), QStringLiteral("Work"));
    EXPECT_EQ(tagAction(1)->text(), QStringLiteral("Work"));
}

TEST_F(TagsDialogTest, ATagOnManyMessagesGoesOnTheWorkerAndTheMenuFollowsAfterClosing)
{
    // More than the change queue does at once on the window's thread.
    QList<qint64> ids = m_ids;
    for (int i = 0; i < 100; ++i)
        ids.append(test::storeMessage(
            *m_store, m_accounts->accounts().front().id, QStringLiteral("many-%1").arg(i),
            test::rfc5322(QStringLiteral("Many %1").arg(i), QStringLiteral("a@example.org"),
                          at(9, 8), QStringLiteral("Text"))));
    const store::Tag personal = stored(QStringLiteral("Personal"));
    ASSERT_TRUE(store::TagStore(m_db->connection()).setTag(ids, personal.id, true).ok());
    ui::TagsDialog *dialog = openDialog();
    ASSERT_TRUE(dialog);
    dialog->tagList()->setCurrentRow(2);
    dialog->deleteButton()->click();
    auto *question = dialog->findChild<QMessageBox *>(QStringLiteral("deleteTagQuestion"));
    ASSERT_TRUE(question);
    EXPECT_TRUE(question->informativeText().contains(QStringLiteral("103 messages")))
        << qPrintable(question->informativeText());
    question->findChild<QPushButton *>(QStringLiteral("confirmDeleteTag"))->click();
    EXPECT_TRUE(m_window->cacheChanges()->isBusy()); // not on the window's thread
    dialog->close();
    ASSERT_TRUE(test::waitUntil([this] { return !m_window->cacheChanges()->isBusy(); }, 30'000));
    EXPECT_FALSE(store::TagStore(m_db->connection()).tag(QStringLiteral("Personal")).value());
    EXPECT_TRUE(tagsOf(ids.back()).isEmpty());
    EXPECT_EQ(tagAction(3)->text(), QStringLiteral("To Do"));
    // Opened again, the dialog lists what is there now.
    m_window->findChild<QAction *>(QStringLiteral("editTagsAction"))->trigger();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(shown(dialog), (QStringList{QStringLiteral("Important"), QStringLiteral("Work"),
                                          QStringLiteral("To Do"), QStringLiteral("Later")}));
}
