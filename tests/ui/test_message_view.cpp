// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"
#include "MessageRowText.h"
#include "MessageView.h"

#include "UiTestUtil.h"

#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::ui::MessageView;

namespace {

QDateTime noon()
{
    return QDateTime(QDate(2024, 5, 6), QTime(12, 0), Qt::UTC);
}

TEST(MessageViewTest, ShowsHeadersAndPlainTextBody)
{
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(7, test::rfc5322(QStringLiteral("Lunch on Friday?"),
                                      QStringLiteral("Carol <carol@example.org>"), noon(),
                                      QStringLiteral("Shall we try the new place?\nCarol")));
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    EXPECT_EQ(rendered.first().first().toLongLong(), 7);
    EXPECT_EQ(view.messageId(), 7);
    EXPECT_EQ(view.subjectText(), QStringLiteral("Lunch on Friday?"));
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("Shall we try the new place?")));
    auto *from = view.findChild<QLabel *>(QStringLiteral("fromLabel"));
    ASSERT_NE(from, nullptr);
    EXPECT_TRUE(from->text().contains(QStringLiteral("carol@example.org")));
    EXPECT_TRUE(view.attachmentText().isEmpty());

    view.clear();
    EXPECT_EQ(view.messageId(), 0);
    EXPECT_TRUE(view.subjectText().isEmpty());
    EXPECT_TRUE(view.bodyText().isEmpty());
}

TEST(MessageViewTest, DropsTheResultOfAMessageNoLongerWanted)
{
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    QString bigBody;
    for (int i = 0; i < 20000; ++i)
        bigBody += QStringLiteral("line %1 of a long message\n").arg(i);
    view.showMessage(
        1, test::rfc5322(QStringLiteral("Slow"), QStringLiteral("a@example.org"), noon(), bigBody));
    view.showMessage(2, test::rfc5322(QStringLiteral("Wanted"), QStringLiteral("b@example.org"),
                                      noon(), QStringLiteral("This one.")));
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() >= 1; }));
    // Give the first parse every chance to arrive late.
    test::waitUntil([] { return false; }, 300);
    ASSERT_EQ(rendered.count(), 1);
    EXPECT_EQ(rendered.first().first().toLongLong(), 2);
    EXPECT_EQ(view.subjectText(), QStringLiteral("Wanted"));
    EXPECT_EQ(view.bodyText().trimmed(), QStringLiteral("This one."));
}

TEST(MessageViewTest, MessageTextIsNeverMarkupAndLinksDoNotOpen)
{
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(3, test::rfc5322(QStringLiteral("<b>bold</b> <img src=\"http://x/y.png\">"),
                                      QStringLiteral("\"<i>Eve</i>\" <eve@example.org>"), noon(),
                                      QStringLiteral("<a href=\"http://evil.example/\">x</a>")));
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    EXPECT_EQ(view.subjectText(), QStringLiteral("<b>bold</b> <img src=\"http://x/y.png\">"));
    for (const auto *label : view.findChildren<QLabel *>())
        EXPECT_NE(label->textFormat(), Qt::RichText) << qPrintable(label->objectName());
    auto *subject = view.findChild<QLabel *>(QStringLiteral("subjectLabel"));
    ASSERT_NE(subject, nullptr);
    EXPECT_EQ(subject->textFormat(), Qt::PlainText);
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    EXPECT_FALSE(body->openLinks());
    EXPECT_FALSE(body->openExternalLinks());
    EXPECT_TRUE(body->isReadOnly());
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("<a href=")));
}

TEST(MessageViewTest, ListsAttachmentNames)
{
    const QByteArray raw =
        "From: Dan <dan@example.org>\r\nTo: me@example.org\r\nSubject: Report\r\n"
        "Date: Mon, 06 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n"
        "--b1\r\nContent-Type: application/pdf; name=\"q1-report.pdf\"\r\n"
        "Content-Disposition: attachment; filename=\"q1-report.pdf\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(4, raw);
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    EXPECT_TRUE(view.attachmentText().contains(QStringLiteral("q1-report.pdf")))
        << qPrintable(view.attachmentText());
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("See attached.")));
}

} // namespace

