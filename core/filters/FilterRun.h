// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "filters/FilterRules.h"
#include "store/MessageStore.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

namespace poplar::filters {

/// One message that the rules place elsewhere than where it is, or mark.
struct FilterMove {
    store::MessageSummary message; ///< as it is now
    FilterOutcome outcome;         ///< what the rules decided
    /// The rule asks for the server copy to go (outcome.deleteOnServer) and it can: the
    /// account leaves mail on the server, the cache holds the message whole
    /// (store::ruleMayDeleteOnServer) and its deletion is not queued yet. Applying queues
    /// it in the visible deletion queue, for the next sync.
    bool deleteOnServer = false;
    /// It moves or is marked here (beside any server deletion).
    bool changesHere = false;
    /// The tags the rules add, by the names the user sees (a keyword no tag has yet: the
    /// keyword, which becomes a tag of that name).
    QStringList tagNames;

    /// "Inbox", "Trash" or the named folder, in the user's words.
    [[nodiscard]] QString destination() const;
};

/// Filters run on demand on a folder that already holds mail ("Run Filters Now",
/// `poplarctl filters run`). Only messages a rule places or marks change: a message no rule
/// matches stays where it is, wherever that is. Server mail only (imported mail has no
/// account whose rules apply). A rule's "delete from the server" queues the server copy's
/// deletion as it does when mail arrives, through the same queue as the user's deletes.
/// Reads and writes through the caller's connection, so it runs wherever that connection
/// lives (a worker thread for the window).
class FilterRun {
    Q_DECLARE_TR_FUNCTIONS(poplar::filters::FilterRun)

public:
    /// The accounts among these that leave their mail on the server: the only ones whose
    /// server copies a rule's "delete from the server" queues (for the others every sync
    /// deletes the mail it downloaded whole; there is nothing to queue).
    [[nodiscard]] static QSet<QString> accountsKeepingMail(const QList<Account> &accounts);

    /// What the rules would change among these messages; nothing is written.
    /// `keepingMail`: accountsKeepingMail() of the profile's accounts.
    [[nodiscard]] static Result<QList<FilterMove>>
    plan(const store::MessageStore &store, const FilterRules &rules,
         const QList<store::MessageSummary> &messages, const QSet<QString> &keepingMail);
    /// Carries the moves out and queues their server deletions in one transaction: all of
    /// them or none. A server copy that can no longer be queued since the plan (deleted on
    /// the server meanwhile, or queued already) is left alone. Returns how many server
    /// deletions it queued.
    [[nodiscard]] static Result<qsizetype> apply(store::MessageStore &store,
                                                 const QList<FilterMove> &moves,
                                                 const Clock &clock = systemClock());
    /// The same moves with no server deletion: those that only deleted on the server go.
    [[nodiscard]] static QList<FilterMove> withoutServerDeletions(QList<FilterMove> moves);
    /// How many of the moves queue a server deletion.
    [[nodiscard]] static qsizetype serverDeletions(const QList<FilterMove> &moves);
};

} // namespace poplar::filters
