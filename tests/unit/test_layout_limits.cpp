// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 item 4: no message shape may ask Qt's layout for more than a frame or two.
// The sanitizer clamps spans and sizes, turns too deep or too large tables into plain
// blocks, and breaks long words and paragraphs; plain text gets the same breaks.
#include "mime/HtmlSanitizer.h"
#include "mime/MessageRenderer.h"
#include "mime/PlainToHtml.h"
#include "mime/TextLimits.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace poplar::mime;

namespace {

constexpr QChar zwsp = TextBreaker::zeroWidthSpace;
constexpr QChar paragraph = TextBreaker::paragraphSeparator;

/// The longest run of characters with no break opportunity at all (tags not counted).
qsizetype longestUnbreakable(const QString &text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        const bool tag = c == QLatin1Char('<') || c == QLatin1Char('>');
        run = (c.isSpace() || c == zwsp || tag) ? 0 : run + 1;
        longest = std::max(longest, run);
    }
    return longest;
}

/// The longest stretch of text between paragraph separators (tags not counted).
qsizetype longestBlock(const QString &text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        const bool tag = c == QLatin1Char('<') || c == QLatin1Char('>');
        run = (c == paragraph || tag) ? 0 : run + 1;
        longest = std::max(longest, run);
    }
    return longest;
}

QString nestedTables(int depth)
{
    QString html;
    for (int i = 0; i < depth; ++i)
        html += QStringLiteral("<table><tr><td>");
    html += QStringLiteral("deepest");
    for (int i = 0; i < depth; ++i)
        html += QStringLiteral("</td></tr></table>");
    return html;
}

TEST(LayoutLimits, SpansAreClamped)
{
    const SanitizedHtml s = sanitizeHtml(QStringLiteral(
        "<table><tr><td colspan=65535 rowspan=\"99999999999999\">a</td><td colspan=0>b</td>"
        "<td colspan=3 rowspan=2>c</td><td colspan=x>d</td></tr></table>"));
    EXPECT_TRUE(s.html.contains(QStringLiteral("colspan=\"32\" rowspan=\"32\"")))
        << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("colspan=\"1\">b"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("colspan=\"3\" rowspan=\"2\"")))
        << qPrintable(s.html);
    EXPECT_FALSE(s.html.contains(QStringLiteral("colspan=\"x\""))) << qPrintable(s.html);
    EXPECT_FALSE(s.html.contains(QStringLiteral("65535")));
}

TEST(LayoutLimits, SizeAttributesAreClamped)
{
    const SanitizedHtml s = sanitizeHtml(
        QStringLiteral("<img src=\"cid:a@b\" width=\"100000\" height=\"4000000000000\">"
                       "<table width=\"250%\" cellpadding=\"50000\" border=\"9999\"><tr>"
                       "<td height=\"37\" width=\"80%\">x</td></tr></table>"));
    EXPECT_TRUE(s.html.contains(QStringLiteral("width=\"2000\" height=\"2000\"")))
        << qPrintable(s.html);
    EXPECT_TRUE(
        s.html.contains(QStringLiteral("width=\"100%\" cellpadding=\"100\" border=\"100\"")))
        << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("height=\"37\" width=\"80%\"")))
        << qPrintable(s.html);
}

