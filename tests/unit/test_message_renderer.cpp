// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HtmlText.h"
#include "mime/MessageRenderer.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace poplar::mime;
using poplar::test::testData;

TEST(MessageRenderer, DecodesHeadersAndQuotedPrintableUtf8)
{
    const QByteArray raw = testData(QStringLiteral("mime/plain-qp-utf8.eml"));
    ASSERT_FALSE(raw.isEmpty());
    const RenderedMessage m = MessageRenderer::render(raw);
    EXPECT_EQ(m.headers.subject, QStringLiteral("Café meeting"));
    EXPECT_EQ(m.headers.from.name, QStringLiteral("Éloise Dupont"));
    EXPECT_EQ(m.headers.from.address, QStringLiteral("eloise@example.fr"));
    ASSERT_EQ(m.headers.to.size(), 2);
    EXPECT_EQ(m.headers.to.at(1).address, QStringLiteral("carol@example.org"));
    ASSERT_EQ(m.headers.cc.size(), 1);
    EXPECT_EQ(m.headers.date, QDateTime(QDate(2026, 11, 3), QTime(13, 30), Qt::UTC));
    EXPECT_TRUE(m.text.contains(QStringLiteral("See you at the café at 3.")));
    EXPECT_TRUE(m.text.contains(QStringLiteral("Éloïse")));
    EXPECT_FALSE(m.html);
    EXPECT_TRUE(m.warnings.isEmpty());
}

TEST(MessageRenderer, HtmlOnlyBodyBecomesTextAndRemoteImagesAreCounted)
{
    const RenderedMessage m =
        MessageRenderer::render(testData(QStringLiteral("mime/html-only-remote-image.eml")));
    EXPECT_TRUE(m.html);
    EXPECT_TRUE(m.text.contains(QStringLiteral("Hello café lovers"))) << qPrintable(m.text);
    EXPECT_TRUE(m.text.contains(QStringLiteral("Line two")));
    EXPECT_FALSE(m.text.contains(QStringLiteral("alert")));
    EXPECT_FALSE(m.text.contains(QStringLiteral("color")));
    EXPECT_EQ(m.remoteContentBlocked, 1);
}

TEST(MessageRenderer, PrefersHtmlAlternativeByDefault)
{
    const RenderedMessage m =
        MessageRenderer::render(testData(QStringLiteral("mime/multipart-attachment.eml")));
    EXPECT_TRUE(m.html);
    EXPECT_EQ(m.text.trimmed(), QStringLiteral("The report is attached."));
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("<b>report</b>"))) << qPrintable(m.htmlBody);
    EXPECT_EQ(m.attachments.size(), 1);
}

TEST(MessageRenderer, PrefersPlainAlternativeWhenAskedAndListsAttachments)
{
    RenderOptions plain;
    plain.preferHtml = false;
    const RenderedMessage m =
        MessageRenderer::render(testData(QStringLiteral("mime/multipart-attachment.eml")), plain);
    EXPECT_FALSE(m.html);
    EXPECT_EQ(m.text.trimmed(), QStringLiteral("The report is attached."));
    ASSERT_EQ(m.attachments.size(), 1);
    EXPECT_EQ(m.attachments.at(0).filename, QStringLiteral("report.pdf"));
    EXPECT_EQ(m.attachments.at(0).mimeType, QStringLiteral("application/pdf"));
    EXPECT_EQ(m.attachments.at(0).size, 52);
}

TEST(MessageRenderer, GarbageNeverCrashesAndStillShowsSomething)
{
    const QByteArray raw = testData(QStringLiteral("mime/garbage.eml"));
    ASSERT_FALSE(raw.isEmpty());
    const RenderedMessage m = MessageRenderer::render(raw);
    EXPECT_FALSE(m.text.isEmpty());
    const RenderedMessage empty = MessageRenderer::render(QByteArray());
    EXPECT_TRUE(empty.headers.subject.isEmpty());
}

TEST(MessageRenderer, HeadersOnlyMatchesFullRender)
{
    const QByteArray raw = testData(QStringLiteral("mime/plain-qp-utf8.eml"));
    const MessageHeaders h = MessageRenderer::headers(raw);
    EXPECT_EQ(h.subject, QStringLiteral("Café meeting"));
    EXPECT_EQ(h.from.address, QStringLiteral("eloise@example.fr"));
    EXPECT_TRUE(h.date.isValid());
}

TEST(HtmlText, DeepNestingDoesNotExhaustTheStack)
{
    QString html;
    for (int i = 0; i < 5000; ++i)
        html += QStringLiteral("<div>");
    html += QStringLiteral("deep");
    const HtmlText t = htmlToText(html);
    EXPECT_TRUE(t.text.contains(QStringLiteral("deep")));
}
