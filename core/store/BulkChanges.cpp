// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/BulkChanges.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace poplar::store {

namespace {

/// "?, ?, ?" for `count` values.
QString placeholders(qsizetype count)
{
    QString marks;
    marks.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        marks += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return marks;
}

Error failure(const QString &what, const QSqlQuery &q)
{
    return storageError(what, q.lastError().text());
}

/// The ids in slices of at most BulkChanges::idsPerStatement.
template<typename Each> Status forEachSlice(const QList<qint64> &ids, Each each)
{
    for (qsizetype from = 0; from < ids.size(); from += BulkChanges::idsPerStatement) {
        const qsizetype n = std::min<qsizetype>(BulkChanges::idsPerStatement, ids.size() - from);
        if (Status s = each(ids.mid(from, n)); !s)
            return s;
    }
    return {};
}

/// The condition that picks one account's messages in a folder, or in any.
QString accountCondition(const std::optional<Folder> &folder)
{
    return folder ? QStringLiteral("account_id = ? AND folder = ?")
                  : QStringLiteral("account_id = ?");
}

void bindAccount(QSqlQuery &q, const QString &accountId, const std::optional<Folder> &folder)
{
    q.addBindValue(accountId);
    if (folder)
        q.addBindValue(folderToString(*folder));
}

} // namespace

BulkChanges::BulkChanges(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<QList<MessageRef>> BulkChanges::refs(const QList<qint64> &ids) const
{
    QList<MessageRef> found;
    found.reserve(ids.size());
    const Status s = forEachSlice(ids, [&](const QList<qint64> &slice) -> Status {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, account_id, uidl, folder FROM messages "
                                 "WHERE id IN (%1)")
                      .arg(placeholders(slice.size())));
        for (qint64 id : slice)
            q.addBindValue(id);
        if (!q.exec())
            return failure(tr("Cannot read the messages to change"), q);
        while (q.next()) {
            MessageRef ref;
            ref.id = q.value(0).toLongLong();
            ref.accountId = q.value(1).toString();
            ref.uidl = q.value(2).toString();
            ref.folder = folderFromString(q.value(3).toString()).value_or(Folder::Inbox);
            found.append(ref);
        }
        return {};
    });
    if (!s)
        return s.error();
    return found;
}

Result<int> BulkChanges::runOver(const QString &sql, const QVariantList &leading,
                                 const QList<qint64> &ids, const QString &what)
{
    // The UPDATEs say OR FAIL: with SQLite's default (ABORT) a statement that changes many
    // rows of a NOT NULL column keeps a journal of its own, of every page it changes (64 KB
    // each), to undo itself alone; moving 100,000 messages wrote 10 GB of it. The caller's
    // transaction is rolled back whole on any failure, so nothing needs undoing alone.
    int changed = 0;
    const Status s = forEachSlice(ids, [&](const QList<qint64> &slice) -> Status {
        QSqlQuery q(m_db);
        q.prepare(sql.arg(placeholders(slice.size())));
        for (const QVariant &value : leading)
            q.addBindValue(value);
        for (qint64 id : slice)
            q.addBindValue(id);
        if (!q.exec())
            return failure(what, q);
        changed += q.numRowsAffected();
        return {};
    });
    if (!s)
        return s.error();
    return changed;
}

Result<int> BulkChanges::setFolder(const QList<qint64> &ids, Folder folder)
{
    // Only rows that change: a row updated to what it holds still costs its index entries.
    return runOver(
        QStringLiteral("UPDATE OR FAIL messages SET folder = ? WHERE folder <> ? AND id IN (%1)"),
        {folderToString(folder), folderToString(folder)}, ids, tr("Cannot move the messages"));
}

Result<int> BulkChanges::setSeen(const QList<qint64> &ids, bool seen)
{
    return runOver(
        QStringLiteral("UPDATE OR FAIL messages SET seen = ? WHERE seen <> ? AND id IN (%1)"),
        {int(seen), int(seen)}, ids, tr("Cannot mark the messages"));
}

Result<int> BulkChanges::setFlagged(const QList<qint64> &ids, bool flagged)
{
    return runOver(
        QStringLiteral("UPDATE OR FAIL messages SET flagged = ? WHERE flagged <> ? AND id IN (%1)"),
        {int(flagged), int(flagged)}, ids, tr("Cannot flag the messages"));
}

Result<int> BulkChanges::purge(const QList<qint64> &ids)
{
    // message_bodies rows go with them (ON DELETE CASCADE); download records stay.
    return runOver(QStringLiteral("DELETE FROM messages WHERE id IN (%1)"), {}, ids,
                   tr("Cannot delete the messages"));
}

Result<QStringList> BulkChanges::accountsWithMessagesIn(Folder folder) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT account_id FROM messages WHERE folder = ?"));
    q.addBindValue(folderToString(folder));
    if (!q.exec())
        return failure(tr("Cannot read the messages to delete"), q);
    QStringList accounts;
    while (q.next())
        accounts.append(q.value(0).toString());
    return accounts;
}

Result<qint64> BulkChanges::count(const QString &accountId,
                                  const std::optional<Folder> &folder) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT COUNT(*) FROM messages WHERE %1").arg(accountCondition(folder)));
    bindAccount(q, accountId, folder);
    if (!q.exec() || !q.next())
        return failure(tr("Cannot count the messages"), q);
    return q.value(0).toLongLong();
}

Result<QList<qint64>> BulkChanges::idsInOrder(const QString &accountId,
                                              const std::optional<Folder> &folder) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Sorted here, once: deleted in index order (by UIDL or sort key), each slice of an
    // account's removal hit rows and bodies all over the file, and every transaction
    // rewrote most of their pages (100,000 messages: 30 GB written in 80 s).
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE %1 ORDER BY id")
                  .arg(accountCondition(folder)));
    bindAccount(q, accountId, folder);
    if (!q.exec())
        return failure(tr("Cannot read the messages to delete"), q);
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<int> BulkChanges::forgetSomeDownloads(const QString &accountId, int limit)
{
    // What a listing proved of a mailbox speaks of its records: it goes before any of them.
    QSqlQuery snapshots(m_db);
    snapshots.prepare(QStringLiteral("DELETE FROM listing_snapshots WHERE mailbox_id IN "
                                     "(SELECT id FROM mailboxes WHERE account_id = ?)"));
    snapshots.addBindValue(accountId);
    if (!snapshots.exec())
        return failure(tr("Cannot remove the account's download records"), snapshots);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM downloads WHERE id IN "
                             "(SELECT id FROM downloads WHERE account_id = ? LIMIT ?)"));
    q.addBindValue(accountId);
    q.addBindValue(limit);
    if (!q.exec())
        return failure(tr("Cannot remove the account's download records"), q);
    return q.numRowsAffected();
}

Status BulkChanges::forgetAccount(const QString &accountId)
{
    for (const auto *table : {"downloads", "mailboxes", "server_deletions", "server_policy"}) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE account_id = ?").arg(QLatin1String(table)));
        q.addBindValue(accountId);
        if (!q.exec())
            return failure(tr("Cannot remove the account's records"), q);
    }
    return {};
}

} // namespace poplar::store
