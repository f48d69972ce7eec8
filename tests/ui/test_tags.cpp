// SPDX-License-Identifier: GPL-3.0-or-later
// Tags in the window (issue 17): keys 1-5 toggle the first five tags on the selected
// messages, as in Thunderbird; the list colours the Subject with the first tag's colour and
// names the tags in the tooltip and the accessible text; Message ▸ Tag shows them checked.
#include "WindowFixture.h"

#include "MessageListModel.h"
#include "store/TagStore.h"

#include <QAction>
#include <QColor>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QTest>

using namespace poplar;

namespace {

class TagsTest : public test::WindowFixture {
protected:
    QStringList tagsOf(qint64 id)
    {
        auto names = store::TagStore(m_db->connection()).tagNames(id);
        EXPECT_TRUE(names.ok());
        return names.ok() ? names.value() : QStringList{};
    }
};

} // namespace

TEST_F(TagsTest, KeysOneAndTwoTagTheSelectedMessagesAndTheListShowsIt)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTableView *list = window.messageList();
    list->setFocus();
    selectMessage(window, ids.at(0));
    // The first two selected, the third not.
    ui::MessageListModel *model = window.messageModel();
    alsoSelect(window, ids.at(1));

    QTest::keyClick(list, Qt::Key_1);
    EXPECT_EQ(tagsOf(ids.at(0)), QStringList{QStringLiteral("Important")});
    EXPECT_EQ(tagsOf(ids.at(1)), QStringList{QStringLiteral("Important")});
    EXPECT_TRUE(tagsOf(ids.at(2)).isEmpty());
    QTest::keyClick(list, Qt::Key_2);
    EXPECT_EQ(tagsOf(ids.at(0)),
              (QStringList{QStringLiteral("Important"), QStringLiteral("Work")}));
    EXPECT_EQ(tagsOf(ids.at(1)),
              (QStringList{QStringLiteral("Important"), QStringLiteral("Work")}));

    // The Subject takes the first tag's colour; tooltip and accessible text name the tags.
    const QModelIndex subject =
        model->index(model->rowOf(ids.at(1)), ui::MessageListModel::SubjectColumn);
    EXPECT_EQ(subject.data(Qt::ForegroundRole).value<QColor>(), QColor(QStringLiteral("#ff0000")));
    EXPECT_TRUE(
        subject.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Important, Work")))
        << subject.data(Qt::ToolTipRole).toString().toStdString();
    EXPECT_TRUE(model->index(subject.row(), ui::MessageListModel::FromColumn)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("Work")));
    const QModelIndex untagged =
        model->index(model->rowOf(ids.at(2)), ui::MessageListModel::SubjectColumn);
    EXPECT_FALSE(untagged.data(Qt::ForegroundRole).isValid());

    // The Tag menu shows the current message's tags checked.
    auto *important = window.findChild<QAction *>(QStringLiteral("tagAction1"));
    auto *later = window.findChild<QAction *>(QStringLiteral("tagAction5"));
    ASSERT_TRUE(important && later);
    EXPECT_TRUE(important->isChecked());
    EXPECT_FALSE(later->isChecked());
    EXPECT_EQ(later->shortcut(), QKeySequence(Qt::Key_5));

    // 1 again: the current message has Important, so it comes off all the selected.
    QTest::keyClick(list, Qt::Key_1);
    EXPECT_EQ(tagsOf(ids.at(0)), QStringList{QStringLiteral("Work")});
    EXPECT_EQ(tagsOf(ids.at(1)), QStringList{QStringLiteral("Work")});
    EXPECT_EQ(subject.data(Qt::ForegroundRole).value<QColor>(), QColor(QStringLiteral("#ff9900")));
    EXPECT_FALSE(important->isChecked());
}
