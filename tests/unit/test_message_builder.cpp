// SPDX-License-Identifier: GPL-3.0-or-later
// Messages Poplar writes: what a reader (ours, through GMime) makes of them, and replies
// and forwards as the mail programs people know make them.
#include "mime/DraftReader.h"
#include "mime/FlowedText.h"
#include "mime/MessageBuilder.h"
#include "mime/MessageRenderer.h"
#include "mime/ReplyBuilder.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::mime;

namespace {

OutgoingMessage sample()
{
    OutgoingMessage m;
    m.from = {QStringLiteral("Zoë Li 李"), QStringLiteral("zoe@example.org")};
    m.to = {{QStringLiteral("Bob"), QStringLiteral("bob@example.net")}};
    m.cc = {{{}, QStringLiteral("carol@example.net")}};
    m.bcc = {{{}, QStringLiteral("secret@example.net")}};
    m.subject = QStringLiteral("Grüße — 你好");
    m.body = QStringLiteral("Hello,\nthis is UTF-8: 你好.\n");
    return m;
}

QByteArray header(const QByteArray &raw, const char *name)
{
    return MessageRenderer::headerValues(raw, name).value(0).trimmed();
}

} // namespace

TEST(MessageBuilder, WritesEncodedHeadersUtf8FlowedTextAndNoBcc)
{
    auto built = MessageBuilder::build(sample());
    ASSERT_TRUE(built.ok()) << built.error().message().toStdString();
    const QByteArray raw = built.value().raw;
    for (const char c : raw)
        ASSERT_LT(uchar(c), 0x80) << "7-bit on the wire: encoded words and transfer encodings";
    EXPECT_FALSE(raw.contains("secret@example.net")) << "Bcc is only in the envelope";
    EXPECT_FALSE(raw.contains("\n\n")) << "CRLF line ends";
    EXPECT_TRUE(raw.contains("format=flowed"));
    EXPECT_EQ(header(raw, "Message-Id"), '<' + built.value().messageId.toUtf8() + '>');
    EXPECT_TRUE(built.value().messageId.endsWith(QStringLiteral("@example.org")));
    const RenderedMessage shown = MessageRenderer::render(raw);
    EXPECT_EQ(shown.headers.subject, QStringLiteral("Grüße — 你好"));
    EXPECT_EQ(shown.headers.from.name, QStringLiteral("Zoë Li 李"));
    EXPECT_EQ(shown.headers.from.address, QStringLiteral("zoe@example.org"));
    ASSERT_EQ(shown.headers.cc.size(), 1);
    EXPECT_TRUE(shown.text.contains(QStringLiteral("this is UTF-8: 你好.")));
    EXPECT_TRUE(shown.headers.date.isValid());
    EXPECT_EQ(sample().recipients(),
              (QStringList{QStringLiteral("bob@example.net"), QStringLiteral("carol@example.net"),
                           QStringLiteral("secret@example.net")}));
}

TEST(MessageBuilder, NamesFilesInRfc2231AndTypesThemByName)
{
    OutgoingMessage m = sample();
    m.attachments.append({QStringLiteral("報告 résumé.pdf"), {}, QByteArray("%PDF-1.4\n"), false});
    auto built = MessageBuilder::build(m);
    ASSERT_TRUE(built.ok());
    // A charset name is case-insensitive (GMime writes "UTF-8").
    const QByteArray lowered = built.value().raw.toLower();
    EXPECT_TRUE(lowered.contains("filename*=utf-8''") || lowered.contains("filename*0*=utf-8''"));
    const RenderedMessage shown = MessageRenderer::render(built.value().raw);
    ASSERT_EQ(shown.attachments.size(), 1);
    EXPECT_EQ(shown.attachments.at(0).filename, QStringLiteral("報告 résumé.pdf"));
    EXPECT_EQ(shown.attachments.at(0).mimeType, QStringLiteral("application/pdf"));
    EXPECT_EQ(shown.attachments.at(0).data, QByteArray("%PDF-1.4\n"));
}

TEST(MessageBuilder, RefusesHeadersWithLineBreaksAndMessagesWithoutRecipients)
{
    OutgoingMessage m = sample();
    m.subject = QStringLiteral("hi\r\nBcc: everyone@example.net");
    EXPECT_FALSE(MessageBuilder::build(m).ok());
    m = sample();
    m.to.clear();
    m.cc.clear();
    m.bcc.clear();
    EXPECT_FALSE(MessageBuilder::build(m).ok());
}

