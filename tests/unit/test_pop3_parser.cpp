// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Pop3Parser.h"

#include <QByteArrayList>

#include <gtest/gtest.h>

#include <functional>

using poplar::pop3::Pop3Parser;
using poplar::pop3::Reply;
using poplar::pop3::ReplyShape;

namespace {

struct Expected {
    Reply::Kind kind;
    QByteArray text;
    QByteArray body;
    bool oversized = false;
    QByteArray code = {};
};

struct Transcript {
    const char *name;
    std::vector<ReplyShape> shapes;
    QByteArray bytes;
    std::vector<Expected> replies;
    Pop3Parser::Limits limits = {};
};

using Feeder = std::function<void(Pop3Parser &, const QByteArray &)>;

std::vector<Reply> run(const Transcript &t, const Feeder &feed)
{
    Pop3Parser parser(t.limits);
    for (ReplyShape s : t.shapes)
        parser.expect(s);
    feed(parser, t.bytes);
    EXPECT_FALSE(parser.fatalError().has_value())
        << qPrintable(parser.fatalError().value_or(QString()));
    std::vector<Reply> out;
    while (parser.hasReply())
        out.push_back(parser.takeReply());
    return out;
}

void check(const Transcript &t, const std::vector<Reply> &got, const std::string &how)
{
    ASSERT_EQ(got.size(), t.replies.size()) << how;
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(int(got[i].kind), int(t.replies[i].kind)) << how << " reply " << i;
        EXPECT_EQ(got[i].text, t.replies[i].text) << how << " reply " << i;
        EXPECT_EQ(got[i].body, t.replies[i].body) << how << " reply " << i;
        EXPECT_EQ(got[i].oversized, t.replies[i].oversized) << how << " reply " << i;
        EXPECT_EQ(got[i].code, t.replies[i].code) << how << " reply " << i;
    }
}

class ParserTranscript : public ::testing::TestWithParam<Transcript> {};

TEST_P(ParserTranscript, SameRepliesHoweverTheBytesAreSplit)
{
    const Transcript &t = GetParam();
    check(t, run(t, [](Pop3Parser &p, const QByteArray &b) { p.feed(b); }), "whole");
    check(t,
          run(t,
              [](Pop3Parser &p, const QByteArray &b) {
                  for (char c : b)
                      p.feed(QByteArrayView(&c, 1));
              }),
          "byte by byte");
    for (qsizetype cut = 1; cut < t.bytes.size(); ++cut) {
        check(t,
              run(t,
                  [cut](Pop3Parser &p, const QByteArray &b) {
                      p.feed(b.left(cut));
                      p.feed(b.mid(cut));
                  }),
              "split at " + std::to_string(cut));
    }
}

const Reply::Kind Ok = Reply::Kind::Ok;
const Reply::Kind Err = Reply::Kind::Err;
const Reply::Kind Cont = Reply::Kind::Continuation;

