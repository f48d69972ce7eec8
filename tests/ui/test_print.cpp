// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Print and Export as PDF: the message as the viewer shows it, on paper or in a PDF
// whose text can be read back.
#include "WindowFixture.h"

#include "PdfSample.h"

#include "MessageView.h"
#include "PrintActions.h"

#include <QAction>
#include <QFileInfo>
#include <QPrintPreviewDialog>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace poplar;

namespace {

class PrintTest : public test::WindowFixture {
protected:
    /// The window with the Chinese sample shown in the viewer.
    ui::MainWindow &showSample()
    {
        const QString account = addAccount(QStringLiteral("Home"));
        const qint64 id =
            test::storeMessage(*m_store, account, QStringLiteral("zh"), test::chineseHtmlMessage());
        ui::MainWindow &window = makeWindow();
        selectMessage(window, id);
        EXPECT_TRUE(test::waitUntil([&] {
            return window.messageView()->messageId() == id &&
                   window.messageView()->bodyText().contains(QStringLiteral("第二会议室"));
        }));
        return window;
    }

    QTemporaryDir m_out;
};

TEST_F(PrintTest, ExportAsPdfWritesTheMessageAsShownWithItsTextReadable)
{
    ui::MainWindow &window = showSample();
    ui::PrintActions *print = window.printActions();
    ASSERT_TRUE(print->exportPdfAction()->isEnabled());
    const QString path = m_out.filePath(QStringLiteral("meeting.pdf"));
    QString suggested;
    print->setFileChooser([&](const QString &suggestion) {
        suggested = suggestion;
        return path;
    });
    QSignalSpy notices(print, &ui::PrintActions::notice);
    print->exportPdfAction()->trigger();
    EXPECT_EQ(QFileInfo(suggested).fileName(), QStringLiteral("周五的会议安排.pdf"));
    // Written on a pool thread: the window went on.
    ASSERT_TRUE(test::waitUntil([&] { return print->running() == 0; }, 30'000));
    ASSERT_EQ(notices.count(), 1);
    EXPECT_TRUE(notices.first().at(0).toString().contains(path));

    const QString text = test::pdfText(path);
    for (const QString &shown :
         {QStringLiteral("周五的会议安排"), QStringLiteral("李雷 <li.lei@example.cn>"),
          QStringLiteral("Alice <alice@example.org>"), QStringLiteral("各位好"),
          QStringLiteral("周五的会议改到下午三点"), QStringLiteral("地点在第二会议室"),
          QStringLiteral("议程.txt")})
        EXPECT_TRUE(text.contains(shown)) << qPrintable(shown) << " not in:\n" << qPrintable(text);
}

TEST_F(PrintTest, AnUnwritablePdfSaysWhyAndNothingIsLeftBehind)
{
    ui::MainWindow &window = showSample();
    ui::PrintActions *print = window.printActions();
    QSignalSpy failures(print, &ui::PrintActions::failed);
    const QString path = m_out.filePath(QStringLiteral("no-such-folder/meeting.pdf"));
    print->exportPdf(path);
    ASSERT_TRUE(test::waitUntil([&] { return print->running() == 0; }, 30'000));
    ASSERT_EQ(failures.count(), 1);
    EXPECT_TRUE(failures.first().at(0).toString().contains(QStringLiteral("Cannot write")));
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST_F(PrintTest, PrintOpensAPreviewWithoutWaitingAndOnlyWithAMessageShown)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const qint64 id =
        test::storeMessage(*m_store, account, QStringLiteral("zh"), test::chineseHtmlMessage());
    ui::MainWindow &window = makeWindow();
    ui::PrintActions *print = window.printActions();
    EXPECT_EQ(print->printAction()->shortcut(), QKeySequence(QKeySequence::Print));
    EXPECT_FALSE(print->printAction()->isEnabled()) << "nothing shown, nothing to print";

    selectMessage(window, id);
    ASSERT_TRUE(test::waitUntil([&] { return print->printAction()->isEnabled(); }));
    print->printAction()->trigger(); // returns: the preview is window-modal, not exec()'d
    auto *preview = window.findChild<QPrintPreviewDialog *>();
    ASSERT_NE(preview, nullptr);
    EXPECT_TRUE(preview->isVisible());
    preview->close();

    window.messageView()->clear();
    EXPECT_FALSE(print->printAction()->isEnabled());
    EXPECT_FALSE(print->exportPdfAction()->isEnabled());
}

} // namespace
