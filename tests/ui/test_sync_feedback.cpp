// SPDX-License-Identifier: GPL-3.0-or-later
// The window while a server is talked to: progress with cancel, "download the rest", the
// protocol log. Against the scripted POP3 server of tests/support, on loopback.
#include "WindowFixture.h"

#include "FakePop3Server.h"

#include "MessageListModel.h"
#include "MessageView.h"
#include "PartialMessageBar.h"
#include "ProtocolLogDialog.h"
#include "SyncFeedback.h"
#include "SyncProgressPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace poplar;
using poplar::store::Folder;
using poplar::test::FakePop3Server;

namespace {

QByteArray message(int n, int bodyLines = 3)
{
    QString body;
    for (int i = 0; i < bodyLines; ++i)
        body += QStringLiteral("Line %1 of message %2, with some words to make it longer.\n")
                    .arg(i)
                    .arg(n);
    body += QStringLiteral("The end of message %1.\n").arg(n);
    return test::rfc5322(QStringLiteral("Message %1").arg(n), QStringLiteral("bob@example.org"),
                         QDateTime(QDate(2024, 5, n), QTime(9, 0), Qt::UTC), body);
}

class SyncFeedbackTest : public test::WindowFixture {
protected:
    sync::SyncResult waitForSync(ui::MainWindow &window)
    {
        std::optional<sync::SyncResult> result;
        auto connection = QObject::connect(&*m_sync, &sync::SyncController::finished,
                                           [&](const sync::SyncResult &r) { result = r; });
        EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }, 15'000));
        QObject::disconnect(connection);
        (void)window;
        return result.value_or(sync::SyncResult{});
    }

    FakePop3Server m_server;
};

TEST_F(SyncFeedbackTest, ProgressCountsMessagesAndBytesAndCancelKeepsWhatCame)
{
    FakePop3Server::Mailbox box;
    for (int n = 1; n <= 3; ++n)
        box.messages.insert(n, message(n, 40));
    box.slowRetr = 3; // the last message trickles in: time to press Stop
    box.slowDelayMs = 30;
    m_server.serveMailbox(box);
    const QString account = addAccount(QStringLiteral("Home"), m_server.port());
    ui::MainWindow &window = makeWindow();
    ui::SyncProgressPanel *panel = window.syncPanel();
    EXPECT_TRUE(panel->isHidden());

    QSignalSpy progress(&*m_sync, &sync::SyncController::progress);
    window.getMessagesAction()->trigger();
    ASSERT_TRUE(panel->isVisible());
    ASSERT_NE(panel->cancelButton(account), nullptr);
    // The first report comes after LIST: nothing done yet, the total known in bytes.
    ASSERT_TRUE(test::waitUntil([&] { return progress.count() >= 1; }));
    const qint64 expectedBytes = message(1, 40).size() * 3;
    EXPECT_EQ(progress.first().at(2).toInt(), 3);                  // total messages
    EXPECT_EQ(progress.first().at(4).toLongLong(), expectedBytes); // total bytes
    const QString text = panel->entryText(account);
    EXPECT_TRUE(text.startsWith(QStringLiteral("Home: "))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("of 3 messages"))) << qPrintable(text);
    // Bytes as the locale writes them, the total known from LIST.
    const QString totalText =
        QLocale().formattedDataSize(expectedBytes, 1, QLocale::DataSizeTraditionalFormat);
    EXPECT_TRUE(text.contains(QStringLiteral(" of ") + totalText)) << qPrintable(text);

    // The two messages received are reported before the batch they are in is written.
    ASSERT_TRUE(test::waitUntil([&] {
        return panel->entryText(account).contains(QStringLiteral("2 of 3 messages"));
    })) << qPrintable(panel->entryText(account));
    // While the third message trickles in, Stop.
    ASSERT_TRUE(test::waitUntil([&] { return m_server.receivedLineStartingWith("RETR 3"); }));
    QTest::mouseClick(panel->cancelButton(account), Qt::LeftButton);
    const sync::SyncResult result = waitForSync(window);
    ASSERT_TRUE(result.error.has_value());
    EXPECT_EQ(result.error->code, Error::Code::Cancelled);
    EXPECT_TRUE(panel->isHidden());
    // What was fully received is kept, and shown.
    EXPECT_EQ(m_store->count(Folder::Inbox, account).value(), 2);
    EXPECT_EQ(window.messageModel()->rowCount(), 2);
}