INSTANTIATE_TEST_SUITE_P(
    Pop3, ParserTranscript,
    ::testing::Values(
        Transcript{"greeting",
                   {ReplyShape::StatusLine},
                   "+OK Dovecot ready. <1.2@host>\r\n",
                   {{Ok, "Dovecot ready. <1.2@host>", {}}}},
        Transcript{"retr_with_dot_stuffing",
                   {ReplyShape::MultiLine},
                   "+OK 40 octets\r\nSubject: x\r\n\r\n..hidden\r\n...\r\n..\r\nend\r\n.\r\n",
                   {{Ok, "40 octets", "Subject: x\r\n\r\n.hidden\r\n..\r\n.\r\nend\r\n"}}},
        Transcript{"empty_block", {ReplyShape::MultiLine}, "+OK\r\n.\r\n", {{Ok, "", ""}}},
        Transcript{"bare_lf_line_endings_kept",
                   {ReplyShape::MultiLine, ReplyShape::StatusLine},
                   "+OK\nline one\n..two\n.\n+OK bye\n",
                   {{Ok, "", "line one\n.two\n"}, {Ok, "bye", {}}}},
        Transcript{"err_to_multiline_has_no_body",
                   {ReplyShape::MultiLine, ReplyShape::MultiLine},
                   "-ERR no such message\r\n+OK\r\n1 abc\r\n.\r\n",
                   {{Err, "no such message", {}}, {Ok, "", "1 abc\r\n"}}},
        Transcript{"pipelined_mix",
                   {ReplyShape::StatusLine, ReplyShape::StatusLine, ReplyShape::MultiLine,
                    ReplyShape::StatusLine},
                   "+OK\r\n-ERR [AUTH] bad password\r\n+OK 2\r\nA\r\n.\r\n+OK bye\r\n",
                   {{Ok, "", {}},
                    {Err, "[AUTH] bad password", {}, false, "AUTH"},
                    {Ok, "2", "A\r\n"},
                    {Ok, "bye", {}}}},
        Transcript{"response_code_lowercase_and_sub",
                   {ReplyShape::StatusLine},
                   "-ERR [sys/temp] try later\r\n",
                   {{Err, "[sys/temp] try later", {}, false, "SYS/TEMP"}}},
        Transcript{"sasl_continuation",
                   {ReplyShape::StatusLine, ReplyShape::StatusLine},
                   "+ PDEyMzQ+\r\n+ \r\n",
                   {{Cont, "PDEyMzQ+", {}}, {Cont, "", {}}}},
        Transcript{"oversized_block_is_skipped_and_stream_continues",
                   {ReplyShape::MultiLine, ReplyShape::StatusLine},
                   "+OK\r\n0123456789\r\n0123456789\r\n.\r\n+OK next\r\n",
                   {{Ok, "", "0123456789\r\n", true}, {Ok, "next", {}}},
                   Pop3Parser::Limits{8 * 1024, 16}},
        // What is kept of a message over the cap is its header section: it still shows.
        Transcript{"oversized_message_keeps_its_headers",
                   {ReplyShape::MultiLine, ReplyShape::StatusLine},
                   "+OK\r\nSubject: big\r\n\r\nvideo bytes, many of them\r\nmore\r\n.\r\n"
                   "+OK next\r\n",
                   {{Ok, "", "Subject: big\r\n\r\n", true}, {Ok, "next", {}}},
                   Pop3Parser::Limits{8 * 1024, 40}},
        Transcript{"line_longer_than_cap_is_dropped",
                   {ReplyShape::MultiLine, ReplyShape::StatusLine},
                   "+OK\r\n0123456789012345678901234567890123456789\r\n.\r\n+OK after\r\n",
                   {{Ok, "", {}, true}, {Ok, "after", {}}},
                   Pop3Parser::Limits{8 * 1024, 8}}),
    [](const ::testing::TestParamInfo<Transcript> &info) { return std::string(info.param.name); });

TEST(Pop3Parser, OverlongStatusLineIsFatal)
{
    Pop3Parser parser(Pop3Parser::Limits{64, 1024});
    parser.expect(ReplyShape::StatusLine);
    parser.feed(QByteArray(100, 'x'));
    ASSERT_TRUE(parser.fatalError().has_value());
    EXPECT_FALSE(parser.hasReply());
}

TEST(Pop3Parser, GarbageStatusIsFatal)
{
    Pop3Parser parser;
    parser.expect(ReplyShape::StatusLine);
    parser.feed("HTTP/1.1 400 Bad Request\r\n");
    ASSERT_TRUE(parser.fatalError().has_value());
    EXPECT_TRUE(parser.fatalError()->contains(QStringLiteral("neither +OK nor -ERR")));
}

TEST(Pop3Parser, UnsolicitedDataIsFatal)
{
    Pop3Parser parser;
    parser.feed("+OK surprise\r\n");
    EXPECT_TRUE(parser.fatalError().has_value());
}

TEST(Pop3Parser, ResetDropsBytesReceivedBeforeTls)
{
    Pop3Parser parser;
    parser.expect(ReplyShape::StatusLine);
    parser.feed("+OK begin TLS\r\n+OK injected");
    ASSERT_TRUE(parser.hasReply());
    EXPECT_EQ(parser.takeReply().text, QByteArray("begin TLS"));
    parser.reset();
    parser.expect(ReplyShape::StatusLine);
    parser.feed("+OK real\r\n");
    ASSERT_TRUE(parser.hasReply());
    EXPECT_EQ(parser.takeReply().text, QByteArray("real"));
    EXPECT_FALSE(parser.fatalError().has_value());
}

TEST(Pop3Parser, LargeMessageInManyChunksIsExact)
{
    QByteArray body;
    for (int i = 0; i < 20000; ++i)
        body += (i % 7 == 0 ? "." : "") + QByteArray::number(i) + " some text of the message\r\n";
    QByteArray wire = "+OK\r\n";
    for (const QByteArray &line : body.split('\n')) {
        if (line.isEmpty())
            continue;
        wire += (line.startsWith('.') ? "." : "") + line + "\n";
    }
    wire += ".\r\n";
    Pop3Parser parser;
    parser.expect(ReplyShape::MultiLine, body.size());
    for (qsizetype pos = 0; pos < wire.size(); pos += 1361)
        parser.feed(QByteArrayView(wire).sliced(pos, std::min<qsizetype>(1361, wire.size() - pos)));
    ASSERT_TRUE(parser.hasReply());
    EXPECT_EQ(parser.takeReply().body, body);
}

} // namespace
