// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>

namespace poplar::smtp {

/// One SMTP reply (RFC 5321 §4.2): a three-digit code and one or more lines of text.
struct Reply {
    int code = 0;
    QByteArrayList lines; ///< the text of each line, without the code and separator

    [[nodiscard]] bool isPositive() const { return code >= 200 && code < 300; }
    [[nodiscard]] bool isIntermediate() const { return code >= 300 && code < 400; }
    /// 4yz: the same command may work later (RFC 5321 §4.2.1).
    [[nodiscard]] bool isTransient() const { return code >= 400 && code < 500; }
    [[nodiscard]] bool isPermanent() const { return code >= 500; }
    /// The lines joined by spaces, as one sentence for a user.
    [[nodiscard]] QByteArray text() const { return lines.join(' '); }
    /// "550 5.1.1 No such user": what a protocol log or an error shows.
    [[nodiscard]] QByteArray summary() const
    {
        return QByteArray::number(code) + (lines.isEmpty() ? QByteArray() : ' ' + text());
    }
};

} // namespace poplar::smtp
