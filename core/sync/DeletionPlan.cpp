// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/DeletionPlan.h"

#include <algorithm>

namespace poplar::sync {

QList<PlannedDeletion> planDeletions(const Account &account, const QHash<QString, int> &onServer,
                                     const QSet<QString> &committed,
                                     const QList<store::PendingDeletion> &queued,
                                     const QList<store::PendingDeletion> &expired)
{
    QList<PlannedDeletion> plan;
    QSet<QString> planned;
    auto add = [&](const QString &uidl, store::DeletionReason reason) {
        const auto it = onServer.constFind(uidl);
        if (it == onServer.constEnd() || !committed.contains(uidl) || planned.contains(uidl))
            return;
        planned.insert(uidl);
        plan.append({it.value(), uidl, reason});
    };

    for (const store::PendingDeletion &p : queued)
        add(p.uidl, store::DeletionReason::DeletedHere);
    if (!account.leaveOnServer) {
        for (auto it = onServer.constBegin(); it != onServer.constEnd(); ++it)
            add(it.key(), store::DeletionReason::NotLeftOnServer);
    } else if (account.deleteFromServerAfterDays > 0) {
        for (const store::PendingDeletion &p : expired)
            add(p.uidl, store::DeletionReason::OlderThan);
    }
    // Message order: the server's log and a reader of the protocol log see a tidy sequence.
    std::sort(plan.begin(), plan.end(), [](const PlannedDeletion &a, const PlannedDeletion &b) {
        return a.number < b.number;
    });
    return plan;
}

} // namespace poplar::sync
