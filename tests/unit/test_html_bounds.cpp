// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML tree is bounded where gumbo builds it (issue 12 item 3): hostile nesting renders
// flattened, the tree is freed without recursion, and what outgrows the memory cap is shown
// as source with a warning instead of crashing.
#include "mime/HtmlDocument.h"
#include "mime/HtmlSanitizer.h"
#include "mime/MessageRenderer.h"

#include <gtest/gtest.h>

using namespace poplar::mime;

namespace {

QByteArray htmlMessage(const QByteArray &body)
{
    return "From: a@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n" +
           body;
}

QByteArray repeated(const QByteArray &piece, int count)
{
    QByteArray out;
    out.reserve(piece.size() * count);
    for (int i = 0; i < count; ++i)
        out += piece;
    return out;
}

/// The nesting of sanitized HTML as gumbo reads it back (the fragment gains html and body).
int outputDepth(const QString &html)
{
    HtmlLimits limits;
    limits.preScanDepth = 0;
    limits.maxDepth = 1 << 30;
    return treeDepth(parseHtml(html, limits));
}

HtmlLimits withoutPreScan()
{
    HtmlLimits limits;
    limits.preScanDepth = 0;
    return limits;
}

TEST(HtmlBounds, SelfClosingQIsCountedAsTheNestingGumboMakesOfIt)
{
    // gumbo ignores "/>" on a non-void element: 200,000 <q/> are 200,000 levels.
    const QByteArray body = repeated("<q/>x", 200000) + "end marker";
    const RenderedMessage m = MessageRenderer::render(htmlMessage(body));
    EXPECT_FALSE(m.renderFailed);
    EXPECT_TRUE(m.text.contains(QStringLiteral("end marker")));
    EXPECT_LE(outputDepth(m.htmlBody), 256 + 2);
    bool changed = false;
    EXPECT_EQ(limitNesting("<q/><q/><q/>", 2, &changed), QByteArray("<q/><q/>"));
    EXPECT_TRUE(changed);
}

TEST(HtmlBounds, TheTreeItselfIsFlattenedAndFreedWithoutThePreScan)
{
    // Gumbo builds the whole 200,000-deep tree; the walks and the arena must cope with it.
    const QString html = QString::fromLatin1(repeated("<q/>x", 200000) + "end marker");
    const ParsedHtml parsed = parseHtml(html, withoutPreScan());
    ASSERT_FALSE(parsed.failed);
    EXPECT_GT(treeDepth(parsed), 199000);
    const SanitizedHtml clean = sanitizeDocument(parsed, false);
    EXPECT_TRUE(clean.flattened);
    EXPECT_TRUE(clean.html.contains(QStringLiteral("end marker")));
    EXPECT_LE(outputDepth(clean.html), 256 + 2);
    EXPECT_TRUE(documentText(parsed).text.contains(QStringLiteral("end marker")));
}

TEST(HtmlBounds, AbruptCommentsDoNotHideTagsFromThePreScan)
{
    // "<!-->" and "<!--->" are whole comments for gumbo; what follows them are tags.
    for (const QByteArray &opener : {QByteArray("<!-->"), QByteArray("<!--->")}) {
        bool changed = false;
        const QByteArray scanned =
            limitNesting(opener + repeated("<div>", 300) + "-->", 200, &changed);
        EXPECT_TRUE(changed) << opener.constData();
        EXPECT_EQ(scanned.count("<div>"), 200) << opener.constData();
    }
    EXPECT_EQ(limitNesting("<!-- <div><div> --!>" + repeated("<b>", 3), 2),
              "<!-- <div><div> --!><b><b>");
    const RenderedMessage m =
        MessageRenderer::render(htmlMessage("<!-->" + repeated("<span>", 200000) + "z-->"));
    EXPECT_FALSE(m.renderFailed);
    EXPECT_LE(outputDepth(m.htmlBody), 256 + 2);
}

TEST(HtmlBounds, AStrayQuoteOrUnmatchedEndTagDoesNotHideNesting)
{
    // A quote opens a value only after "="; "</x>" closes nothing that is not open.
    EXPECT_EQ(limitNesting("<q a\"><q><q>\"", 2).count("<q"), 2);
    EXPECT_EQ(limitNesting("<q></x><q></x><q></x>", 2).count("<q>"), 2);
    // An end tag does not reach past a special element: gumbo leaves both open.
    EXPECT_EQ(limitNesting("<q><div></q><q><div></q>", 3).count("<"), 5);
}

TEST(HtmlBounds, AMillionDivsRenderFlattened)
{
    const RenderedMessage m =
        MessageRenderer::render(htmlMessage(repeated("<div>", 1000000) + "deep text"));
    EXPECT_FALSE(m.renderFailed);
    EXPECT_TRUE(m.text.contains(QStringLiteral("deep text")));
    EXPECT_LE(outputDepth(m.htmlBody), 256 + 2);
}

TEST(HtmlBounds, DeepTablesRenderWithBoundedDepth)
{
    // The pre-scan counts only <table>; gumbo adds tbody, tr and td for each.
    const RenderedMessage m =
        MessageRenderer::render(htmlMessage(repeated("<table><tr><td>", 10000) + "cell text"));
    EXPECT_FALSE(m.renderFailed);
    EXPECT_TRUE(m.text.contains(QStringLiteral("cell text")));
    EXPECT_LE(outputDepth(m.htmlBody), 256 + 2);
}

TEST(HtmlBounds, HtmlOverTheMemoryCapIsShownAsSourceWithAWarning)
{
    RenderLimits limits;
    limits.maxHtmlTreeBytes = 256 * 1024;
    const QByteArray body = repeated("<b>bold</b> <i>x</i> ", 20000) + "<script>tail()</script>";
    const RenderedMessage m = MessageRenderer::render(htmlMessage(body), limits);
    EXPECT_TRUE(m.renderFailed);
    EXPECT_FALSE(m.html);
    EXPECT_FALSE(m.warnings.isEmpty());
    EXPECT_EQ(m.headers.subject, QStringLiteral("deep"));
    // The source, escaped: the markup is text, nothing in it is live.
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("&lt;script&gt;")));
    EXPECT_FALSE(m.htmlBody.contains(QStringLiteral("<script")));
    EXPECT_TRUE(m.text.contains(QStringLiteral("<b>bold</b>")));
    // The same message within the default cap renders normally.
    EXPECT_FALSE(MessageRenderer::render(htmlMessage(body)).renderFailed);
}

