// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageView.h"

#include "UiTestUtil.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTextBrowser>

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