TEST_F(SyncFeedbackTest, BytesDoneMeetTheTotalWhenASyncCompletes)
{
    FakePop3Server::Mailbox box;
    for (int n = 1; n <= 4; ++n)
        box.messages.insert(n, message(n, n * 10));
    m_server.serveMailbox(box);
    addAccount(QStringLiteral("Home"), m_server.port());
    ui::MainWindow &window = makeWindow();
    QSignalSpy progress(&*m_sync, &sync::SyncController::progress);
    window.getMessagesAction()->trigger();
    const sync::SyncResult result = waitForSync(window);
    ASSERT_TRUE(result.ok()) << qPrintable(result.error->message());
    ASSERT_GE(progress.count(), 2);
    qint64 total = 0;
    for (int n = 1; n <= 4; ++n)
        total += message(n, n * 10).size();
    const QList<QVariant> last = progress.last();
    EXPECT_EQ(last.at(1).toInt(), 4);
    EXPECT_EQ(last.at(2).toInt(), 4);
    EXPECT_EQ(last.at(3).toLongLong(), total);
    EXPECT_EQ(last.at(4).toLongLong(), total);
    EXPECT_TRUE(window.syncPanel()->isHidden());
    // The round is over: the status bar says when, as the list shows times (no seconds).
    const auto *lastCheck = window.findChild<QLabel *>(QStringLiteral("lastCheckLabel"));
    ASSERT_NE(lastCheck, nullptr);
    EXPECT_EQ(lastCheck->text(),
              QStringLiteral("Last check %1")
                  .arg(ui::MessageListModel::formatDate(QDateTime::currentDateTimeUtc())));
}

