// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace poplar::store {

/// What a change to many messages needs to know of each one.
struct MessageRef {
    qint64 id = 0;
    QString accountId;
    QString uidl; ///< empty for imported mail
    Folder folder = Folder::Inbox;
};

/// Statements over many messages at once: one statement names up to idsPerStatement ids,
/// instead of one statement (and one transaction) per message. Nothing here begins or
/// commits a transaction: the caller decides how much one holds (sync::BulkActions keeps
/// each short, so that a sync committing meanwhile is not kept waiting).
class BulkChanges {
    Q_DECLARE_TR_FUNCTIONS(poplar::store::BulkChanges)

public:
    /// Far below SQLite's limit on bound values (32,766), and large enough that preparing a
    /// statement costs little next to running it.
    static constexpr int idsPerStatement = 500;

    explicit BulkChanges(QSqlDatabase db);

    /// The stored messages among `ids`, in no particular order; ids not stored are left out.
    [[nodiscard]] Result<QList<MessageRef>> refs(const QList<qint64> &ids) const;
    /// Moves these messages to `folder`; returns how many rows changed. This and the two
    /// below leave what they changed before a failure: the caller rolls its transaction back.
    [[nodiscard]] Result<int> setFolder(const QList<qint64> &ids, Folder folder);
    [[nodiscard]] Result<int> setSeen(const QList<qint64> &ids, bool seen);
    [[nodiscard]] Result<int> setFlagged(const QList<qint64> &ids, bool flagged);
    /// Deletes these messages from this computer (their bodies go with them); their download
    /// records stay, so the next sync does not fetch them again. Returns how many.
    [[nodiscard]] Result<int> purge(const QList<qint64> &ids);

    /// The accounts (local mail's too) that hold messages in `folder`.
    [[nodiscard]] Result<QStringList> accountsWithMessagesIn(Folder folder) const;
    /// How many messages one account holds in `folder`, or in all its folders.
    [[nodiscard]] Result<qint64> count(const QString &accountId,
                                       const std::optional<Folder> &folder) const;
    /// The ids of one account's messages in `folder` (or in any), ascending: what an Empty
    /// Trash or an account's removal deletes, in the order their rows lie in the file.
    [[nodiscard]] Result<QList<qint64>> idsInOrder(const QString &accountId,
                                                   const std::optional<Folder> &folder) const;
    /// Deletes up to `limit` of an account's download records; returns how many.
    [[nodiscard]] Result<int> forgetSomeDownloads(const QString &accountId, int limit);
    /// Deletes what is left of a removed account once its messages and download records are
    /// gone: its mailboxes, queued server deletions and what its server said of its limits.
    [[nodiscard]] Status forgetAccount(const QString &accountId);

private:
    /// Runs `sql` (with "%1" where the ids' placeholders go, after `leading` values) over
    /// `ids` in slices; returns the rows changed.
    [[nodiscard]] Result<int> runOver(const QString &sql, const QVariantList &leading,
                                      const QList<qint64> &ids, const QString &what);

    QSqlDatabase m_db;
};

} // namespace poplar::store
