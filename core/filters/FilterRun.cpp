// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterRun.h"

#include "filters/FilterMessage.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/TagStore.h"

#include <QHash>

#include <algorithm>

namespace poplar::filters {

namespace {

store::MessageStore::Placement placementOf(const FilterMove &move)
{
    store::MessageStore::Placement p;
    p.folder = move.message.folder;
    p.localFolder = move.message.localFolder;
    p.filedBy = move.message.filedBy;
    p.filedByLine = move.message.filedByLine;
    if (move.outcome.filed()) {
        switch (move.outcome.placement) {
        case FilterOutcome::Placement::Inbox:
            p.folder = store::Folder::Inbox;
            p.localFolder.clear();
            break;
        case FilterOutcome::Placement::Folder:
            p.folder = store::Folder::Inbox;
            p.localFolder = move.outcome.folder;
            break;
        case FilterOutcome::Placement::Trash:
            p.folder = store::Folder::Trash;
            break;
        }
        p.filedBy = move.outcome.ruleName;
        p.filedByLine = move.outcome.ruleLine;
    }
    p.addSeen = move.outcome.seen;
    p.addFlagged = move.outcome.flagged;
    p.addTags = move.outcome.keywords;
    return p;
}

/// The message's server copy when a rule's "delete from the server" may queue its deletion
/// now (the account's part, leaving mail on the server, is decided by the caller).
Result<std::optional<store::ServerCopy>> deletableCopy(const store::DeletionQueue &queue,
                                                       qint64 messageId)
{
    auto copy = queue.serverCopy(messageId);
    if (!copy)
        return copy.error();
    const std::optional<store::ServerCopy> &c = copy.value();
    if (!c || c->queued || !store::ruleMayDeleteOnServer(true, c->state))
        return std::optional<store::ServerCopy>{};
    return copy;
}

} // namespace

QString FilterMove::destination() const
{
    const store::MessageStore::Placement p = placementOf(*this);
    if (p.folder == store::Folder::Trash)
        return FilterRun::tr("Trash");
    return p.localFolder.isEmpty() ? FilterRun::tr("Inbox") : p.localFolder;
}

QSet<QString> FilterRun::accountsKeepingMail(const QList<Account> &accounts)
{
    QSet<QString> ids;
    for (const Account &a : accounts) {
        if (a.leaveOnServer)
            ids.insert(a.id);
    }
    return ids;
}

Result<QList<FilterMove>> FilterRun::plan(const store::MessageStore &store,
                                          const FilterRules &rules,
                                          const QList<store::MessageSummary> &messages,
                                          const QSet<QString> &keepingMail)
{
    const store::DeletionQueue queue(store.database());
    const store::TagStore tags(store.database());
    QHash<QString, std::optional<store::Tag>> tagOf; // keyword -> its tag, looked up once
    QList<FilterMove> moves;
    for (const store::MessageSummary &m : messages) {
        if (m.accountId == store::MessageStore::localAccountId())
            continue;
        auto raw = store.raw(m.id);
        if (!raw)
            return raw.error();
        FilterMove move;
        move.message = m;
        move.outcome = rules.evaluate(FilterMessage(raw.value(), m.size));
        const store::MessageStore::Placement p = placementOf(move);
        const bool moved = p.folder != m.folder || p.localFolder != m.localFolder;
        // A tag the message has already (its summary's tag ids) does not count. A keyword
        // no tag has yet would add one.
        bool tagged = false;
        for (const QString &keyword : p.addTags) {
            auto known = tagOf.constFind(keyword);
            if (known == tagOf.cend()) {
                auto t = tags.tagForKeyword(keyword);
                if (!t)
                    return t.error();
                known = tagOf.insert(keyword, t.value());
            }
            const std::optional<store::Tag> &t = known.value();
            tagged = tagged || !t || !m.tagIds.contains(t->id);
            move.tagNames.append(t ? t->displayName() : keyword);
        }
        const bool marked = (p.addSeen && !m.seen) || (p.addFlagged && !m.flagged) || tagged;
        if (move.outcome.deleteOnServer && keepingMail.contains(m.accountId)) {
            auto copy = deletableCopy(queue, m.id);
            if (!copy)
                return copy.error();
            move.deleteOnServer = copy.value().has_value();
        }
        move.changesHere = moved || marked;
        if (move.changesHere || move.deleteOnServer)
            moves.append(std::move(move));
    }
    return moves;
}

Result<qsizetype> FilterRun::apply(store::MessageStore &store, const QList<FilterMove> &moves,
                                   const Clock &clock)
{
    store::Transaction txn(store.database());
    store::DeletionQueue queue(store.database());
    const QDateTime now = clock();
    qsizetype queued = 0;
    for (const FilterMove &move : moves) {
        if (Status s = store.place(move.message.id, placementOf(move)); !s)
            return s.error();
        if (!move.deleteOnServer)
            continue;
        // Looked at again inside the transaction: a sync may have run since the plan.
        auto copy = deletableCopy(queue, move.message.id);
        if (!copy)
            return copy.error();
        if (const std::optional<store::ServerCopy> &c = copy.value()) {
            if (Status s = queue.enqueue(c->accountId, c->uidl, now, move.message.id); !s)
                return s.error();
            ++queued;
        }
    }
    if (Status s = txn.commit(); !s)
        return s.error();
    return queued;
}

QList<FilterMove> FilterRun::withoutServerDeletions(QList<FilterMove> moves)
{
    moves.removeIf([](const FilterMove &m) { return !m.changesHere; });
    for (FilterMove &m : moves)
        m.deleteOnServer = false;
    return moves;
}

qsizetype FilterRun::serverDeletions(const QList<FilterMove> &moves)
{
    return std::count_if(moves.cbegin(), moves.cend(),
                         [](const FilterMove &m) { return m.deleteOnServer; });
}

} // namespace poplar::filters
