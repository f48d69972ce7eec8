// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "smtp/SmtpReply.h"

#include <QByteArrayView>
#include <QString>

#include <deque>
#include <optional>

namespace poplar::smtp {

/// Turns the bytes an SMTP server sends into Replies. No I/O, no QObject, any thread.
/// Bytes may be split anywhere; CRLF and bare LF both end a line. A multi-line reply is
/// "250-first", "250-second", "250 last" (RFC 5321 §4.2.1). A line that is too long, has no
/// code, or changes the code within one reply makes the stream unusable (fatalError()).
class SmtpParser {
public:
    struct Limits {
        qsizetype maxLine = 4096; ///< RFC 5321 allows 512; servers write longer
        qsizetype maxLinesPerReply = 1000;
    };

    SmtpParser() = default;
    explicit SmtpParser(Limits limits)
        : m_limits(limits)
    {}

    void feed(QByteArrayView bytes);
    [[nodiscard]] bool hasReply() const { return !m_ready.empty(); }
    [[nodiscard]] Reply takeReply();
    [[nodiscard]] const std::optional<QString> &fatalError() const { return m_fatal; }
    /// Whether a reply has begun and not ended, or bytes wait for the end of their line.
    [[nodiscard]] bool midReply() const
    {
        return !m_current.lines.isEmpty() || m_pos < m_buffer.size();
    }
    /// Forgets everything buffered: after STARTTLS's 220 what came in the clear is not
    /// trusted (RFC 3207 §4.2).
    void reset();

private:
    void parseLine(QByteArrayView line);
    void fail(const QString &why);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    Reply m_current;
    std::deque<Reply> m_ready;
    std::optional<QString> m_fatal;
};

} // namespace poplar::smtp