TEST_F(SyncFeedbackTest, DownloadTheRestShowsTheWholeMessage)
{
    FakePop3Server::Mailbox box;
    box.messages.insert(1, message(1));
    const QByteArray large = message(2, 60); // over 2 KB: headers only
    ASSERT_GT(large.size(), 2 * 1024);
    box.messages.insert(2, large);
    m_server.serveMailbox(box);
    const QString account = addAccount(QStringLiteral("Home"), m_server.port(), 2);
    ui::MainWindow &window = makeWindow();
    window.getMessagesAction()->trigger();
    ASSERT_TRUE(waitForSync(window).ok());
    ui::MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 2);
    ui::PartialMessageBar *bar = window.partialBar();

    // The complete message: no bar.
    const int completeRow = model->summaryAt(0).partial ? 1 : 0;
    const int partialRow = 1 - completeRow;
    window.messageList()->selectionModel()->setCurrentIndex(model->index(completeRow, 0),
                                                            QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
    EXPECT_TRUE(bar->isHidden());

    const qint64 id = model->summaryAt(partialRow).id;
    ASSERT_TRUE(model->summaryAt(partialRow).partial);
    window.messageList()->selectionModel()->setCurrentIndex(model->index(partialRow, 0),
                                                            QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
    ASSERT_TRUE(bar->isVisible());
    EXPECT_FALSE(window.messageView()->bodyText().contains(QStringLiteral("The end of message 2")));

    QSignalSpy completed(bar, &ui::PartialMessageBar::completed);
    QTest::mouseClick(bar->downloadButton(), Qt::LeftButton);
    EXPECT_FALSE(bar->downloadButton()->isEnabled()); // once is enough
    ASSERT_TRUE(test::waitUntil([&] { return completed.count() == 1; }, 15'000));
    EXPECT_EQ(completed.first().first().toLongLong(), id);
    EXPECT_TRUE(bar->isHidden());
    EXPECT_FALSE(model->summaryAt(model->rowOf(id)).partial);
    EXPECT_EQ(m_store->raw(id).value(), large);
    ASSERT_TRUE(test::waitUntil([&] {
        return window.messageView()->bodyText().contains(QStringLiteral("The end of message 2"));
    }));
    // Not reported as new mail.
    ASSERT_TRUE(test::waitUntil([&] { return m_sync->isIdle(); }));
    auto *status = window.findChild<QLabel *>(QStringLiteral("syncStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("Downloaded the rest of the message."));
    EXPECT_FALSE(status->text().contains(QStringLiteral("new message")))
        << qPrintable(status->text());
    (void)account;
}

TEST_F(SyncFeedbackTest, TheProtocolLogShowsTheLastSessionWithoutThePassword)
{
    FakePop3Server::Mailbox box;
    box.messages.insert(1, message(1));
    m_server.serveMailbox(box);
    const QString account = addAccount(QStringLiteral("Home"), m_server.port());
    ui::MainWindow &window = makeWindow();
    window.getMessagesAction()->trigger();
    ASSERT_TRUE(waitForSync(window).ok());
    ASSERT_TRUE(m_server.receivedLineStartingWith("PASS s3cret-pw")); // it was sent...

    window.protocolLogAction()->trigger();
    auto *dialog = window.findChild<ui::ProtocolLogDialog *>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->accountChooser()->currentData().toString(), account);
    const QString log = dialog->logText();
    EXPECT_TRUE(log.contains(QStringLiteral("C: USER alice"))) << qPrintable(log);
    EXPECT_TRUE(log.contains(QStringLiteral("C: PASS ********"))) << qPrintable(log);
    EXPECT_TRUE(log.contains(QStringLiteral("S: +OK"))) << qPrintable(log);
    EXPECT_TRUE(log.contains(QStringLiteral("C: RETR 1"))) << qPrintable(log);
    EXPECT_TRUE(log.contains(QStringLiteral("C: QUIT"))) << qPrintable(log);
    EXPECT_FALSE(log.contains(QStringLiteral("s3cret"))) << qPrintable(log); // ...not logged

    ASSERT_TRUE(dialog->copyButton()->isEnabled());
    QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(), log);

    // The next session replaces the log: the last one is what a bug report needs.
    dialog->close();
    window.getMessagesAction()->trigger();
    ASSERT_TRUE(waitForSync(window).ok());
    const QString again = QString::fromUtf8(m_sync->protocolLog(account));
    EXPECT_EQ(again.count(QStringLiteral("C: USER alice")), 1);
    EXPECT_FALSE(again.contains(QStringLiteral("RETR"))) << qPrintable(again); // nothing new
}

} // namespace

TEST_F(SyncFeedbackTest, ANoticeGivenBeforeTheWindowShowsIsNotDrawnOverTheStatusLine)
{
    ui::MainWindow &window = makeWindow();
    auto *line = window.findChild<QLabel *>(QStringLiteral("syncStatus"));
    auto *feedback = window.findChild<ui::SyncFeedback *>();
    ASSERT_NE(line, nullptr);
    ASSERT_NE(feedback, nullptr);
    feedback->showError(QStringLiteral("Home: Cannot reach 127.0.0.1:9"));
    ASSERT_TRUE(line->isVisible());

    // As at start-up: the Outbox speaks before the window is on screen.
    window.hide();
    feedback->showNotice(QStringLiteral("A message waits in the Outbox"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("A message waits in the Outbox"));
    EXPECT_FALSE(line->isVisible()) << "the notice and the status line would overlap";

    // When the notice goes, the line is back with what it said.
    window.statusBar()->clearMessage();
    EXPECT_TRUE(line->isVisible());
    EXPECT_EQ(line->text(), QStringLiteral("Home: Cannot reach 127.0.0.1:9"));
}
