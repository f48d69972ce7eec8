// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "MessageListModel.h"
#include "MessageView.h"
#include "MessageWindow.h"
#include "ReadingActions.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace poplar;

namespace {

class ReadingActionsTest : public test::WindowFixture {
protected:
    /// WindowFixture's three Inbox messages, newest first; the middle one is read already.
    QList<qint64> threeMessages(const QString &account)
    {
        const QList<qint64> ids = WindowFixture::threeMessages(account);
        EXPECT_TRUE(m_store->setSeen(ids.at(1), true).ok());
        return ids;
    }

    static qint64 currentId(ui::MainWindow &window)
    {
        return window.messageList()
            ->selectionModel()
            ->currentIndex()
            .data(ui::MessageListModel::MessageIdRole)
            .toLongLong();
    }

    static QList<ui::MessageWindow *> messageWindows()
    {
        QList<ui::MessageWindow *> windows;
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *m = qobject_cast<ui::MessageWindow *>(w); m && m->isVisible())
                windows.append(m);
        return windows;
    }
};

TEST_F(ReadingActionsTest, NextUnreadSkipsReadMailAndMMarksAMessageUnreadAgain)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.messageList()->setFocus();
    selectMessage(window, ids.at(0)); // opening it marks it read
    QTest::keyClick(window.messageList(), Qt::Key_N);
    EXPECT_EQ(currentId(window), ids.at(2)) << "the read middle message is skipped";
    QTest::keyClick(window.messageList(), Qt::Key_P);
    EXPECT_EQ(currentId(window), ids.at(2)) << "nothing unread above: the selection stays";

    selectMessage(window, ids.at(1));
    ASSERT_TRUE(m_store->message(ids.at(1)).value().seen);
    QTest::keyClick(window.messageList(), Qt::Key_M);
    EXPECT_FALSE(m_store->message(ids.at(1)).value().seen);
    const int row = window.messageModel()->rowOf(ids.at(1));
    EXPECT_FALSE(window.messageModel()->summaryAt(row).seen);
    QTest::keyClick(window.messageList(), Qt::Key_M);
    EXPECT_TRUE(m_store->message(ids.at(1)).value().seen);
}

TEST_F(ReadingActionsTest, EnterOpensTheMessageInItsOwnWindowAndCtrlUShowsItsSource)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.messageList()->setFocus();
    selectMessage(window, ids.at(2));
    QTest::keyClick(window.messageList(), Qt::Key_Return);
    QList<ui::MessageWindow *> opened = messageWindows();
    ASSERT_EQ(opened.size(), 1);
    EXPECT_TRUE(opened.first()->windowTitle().contains(QStringLiteral("Message 1")));
    ASSERT_TRUE(test::waitUntil(
        [&] { return opened.first()->view()->bodyText().contains(QStringLiteral("Text 1")); }));
    opened.first()->close();

    window.readingActions()->viewSourceAction()->trigger();
    auto *source = window.findChild<QPlainTextEdit *>(QStringLiteral("sourceText"));
    ASSERT_NE(source, nullptr);
    EXPECT_TRUE(source->toPlainText().contains(QStringLiteral("Subject: Message 1")));
}

TEST_F(ReadingActionsTest, AnEmlFileDroppedOnTheWindowOpens)
{
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const QString path = m_dir.filePath(QStringLiteral("dropped.eml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(test::rfc5322(QStringLiteral("Dropped here"), QStringLiteral("a@example.org"),
                             at(5, 9), QStringLiteral("From the file manager")));
    file.close();

    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    const QList<ui::MessageWindow *> opened = messageWindows();
    ASSERT_EQ(opened.size(), 1);
    EXPECT_TRUE(opened.first()->windowTitle().contains(QStringLiteral("Dropped here")));
    opened.first()->close();
}

} // namespace

TEST_F(ReadingActionsTest, SStarsAMessageAndTheListShowsTheMarks)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    // An indexed message with an attachment carries the clip mark.
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(
        QStringLiteral("UPDATE messages SET has_attachments = 1 WHERE id = %1").arg(ids.at(0))));
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.messageList()->setFocus();
    selectMessage(window, ids.at(1));
    QTest::keyClick(window.messageList(), Qt::Key_S);
    EXPECT_TRUE(m_store->message(ids.at(1)).value().flagged);
    ui::MessageListModel *model = window.messageModel();
    const int row = model->rowOf(ids.at(1));
    EXPECT_TRUE(model->index(row, 0).data(ui::MessageListModel::FlaggedRole).toBool());
    QTest::keyClick(window.messageList(), Qt::Key_S);
    EXPECT_FALSE(m_store->message(ids.at(1)).value().flagged);
    EXPECT_FALSE(model->index(row, 0).data(ui::MessageListModel::FlaggedRole).toBool());

    const int withClip = model->rowOf(ids.at(0));
    EXPECT_TRUE(model->index(withClip, ui::MessageListModel::SubjectColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("with attachments")));
    EXPECT_FALSE(model->index(row, ui::MessageListModel::SubjectColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("with attachments")));
}
