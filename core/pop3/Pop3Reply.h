// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace poplar::pop3 {

/// What the client tells the parser to expect for the next reply (RFC 1939 §3).
enum class ReplyShape {
    StatusLine, ///< one line: +OK / -ERR / SASL "+ " continuation
    MultiLine,  ///< a status line, and after +OK a dot-terminated block
};

/// One complete server reply.
struct Reply {
    enum class Kind { Ok, Err, Continuation };

    Kind kind = Kind::Err;
    /// The status line after "+OK " / "-ERR " / "+ ", without the line ending. Untrusted.
    QByteArray text;
    /// RFC 2449 extended response code, e.g. "IN-USE" or "SYS/TEMP"; empty when none.
    QByteArray code;
    /// Multi-line body after dot-unstuffing, line endings as the server sent them.
    QByteArray body;
    /// The block was longer than the parser's cap: the rest was skipped, and `body` holds at
    /// most the message's header section (empty when even that was not whole).
    bool oversized = false;

    [[nodiscard]] bool isOk() const { return kind == Kind::Ok; }
};

} // namespace poplar::pop3
