// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/SmtpParser.h"

#include <QCoreApplication>

namespace poplar::smtp {

void SmtpParser::feed(QByteArrayView bytes)
{
    if (m_fatal)
        return;
    m_buffer.append(bytes);
    while (!m_fatal) {
        const qsizetype end = m_buffer.indexOf('\n', m_pos);
        if (end < 0) {
            if (m_buffer.size() - m_pos > m_limits.maxLine)
                fail(QCoreApplication::translate("SmtpParser",
                                                 "The server sent a line that is too long"));
            break;
        }
        qsizetype lineEnd = end;
        if (lineEnd > m_pos && m_buffer.at(lineEnd - 1) == '\r')
            --lineEnd;
        if (lineEnd - m_pos > m_limits.maxLine) {
            fail(QCoreApplication::translate("SmtpParser",
                                             "The server sent a line that is too long"));
            break;
        }
        parseLine(QByteArrayView(m_buffer).sliced(m_pos, lineEnd - m_pos));
        m_pos = end + 1;
    }
    // Keep the buffer small: drop what was parsed once it is most of it.
    if (m_pos > 0 && m_pos * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

void SmtpParser::parseLine(QByteArrayView line)
{
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) ||
        line[0] < '2' || line[0] > '5' || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
        fail(QCoreApplication::translate("SmtpParser", "The server sent something that is not "
                                                       "an SMTP reply: \"%1\"")
                 .arg(QString::fromUtf8(
                     line.first(std::min<qsizetype>(80, line.size())).toByteArray())));
        return;
    }
    const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (!m_current.lines.isEmpty() && m_current.code != code) {
        fail(QCoreApplication::translate("SmtpParser",
                                         "The server changed its reply code within one reply"));
        return;
    }
    m_current.code = code;
    m_current.lines.append(line.size() > 4 ? line.sliced(4).toByteArray() : QByteArray());
    if (m_current.lines.size() > m_limits.maxLinesPerReply) {
        fail(QCoreApplication::translate("SmtpParser", "The server sent a reply without end"));
        return;
    }
    const bool last = line.size() == 3 || line[3] == ' ';
    if (last)
        m_ready.push_back(std::exchange(m_current, Reply{}));
}

Reply SmtpParser::takeReply()
{
    Reply r = std::move(m_ready.front());
    m_ready.pop_front();
    return r;
}

void SmtpParser::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_current = {};
    m_ready.clear();
}

void SmtpParser::fail(const QString &why)
{
    if (!m_fatal)
        m_fatal = why;
}

} // namespace poplar::smtp
