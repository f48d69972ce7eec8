// SPDX-License-Identifier: GPL-3.0-or-later
#include "junk/ClassifierView.h"

#include <gtest/gtest.h>

using poplar::junk::classifierView;

namespace {

constexpr qsizetype bigCap = 64 * 1024;

/// 60 lines of base64, as a mailer encodes a PDF.
QByteArray base64Lines()
{
    QByteArray out;
    for (int i = 0; i < 60; ++i)
        out += QByteArray(76, char('A' + i % 26)) + "\r\n";
    return out;
}

QByteArray withAttachment(const QByteArray &eol)
{
    QByteArray m = "From: Ann <ann@example.org>\r\n"
                   "DKIM-Signature: v=1; a=rsa-sha256; d=example.org;\r\n"
                   "\tb=Zm9vYmFyYmF6cXV4cXV1eGNvcmdl\r\n"
                   "\t Zm9vYmFyYmF6cXV4cXV1eGNvcmdl\r\n"
                   "Subject: the quarterly report\r\n"
                   "Content-Type: multipart/mixed;\r\n"
                   "\tboundary=\"=_outer\"\r\n"
                   "\r\n"
                   "preamble words\r\n"
                   "--=_outer\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "\r\n"
                   "cheap pills before the attachment\r\n"
                   "--=_outer\r\n"
                   "Content-Type: application/pdf; name=\"invoice.pdf\"\r\n"
                   "Content-Transfer-Encoding: base64\r\n"
                   "\r\n" +
                   base64Lines() +
                   "--=_outer\r\n"
                   "Content-Type: text/html\r\n"
                   "\r\n"
                   "<p>words after the attachment</p>\r\n"
                   "--=_outer--\r\n"
                   "epilogue words\r\n";
    if (eol != "\r\n")
        m.replace("\r\n", eol);
    return m;
}

} // namespace

TEST(ClassifierView, KeepsHeadersAndTextAndDropsSignaturesAndAttachmentContent)
{
    for (const QByteArray &eol : {QByteArray("\r\n"), QByteArray("\n")}) {
        const QByteArray view = classifierView(withAttachment(eol), bigCap);
        SCOPED_TRACE(eol.size());
        EXPECT_TRUE(view.contains("From: Ann"));
        EXPECT_TRUE(view.contains("Subject: the quarterly report"));
        EXPECT_FALSE(view.contains("DKIM")) << "a signature's base64 is noise";
        EXPECT_FALSE(view.contains("Zm9vYmFy")) << "nor its folded lines";
        EXPECT_TRUE(view.contains("cheap pills before the attachment"));
        // The attachment's headers tell its type and name; its content is not read.
        EXPECT_TRUE(view.contains("name=\"invoice.pdf\""));
        EXPECT_FALSE(view.contains("AAAAAAAA"));
        EXPECT_FALSE(view.contains("ZZZZZZZZ"));
        EXPECT_TRUE(view.contains("words after the attachment"));
        EXPECT_TRUE(view.contains("epilogue words"));
        EXPECT_TRUE(view.contains("preamble words"));
    }
}

TEST(ClassifierView, ALineThatOnlyLooksLikeABoundaryEndsNothing)
{
    // An unknown boundary (none declared, or another one): everything is read as text.
    QByteArray m = "Subject: s\n"
                   "Content-Type: multipart/mixed; boundary=real\n\n"
                   "--real\n"
                   "Content-Type: image/png\n\n"
                   "iVBORw0KGgo\n"
                   "--fake\n"
                   "more image bytes\n"
                   "--real\n"
                   "Content-Type: text/plain\n\n"
                   "the text\n"
                   "--real--\n";
    const QByteArray view = classifierView(m, bigCap);
    EXPECT_FALSE(view.contains("iVBORw0KGgo"));
    EXPECT_FALSE(view.contains("more image bytes"));
    EXPECT_TRUE(view.contains("the text"));

    const QByteArray undeclared = "Subject: s\n\n--real\nContent-Type: image/png\n\nbytes\n";
    EXPECT_EQ(classifierView(undeclared, bigCap), undeclared);
}

