// SPDX-License-Identifier: GPL-3.0-or-later
// MessageStore's reads for the message list: the orders its indexes hold, rows by id, pages,
// unread counts and the threads of a folder. Its writes are in MessageStore.cpp.
#include "store/MessageStore.h"
#include "store/SortKeys.h"

#include "store/StoreSql.h"

#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace poplar::store {

using namespace sql;

Result<QList<MessageSummary>> MessageStore::messages(Folder folder, const QString &accountId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT %1 FROM messages WHERE folder = ?").arg(summaryColumns);
    if (!accountId.isEmpty())
        sql += QStringLiteral(" AND account_id = ?");
    sql += QStringLiteral(" ORDER BY date IS NULL, date DESC, id DESC");
    q.prepare(sql);
    q.addBindValue(folderToString(folder));
    if (!accountId.isEmpty())
        q.addBindValue(accountId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot list messages"), q);
    QList<MessageSummary> rows;
    while (q.next())
        rows.append(summaryFromRow(q));
    return rows;
}

Result<QList<MessageSummary>> MessageStore::page(Folder folder, const QString &accountId, int limit,
                                                 const std::optional<PageKey> &after) const
{
    // Dated messages newest first, then undated ones, each by id descending. Two plain
    // queries rather than one "ORDER BY date IS NULL, ...": that expression keeps SQLite from
    // walking the messages_page index and makes it sort the whole folder.
    QList<MessageSummary> rows;
    rows.reserve(limit);
    auto run = [&](const QString &condition, const QVariantList &values, int count) -> Status {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT %1 FROM messages WHERE folder = ? AND account_id = ? AND %2 "
                           "ORDER BY date DESC, id DESC LIMIT ?")
                .arg(summaryColumns, condition));
        q.addBindValue(folderToString(folder));
        q.addBindValue(accountId);
        for (const QVariant &v : values)
            q.addBindValue(v);
        q.addBindValue(count);
        if (!q.exec())
            return queryError(QStringLiteral("Cannot list messages"), q);
        while (q.next())
            rows.append(summaryFromRow(q));
        return {};
    };
    const bool afterUndated = after && !after->date.isValid();
    if (!afterUndated) {
        QString condition = QStringLiteral("date IS NOT NULL");
        QVariantList values;
        if (after) {
            const qint64 secs = after->date.toSecsSinceEpoch();
            condition += QStringLiteral(" AND (date < ? OR (date = ? AND id < ?))");
            values = {secs, secs, after->id};
        }
        if (Status s = run(condition, values, limit); !s)
            return s.error();
    }
    if (rows.size() < limit) {
        if (Status s = afterUndated
                           ? run(QStringLiteral("date IS NULL AND id < ?"), {after->id},
                                 limit - int(rows.size()))
                           : run(QStringLiteral("date IS NULL"), {}, limit - int(rows.size()));
            !s)
            return s.error();
    }
    return rows;
}

Result<qint64> MessageStore::count(Folder folder, const QString &accountId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE folder = ? AND account_id = ?"));
    q.addBindValue(folderToString(folder));
    q.addBindValue(accountId);
    if (!q.exec() || !q.next())
        return queryError(QStringLiteral("Cannot count messages"), q);
    return q.value(0).toLongLong();
}

Result<qint64> MessageStore::countAll() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM messages")) || !q.next())
        return queryError(QStringLiteral("Cannot count messages"), q);
    return q.value(0).toLongLong();
}

namespace {

// The stored keys (SortKeys.h): BLOBs the list indexes hold, compared byte by byte.
QString sortColumn(SortKey key)
{
    switch (key) {
    case SortKey::Sender:
        return QStringLiteral("sender_key");
    case SortKey::Subject:
        return QStringLiteral("subject_key");
    case SortKey::Size:
        return QStringLiteral("size");
    case SortKey::Date:
        break;
    }
    return {};
}

// Ids as SQL text: they are integers, so inlining them is safe, and it avoids SQLite's limit
// on bound parameters.
QString idList(const QList<qint64> &ids, qsizetype from, qsizetype count)
{
    QString text;
    text.reserve(count * 8);
    for (qsizetype i = from; i < from + count; ++i) {
        if (i > from)
            text += QLatin1Char(',');
        text += QString::number(ids.at(i));
    }
    return text;
}

/// Drafts, the Outbox and Sent: the first column names the recipients there.
bool showsRecipients(const FolderRef &list)
{
    return !list.unifiedInbox && (list.folder == Folder::Sent || list.folder == Folder::Outbox ||
                                  list.folder == Folder::Drafts);
}

} // namespace

