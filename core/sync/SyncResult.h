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

    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

} // namespace poplar::sync

Q_DECLARE_METATYPE(poplar::sync::SyncResult)
