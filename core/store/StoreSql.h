// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What MessageStore's two source files share: the summary columns and how a row becomes a
// MessageSummary. Internal to core/store.

#include "store/Database.h"
#include "store/MessageSummary.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace poplar::store {
struct FolderRef;
}

namespace poplar::store::sql {

/// The WHERE clause that picks one list's messages (MessageListQueries.cpp), with the values
/// it binds, in order.
QString listCondition(const FolderRef &list, QVariantList &values);

inline const QString summaryColumns = QStringLiteral(
    "id, account_id, uidl, folder, from_name, from_address, subject, date, size, seen, partial, "
    "flagged, has_attachments, local_folder, filed_by, filed_by_line, junk, junk_reason, "
    // A message's tags, looked up by its key in message_tags (most messages have none).
    "(SELECT group_concat(tag_id) FROM message_tags WHERE message_tags.message_id = messages.id), "
    "to_text");

inline MessageSummary summaryFromRow(const QSqlQuery &q)
{
    MessageSummary s;
    s.id = q.value(0).toLongLong();
    s.accountId = q.value(1).toString();
    s.uidl = q.value(2).toString();
    s.folder = folderFromString(q.value(3).toString()).value_or(Folder::Inbox);
    s.fromName = q.value(4).toString();
    s.fromAddress = q.value(5).toString();
    s.subject = q.value(6).toString();
    if (!q.value(7).isNull())
        s.date = QDateTime::fromSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    s.size = q.value(8).toLongLong();
    s.seen = q.value(9).toBool();
    s.partial = q.value(10).toBool();
    s.flagged = q.value(11).toBool();
    s.hasAttachments = q.value(12).toBool();
    s.localFolder = q.value(13).toString();
    s.filedBy = q.value(14).toString();
    s.filedByLine = q.value(15).toInt();
    s.junk = q.value(16).toBool();
    s.junkReason = q.value(17).toString();
    const QString tagIds = q.value(18).toString();
    for (const QStringView id : QStringView(tagIds).split(u',', Qt::SkipEmptyParts))
        s.tagIds.append(id.toLongLong());
    s.toText = q.value(19).toString();
    return s;
}

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' meaning "none".
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

inline Error queryError(const QString &what, const QSqlQuery &q)
{
    return storageError(what, q.lastError().text());
}

} // namespace poplar::store::sql
