// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BulkActions.h"

#include "store/BulkChanges.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/OutboxStore.h"
#include "store/TagStore.h"
#include "sync/MessageActions.h"
#include "util/FaultPoint.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <thread>

namespace poplar::sync {

using store::Folder;
using store::MessageRef;

namespace {

/// The write lock taken before anything is read (store::Transaction's Immediate): a
/// deferred transaction that reads first fails at once if a sync commits meanwhile. Rolls
/// back unless committed.
class WriteTransaction {
public:
    explicit WriteTransaction(QSqlDatabase db)
        : m_txn(std::move(db), store::Transaction::Lock::Immediate)
    {}

    [[nodiscard]] Status began() const
    {
        if (m_txn.active())
            return {};
        return store::storageError(BulkActions::tr("The mail cache is busy; nothing was changed"),
                                   m_txn.beginError());
    }

    [[nodiscard]] Status commit()
    {
        Status s = m_txn.commit();
        if (!s) {
            // SQLite's words are the store's; ours, translated.
            Error error = s.error();
            const QString store = QStringLiteral("Cannot save to the mail cache");
            if (error.detail.startsWith(store))
                error.detail.replace(0, store.size(),
                                     BulkActions::tr("Cannot save to the mail cache"));
            return error;
        }
        return {};
    }

private:
    store::Transaction m_txn;
};

Error stopped()
{
    return Error{Error::Code::Cancelled, BulkActions::tr("Stopped before the end"), {}};
}

QList<qint64> idsOf(const QList<MessageRef> &messages)
{
    QList<qint64> ids;
    ids.reserve(messages.size());
    for (const MessageRef &m : messages)
        ids.append(m.id);
    return ids;
}

} // namespace

BulkActions::BulkActions(QSqlDatabase db, QSet<QString> deletingOnServer, Clock clock)
    : m_db(std::move(db))
    , m_deletingOnServer(std::move(deletingOnServer))
    , m_clock(std::move(clock))
{}

QSet<QString> BulkActions::accountsDeletingOnServer(const QList<Account> &accounts)
{
    QSet<QString> ids;
    for (const Account &account : accounts) {
        if (deletesOnServer(account))
            ids.insert(account.id);
    }
    return ids;
}

void BulkActions::setPacing(std::chrono::milliseconds work, std::chrono::milliseconds rest)
{
    m_shared = m_solo = Pacing{work, rest};
}

void BulkActions::report(qint64 done, qint64 total) const
{
    if (m_progress)
        m_progress(std::min(done, total), total);
}

void BulkActions::setSoloPacing(std::chrono::milliseconds work, std::chrono::milliseconds rest)
{
    m_solo = Pacing{work, rest};
}

BulkOutcome BulkActions::inShortTransactions(const NextSlice &next, const Committed &committed)
{
    BulkOutcome outcome;
    for (bool more = true; more;) {
        if (stopRequested()) {
            outcome.error = stopped();
            return outcome;
        }
        QElapsedTimer held;
        held.start();
        WriteTransaction txn(m_db);
        if (Status s = txn.began(); !s) {
            outcome.error = s.error();
            return outcome;
        }
        QList<qint64> changed;
        bool othersWait = false;
        do { // at least one slice per transaction, however short the time it may take
            auto slice = next();
            if (!slice) {
                outcome.error = slice.error(); // this transaction's slices roll back
                return outcome;
            }
            changed += slice.value().changed;
            more = slice.value().more;
            othersWait = othersWait || (m_othersWaiting ? m_othersWaiting()
                                                        : store::Transaction::writersWaiting() > 0);
        } while (more && held.elapsed() < (othersWait ? m_shared : m_solo).work.count());
        if (Status s = txn.commit(); !s) {
            outcome.error = s.error();
            return outcome;
        }
        faultPoint("bulk-committed");
        outcome.count += changed.size();
        outcome.changed += changed;
        if (committed)
            committed(outcome);
        // As long as the lock was held, up to the pacing's rest: with a writer waiting, half
        // the time is the others'.
        const auto pause = std::min(std::chrono::milliseconds(held.elapsed()),
                                    (othersWait ? m_shared : m_solo).rest);
        if (more && pause.count() > 0)
            std::this_thread::sleep_for(pause);
    }
    return outcome;
}

BulkOutcome BulkActions::overIds(const QList<qint64> &given, const SliceStep &step)
{
    if (given.isEmpty())
        return {};
    // In the order their rows lie in the file (a selection comes in the list's order): each
    // transaction then rewrites a stretch of the table, not pages all over it.
    QList<qint64> ids = given;
    std::sort(ids.begin(), ids.end());
    qsizetype next = 0;
    return inShortTransactions(
        [&]() -> Result<Slice> {
            const QList<qint64> slice = ids.mid(next, idsPerSlice);
            auto done = step(slice);
            if (!done)
                return done.error();
            next += slice.size();
            faultPoint("bulk-slice"); // written, not committed
            return Slice{done.value(), next < ids.size()};
        },
        [&](const BulkOutcome &) { report(next, ids.size()); });
}

BulkOutcome BulkActions::purgeWhile(const IdsLeft &idsLeft, qint64 total)
{
    store::BulkChanges changes(m_db);
    QList<qint64> pending;
    qsizetype next = 0;
    return inShortTransactions(
        [&]() -> Result<Slice> {
            if (next == pending.size()) {
                auto left = idsLeft();
                if (!left)
                    return left.error();
                pending = std::move(left).value();
                next = 0;
                if (pending.isEmpty())
                    return Slice{{}, false};
            }
            const QList<qint64> slice = pending.mid(next, idsPerSlice);
            if (auto purged = changes.purge(slice); !purged)
                return purged.error();
            next += slice.size();
            faultPoint("bulk-slice"); // deleted, not committed
            return Slice{slice, true};
        },
        [&](const BulkOutcome &sofar) { report(sofar.count, std::max(total, sofar.count)); });
}

Result<QList<qint64>> BulkActions::trash(const QList<MessageRef> &messages)
{
    QList<MessageRef> moving;
    QList<MessageRef> queueing;
    for (const MessageRef &m : messages) {
        if (m.folder == Folder::Trash)
            continue;
        moving.append(m);
        if (!m.uidl.isEmpty() && m_deletingOnServer.contains(m.accountId))
            queueing.append(m);
    }
    const QList<qint64> ids = idsOf(moving);
    if (auto moved = store::BulkChanges(m_db).setFolder(ids, Folder::Trash); !moved)
        return moved.error();
    if (Status s = store::DeletionQueue(m_db).enqueue(queueing, m_clock()); !s)
        return s.error();
    return ids;
}

BulkOutcome BulkActions::moveToTrash(const QList<qint64> &ids)
{
    return overIds(ids, [this](const QList<qint64> &slice) -> Result<QList<qint64>> {
        auto messages = store::BulkChanges(m_db).refs(slice);
        if (!messages)
            return messages.error();
        return trash(messages.value());
    });
}

BulkOutcome BulkActions::restore(const QList<qint64> &ids)
{
    return overIds(ids, [this](const QList<qint64> &slice) -> Result<QList<qint64>> {
        store::BulkChanges changes(m_db);
        auto messages = changes.refs(slice);
        if (!messages)
            return messages.error();
        QList<qint64> restoring;
        QHash<int, QList<qint64>> byHome;       // folder -> ids: what the user wrote goes back to
                                                // Sent, the Outbox or Drafts, not the Inbox
        QHash<QString, QList<QString>> unqueue; // account -> UIDLs
        for (const MessageRef &m : messages.value()) {
            if (m.folder != Folder::Trash)
                continue;
            auto home = store::restoredFolder(m_db, m.id, m.uidl, m.accountId);
            if (!home)
                return home.error();
            restoring.append(m.id);
            byHome[int(home.value())].append(m.id);
            if (!m.uidl.isEmpty())
                unqueue[m.accountId].append(m.uidl);
        }
        for (auto it = byHome.cbegin(); it != byHome.cend(); ++it) {
            if (auto moved = changes.setFolder(it.value(), Folder(it.key())); !moved)
                return moved.error();
        }
        store::DeletionQueue queue(m_db);
        for (auto it = unqueue.cbegin(); it != unqueue.cend(); ++it) {
            if (Status s = queue.remove(it.key(), it.value()); !s)
                return s.error();
        }
        return restoring;
    });
}

BulkOutcome BulkActions::deletePermanently(const QList<qint64> &ids)
{
    return overIds(ids, [this](const QList<qint64> &slice) -> Result<QList<qint64>> {
        auto messages = store::BulkChanges(m_db).refs(slice);
        if (!messages)
            return messages.error();
        // Those not in Trash yet are queued as Delete queues them; those in Trash were then.
        if (auto trashed = trash(messages.value()); !trashed)
            return trashed.error();
        const QList<qint64> gone = idsOf(messages.value());
        if (auto purged = store::BulkChanges(m_db).purge(gone); !purged)
            return purged.error();
        return gone;
    });
}

BulkOutcome BulkActions::setSeen(const QList<qint64> &ids, bool seen)
{
    return overIds(ids, [this, seen](const QList<qint64> &slice) -> Result<QList<qint64>> {
        if (auto marked = store::BulkChanges(m_db).setSeen(slice, seen); !marked)
            return marked.error();
        return slice;
    });
}

BulkOutcome BulkActions::setFlagged(const QList<qint64> &ids, bool flagged)
{
    return overIds(ids, [this, flagged](const QList<qint64> &slice) -> Result<QList<qint64>> {
        if (auto marked = store::BulkChanges(m_db).setFlagged(slice, flagged); !marked)
            return marked.error();
        return slice;
    });
}

BulkOutcome BulkActions::setTag(const QList<qint64> &ids, qint64 tagId, bool on)
{
    return overIds(ids, [this, tagId, on](const QList<qint64> &slice) -> Result<QList<qint64>> {
        if (Status s = store::TagStore(m_db).applyTag(slice, tagId, on); !s)
            return s.error();
        return slice;
    });
}

BulkOutcome BulkActions::removeTag(qint64 tagId)
{
    store::TagStore tags(m_db);
    auto total = tags.messageCount(tagId);
    if (!total)
        return BulkOutcome{{}, 0, total.error()};
    BulkOutcome outcome = inShortTransactions(
        [&]() -> Result<Slice> {
            auto slice = tags.someMessages(tagId, idsPerSlice);
            if (!slice)
                return slice.error();
            if (slice.value().isEmpty())
                return Slice{{}, false};
            if (Status s = tags.applyTag(slice.value(), tagId, false); !s)
                return s.error();
            faultPoint("bulk-slice"); // taken off, not committed
            return Slice{slice.value(), true};
        },
        [&](const BulkOutcome &sofar) {
            report(sofar.count, std::max(total.value(), sofar.count));
        });
    if (!outcome.ok())
        return outcome;
    // No message has it any more: the tag alone goes, in a moment.
    if (Status s = tags.removeTag(tagId); !s)
        outcome.error = s.error();
    return outcome;
}

BulkOutcome BulkActions::purgeTrash(const QString &accountId)
{
    const store::BulkChanges changes(m_db);
    auto total = changes.count(accountId, Folder::Trash);
    if (!total)
        return BulkOutcome{{}, 0, total.error()};
    return purgeWhile([&] { return changes.idsInOrder(accountId, Folder::Trash); }, total.value());
}

BulkOutcome BulkActions::removeAccount(const QString &accountId)
{
    store::BulkChanges changes(m_db);
    auto total = changes.count(accountId, std::nullopt);
    if (!total)
        return BulkOutcome{{}, 0, total.error()};
    // Messages first: a removal stopped half-way leaves records of messages that are gone,
    // never messages without their records.
    BulkOutcome outcome =
        purgeWhile([&] { return changes.idsInOrder(accountId, std::nullopt); }, total.value());
    if (!outcome.ok())
        return outcome;
    // A download record for every message ever downloaded: as many again, in slices too.
    BulkOutcome records = inShortTransactions([&]() -> Result<Slice> {
        auto forgotten = changes.forgetSomeDownloads(accountId, 4 * idsPerSlice);
        if (!forgotten)
            return forgotten.error();
        if (forgotten.value() == 0) {
            // The last of it, in the same transaction as the last records.
            if (Status s = changes.forgetAccount(accountId); !s)
                return s.error();
            return Slice{{}, false};
        }
        faultPoint("bulk-records"); // records deleted, not committed
        return Slice{{}, true};
    });
    outcome.error = records.error;
    return outcome;
}

} // namespace poplar::sync
