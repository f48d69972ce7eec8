// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace poplar::store {

/// The local folders every account has. Sent, Drafts and Outbox hold what the user writes
/// (issue 16): the Outbox what waits to be sent (see OutboxStore), Sent the exact bytes the
/// server accepted, Drafts what is being written.
enum class Folder { Inbox, Trash, Sent, Drafts, Outbox };

[[nodiscard]] QString folderToString(Folder folder);
[[nodiscard]] std::optional<Folder> folderFromString(const QString &text);

/// A message as the list shows it: everything but the raw bytes.
struct MessageSummary {
    qint64 id = 0;
    QString accountId;
    QString uidl;
    Folder folder = Folder::Inbox;
    QString fromName;
    QString fromAddress;
    QString toText; ///< the To header as the viewer shows it: the list shows it for Sent & co.
    QString subject;
    QDateTime date; ///< UTC; invalid when the message has no usable Date
    qint64 size = 0;
    bool seen = false;
    bool partial = false;
    bool flagged = false;        ///< starred by the user
    bool hasAttachments = false; ///< known once the message is indexed
    /// The named folder it is in (imported mail's, or where a filter filed it); empty for
    /// the account's own folder.
    QString localFolder;
    /// The filter rule that placed it ("Filed by rule 'Invoices'"): its name, which may be
    /// empty, and its line in filters.sieve; line 0 when no rule did.
    QString filedBy;
    int filedByLine = 0;
    bool junk = false;    ///< the server's spam verdict, or the user, said junk
    QString junkReason;   ///< the header that said so, or "user" (filters::JunkVerdict)
    QList<qint64> tagIds; ///< its tags (TagStore), in no particular order
};

/// The header facts extracted once, when a message is stored.
struct HeaderSummary {
    QString fromName;
    QString fromAddress;
    QString toText;
    QString ccText;
    QString subject;
    QDateTime date;
    QString messageId;
    QString inReplyTo;
    QString references;
};

} // namespace poplar::store

Q_DECLARE_METATYPE(poplar::store::MessageSummary)
