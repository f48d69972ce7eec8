// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
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
    QString filename;
    QString mimeType;
    qint64 size = 0; ///< decoded bytes
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
};

} // namespace poplar::mime

Q_DECLARE_METATYPE(poplar::mime::RenderedMessage)
