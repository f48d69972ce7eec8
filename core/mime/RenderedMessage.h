// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace poplar::mime {

struct MailAddress {
    QString name;
    QString address;

    /// "Name <address>", or whichever of the two is present.
    [[nodiscard]] QString display() const;
    bool operator==(const MailAddress &) const = default;
};

struct AttachmentInfo {
    QString filename; ///< decoded, as the sender wrote it; see safeFileName() before saving
    QString mimeType;
    qint64 size = 0;          ///< decoded bytes
    QByteArray data;          ///< the decoded content; empty past the decoded-size cap
    bool dataComplete = true; ///< false when the cap cut `data` short
};

/// A part the HTML body refers to by "cid:" or Content-Location, shown inline.
struct InlineResource {
    QString mimeType;
    QByteArray data;
};

/// The header facts of a message, decoded to Unicode.
struct MessageHeaders {
    QString subject;
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> replyTo;
    QDateTime date;     ///< UTC; invalid when absent or unreadable
    QString messageId;  ///< without angle brackets
    QString inReplyTo;  ///< as written, for threading
    QString references; ///< as written, for threading
};

/// What a reader shows of one message. Shared by the viewer and `poplarctl show/render`.
struct RenderedMessage {
    MessageHeaders headers;
    QString text;      ///< the body as plain text, as the reader shows it
    bool html = false; ///< the chosen body was HTML
    QList<AttachmentInfo> attachments;
    int remoteContentBlocked = 0; ///< remote resources the body asked for and did not get
    QStringList warnings;         ///< what was repaired or could not be shown
    /// The body as sanitized HTML for the viewer: an allow-list of elements and attributes,
    /// no script, no remote resource unless allowed. Plain text bodies come as escaped HTML
    /// with clickable links and quote levels.
    QString htmlBody;
    /// Inline parts by the URL the HTML uses for them ("cid:..." or a Content-Location).
    QHash<QString, InlineResource> inlineResources;
    bool isSigned = false;    ///< multipart/signed or S/MIME signed; not verified
    bool isEncrypted = false; ///< encrypted content that is not shown
    /// Part of the body could not be rendered within the caps (HTML too large or too deep
    /// for the parser's memory cap) and is shown as its source text; a warning says so.
    bool renderFailed = false;
};

} // namespace poplar::mime

Q_DECLARE_METATYPE(poplar::mime::RenderedMessage)
