// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace poplar::store {

struct MessageRef;

/// Why a message is to leave the server.
enum class DeletionReason {
    DeletedHere,     ///< the user deleted it here and the account deletes on the server too
    OlderThan,       ///< downloaded longer ago than the account keeps mail on the server
    NotLeftOnServer, ///< the account does not leave mail on the server
};

[[nodiscard]] QString deletionReasonToString(DeletionReason reason);

struct PendingDeletion {
    QString accountId;
    QString uidl;
    DeletionReason reason = DeletionReason::DeletedHere;
    QDateTime since;      ///< queued at (DeletedHere) or downloaded at (OlderThan), UTC
    qint64 messageId = 0; ///< the local copy, 0 when there is none any more
    QString subject;
    qint64 downloadId = 0; ///< the message's download record (DownloadRecords); 0: unknown
};

/// Server deletions waiting for the next sync: the ones the user asked for by deleting here,
/// kept in a table until the server confirms them, and the ones an age limit implies,
/// computed from when each message was downloaded.
class DeletionQueue {
public:
    explicit DeletionQueue(QSqlDatabase db);

    /// Queues the server deletion of the message `messageId`, known to the server as `uidl`.
    [[nodiscard]] Status enqueue(const QString &accountId, const QString &uidl,
                                 const QDateTime &now, qint64 messageId = 0);
    /// Queues the server deletions of many messages (a bulk Delete), with the statement
    /// prepared once, in the caller's transaction. Messages without a UIDL are skipped.
    [[nodiscard]] Status enqueue(const QList<MessageRef> &messages, const QDateTime &now);
    /// Forgets queued deletions (undone, confirmed by the server, or gone from it).
    /// Several rows: wrap the call in the caller's Transaction.
    [[nodiscard]] Status remove(const QString &accountId, const QList<QString> &uidls);
    /// The same, by the messages' download records.
    [[nodiscard]] Status removeRecords(const QList<qint64> &downloadIds);
    /// What was deleted here and is still queued for this account.
    [[nodiscard]] Result<QList<PendingDeletion>> queued(const QString &accountId) const;
    /// Messages downloaded before `cutoff` and not yet deleted on the server.
    [[nodiscard]] Result<QList<PendingDeletion>> downloadedBefore(const QString &accountId,
                                                                  const QDateTime &cutoff) const;

private:
    QSqlDatabase m_db;
};

} // namespace poplar::store