TEST(FlowedText, WrapsLongLinesWithSoftBreaksThatUnflowBack)
{
    const QString para = QStringLiteral(
        "This paragraph is long enough that it has to be wrapped over more than one line of "
        "the message, and reading it back must join it again.");
    const QString text = para + QStringLiteral("\n> quoted\n>\n-- \nsig  \nFrom here\n");
    const QString flowed = flow(text);
    for (const QString &line : flowed.split(QLatin1Char('\n')))
        EXPECT_LE(line.size(), 78) << line.toStdString();
    EXPECT_TRUE(flowed.contains(QStringLiteral("\n-- \n")));
    EXPECT_TRUE(flowed.contains(QStringLiteral("\nsig\n"))) << "trailing spaces removed";
    EXPECT_TRUE(flowed.contains(QStringLiteral("\n From here"))) << "space-stuffed";
    EXPECT_EQ(unflow(flowed, false), para + QStringLiteral("\n> quoted\n>\n-- \nsig\nFrom here\n"));
}

TEST(ReplyBuilder, KeepsOnePrefixWhateverLanguageItCameIn)
{
    EXPECT_EQ(ReplyBuilder::replySubject(QStringLiteral("Re: RE: Aw: lunch")),
              QStringLiteral("Re: lunch"));
    EXPECT_EQ(ReplyBuilder::replySubject(QStringLiteral("回复：答复: 会议")),
              QStringLiteral("Re: 会议"));
    EXPECT_EQ(ReplyBuilder::replySubject(QStringLiteral("Re[2]: x")), QStringLiteral("Re: x"));
    EXPECT_EQ(ReplyBuilder::replySubject(QStringLiteral("Fwd: x")), QStringLiteral("Re: Fwd: x"));
    EXPECT_EQ(ReplyBuilder::replySubject(QStringLiteral("Regarding x")),
              QStringLiteral("Re: Regarding x"));
    EXPECT_EQ(ReplyBuilder::forwardSubject(QStringLiteral("转发: FW: Fwd: 报告")),
              QStringLiteral("Fwd: 报告"));
    EXPECT_EQ(ReplyBuilder::forwardSubject(QStringLiteral("Re: x")), QStringLiteral("Fwd: Re: x"));
}

namespace {

const QByteArray original = "From: Bob <bob@example.net>\r\n"
                            "To: Zoe <zoe@example.org>, team@example.net\r\n"
                            "Cc: carol@example.net, ZOE@example.org\r\n"
                            "Reply-To: bob.private@example.net\r\n"
                            "Subject: RE: plans\r\n"
                            "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
                            "Message-ID: <m2@example.net>\r\n"
                            "In-Reply-To: <m1@example.org>\r\n"
                            "References: <m0@example.org> <m1@example.org>\r\n"
                            "Content-Type: text/plain; charset=utf-8\r\n"
                            "\r\n"
                            "Shall we meet?\r\n> earlier words\r\n";

Responder zoe()
{
    Responder me;
    me.sender = {QStringLiteral("Zoe"), QStringLiteral("zoe@example.org")};
    me.ownAddresses = {QStringLiteral("zoe@example.org"), QStringLiteral("zoe.other@example.com")};
    me.signature = QStringLiteral("Zoe");
    return me;
}

QStringList addresses(const QList<MailAddress> &list)
{
    QStringList out;
    for (const auto &a : list)
        out.append(a.address);
    return out;
}

} // namespace

TEST(ReplyBuilder, ReplyGoesToReplyToWithThreadingQuoteAndAttribution)
{
    const OutgoingMessage r =
        ReplyBuilder::make(original, ReplyKind::Reply, zoe(), QStringLiteral("Yes."));
    EXPECT_EQ(r.subject, QStringLiteral("Re: plans"));
    EXPECT_EQ(addresses(r.to), QStringList{QStringLiteral("bob.private@example.net")});
    EXPECT_TRUE(r.cc.isEmpty());
    EXPECT_EQ(r.inReplyTo, QStringLiteral("m2@example.net"));
    EXPECT_EQ(r.references,
              (QStringList{QStringLiteral("m0@example.org"), QStringLiteral("m1@example.org"),
                           QStringLiteral("m2@example.net")}));
    EXPECT_TRUE(r.body.startsWith(QStringLiteral("Yes.\n\n-- \nZoe\n\n")));
    EXPECT_TRUE(r.body.contains(QStringLiteral("Bob <bob@example.net>")));
    EXPECT_TRUE(r.body.contains(QStringLiteral("\n> Shall we meet?\n>> earlier words\n")));
    EXPECT_EQ(r.from.address, QStringLiteral("zoe@example.org"));
}

