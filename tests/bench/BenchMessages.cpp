// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchMessages.h"

#include <array>

namespace poplar::bench {

namespace {

// xorshift32: tiny and reproducible everywhere, unlike std's distributions.
class Rng {
public:
    explicit Rng(std::uint32_t seed)
        : m_state(seed ? seed : 0x9e3779b9u)
    {}
    std::uint32_t next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }

private:
    std::uint32_t m_state;
};

constexpr std::array<const char *, 24> kWords{
    "the",     "server",  "message", "please",  "attached", "report",   "quarter", "meeting",
    "budget",  "review",  "thanks",  "regards", "tomorrow", "schedule", "update",  "project",
    "invoice", "deliver", "mailbox", "draft",   "comments", "changes",  "final",   "numbers"};

QByteArray number(std::uint32_t n)
{
    return QByteArray::number(n);
}

QByteArray headerBlock(Rng &rng, std::uint32_t seed, const QByteArray &boundary)
{
    QByteArray h;
    h.reserve(2048);
    const QByteArray id = number(seed) + '.' + number(rng.next());
    h += "Return-Path: <newsletter-bounces+" + id + "@lists.example.com>\r\n";
    // A Received chain as mail really arrives: three hops, folded.
    for (int hop = 0; hop < 3; ++hop) {
        h += "Received: from mx" + number(hop + 1) + ".example.net (mx" + number(hop + 1) +
             ".example.net [192.0.2." + number(rng.below(250) + 1) +
             "])\r\n\tby mail.example.org (Postfix) with ESMTPS id " +
             QByteArray::number(rng.next(), 16).toUpper() + "\r\n\tfor <alice@example.org>; " +
             "Mon, 2 Nov 2026 10:" + number(10 + hop) + ":0" + number(hop) + " +0100 (CET)\r\n";
    }
    h += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;\r\n"
         "\ts=selector1; t=1793611200; h=from:to:cc:subject:date:message-id:mime-version;\r\n"
         "\tbh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
         "\tb=dzdVyOfAKCdLXdJOc9G2q8LoXSlEniSbav+yuU4zGeeruD00lszZVoG4ZHRNiYzR2jLT\r\n"
         "\t CSdi3NbK4cM6fHZkXt45BdQqwLTZqN7T/1s8LhUsyJiKl4w5R2rbQxhAgHJyWzvVtl2gQ\r\n"
         "\t 0cIXjyMUGhkJbBQjXTTd06VMGTVdA1CS9KIUg8SvsyFbRZd7wXGlRt4a8=\r\n";
    h += "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen.mueller" + number(rng.below(50)) +
         "@example.com>\r\n";
    h += "To: Alice Example <alice@example.org>, \"Bob, the Builder\" <bob@example.org>\r\n";
    h += "Cc: team@example.org\r\n";
    h += "Subject: =?UTF-8?B?UXVhcnRhbHNiZXJpY2h0IMOcYmVyc2ljaHQ=?= #" + number(seed) +
         " review of the " + kWords[rng.below(kWords.size())] + "\r\n";
    h += "Date: Mon, 2 Nov 2026 10:" + number(10 + rng.below(50)) + ":" +
         number(10 + rng.below(50)) + " +0100\r\n";
    h += "Message-ID: <" + id + "@mail.example.com>\r\n";
    h += "List-Unsubscribe: <mailto:unsubscribe@lists.example.com?subject=" + id + ">\r\n";
    h += "MIME-Version: 1.0\r\n";
    h += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n";
    h += "\r\n";
    return h;
}

QByteArray textPart(Rng &rng, qsizetype size)
{
    QByteArray text;
    text.reserve(size + 128);
    while (text.size() < size) {
        QByteArray line;
        // About one line in 20 starts with '.', so dot-stuffing is exercised as in real
        // mail (quoted ellipses, ".signature" lines, leading-dot file names).
        if (rng.below(20) == 0)
            line += rng.below(2) ? ".." : ".";
        while (line.size() < 60 + qsizetype(rng.below(12)))
            line += QByteArray(kWords[rng.below(kWords.size())]) + ' ';
        line.chop(1);
        text += line + "\r\n";
    }
    return text;
}

QByteArray base64Lines(Rng &rng, qsizetype encodedSize)
{
    QByteArray binary(encodedSize * 3 / 4, Qt::Uninitialized);
    for (char &c : binary)
        c = char(rng.next() >> 24);
    const QByteArray encoded = binary.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

} // namespace

QByteArray makeMessage(std::uint32_t seed, qsizetype targetSize)
{
    Rng rng(seed * 2654435761u + 1);
    const QByteArray boundary = "=_poplar_bench_" + number(seed);
    QByteArray m = headerBlock(rng, seed, boundary);
    m += "This is a multi-part message in MIME format.\r\n\r\n";
    m += "--" + boundary +
         "\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n";
    // A fifth of the message is text (at least 1 KB), the rest one attachment.
    const qsizetype textSize = std::max<qsizetype>(1024, targetSize / 5);
    m += textPart(rng, textSize);
    m += "\r\n--" + boundary + "\r\nContent-Type: application/pdf; name=\"report-" + number(seed) +
         ".pdf\"\r\nContent-Disposition: attachment; filename=\"report-" + number(seed) +
         ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    const qsizetype rest = targetSize - m.size() - boundary.size() - 8;
    if (rest > 0)
        m += base64Lines(rng, rest);
    m += "\r\n--" + boundary + "--\r\n";
    return m;
}

QByteArray retrReply(const QByteArray &raw)
{
    QByteArray wire;
    wire.reserve(raw.size() + raw.size() / 50 + 64);
    wire += "+OK " + QByteArray::number(raw.size()) + " octets\r\n";
    qsizetype pos = 0;
    while (pos < raw.size()) {
        qsizetype end = raw.indexOf('\n', pos);
        end = end < 0 ? raw.size() : end + 1;
        if (raw.at(pos) == '.')
            wire += '.';
        wire += QByteArrayView(raw).sliced(pos, end - pos);
        pos = end;
    }
    if (!wire.endsWith('\n'))
        wire += "\r\n";
    wire += ".\r\n";
    return wire;
}

RetrStream makeRetrStream(int count, qsizetype size)
{
    RetrStream s;
    s.wire.reserve(qsizetype(count) * (size + size / 40 + 64));
    for (int i = 0; i < count; ++i) {
        // ±25 % around the nominal size, as a real maildrop varies.
        Rng jitter(std::uint32_t(i) * 2246822519u + 7);
        const qsizetype target = size * 3 / 4 + qsizetype(jitter.below(std::uint32_t(size / 2)));
        const QByteArray raw = makeMessage(std::uint32_t(i), target);
        s.wire += retrReply(raw);
        s.rawSizes.append(raw.size());
        s.rawTotal += raw.size();
    }
    return s;
}

} // namespace poplar::bench
