// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "smtp/SmtpReply.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QMetaType>
#include <QString>

#include <algorithm>

namespace poplar::smtp {

/// Who a message goes to, as the SMTP transaction says it (RFC 5321 §2.3.1): independent of
/// the headers, so Bcc recipients are here and in no header.
struct Envelope {
    QByteArray from; ///< the reverse path, without angle brackets
    QByteArrayList recipients;

    [[nodiscard]] bool needsSmtpUtf8() const
    {
        auto nonAscii = [](const QByteArray &a) {
            return std::any_of(a.begin(), a.end(), [](char c) { return uchar(c) >= 0x80; });
        };
        return nonAscii(from) || std::any_of(recipients.begin(), recipients.end(), nonAscii);
    }
};

/// A recipient the server refused, with its words.
struct Rejection {
    QByteArray address;
    Reply reply;
};

/// How one message's transaction ended while the session went on.
struct SendOutcome {
    enum class Kind {
        Accepted,  ///< 250 after the final dot: the server has it
        Temporary, ///< 4xx: the same message may go later
        Permanent, ///< 5xx or a limit: it will not go as it is
    };
    Kind kind = Kind::Accepted;
    QString detail;     ///< our words
    QString serverText; ///< the server's words, untrusted
    QList<Rejection> rejected;
};

} // namespace poplar::smtp

Q_DECLARE_METATYPE(poplar::smtp::SendOutcome)