TEST(LayoutLimits, CssSizesAreClamped)
{
    const SanitizedHtml s = sanitizeHtml(QStringLiteral(
        "<p style=\"font-size: 100000px; width: 99999em; margin: 5px 1e9px; color: red; "
        "line-height: 5000; font-weight: 700; padding-left: 300in\">x</p>"
        "<span style=\"font-size: 12pt; height: 90%; min-width: 1000000%\">y</span>"));
    EXPECT_TRUE(s.html.contains(QStringLiteral("font-size: 144px"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("width: 2000px"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("margin: 5px 2000px"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("color: red"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("line-height: 10"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("font-weight: 700"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("padding-left: 2000px"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("font-size: 12pt"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("height: 90%"))) << qPrintable(s.html);
    EXPECT_TRUE(s.html.contains(QStringLiteral("min-width: 100%"))) << qPrintable(s.html);
}

TEST(LayoutLimits, TablesNestedPastTheCapBecomePlainBlocks)
{
    const SanitizedHtml shallow = sanitizeHtml(nestedTables(LayoutLimits::maxTableDepth));
    EXPECT_EQ(shallow.html.count(QStringLiteral("<table")), LayoutLimits::maxTableDepth);
    EXPECT_FALSE(shallow.tablesFlattened);

    for (const int depth : {LayoutLimits::maxTableDepth + 1, 20, 25, 10000}) {
        const SanitizedHtml s = sanitizeHtml(nestedTables(depth));
        EXPECT_LE(s.html.count(QStringLiteral("<table")), LayoutLimits::maxTableDepth) << depth;
        EXPECT_GE(s.html.count(QStringLiteral("<table")), 1) << depth;
        EXPECT_TRUE(s.tablesFlattened) << depth;
        EXPECT_TRUE(s.html.contains(QStringLiteral("deepest"))) << depth;
        // Every element opened is closed: the flat parts replace tags one for one.
        EXPECT_EQ(s.html.count(QStringLiteral("<div>")), s.html.count(QStringLiteral("</div>")));
        EXPECT_EQ(s.html.count(QStringLiteral("<span>")), s.html.count(QStringLiteral("</span>")));
    }
}

TEST(LayoutLimits, HugeGridsBecomePlainBlocks)
{
    QString html = QStringLiteral("<table>");
    for (int row = 0; row < 10; ++row) {
        html += QStringLiteral("<tr>");
        for (int cell = 0; cell < 25; ++cell)
            html += QStringLiteral("<td colspan=65535 rowspan=65535>c%1</td>").arg(row * 25 + cell);
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    const SanitizedHtml s = sanitizeHtml(html);
    EXPECT_TRUE(s.tablesFlattened);
    EXPECT_FALSE(s.html.contains(QStringLiteral("<table"))) << qPrintable(s.html.left(400));
    EXPECT_FALSE(s.html.contains(QStringLiteral("colspan")));
    EXPECT_TRUE(s.html.contains(QStringLiteral("<span>c0</span> <span>c1</span>")));
    EXPECT_TRUE(s.html.contains(QStringLiteral("c249")));

    // An ordinary table of the same cells stays a table.
    QString plain = QStringLiteral("<table>");
    for (int row = 0; row < 10; ++row) {
        plain += QStringLiteral("<tr>");
        for (int cell = 0; cell < 25; ++cell)
            plain += QStringLiteral("<td>c</td>");
        plain += QStringLiteral("</tr>");
    }
    plain += QStringLiteral("</table>");
    const SanitizedHtml kept = sanitizeHtml(plain);
    EXPECT_FALSE(kept.tablesFlattened);
    EXPECT_EQ(kept.html.count(QStringLiteral("<td>")), 250);
}

TEST(LayoutLimits, AnOverBudgetTableKeepsItsGridAndFlattensWhatIsNestedInIt)
{
    // 40 rows of a layout table, each holding a 10x10 table: 40 + 40*100*2 grid cells.
    QString inner = QStringLiteral("<table>");
    for (int row = 0; row < 10; ++row)
        inner += QStringLiteral("<tr>") + QStringLiteral("<td>i</td>").repeated(10) +
                 QStringLiteral("</tr>");
    inner += QStringLiteral("</table>");
    QString html = QStringLiteral("<table>");
    for (int row = 0; row < 40; ++row)
        html += QStringLiteral("<tr><td>") + inner + QStringLiteral("</td></tr>");
    html += QStringLiteral("</table>");
    const SanitizedHtml s = sanitizeHtml(html);
    EXPECT_TRUE(s.tablesFlattened);
    EXPECT_EQ(s.html.count(QStringLiteral("<table")), 1);
    EXPECT_EQ(s.html.count(QStringLiteral("<tr>")), 40);
}

TEST(LayoutLimits, LongWordsGetBreakOpportunities)
{
    const QString word(400 * 1024, QLatin1Char('w'));
    const SanitizedHtml s = sanitizeHtml(QStringLiteral("<p>") + word + QStringLiteral("</p>"));
    EXPECT_LE(longestUnbreakable(s.html), TextBreaker::maxWordChars);
    EXPECT_EQ(s.html.count(QLatin1Char('w')), word.size());
    EXPECT_LE(longestBlock(s.html), TextBreaker::maxBlockChars + TextBreaker::maxWordChars);

    // Ordinary text is left alone.
    const QString prose = QStringLiteral("An ordinary sentence, with words of ordinary length.");
    EXPECT_EQ(sanitizeHtml(prose).html, prose);
}

TEST(LayoutLimits, LongParagraphsAreSplitIntoBlocks)
{
    QString words;
    for (int i = 0; i < 20000; ++i)
        words += QStringLiteral("word%1 ").arg(i);
    const SanitizedHtml s =
        sanitizeHtml(QStringLiteral("<p><b>") + words + QStringLiteral("</b></p>"));
    EXPECT_GT(s.html.count(paragraph), words.size() / TextBreaker::maxBlockChars - 2);
    // The separator goes at the next break opportunity, at most a word later.
    EXPECT_LE(longestBlock(s.html), TextBreaker::maxBlockChars + TextBreaker::maxWordChars);
    EXPECT_TRUE(s.html.contains(QStringLiteral("word19999")));
}

TEST(LayoutLimits, BreaksNeverSplitACharacter)
{
    QString emoji;
    for (int i = 0; i < 500; ++i)
        emoji += QString::fromUcs4(U"\U0001F600");
    QString combining;
    for (int i = 0; i < 500; ++i)
        combining += QStringLiteral("e\u0301");
    for (const QString &text : {emoji, combining}) {
        const QString broken = breakLongWords(text);
        EXPECT_GT(broken.count(zwsp), 0);
        for (qsizetype i = 0; i + 1 < broken.size(); ++i) {
            if (broken.at(i + 1) != zwsp)
                continue;
            EXPECT_FALSE(broken.at(i).isHighSurrogate()) << i;
            if (i + 2 < broken.size()) {
                EXPECT_NE(broken.at(i + 2).category(), QChar::Mark_NonSpacing) << i;
            }
        }
        QString restored = broken;
        restored.remove(zwsp);
        EXPECT_EQ(restored, text);
    }
}

TEST(LayoutLimits, PlainTextWordsBreakButLinksKeepTheirTarget)
{
    const QString url = QStringLiteral("https://example.org/") + QString(300, QLatin1Char('p'));
    const QString text = QString(5 * 1024 * 1024, QLatin1Char('x')) + QStringLiteral("\nsee ") +
                         url + QStringLiteral("\nend");
    const QString html = plainToHtml(text);
    EXPECT_LE(longestUnbreakable(html.mid(0, html.indexOf(QStringLiteral("see ")))),
              TextBreaker::maxWordChars + 80);
    EXPECT_TRUE(html.contains(QStringLiteral("href=\"") + url + QLatin1Char('"')));
    EXPECT_GT(html.count(paragraph), 1000);
    EXPECT_TRUE(html.contains(QStringLiteral("<br>end")));

    // Many short lines: a block of its own every few thousand characters, not one block.
    QString lines;
    for (int i = 0; i < 10000; ++i)
        lines += QStringLiteral("line %1\n").arg(i);
    const QString linesHtml = plainToHtml(lines);
    EXPECT_GT(linesHtml.count(paragraph), 10);
    EXPECT_LT(linesHtml.count(paragraph), 100);
}

TEST(LayoutLimits, ShownSubjectIsCutOnACharacterBoundary)
{
    EXPECT_EQ(shownSubject(QStringLiteral("Hello")), QStringLiteral("Hello"));
    const QString exact(maxShownSubjectChars, QLatin1Char('s'));
    EXPECT_EQ(shownSubject(exact), exact);
    const QString huge(1024 * 1024, QLatin1Char('s'));
    const QString shown = shownSubject(huge);
    EXPECT_EQ(shown.size(), maxShownSubjectChars + 1);
    EXPECT_EQ(shown.back(), QChar(0x2026));

    // A surrogate pair across the cut is not split.
    const QString pairAtCut = QString(maxShownSubjectChars - 1, QLatin1Char('s')) +
                              QString::fromUcs4(U"\U0001F600") + QStringLiteral("tail");
    const QString cut = shownSubject(pairAtCut);
    EXPECT_FALSE(cut.at(cut.size() - 2).isHighSurrogate());
    EXPECT_EQ(cut.size(), maxShownSubjectChars);
}

} // namespace