TEST(ClassifierView, NestedPartsAndAForwardedMessageAreReadToo)
{
    QByteArray m = "Subject: fwd\n"
                   "Content-Type: multipart/mixed; boundary=\"a\"\n\n"
                   "--a\n"
                   "Content-Type: multipart/alternative; boundary=b\n\n"
                   "--b\n"
                   "Content-Type: text/plain\n\n"
                   "plain words\n"
                   "--b\n"
                   "Content-Type: text/html\n\n"
                   "<b>html words</b>\n"
                   "--b--\n"
                   "--a\n"
                   "Content-Type: message/rfc822\n\n"
                   "From: inner@example.org\n"
                   "ARC-Seal: i=1; b=c2lnbmF0dXJl\n"
                   "Content-Type: multipart/mixed; boundary=c\n\n"
                   "--c\n"
                   "Content-Type: text/plain\n\n"
                   "inner words\n"
                   "--c\n"
                   "Content-Type: application/zip\n\n"
                   "UEsDBBQAAAAIAA\n"
                   "--c--\n"
                   "--a--\n";
    const QByteArray view = classifierView(m, bigCap);
    EXPECT_TRUE(view.contains("plain words"));
    EXPECT_TRUE(view.contains("html words"));
    EXPECT_TRUE(view.contains("From: inner@example.org"));
    EXPECT_FALSE(view.contains("c2lnbmF0dXJl")) << "a signature inside the forwarded message";
    EXPECT_TRUE(view.contains("inner words"));
    EXPECT_FALSE(view.contains("UEsDBBQAAAAIAA"));
}

TEST(ClassifierView, AMessageThatIsAllAttachmentKeepsItsHeaders)
{
    const QByteArray m = "Subject: scan\nContent-Type: image/jpeg\n\n/9j/4AAQSkZJRgABAQ\n";
    const QByteArray view = classifierView(m, bigCap);
    EXPECT_TRUE(view.contains("Subject: scan"));
    EXPECT_TRUE(view.contains("image/jpeg"));
    EXPECT_FALSE(view.contains("/9j/"));
}

TEST(ClassifierView, ItEndsAtALineBreakWithinTheCapAndLooksNoFurtherThanTheScanLimit)
{
    QByteArray m = "Subject: big\n\n";
    while (m.size() < 10000)
        m += "a line of words that goes on\n";
    const QByteArray view = classifierView(m, 1000);
    EXPECT_LE(view.size(), 1000);
    EXPECT_GT(view.size(), 1000 - 40);
    EXPECT_TRUE(view.endsWith("goes on\n"));

    // One line longer than the cap: its start, as much as fits.
    const QByteArray oneLine(5000, 'x');
    EXPECT_EQ(classifierView(oneLine, 1000), oneLine.first(1000));

    // A long attachment is skipped by looking for its end, but not without bound.
    QByteArray huge = "Content-Type: multipart/mixed; boundary=z\n\n--z\n"
                      "Content-Type: application/octet-stream\n\n";
    huge += QByteArray(100000, 'B') + "\n--z\nContent-Type: text/plain\n\nlate words\n--z--\n";
    EXPECT_TRUE(classifierView(huge, bigCap).contains("late words"));
    EXPECT_FALSE(classifierView(huge, bigCap, 50000).contains("late words"));
}

TEST(ClassifierView, AMessageWithNothingToDropIsReadAsItIs)
{
    const QByteArray plain = "From: a@example.org\r\nSubject: hello\r\n\r\nJust text.\r\n";
    EXPECT_EQ(classifierView(plain, bigCap), plain);
    EXPECT_EQ(classifierView(QByteArray(), bigCap), QByteArray());
    const QByteArray noBreak = "Subject: no final break";
    EXPECT_EQ(classifierView(noBreak, bigCap), noBreak);
}
