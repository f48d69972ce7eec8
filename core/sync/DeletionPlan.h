// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "store/DeletionQueue.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace poplar::sync {

struct PlannedDeletion {
    int number = 0; ///< the message number in this session
    QString uidl;
    store::DeletionReason reason = store::DeletionReason::DeletedHere;

    bool operator==(const PlannedDeletion &) const = default;
};

/// Which server messages get DELE in this session, and why. Pure: the caller gathers the facts.
///
/// Only messages whose bytes are committed here (`committed`: UIDLs stored in the cache,
/// including this session's) may be deleted, whatever the policy says; that is the promise
/// that nothing is lost.
/// @param onServer   UIDL -> message number, from this session's UIDL listing
/// @param queued     deletions the user asked for by deleting here
/// @param expired    messages downloaded longer ago than the account's day limit
[[nodiscard]] QList<PlannedDeletion> planDeletions(const Account &account,
                                                   const QHash<QString, int> &onServer,
                                                   const QSet<QString> &committed,
                                                   const QList<store::PendingDeletion> &queued,
                                                   const QList<store::PendingDeletion> &expired);

} // namespace poplar::sync
