// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/FilterRules.h"
#include "store/MessageStore.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QList>

namespace poplar::filters {

/// One message that the rules place elsewhere than where it is, or mark.
struct FilterMove {
    store::MessageSummary message; ///< as it is now
    FilterOutcome outcome;         ///< what the rules decided

    /// "Inbox", "Trash" or the named folder, in the user's words.
    [[nodiscard]] QString destination() const;
};

/// Filters run on demand on a folder that already holds mail ("Run Filters Now",
/// `poplarctl filters run`). Only messages a rule places or marks change: a message no rule
/// matches stays where it is, wherever that is. Server mail only (imported mail has no
/// account whose rules apply). Reads and writes through the caller's connection, so it
/// runs wherever that connection lives (a worker thread for the window).
class FilterRun {
    Q_DECLARE_TR_FUNCTIONS(poplar::filters::FilterRun)

public:
    /// What the rules would change among these messages; nothing is written.
    [[nodiscard]] static Result<QList<FilterMove>>
    plan(const store::MessageStore &store, const FilterRules &rules,
         const QList<store::MessageSummary> &messages);
    /// Carries the moves out in one transaction: all of them or none.
    [[nodiscard]] static Status apply(store::MessageStore &store, const QList<FilterMove> &moves);
};

} // namespace poplar::filters
