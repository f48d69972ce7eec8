// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/DeletionQueue.h"

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

Status DeletionQueue::enqueue(const QString &accountId, const QString &uidl, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO server_deletions (account_id, uidl, reason, "
                             "queued_at) VALUES (?, ?, 'deleted-here', ?)"));
    q.addBindValue(accountId);
    q.addBindValue(uidl);
    q.addBindValue(now.toSecsSinceEpoch());
    if (!q.exec())
        return storageError(QStringLiteral("Cannot queue a server deletion"), q.lastError().text());
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

Result<QList<PendingDeletion>> DeletionQueue::queued(const QString &accountId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT d.account_id, d.uidl, d.queued_at, COALESCE(m.id, 0), COALESCE(m.subject, '') "
        "FROM server_deletions d LEFT JOIN messages m ON m.account_id = d.account_id AND m.uidl = "
        "d.uidl WHERE d.account_id = ? ORDER BY d.queued_at, d.uidl"));
    q.addBindValue(accountId);
    return readRows(q, DeletionReason::DeletedHere);
}

Result<QList<PendingDeletion>> DeletionQueue::downloadedBefore(const QString &accountId,
                                                               const QDateTime &cutoff) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT u.account_id, u.uidl, u.first_seen, COALESCE(m.id, 0), COALESCE(m.subject, '') "
        "FROM server_uidls u LEFT JOIN messages m ON m.account_id = u.account_id AND m.uidl = "
        "u.uidl WHERE u.account_id = ? AND u.state = 'stored' AND u.first_seen < ? "
        "ORDER BY u.first_seen, u.uidl"));
    q.addBindValue(accountId);
    q.addBindValue(cutoff.toSecsSinceEpoch());
    return readRows(q, DeletionReason::OlderThan);
}

} // namespace poplar::store
