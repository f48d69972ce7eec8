// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/DeletionQueue.h"

#include "store/BulkChanges.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace poplar::store {

namespace {

Result<QList<PendingDeletion>> readRows(QSqlQuery &q, DeletionReason reason)
{
    if (!q.exec())
        return storageError(QStringLiteral("Cannot read the deletion queue"), q.lastError().text());
    QList<PendingDeletion> out;
    while (q.next()) {
        PendingDeletion p;
        p.accountId = q.value(0).toString();
        p.uidl = q.value(1).toString();
        p.reason = reason;
        p.since = QDateTime::fromSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        p.messageId = q.value(3).toLongLong();
        p.subject = q.value(4).toString();
        p.downloadId = q.value(5).toLongLong();
        out.append(p);
    }
    return out;
}

} // namespace

QString deletionReasonToString(DeletionReason reason)
{
    switch (reason) {
    case DeletionReason::OlderThan:
        return QStringLiteral("older-than");
    case DeletionReason::NotLeftOnServer:
        return QStringLiteral("not-left-on-server");
    case DeletionReason::DeletedHere:
        break;
    }
    return QStringLiteral("deleted-here");
}

DeletionQueue::DeletionQueue(QSqlDatabase db)
    : m_db(std::move(db))
{}

namespace {

// The queue names the download record, so the deletion follows the message through a rename
// and never reaches a message of another mailbox that has the same UIDL.
const QString enqueueSql = QStringLiteral(
    "INSERT OR IGNORE INTO server_deletions (account_id, uidl, reason, queued_at, "
    "download_id) VALUES (?, ?, 'deleted-here', ?, COALESCE("
    "(SELECT id FROM downloads WHERE message_id = ? AND account_id = ? ORDER BY id DESC "
    "LIMIT 1), (SELECT id FROM downloads WHERE account_id = ? AND uidl = ? "
    "ORDER BY mailbox_id DESC LIMIT 1)))");

bool execEnqueue(QSqlQuery &q, const QString &accountId, const QString &uidl, qint64 queuedAt,
                 qint64 messageId)
{
    q.addBindValue(accountId);
    q.addBindValue(uidl);
    q.addBindValue(queuedAt);
    q.addBindValue(messageId);
    q.addBindValue(accountId);
    q.addBindValue(accountId);
    q.addBindValue(uidl);
    return q.exec();
}

} // namespace

Status DeletionQueue::enqueue(const QString &accountId, const QString &uidl, const QDateTime &now,
                              qint64 messageId)
{
    QSqlQuery q(m_db);
    q.prepare(enqueueSql);
    if (!execEnqueue(q, accountId, uidl, now.toSecsSinceEpoch(), messageId))
        return storageError(QStringLiteral("Cannot queue a server deletion"), q.lastError().text());
    return {};
}

Status DeletionQueue::enqueue(const QList<MessageRef> &messages, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(enqueueSql);
    for (const MessageRef &m : messages) {
        if (m.uidl.isEmpty())
            continue;
        if (!execEnqueue(q, m.accountId, m.uidl, now.toSecsSinceEpoch(), m.id))
            return storageError(QStringLiteral("Cannot queue a server deletion"),
                                q.lastError().text());
    }
    return {};
}

Status DeletionQueue::remove(const QString &accountId, const QList<QString> &uidls)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM server_deletions WHERE account_id = ? AND uidl = ?"));
    for (const QString &uidl : uidls) {
        q.addBindValue(accountId);
        q.addBindValue(uidl);
        if (!q.exec())
            return storageError(QStringLiteral("Cannot update the deletion queue"),
                                q.lastError().text());
    }
    return {};
}

Status DeletionQueue::removeRecords(const QList<qint64> &downloadIds)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM server_deletions WHERE download_id = ?"));
    for (const qint64 id : downloadIds) {
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("Cannot update the deletion queue"),
                                q.lastError().text());
    }
    return {};
}

Result<std::optional<ServerCopy>> DeletionQueue::serverCopy(qint64 messageId) const
{
    QSqlQuery q(m_db);
    // The record enqueue() would name (the message's latest), and whether a queued deletion
    // names it already, by record or by the server name it was queued under.
    q.prepare(QStringLiteral(
        "SELECT d.account_id, d.uidl, d.state, EXISTS (SELECT 1 FROM server_deletions q WHERE "
        "q.download_id = d.id OR (q.account_id = d.account_id AND q.uidl = d.uidl)) "
        "FROM downloads d WHERE d.message_id = ? ORDER BY d.id DESC LIMIT 1"));
    q.addBindValue(messageId);
    if (!q.exec())
        return storageError(QStringLiteral("Cannot read the deletion queue"), q.lastError().text());
    if (!q.next() || q.value(1).isNull())
        return std::optional<ServerCopy>{};
    const std::optional<DownloadState> state = downloadStateFromString(q.value(2).toString());
    if (!state)
        return std::optional<ServerCopy>{};
    return std::optional<ServerCopy>{
        ServerCopy{q.value(0).toString(), q.value(1).toString(), *state, q.value(3).toBool()}};
}

Result<QList<PendingDeletion>> DeletionQueue::queued(const QString &accountId) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT q.account_id, COALESCE(d.uidl, q.uidl), q.queued_at, "
                       "COALESCE(m.id, 0), COALESCE(m.subject, ''), COALESCE(q.download_id, 0) "
                       "FROM server_deletions q LEFT JOIN downloads d ON d.id = q.download_id "
                       "LEFT JOIN messages m ON m.id = d.message_id "
                       "WHERE q.account_id = ? ORDER BY q.queued_at, q.uidl"));
    q.addBindValue(accountId);
    return readRows(q, DeletionReason::DeletedHere);
}

Result<QList<PendingDeletion>> DeletionQueue::downloadedBefore(const QString &accountId,
                                                               const QDateTime &cutoff) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT d.account_id, d.uidl, d.first_seen, COALESCE(m.id, 0), COALESCE(m.subject, ''), "
        "d.id FROM downloads d LEFT JOIN messages m ON m.id = d.message_id "
        "WHERE d.account_id = ? AND d.state = 'stored' AND d.uidl IS NOT NULL "
        "AND d.first_seen < ? ORDER BY d.first_seen, d.uidl"));
    q.addBindValue(accountId);
    q.addBindValue(cutoff.toSecsSinceEpoch());
    return readRows(q, DeletionReason::OlderThan);
}

} // namespace poplar::store
