// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/DownloadRecords.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

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

/// The rule behind a filter's "delete from the server" (addflag "\\Deleted"), as mail
/// arrives and on mail already here alike: the server copy is queued only when the account
/// leaves its mail on the server (otherwise every sync deletes what it downloaded whole, so
/// there is nothing to queue), and only when the cache holds that message whole (never for
/// headers only, or for an incomplete or damaged copy).
[[nodiscard]] constexpr bool ruleMayDeleteOnServer(bool serverKeepsCopy, DownloadState state)
{
    return serverKeepsCopy && state == DownloadState::Stored;
}

/// A cached message's copy on the server, as its latest download record describes it.
struct ServerCopy {
    QString accountId;
    QString uidl;
    DownloadState state = DownloadState::Stored;
    bool queued = false; ///< its deletion is queued already
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
    /// The server copy of the cached message `messageId`; none for mail that came from no
    /// server, or whose server name went to another message.
    [[nodiscard]] Result<std::optional<ServerCopy>> serverCopy(qint64 messageId) const;
    /// What was deleted here and is still queued for this account.
    [[nodiscard]] Result<QList<PendingDeletion>> queued(const QString &accountId) const;
    /// Messages downloaded before `cutoff` and not yet deleted on the server.
    [[nodiscard]] Result<QList<PendingDeletion>> downloadedBefore(const QString &accountId,
                                                                  const QDateTime &cutoff) const;

private:
    QSqlDatabase m_db;
};

} // namespace poplar::store
