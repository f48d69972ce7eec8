// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QMetaType>
#include <QStringList>

#include <optional>

namespace poplar::sync {

/// How one account's sync ended.
struct SyncResult {
    QString accountId;
    int newMessages = 0;        ///< stored in the cache by this sync
    int deletedOnServer = 0;    ///< removed from the server (after QUIT +OK)
    std::optional<Error> error; ///< empty when the sync completed
    QStringList warnings;       ///< per-message problems that did not stop the sync
    /// filters.sieve could not be used (its error, with the line), so every message of this
    /// sync went to the Inbox; also among `warnings`. Empty when the filters ran or there
    /// are none.
    QString filtersError;
    /// RFC 2449 EXPIRE as the server announced it: 0 means it deletes what was retrieved,
    /// whatever "leave on server" says. Empty when not announced.
    std::optional<int> serverExpireDays;
    /// RFC 2449 LOGIN-DELAY: the least time between two logins.
    std::optional<int> loginDelaySeconds;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

} // namespace poplar::sync

Q_DECLARE_METATYPE(poplar::sync::SyncResult)
