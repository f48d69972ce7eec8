// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pop3/Pop3Reply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <deque>
#include <optional>

namespace poplar::pop3 {

/// Turns the bytes a POP3 server sends into Replies. No I/O, no QObject, any thread.
///
/// The client announces each reply it expects with expect(), in the order it sent the
/// commands (so pipelined replies are matched). Bytes may be split anywhere; CRLF and
/// bare LF both end a line. A status line longer than Limits::maxStatusLine is a fatal
/// error (the stream cannot be trusted any more); a block larger than Limits::maxBlock
/// is skipped to its terminator and reported as `oversized`, so the session continues.
class Pop3Parser {
    Q_DECLARE_TR_FUNCTIONS(poplar::pop3::Pop3Parser)

public:
    struct Limits {
        qsizetype maxStatusLine = 8 * 1024;
        qsizetype maxBlock = 64 * 1024 * 1024;
    };

    Pop3Parser() = default;
    explicit Pop3Parser(Limits limits)
        : m_limits(limits)
    {}

    /// The next reply will have this shape. `sizeHint` (from LIST) pre-sizes the body.
    void expect(ReplyShape shape, qsizetype sizeHint = 0);
    /// Consumes bytes; complete replies become available through takeReply().
    void feed(QByteArrayView bytes);

    [[nodiscard]] bool hasReply() const { return !m_ready.empty(); }
    [[nodiscard]] Reply takeReply();
    /// How many expected replies have not been completed yet.
    [[nodiscard]] qsizetype pendingCount() const { return qsizetype(m_expected.size()); }

    /// Set once the stream is unusable (over-long status line, garbage, unsolicited data).
    [[nodiscard]] const std::optional<QString> &fatalError() const { return m_fatal; }

    /// Forgets buffered bytes and expectations: after STLS the plaintext is discarded
    /// (RFC 2595 §4: nothing sent before the handshake may be trusted).
    void reset();

private:
    struct Expected {
        ReplyShape shape;
        qsizetype sizeHint;
    };
    enum class State { Status, Block };

    bool parseStatusLine(QByteArrayView line);
    void consumeBlockLine(QByteArrayView line, bool complete);
    void finishReply();
    void fail(const QString &why);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    std::deque<Expected> m_expected;
    std::deque<Reply> m_ready;
    State m_state = State::Status;
    Reply m_current;
    bool m_midLine = false; ///< inside an over-long block line whose start was dropped
    std::optional<QString> m_fatal;
};

} // namespace poplar::pop3
