// SPDX-License-Identifier: GPL-3.0-or-later
// Junk and Not Junk in the window (issue 17): J moves the selected messages to their
// account's Junk folder and teaches the word list, Shift+J moves them back and moves their
// words to the other side; both are in the Message menu; the training runs off the GUI
// thread.
#include "WindowFixture.h"

#include "JunkActions.h"
#include "MessageListModel.h"
#include "filters/JunkVerdict.h"
#include "junk/JunkClassifier.h"

#include <QAction>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace poplar;

namespace {

class JunkActionsTest : public test::WindowFixture {
protected:
    int trainedAs(qint64 id)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("SELECT junk_trained FROM messages WHERE id = ?"));
        q.addBindValue(id);
        EXPECT_TRUE(q.exec() && q.next());
        return q.value(0).toInt();
    }
    QString localFolderOf(qint64 id)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("SELECT local_folder FROM messages WHERE id = ?"));
        q.addBindValue(id);
        EXPECT_TRUE(q.exec() && q.next());
        return q.value(0).toString();
    }
};

} // namespace

TEST_F(JunkActionsTest, JMovesToJunkAndTeachesAndShiftJBringsBack)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTableView *list = window.messageList();
    list->setFocus();
    selectMessage(window, ids.at(0));
    ui::MessageListModel *model = window.messageModel();
    alsoSelect(window, ids.at(1));

    auto *junk = window.findChild<QAction *>(QStringLiteral("markJunkAction"));
    auto *notJunk = window.findChild<QAction *>(QStringLiteral("markNotJunkAction"));
    ASSERT_TRUE(junk && notJunk);
    EXPECT_EQ(junk->shortcut(), QKeySequence(Qt::Key_J));
    EXPECT_EQ(notJunk->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_J));

    QTest::keyClick(list, Qt::Key_J);
    // The rows leave the Inbox at once; the word list learns on a pool thread.
    EXPECT_EQ(model->rowOf(ids.at(0)), -1);
    EXPECT_EQ(model->rowOf(ids.at(1)), -1);
    ASSERT_TRUE(test::waitUntil([&] { return !window.junkActions()->isBusy(); }, 60'000));
    for (const qint64 id : {ids.at(0), ids.at(1)}) {
        EXPECT_EQ(localFolderOf(id), filters::JunkVerdict::folderName());
        EXPECT_EQ(trainedAs(id), 1);
    }
    EXPECT_TRUE(localFolderOf(ids.at(2)).isEmpty());
    EXPECT_EQ(trainedAs(ids.at(2)), 0);
    EXPECT_TRUE(junk::JunkClassifier(junk::JunkClassifier::wordListDirFor(m_profile->cachePath()))
                    .isTrained());

    // In Junk, Shift+J: back to the Inbox, counted as good now.
    window.showLocalFolder(filters::JunkVerdict::folderName(), account);
    ASSERT_GE(model->rowOf(ids.at(0)), 0);
    list->setFocus();
    selectMessage(window, ids.at(0));
    QTest::keyClick(list, Qt::Key_J, Qt::ShiftModifier);
    EXPECT_EQ(model->rowOf(ids.at(0)), -1);
    ASSERT_TRUE(test::waitUntil([&] { return !window.junkActions()->isBusy(); }, 60'000));
    EXPECT_TRUE(localFolderOf(ids.at(0)).isEmpty());
    EXPECT_EQ(trainedAs(ids.at(0)), 2);
    EXPECT_EQ(localFolderOf(ids.at(1)), filters::JunkVerdict::folderName());
}
