// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace poplar::mime {

/// A file (or a whole message) to attach.
struct OutgoingAttachment {
    QString fileName; ///< as the recipient sees it; any Unicode (RFC 2231)
    QString mimeType; ///< "type/subtype"; empty: guessed from the name and the bytes
    QByteArray data;
    /// The bytes are a message attached as message/rfc822, exactly as they are (a forward
    /// as attachment): never re-encoded, never re-written.
    bool isMessage = false;
};

/// A message as the composer, a reply or poplarctl describes it, before it is MIME.
struct OutgoingMessage {
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    /// Only in the envelope: never written into the message (RFC 5322 §3.6.3 allows both;
    /// keeping them out is the only way every recipient cannot see them).
    QList<MailAddress> bcc;
    QList<MailAddress> replyTo;
    QString subject;
    QString body;           ///< plain text, "\n" line ends; sent as format=flowed UTF-8
    QString inReplyTo;      ///< a Message-ID without angle brackets; empty when none
    QStringList references; ///< Message-IDs without angle brackets, oldest first
    QList<OutgoingAttachment> attachments;
    QDateTime date;    ///< invalid: now
    QString messageId; ///< empty: a new one in the sender's domain

    /// Every address the message goes to: To, Cc and Bcc, each once.
    [[nodiscard]] QStringList recipients() const;
};

/// The bytes to send and the Message-ID they carry.
struct BuiltMessage {
    QByteArray raw; ///< CRLF line ends, as the server will store it
    QString messageId;
};

/// Writes an OutgoingMessage as RFC 5322/MIME bytes with GMime: RFC 2047 encoded words for
/// names and subject, RFC 2231 file names, UTF-8 text as format=flowed (RFC 3676) in
/// quoted-printable or base64 as GMime finds best, attachments in base64 with the MIME
/// type QMimeDatabase gives. Any thread.
class MessageBuilder {
public:
    enum class Purpose {
        Send,  ///< Bcc left out; a recipient needed
        Draft, ///< kept to be edited again: Bcc written, recipients may be missing
    };
    [[nodiscard]] static Result<BuiltMessage> build(const OutgoingMessage &message,
                                                    Purpose purpose = Purpose::Send);
    /// A new Message-ID (without brackets) in the domain of `senderAddress`.
    [[nodiscard]] static QString newMessageId(const QString &senderAddress);
    /// The addresses of an address-list header value ("A <a@x>, b@y"), RFC 2047 decoded.
    [[nodiscard]] static QList<MailAddress> parseAddresses(const QByteArray &headerValue);
};

} // namespace poplar::mime
