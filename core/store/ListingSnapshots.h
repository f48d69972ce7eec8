// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <optional>
#include <utility>

namespace poplar::store {

/// What the last full listing of a server mailbox proved, so that the next check can tell
/// with a few commands that nothing before the new messages changed (sync/QuickListing.h):
/// messages 1..count were then the ones the cache holds for good, in that order.
struct ListingSnapshot {
    qsizetype count = 0; ///< messages 1..count
    qint64 octets = 0;   ///< the sum of their LIST sizes
    /// Message numbers (within 1..count, ascending) and the UIDL each had.
    QList<std::pair<int, QByteArray>> probes;
    QDateTime taken; ///< UTC: when the full listing it comes from was read

    bool operator==(const ListingSnapshot &) const = default;
};

/// Reads and writes one listing snapshot per mailbox (DownloadRecords::mailbox) through one
/// thread's connection. A mailbox's snapshot goes with it.
class ListingSnapshots {
public:
    explicit ListingSnapshots(QSqlDatabase db);

    [[nodiscard]] Result<std::optional<ListingSnapshot>> load(qint64 mailboxId) const;
    [[nodiscard]] Status save(qint64 mailboxId, const ListingSnapshot &snapshot);
    [[nodiscard]] Status forget(qint64 mailboxId);

private:
    QSqlDatabase m_db;
};

} // namespace poplar::store