TEST(ReplyBuilder, ReplyAllLeavesTheUserOutAndEveryoneElseIn)
{
    const OutgoingMessage r = ReplyBuilder::make(original, ReplyKind::ReplyAll, zoe(), {});
    EXPECT_EQ(addresses(r.to), (QStringList{QStringLiteral("bob.private@example.net"),
                                            QStringLiteral("team@example.net")}));
    EXPECT_EQ(addresses(r.cc), QStringList{QStringLiteral("carol@example.net")});
}

TEST(ReplyBuilder, ReplyAllHonoursMailFollowupTo)
{
    QByteArray withMft = original;
    withMft.replace("Subject:", "Mail-Followup-To: list@example.net, zoe@example.org\r\nSubject:");
    const OutgoingMessage r = ReplyBuilder::make(withMft, ReplyKind::ReplyAll, zoe(), {});
    EXPECT_EQ(addresses(r.to), QStringList{QStringLiteral("list@example.net")});
    EXPECT_TRUE(r.cc.isEmpty());
}

TEST(ReplyBuilder, AReplyToOnesOwnMessageGoesToItsRecipients)
{
    QByteArray mine = original;
    mine.replace("From: Bob <bob@example.net>", "From: Zoe <zoe.other@example.com>");
    mine.replace("Reply-To: bob.private@example.net\r\n", "");
    const OutgoingMessage r = ReplyBuilder::make(mine, ReplyKind::Reply, zoe(), {});
    EXPECT_EQ(addresses(r.to), QStringList{QStringLiteral("team@example.net")});
}

TEST(ReplyBuilder, ForwardsInlineOrTheExactBytesAsAnAttachment)
{
    const OutgoingMessage inl =
        ReplyBuilder::make(original, ReplyKind::ForwardInline, zoe(), QStringLiteral("FYI"));
    EXPECT_EQ(inl.subject, QStringLiteral("Fwd: RE: plans"));
    EXPECT_TRUE(inl.body.contains(QStringLiteral("Shall we meet?")));
    EXPECT_TRUE(inl.to.isEmpty());
    EXPECT_TRUE(inl.inReplyTo.isEmpty());

    OutgoingMessage att = ReplyBuilder::make(original, ReplyKind::ForwardAsAttachment, zoe(), {});
    ASSERT_EQ(att.attachments.size(), 1);
    EXPECT_TRUE(att.attachments.at(0).isMessage);
    att.to = {{{}, QStringLiteral("dave@example.net")}};
    auto built = MessageBuilder::build(att);
    ASSERT_TRUE(built.ok());
    EXPECT_TRUE(built.value().raw.contains(original)) << "the original, byte for byte";
    EXPECT_TRUE(built.value().raw.contains("Content-Type: message/rfc822"));
}

TEST(DraftReader, ADraftReadsBackAsItWasWritten)
{
    const QByteArray original = "From: Bob <bob@example.net>\r\nSubject: Plans\r\n"
                                "Message-ID: <o@example.net>\r\n\r\nNoon?\r\n";
    OutgoingMessage m = sample();
    m.body = QStringLiteral("A line long enough to be wrapped by format=flowed when it is written "
                            "out, and joined again when the draft is read back.\n\n-- \nZoë\n");
    m.inReplyTo = QStringLiteral("o@example.net");
    m.references = {QStringLiteral("a@example.net"), QStringLiteral("o@example.net")};
    m.attachments.append({QStringLiteral("報告.pdf"), {}, QByteArray("%PDF-1.4\n"), false});
    m.attachments.append(
        {QStringLiteral("Plans.eml"), QStringLiteral("message/rfc822"), original, true});
    auto built = MessageBuilder::build(m, MessageBuilder::Purpose::Draft);
    ASSERT_TRUE(built.ok());
    const OutgoingMessage back = readDraft(built.value().raw);
    EXPECT_EQ(back.from, m.from);
    EXPECT_EQ(back.to, m.to);
    EXPECT_EQ(back.cc, m.cc);
    EXPECT_EQ(back.bcc, m.bcc) << "a draft keeps its Bcc";
    EXPECT_EQ(back.subject, m.subject);
    EXPECT_EQ(back.body, m.body);
    EXPECT_EQ(back.inReplyTo, m.inReplyTo);
    EXPECT_EQ(back.references, m.references);
    ASSERT_EQ(back.attachments.size(), 2);
    EXPECT_EQ(back.attachments.at(0).fileName, QStringLiteral("報告.pdf"));
    EXPECT_EQ(back.attachments.at(0).data, QByteArray("%PDF-1.4\n"));
    EXPECT_TRUE(back.attachments.at(1).isMessage);
    EXPECT_EQ(back.attachments.at(1).data, original) << "the forwarded message, byte for byte";
}
