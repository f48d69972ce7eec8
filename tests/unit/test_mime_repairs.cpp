// SPDX-License-Identifier: GPL-3.0-or-later
// One test per place where the renderer repairs around GMime 3.2, each on a message the
// project wrote itself (tests/data/mime).
#include "mime/Charset.h"
#include "mime/FlowedText.h"
#include "mime/HeaderText.h"
#include "mime/MessageRenderer.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace poplar::mime;
using poplar::test::testData;

namespace {

RenderedMessage renderFile(const char *name, const RenderOptions &options = {})
{
    const QByteArray raw = testData(QStringLiteral("mime/") + QLatin1String(name));
    EXPECT_FALSE(raw.isEmpty()) << name;
    return MessageRenderer::render(raw, options);
}

QStringList filenames(const RenderedMessage &m)
{
    QStringList out;
    for (const AttachmentInfo &a : m.attachments)
        out.append(a.filename);
    return out;
}

TEST(MimeRepairs, AdjacentBase64WordsAreDecodedOneByOne)
{
    // GMime merges the payloads and stops at the "==" of the middle word.
    const RenderedMessage m = renderFile("adjacent-base64-words.eml");
    EXPECT_EQ(m.headers.subject, QStringLiteral("Grüße aus Köln — bis bald"));
    EXPECT_EQ(m.headers.from.name, QStringLiteral("Jürgen Groß"));
    EXPECT_EQ(m.headers.from.address, QStringLiteral("juergen@example.de"));
}

TEST(MimeRepairs, SplitMultibyteCharacterAcrossWordsSurvives)
{
    // "é" is C3 A9: one byte in each word; joining bytes before conversion keeps it.
    EXPECT_EQ(decodeHeaderText("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?="), QStringLiteral("café"));
    EXPECT_EQ(decodeHeaderText("a =?UTF-8?Q?b?= c"), QStringLiteral("a b c"));
    EXPECT_EQ(decodeHeaderText("=?utf-8*en?q?x_y?="), QStringLiteral("x y"));
    EXPECT_EQ(decodeHeaderText("=?bogus?Q?plain?="), QStringLiteral("plain"));
    // Lenient where mailers are sloppy: spaces in a Q payload, base64 without padding.
    EXPECT_EQ(decodeHeaderText("=?iso-8859-1?q?two words?="), QStringLiteral("two words"));
    EXPECT_EQ(decodeHeaderText("=?utf-8?b?w6k?="), QStringLiteral("é"));
    // Not a word: an unclosed one stays text, and the next real word still decodes.
    EXPECT_EQ(decodeHeaderText("=?utf-8?q?open =?utf-8?q?x?="), QStringLiteral("=?utf-8?q?open x"));
}

TEST(MimeRepairs, RawEightBitHeadersUseTheBodyCharset)
{
    const RenderedMessage m = renderFile("raw-8bit-gbk-headers.eml");
    EXPECT_EQ(m.headers.subject, QStringLiteral("关于朱镕基的报告"));
    EXPECT_EQ(m.headers.from.name, QStringLiteral("王小明"));
    EXPECT_EQ(m.headers.from.address, QStringLiteral("wang@example.cn"));
    // GB2312 is read as GB18030: 镕 is outside GB2312 and still shows.
    EXPECT_TRUE(m.text.contains(QStringLiteral("请查收附件。朱镕基"))) << qPrintable(m.text);
    // headers() has no parts to ask and must agree all the same.
    const MessageHeaders h =
        MessageRenderer::headers(testData(QStringLiteral("mime/raw-8bit-gbk-headers.eml")));
    EXPECT_EQ(h.subject, m.headers.subject);
    // The parameter's name is case-insensitive (RFC 2045): an upper-case one counts too.
    QByteArray shouting = testData(QStringLiteral("mime/raw-8bit-gbk-headers.eml"));
    ASSERT_TRUE(shouting.contains("charset="));
    shouting.replace("charset=", "ChArSeT=");
    EXPECT_EQ(MessageRenderer::headers(shouting).subject, m.headers.subject);
}

TEST(MimeRepairs, Latin1LabelIsReadAsWindows1252)
{
    const RenderedMessage m = renderFile("latin1-label-cp1252-bytes.eml");
    EXPECT_EQ(m.headers.subject, QStringLiteral("Café “quoted”"));
    EXPECT_TRUE(m.text.contains(QStringLiteral("He said “wait”… it costs €5.")))
        << qPrintable(m.text);
    EXPECT_EQ(canonicalCharset("GB2312"), QByteArray("gb18030"));
    EXPECT_EQ(canonicalCharset("\"ks_c_5601-1987\""), QByteArray("windows-949"));
}

TEST(MimeRepairs, InvalidFirstHeaderLineStillParses)
{
    const RenderedMessage m = renderFile("invalid-first-line.eml");
    EXPECT_EQ(m.headers.subject, QStringLiteral("Still readable"));
    EXPECT_EQ(m.headers.from.address, QStringLiteral("carol@example.org"));
    EXPECT_TRUE(m.text.contains(QStringLiteral("The body survives.")));
    EXPECT_FALSE(m.warnings.isEmpty());
}

TEST(MimeRepairs, PartHeaderWithoutBlankLineKeepsThePart)
{
    const RenderedMessage m = renderFile("part-header-without-blank-line.eml");
    ASSERT_EQ(filenames(m), QStringList{QStringLiteral("data.zip")});
    EXPECT_EQ(m.attachments.first().data.left(2), QByteArray("PK"));
    EXPECT_TRUE(m.text.contains(QStringLiteral("See the zip.")));
}

TEST(MimeRepairs, FoldedParameterWithoutSemicolonIsRead)
{
    // "multipart/mixed<LF><TAB>boundary=..." has no ";": GMime saw no boundary at all.
    const RenderedMessage m = renderFile("content-type-param-without-semicolon.eml");
    EXPECT_TRUE(m.text.contains(QStringLiteral("The text part."))) << qPrintable(m.text);
    EXPECT_EQ(filenames(m), QStringList{QStringLiteral("a.pdf")});
}

TEST(MimeRepairs, NulByteDoesNotCutTheText)
{
    const RenderedMessage m = renderFile("nul-in-text.eml");
    EXPECT_TRUE(m.text.contains(QStringLiteral("before the nul"))) << qPrintable(m.text);
    EXPECT_TRUE(m.text.contains(QStringLiteral("after the nul"))) << qPrintable(m.text);
    EXPECT_FALSE(m.text.contains(QChar(u'\0')));
}

TEST(MimeRepairs, UnknownCharsetIsGuessedWithAWarning)
{
    const RenderedMessage utf8 = renderFile("unknown-charset-utf8.eml");
    EXPECT_TRUE(utf8.text.contains(QStringLiteral("naïve café"))) << qPrintable(utf8.text);
    EXPECT_FALSE(utf8.warnings.isEmpty());
    const RenderedMessage latin = renderFile("unknown-charset-latin.eml");
    EXPECT_TRUE(latin.text.contains(QStringLiteral("naïve café ÿ"))) << qPrintable(latin.text);
}

TEST(MimeRepairs, EightBitBytesUnderASevenBitLabelAreReadSensibly)
{
    // EUC-JP bytes labelled iso-2022-jp, as some Japanese list software sent them.
    const QByteArray eucJp("\xc6\xfc\xcb\xdc\xb8\xec");
    EXPECT_EQ(decodeText(eucJp, "ISO-2022-JP"), QStringLiteral("日本語"));
    EXPECT_EQ(decodeText("caf\xc3\xa9", "iso-2022-jp"), QStringLiteral("café"));
    EXPECT_EQ(decodeText("\x1b$BF|K\\8l\x1b(B", "iso-2022-jp"), QStringLiteral("日本語"));
    EXPECT_EQ(decodeText("caf\xc3\xa9", "us-ascii"), QStringLiteral("café"));
    EXPECT_EQ(decodeText("\xcf\xf0\xe8", "win-1251"), QStringLiteral("При"));
}

TEST(MimeRepairs, InvalidBytesBecomeReplacementCharacters)
{
    const DecodedText d = decodeCharset("ab\xff\xfe"
                                        "cd",
                                        "utf-8");
    EXPECT_TRUE(d.text.startsWith(QStringLiteral("ab")));
    EXPECT_TRUE(d.text.endsWith(QStringLiteral("cd")));
    EXPECT_TRUE(d.text.contains(QChar::ReplacementCharacter));
    EXPECT_TRUE(d.hadErrors);
}

TEST(MimeRepairs, AttachedMessageIsShownNestedAndCountedOnce)
{
    const RenderedMessage m = renderFile("attached-message.eml");
    EXPECT_TRUE(m.text.contains(QStringLiteral("Forwarding the minutes.")));
    EXPECT_TRUE(m.text.contains(QStringLiteral("Minutes of Monday"))) << qPrintable(m.text);
    EXPECT_TRUE(m.text.contains(QStringLiteral("We agreed on the budget.")));
    // The PDF inside belongs to the attached message, which is itself the attachment.
    ASSERT_EQ(filenames(m), QStringList{QStringLiteral("minutes.eml")});
    EXPECT_EQ(m.attachments.first().mimeType, QStringLiteral("message/rfc822"));
    EXPECT_TRUE(m.attachments.first().data.contains("budget.pdf"));
}

TEST(MimeRepairs, Rfc2231AndEncodedWordFilenames)
{
    const RenderedMessage m = renderFile("rfc2231-filenames.eml");
    EXPECT_EQ(filenames(m), (QStringList{QStringLiteral("€ rates 2026.pdf"),
                                         QStringLiteral("Übersicht der langen Liste.txt"),
                                         QStringLiteral("élève.bin")}));
    EXPECT_TRUE(m.text.contains(QStringLiteral("Two files.")));
}

TEST(MimeRepairs, RawEightBitFilenameUsesTheMessageCharset)
{
    // GMime alone reads raw 8-bit parameters as Latin-1.
    const RenderedMessage m = renderFile("raw-8bit-gbk-filename.eml");
    EXPECT_EQ(filenames(m), QStringList{QStringLiteral("季度报告.txt")});
}

TEST(MimeRepairs, HtmlMetaCharsetIsHonouredForBodyAndHeaders)
{
    // No MIME charset anywhere: only the <meta> says Big5.
    const RenderedMessage m = renderFile("html-meta-charset.eml");
    EXPECT_TRUE(m.text.contains(QStringLiteral("永久網址 second cell"))) << qPrintable(m.text);
    EXPECT_EQ(m.headers.subject, QStringLiteral("新片"));
    EXPECT_EQ(m.headers.from.name, QStringLiteral("王小明"));
}

TEST(MimeRepairs, LeapSecondDateIsKept)
{
    const RenderedMessage m = MessageRenderer::render(
        "From: a@example.org\nDate: Sat, 31 Dec 2016 23:59:60 +0000\nSubject: leap\n\nx\n");
    EXPECT_EQ(m.headers.date, QDateTime(QDate(2016, 12, 31), QTime(23, 59, 59), Qt::UTC));
}

TEST(MimeRepairs, FormatFlowedIsJoined)
{
    const RenderedMessage m = renderFile("format-flowed.eml");
    EXPECT_TRUE(m.text.contains(QStringLiteral("This paragraph was wrapped by the sender and joins "
                                               "again.")))
        << qPrintable(m.text);
    EXPECT_TRUE(m.text.contains(QStringLiteral("> a quoted line that continues here.")));
    EXPECT_TRUE(m.text.contains(QStringLiteral("-- \nsig")));
    EXPECT_EQ(unflow(QStringLiteral("one \ntwo\n"), false), QStringLiteral("one two\n"));
}

TEST(MimeRepairs, RelatedCidImagesAreInlineNotAttachments)
{
    const RenderedMessage m = renderFile("related-cid.eml");
    EXPECT_TRUE(m.html);
    EXPECT_TRUE(m.inlineResources.contains(QStringLiteral("cid:logo@example.org")));
    EXPECT_TRUE(
        m.inlineResources.value(QStringLiteral("cid:logo@example.org")).data.startsWith("\x89PNG"));
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("src=\"cid:logo@example.org\"")))
        << qPrintable(m.htmlBody);
    // Not referenced from the HTML: the reader lists it so it is not lost.
    EXPECT_EQ(filenames(m), QStringList{QStringLiteral("unused.png")});
}

TEST(MimeRepairs, OpaqueSmimeSignedMailShowsItsBody)
{
    // application/pkcs7-mime; smime-type=signed-data: GMime alone shows a blob.
    const RenderedMessage m = renderFile("smime-opaque-signed.eml");
    EXPECT_TRUE(m.isSigned);
    EXPECT_TRUE(m.text.contains(QStringLiteral("This opaque-signed text is readable.")))
        << qPrintable(m.text);
    EXPECT_TRUE(m.attachments.isEmpty());
    EXPECT_EQ(m.headers.subject, QStringLiteral("Opaque signed"));
}

TEST(MimeRepairs, SignedMailShowsItsBodyAndSaysSo)
{
    const RenderedMessage m = renderFile("signed.eml");
    EXPECT_TRUE(m.isSigned);
    EXPECT_FALSE(m.isEncrypted);
    EXPECT_TRUE(m.text.contains(QStringLiteral("This text is signed.")));
    EXPECT_TRUE(m.attachments.isEmpty()) << qPrintable(filenames(m).join(u','));
}

} // namespace