TEST(HtmlBounds, ArenaFailsCleanlyAtItsCap)
{
    HtmlLimits limits = withoutPreScan();
    limits.maxTreeBytes = 64 * 1024;
    const ParsedHtml parsed = parseHtml(QString::fromLatin1(repeated("<q/>x", 100000)), limits);
    EXPECT_TRUE(parsed.failed);
    EXPECT_EQ(parsed.output, nullptr);
    EXPECT_TRUE(sanitizeDocument(parsed, false).failed);
    EXPECT_TRUE(documentText(parsed).text.isEmpty());
}

QByteArray nestedMessages(int depth)
{
    QByteArray out;
    for (int i = 0; i < depth; ++i)
        out += "From: a@example.org\nSubject: level " + QByteArray::number(i) +
               "\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n";
    out += "From: a@example.org\nSubject: innermost\n\ninnermost text\n";
    return out;
}

TEST(HtmlBounds, MessagesNestedThousandsDeepRenderWithAWarning)
{
    const RenderedMessage m = MessageRenderer::render(nestedMessages(10000));
    EXPECT_EQ(m.headers.subject, QStringLiteral("level 0"));
    EXPECT_FALSE(m.text.contains(QStringLiteral("innermost text")));
    EXPECT_FALSE(m.warnings.isEmpty());
}

} // namespace