// Issue 15, rough edge 5: a long subject wraps in the header instead of being cut off.
TEST(MessageViewTest, LongSubjectWrapsInANarrowView)
{
    QString subject;
    while (subject.size() < 300)
        subject += QStringLiteral("Quarterly planning notes ");
    subject.truncate(299);
    subject += QLatin1Char('.');
    MessageView view;
    view.resize(360, 600);
    view.show();
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(3, test::rfc5322(subject, QStringLiteral("Ann <ann@example.org>"), noon(),
                                      QStringLiteral("Body.")));
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    auto *label = view.findChild<QLabel *>(QStringLiteral("subjectLabel"));
    ASSERT_NE(label, nullptr);
    ASSERT_EQ(label->text(), subject) << qPrintable(label->text());
    EXPECT_TRUE(label->wordWrap());
    ASSERT_TRUE(
        test::waitUntil([&] { return label->height() > 2 * label->fontMetrics().lineSpacing(); }));
    // Every line of it fits: the label is as tall as its text at its width, and within view.
    EXPECT_GE(label->height(), label->heightForWidth(label->width()));
    EXPECT_LE(label->width(), view.width());
    EXPECT_LE(label->mapTo(&view, QPoint(0, label->height())).y(), view.height());
}

// A subject with no spaces to break at (a long file name, a URL, run-together words) wraps too.
TEST(MessageViewTest, UnbrokenSubjectWrapsInANarrowView)
{
    const QString subject =
        QStringLiteral("Invoice_") + QString(292, QLatin1Char('x')) + QStringLiteral("_end.pdf");
    MessageView view;
    view.resize(360, 600);
    view.show();
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(3, test::rfc5322(subject, QStringLiteral("Ann <ann@example.org>"), noon(),
                                      QStringLiteral("Body.")));
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    auto *label = view.findChild<QLabel *>(QStringLiteral("subjectLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(view.subjectText(), subject);
    ASSERT_TRUE(
        test::waitUntil([&] { return label->height() > 2 * label->fontMetrics().lineSpacing(); }));
    // No line is wider than the label, and the words it shows are the subject's.
    const QRect lines = label->fontMetrics().boundingRect(QRect(0, 0, label->width(), 100000),
                                                          Qt::TextWordWrap, label->text());
    EXPECT_LE(lines.width(), label->width());
    EXPECT_GE(label->height(), lines.height());
    EXPECT_EQ(QString(label->text()).remove(QChar(0x200B)), subject);
}

// Issue 15, rough edge 9: the list and the viewer write a size the same way.
TEST(MessageViewTest, AttachmentSizeReadsAsInTheList)
{
    const QByteArray payload(2380000, 'p'); // 2.27 MiB
    const QByteArray raw =
        "From: Dan <dan@example.org>\r\nTo: me@example.org\r\nSubject: Big\r\n"
        "Date: Mon, 06 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n"
        "--b1\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\n"
        "Content-Disposition: attachment; filename=\"big.bin\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        payload.toBase64() + "\r\n--b1--\r\n";
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(5, raw);
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }, 10000));
    auto *list = view.findChild<QTreeWidget *>(QStringLiteral("attachmentList"));
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->topLevelItemCount(), 1);
    store::MessageSummary row;
    row.size = payload.size();
    const QString inList =
        ui::MessageRowText::display(row, ui::MessageListModel::SizeColumn).toString();
    EXPECT_EQ(list->topLevelItem(0)->text(1), inList);
    EXPECT_EQ(inList,
              QLocale().formattedDataSize(payload.size(), 1, QLocale::DataSizeTraditionalFormat));
    EXPECT_FALSE(inList.contains(QStringLiteral("MiB")));
}
