// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Pop3Parser.h"

#include <cstring>

namespace poplar::pop3 {

namespace {

QByteArrayView chompLineEnding(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool startsWithToken(QByteArrayView line, QByteArrayView token)
{
    if (line.size() < token.size())
        return false;
    if (qstrnicmp(line.data(), token.data(), token.size()) != 0)
        return false;
    return line.size() == token.size() || line[token.size()] == ' ';
}

// RFC 2449 §8: "+OK [CODE/SUB] text". Codes are short atoms; anything odd is left in the text.
QByteArray responseCode(QByteArrayView text)
{
    if (!text.startsWith('['))
        return {};
    const qsizetype close = text.indexOf(']');
    if (close < 2 || close > 64)
        return {};
    return text.sliced(1, close - 1).toByteArray().toUpper();
}

// What is kept of a block over the cap: the message's header section (at most 64 KB), so
// that a message too large to download still shows with its sender and subject.
void keepHead(QByteArray &body)
{
    constexpr qsizetype maxHead = 64 * 1024;
    qsizetype end = -1;
    for (const char *blank : {"\n\r\n", "\n\n"}) {
        const qsizetype at = body.indexOf(blank);
        if (at >= 0 && (end < 0 || at < end))
            end = at + qsizetype(std::strlen(blank));
    }
    body.truncate(end >= 0 ? std::min(end, maxHead) : std::min(body.size(), maxHead));
    body.squeeze();
}

} // namespace

void Pop3Parser::expect(ReplyShape shape, qsizetype sizeHint)
{
    m_expected.push_back({shape, sizeHint});
}

Reply Pop3Parser::takeReply()
{
    Reply reply = std::move(m_ready.front());
    m_ready.pop_front();
    return reply;
}

void Pop3Parser::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_expected.clear();
    m_state = State::Status;
    m_current = {};
    m_midLine = false;
}

void Pop3Parser::fail(const QString &why)
{
    m_fatal = why;
}

void Pop3Parser::feed(QByteArrayView bytes)
{
    if (m_fatal)
        return;
    m_buffer.append(bytes);

    while (!m_fatal) {
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        const auto *newline =
            static_cast<const char *>(std::memchr(data + m_pos, '\n', size - m_pos));
        if (!newline) {
            const qsizetype partial = size - m_pos;
            if (m_state == State::Status && partial > m_limits.maxStatusLine) {
                fail(tr("The server sent a reply line longer than %1 bytes.")
                         .arg(m_limits.maxStatusLine));
            } else if (m_state == State::Block && partial > m_limits.maxBlock) {
                // One line bigger than the whole cap: drop what we have and skip to its end.
                consumeBlockLine(QByteArrayView(data + m_pos, partial), false);
                m_pos = size;
            }
            break;
        }
        const qsizetype end = newline - data + 1;
        const QByteArrayView line(data + m_pos, end - m_pos);
        m_pos = end;
        if (m_state == State::Block) {
            consumeBlockLine(line, true);
        } else if (m_expected.empty()) {
            fail(tr("The server sent data that was not asked for."));
        } else {
            parseStatusLine(line);
        }
    }

    // Keep the buffer small without moving bytes on every call.
    if (m_pos == m_buffer.size()) {
        m_buffer.resize(0);
        m_pos = 0;
    } else if (m_pos > 64 * 1024 && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

bool Pop3Parser::parseStatusLine(QByteArrayView rawLine)
{
    if (rawLine.size() > m_limits.maxStatusLine) {
        fail(tr("The server sent a reply line longer than %1 bytes.").arg(m_limits.maxStatusLine));
        return false;
    }
    const QByteArrayView line = chompLineEnding(rawLine);
    Reply reply;
    qsizetype skip = 0;
    if (startsWithToken(line, "+OK")) {
        reply.kind = Reply::Kind::Ok;
        skip = 3;
    } else if (startsWithToken(line, "-ERR")) {
        reply.kind = Reply::Kind::Err;
        skip = 4;
    } else if (startsWithToken(line, "+")) {
        reply.kind = Reply::Kind::Continuation;
        skip = 1;
    } else {
        fail(tr("The server sent a reply that is neither +OK nor -ERR: \"%1\"")
                 .arg(QString::fromUtf8(
                     line.first(std::min<qsizetype>(line.size(), 80)).toByteArray())));
        return false;
    }
    if (line.size() > skip)
        ++skip; // the space after the status token
    reply.text = line.sliced(skip).toByteArray();
    reply.code = responseCode(reply.text);

    const Expected expected = m_expected.front();
    m_current = std::move(reply);
    if (m_current.kind == Reply::Kind::Ok && expected.shape == ReplyShape::MultiLine) {
        m_state = State::Block;
        if (expected.sizeHint > 0)
            m_current.body.reserve(std::min(expected.sizeHint + 64, m_limits.maxBlock));
    } else {
        finishReply();
    }
    return true;
}

void Pop3Parser::consumeBlockLine(QByteArrayView line, bool complete)
{
    if (m_midLine) {
        // The rest of an over-long line whose beginning was already dropped.
        m_midLine = !complete;
        return;
    }
    if (!complete) {
        if (!m_current.oversized)
            keepHead(m_current.body);
        m_current.oversized = true;
        m_midLine = true;
        return;
    }
    if (line.startsWith('.')) {
        if (line == ".\r\n" || line == ".\n") {
            finishReply();
            return;
        }
        line = line.sliced(1); // RFC 1939 §3: byte-stuffed termination octet
    }
    if (m_current.oversized)
        return;
    if (m_current.body.size() + line.size() > m_limits.maxBlock) {
        m_current.oversized = true;
        keepHead(m_current.body);
        return;
    }
    m_current.body.append(line);
}

void Pop3Parser::finishReply()
{
    m_ready.push_back(std::move(m_current));
    m_current = {};
    m_expected.pop_front();
    m_state = State::Status;
    m_midLine = false;
}

} // namespace poplar::pop3
