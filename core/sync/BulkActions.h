// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace poplar::store {
struct MessageRef;
}

namespace poplar::sync {

/// What a bulk change did. The work is committed in parts: when `error` is set, what
/// `changed` and `count` say was done and stays done, and the rest was not.
struct BulkOutcome {
    QList<qint64> changed; ///< the messages changed (moved, marked, deleted)
    qint64 count = 0;      ///< how many messages were changed or deleted
    std::optional<Error> error;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

/// Delete, Restore, Delete Permanently, mark read, flag, tag, removing a tag, Empty Trash and
/// removing an
/// account's mail, over any number of messages, meaning what MessageActions means for one:
/// a message moved to Trash has its server copy queued for deletion when its account says
/// so (in the same transaction), and restoring it takes it off the queue.
///
/// The work is cut into transactions. While another writer of this process waits for the
/// write lock (a sync committing a batch), each holds it for about workPerTransaction, with
/// a rest as long after each, so that writer waits a few milliseconds, not seconds (SQLite's
/// busy handler polls a waiting writer every few tens of milliseconds: without the rest it
/// would rarely get in). While none waits, each works for soloWorkPerTransaction and rests
/// soloRest: a commit writes every page its transaction changed, whole (64 KB), and moving
/// 250 messages changes pages all over the indexes sorted by subject, sender and size, so
/// 100,000 messages moved 250 at a time wrote 35 GB. The solo rest is longer than the
/// busy handler's longest sleep, so a writer in another process (poplarctl) gets in too.
/// Runs on whichever thread owns `db`; the GUI runs it on a worker thread of its own.
class BulkActions {
    Q_DECLARE_TR_FUNCTIONS(poplar::sync::BulkActions)

public:
    /// `done` of `total` messages so far; called after each committed transaction.
    using Progress = std::function<void(qint64 done, qint64 total)>;
    /// Asked between transactions: true stops the work there (the outcome says Cancelled).
    using StopRequested = std::function<bool()>;

    /// Ids named in one statement, and a transaction's share of the work.
    static constexpr int idsPerSlice = 250;
    static constexpr std::chrono::milliseconds workPerTransaction{25};
    static constexpr std::chrono::milliseconds soloWorkPerTransaction{400};
    static constexpr std::chrono::milliseconds soloRest{100};

    /// `deletingOnServer`: the accounts whose server copies are deleted when deleted here
    /// (accountsDeletingOnServer), read once for the whole change.
    BulkActions(QSqlDatabase db, QSet<QString> deletingOnServer, Clock clock = systemClock());

    /// The accounts among these whose Delete queues a server deletion (deletesOnServer).
    [[nodiscard]] static QSet<QString> accountsDeletingOnServer(const QList<Account> &accounts);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setStopRequested(StopRequested stop) { m_stop = std::move(stop); }
    /// The connection the work runs on (for work of other kinds queued with it: filters run
    /// on a folder).
    [[nodiscard]] QSqlDatabase database() const { return m_db; }
    /// How long a transaction works before it commits, and how long to rest after one,
    /// whether or not another writer waits (for tests: by default, see the class).
    void setPacing(std::chrono::milliseconds work, std::chrono::milliseconds rest);
    /// The same while no other writer waits (for tests).
    void setSoloPacing(std::chrono::milliseconds work, std::chrono::milliseconds rest);
    /// Whether another writer waits for the write lock now, asked after each slice; by
    /// default, whether a store::Transaction of this process is beginning (for tests).
    using OthersWaiting = std::function<bool()>;
    void setOthersWaiting(OthersWaiting othersWaiting)
    {
        m_othersWaiting = std::move(othersWaiting);
    }

    /// To Trash; those already there are left as they are.
    [[nodiscard]] BulkOutcome moveToTrash(const QList<qint64> &ids);
    /// Back from Trash where each came from (the Inbox; Sent, the Outbox or Drafts for what
    /// the user wrote), off the server deletion queue; others are left alone.
    [[nodiscard]] BulkOutcome restore(const QList<qint64> &ids);
    /// Gone from this computer without passing through Trash; the server copies are queued
    /// for deletion as Delete would queue them.
    [[nodiscard]] BulkOutcome deletePermanently(const QList<qint64> &ids);
    [[nodiscard]] BulkOutcome setSeen(const QList<qint64> &ids, bool seen);
    [[nodiscard]] BulkOutcome setFlagged(const QList<qint64> &ids, bool flagged);
    /// Puts the tag on the messages (`on`) or takes it off.
    [[nodiscard]] BulkOutcome setTag(const QList<qint64> &ids, qint64 tagId, bool on);
    /// Takes the tag off every message that has it, then removes the tag (Edit Tags ▸
    /// Delete). Stopped part-way, the tag stays, on fewer messages.
    [[nodiscard]] BulkOutcome removeTag(qint64 tagId);
    /// Deletes an account's Trash from this computer (download records stay, so nothing
    /// comes back at the next sync).
    [[nodiscard]] BulkOutcome purgeTrash(const QString &accountId);
    /// Deletes everything the cache holds of a removed account: messages, download
    /// records, mailboxes, queued server deletions. Whatever stopped it, running it again
    /// finishes the job.
    [[nodiscard]] BulkOutcome removeAccount(const QString &accountId);

private:
    /// What one slice of a change did, in the open transaction: the ids it changed, and
    /// whether there is more to do.
    struct Slice {
        QList<qint64> changed;
        bool more = true;
    };
    /// Does the next slice of a change in the open transaction.
    using NextSlice = std::function<Result<Slice>()>;
    /// Called after each commit with what is done so far.
    using Committed = std::function<void(const BulkOutcome &sofar)>;
    /// What one slice of a change over known ids does: the ids it changed.
    using SliceStep = std::function<Result<QList<qint64>>(const QList<qint64> &slice)>;
    /// Yields the ids still to delete, ascending (empty when there are none), deleting
    /// nothing itself.
    using IdsLeft = std::function<Result<QList<qint64>>()>;

    /// The one loop every bulk change runs: slices in transactions that each hold the write
    /// lock for about its pacing's work (at least one slice each), a rest after each, a stop
    /// request honoured between them, until a slice says nothing is left.
    [[nodiscard]] BulkOutcome inShortTransactions(const NextSlice &next,
                                                  const Committed &committed = {});
    [[nodiscard]] BulkOutcome overIds(const QList<qint64> &ids, const SliceStep &step);
    /// Deletes the messages `idsLeft` yields, in slices, and asks it again until it yields
    /// none (messages may arrive meanwhile); `total` is for progress.
    [[nodiscard]] BulkOutcome purgeWhile(const IdsLeft &idsLeft, qint64 total);
    /// Moves to Trash and queues what the accounts ask, in the open transaction.
    [[nodiscard]] Result<QList<qint64>> trash(const QList<store::MessageRef> &messages);
    [[nodiscard]] bool stopRequested() const { return m_stop && m_stop(); }
    void report(qint64 done, qint64 total) const;
    /// How long a transaction works, and the most it rests after (as long as it held the
    /// lock, up to that).
    struct Pacing {
        std::chrono::milliseconds work;
        std::chrono::milliseconds rest;
    };

    QSqlDatabase m_db;
    QSet<QString> m_deletingOnServer;
    Clock m_clock;
    Progress m_progress;
    StopRequested m_stop;
    OthersWaiting m_othersWaiting;
    Pacing m_shared{workPerTransaction, workPerTransaction}; ///< while another writer waits
    Pacing m_solo{soloWorkPerTransaction, soloRest};         ///< while none does
};

} // namespace poplar::sync