// The WHERE clause of a list, with its values. An account's Inbox holds the messages with
// local_folder '' (the others were filed into its named folders): saying so lets the query
// use the whole index key. Its Trash and other folders hold what is there from any of its
// named folders, as the local account's Trash does.
QString sql::listCondition(const FolderRef &list, QVariantList &values)
{
    if (list.unifiedInbox) {
        values = {MessageStore::localAccountId()};
        return QStringLiteral("folder = 'inbox' AND account_id <> ? AND local_folder = ''");
    }
    values = {folderToString(list.folder), list.accountId};
    if (list.localFolder.isEmpty() &&
        (list.accountId == MessageStore::localAccountId() || list.folder != Folder::Inbox))
        return QStringLiteral("folder = ? AND account_id = ?");
    values.append(notNull(list.localFolder));
    return QStringLiteral("folder = ? AND account_id = ? AND local_folder = ?");
}

bool FolderRef::holds(const MessageSummary &message) const
{
    if (unifiedInbox)
        return message.folder == Folder::Inbox &&
               message.accountId != MessageStore::localAccountId() && message.localFolder.isEmpty();
    if (message.accountId != accountId || message.folder != folder)
        return false;
    // An account's Inbox and named folders split its folder 'inbox' between them.
    if (folder == Folder::Inbox &&
        (!localFolder.isEmpty() || accountId != MessageStore::localAccountId()))
        return message.localFolder == localFolder;
    return true;
}

QString MessageStore::sortLanguage() const
{
    const QString stored = cacheMeta(m_db, QStringLiteral("collation_locale"));
    // What Database::open registers for a cache that names none.
    return stored.isEmpty() ? QLocale().name() : stored;
}

Result<QList<qint64>> MessageStore::orderedIds(const FolderRef &list, SortKey key,
                                               bool descending) const
{
    QVariantList values;
    const QString where = listCondition(list, values);
    const QString dir = descending ? QStringLiteral(" DESC") : QString();
    QString order;
    if (key == SortKey::Sender && showsRecipients(list)) {
        // What the user wrote shows its recipients in the sender's column: sort by what is
        // shown. These folders hold only the user's own mail, so keying the few rows at
        // query time costs little and needs no stored key (a message keeps its sender_key
        // when it moves to Trash, where the column shows the sender again).
        order = sortkeys::keyOf(QStringLiteral("to_text")) + dir + QStringLiteral(", ");
    } else if (const QString column = sortColumn(key); !column.isEmpty()) {
        order = column + dir + QStringLiteral(", ");
    }
    order += QStringLiteral("date%1, id%1").arg(dir);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE %1 ORDER BY %2").arg(where, order));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot list messages"), q);
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<QList<ThreadLink>> MessageStore::threadLinks(const FolderRef &list) const
{
    QVariantList values;
    const QString where = listCondition(list, values);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The References header's last 600 characters: its nearest ids (a long thread's header
    // runs to kilobytes, and a folder has many of them).
    q.prepare(QStringLiteral("SELECT id, message_id, in_reply_to, substr(refs, -600), date "
                             "FROM messages WHERE %1")
                  .arg(where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read the conversations"), q);
    QList<ThreadLink> links;
    while (q.next()) {
        ThreadLink link;
        link.id = q.value(0).toLongLong();
        link.messageId = q.value(1).toString();
        link.inReplyTo = q.value(2).toString();
        link.referencesTail = q.value(3).toString();
        if (!q.value(4).isNull())
            link.date = QDateTime::fromSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        links.append(std::move(link));
    }
    return links;
}

Result<QList<MessageSummary>> MessageStore::summaries(const QList<qint64> &ids) const
{
    QList<MessageSummary> rows;
    rows.reserve(ids.size());
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(
                QStringLiteral("SELECT %1 FROM messages WHERE id IN (%2)")
                    .arg(summaryColumns, idList(ids, from, std::min(chunk, ids.size() - from)))))
            return queryError(QStringLiteral("Cannot read messages"), q);
        while (q.next())
            rows.append(summaryFromRow(q));
    }
    return rows;
}

Result<qint64> MessageStore::unreadCount(const FolderRef &list) const
{
    QVariantList values;
    const QString where = listCondition(list, values);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE %1 AND seen = 0").arg(where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return queryError(QStringLiteral("Cannot count unread messages"), q);
    return q.value(0).toLongLong();
}

Result<QSet<qint64>> MessageStore::unreadIds(const FolderRef &list) const
{
    QVariantList values;
    const QString where = listCondition(list, values);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE %1 AND seen = 0").arg(where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot list unread messages"), q);
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

Result<qint64> MessageStore::unreadAmong(const QList<qint64> &ids) const
{
    qint64 unread = 0;
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM messages WHERE seen = 0 AND id IN (%1)")
                        .arg(idList(ids, from, std::min(chunk, ids.size() - from)))) ||
            !q.next())
            return queryError(QStringLiteral("Cannot count unread messages"), q);
        unread += q.value(0).toLongLong();
    }
    return unread;
}

Result<qint64> MessageStore::unreadInInboxes() const
{
    // What the Unified Inbox shows: mail that came in, not imported archives.
    return unreadCount(FolderRef::unified());
}

} // namespace poplar::store
