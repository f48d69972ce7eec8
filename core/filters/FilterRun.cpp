// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterRun.h"

#include "filters/FilterMessage.h"
#include "store/Database.h"
#include "store/TagStore.h"

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

} // namespace

QString FilterMove::destination() const
{
    const store::MessageStore::Placement p = placementOf(*this);
    if (p.folder == store::Folder::Trash)
        return FilterRun::tr("Trash");
    return p.localFolder.isEmpty() ? FilterRun::tr("Inbox") : p.localFolder;
}

Result<QList<FilterMove>> FilterRun::plan(const store::MessageStore &store,
                                          const FilterRules &rules,
                                          const QList<store::MessageSummary> &messages)
{
    QList<FilterMove> moves;
    for (const store::MessageSummary &m : messages) {
        if (m.accountId == store::MessageStore::localAccountId())
            continue;
        auto raw = store.raw(m.id);
        if (!raw)
            return raw.error();
        FilterMove move{m, rules.evaluate(FilterMessage(raw.value(), m.size))};
        const store::MessageStore::Placement p = placementOf(move);
        const bool moved = p.folder != m.folder || p.localFolder != m.localFolder;
        // A tag the message has already does not count (tag ids are looked up only when
        // keywords were added, which is rare). A keyword no tag has yet would add one.
        bool tagged = false;
        if (!p.addTags.isEmpty()) {
            const store::TagStore tags(store.database());
            auto has = tags.tagIds(m.id);
            if (!has)
                return has.error();
            for (const QString &keyword : p.addTags) {
                auto t = tags.tagForKeyword(keyword);
                if (!t)
                    return t.error();
                tagged = tagged || !t.value() || !has.value().contains(t.value()->id);
            }
        }
        const bool marked = (p.addSeen && !m.seen) || (p.addFlagged && !m.flagged) || tagged;
        if (moved || marked)
            moves.append(std::move(move));
    }
    return moves;
}

Status FilterRun::apply(store::MessageStore &store, const QList<FilterMove> &moves)
{
    store::Transaction txn(store.database());
    for (const FilterMove &move : moves) {
        if (Status s = store.place(move.message.id, placementOf(move)); !s)
            return s;
    }
    return txn.commit();
}

} // namespace poplar::filters
