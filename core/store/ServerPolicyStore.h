// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace poplar::store {

/// What a server announced of its limits, and when Poplar last logged in there.
struct ServerPolicy {
    QDateTime lastLogin;                  ///< UTC; invalid when never
    std::optional<int> loginDelaySeconds; ///< RFC 2449 LOGIN-DELAY
    std::optional<int> expireDays;        ///< RFC 2449 EXPIRE (0: deleted once retrieved)

    /// The earliest time the next login is allowed, or invalid when there is no limit.
    [[nodiscard]] QDateTime nextLoginAllowed() const;
};

/// Reads and writes ServerPolicy rows through one thread's connection.
class ServerPolicyStore {
public:
    explicit ServerPolicyStore(QSqlDatabase db);

    [[nodiscard]] Result<ServerPolicy> load(const QString &accountId) const;
    [[nodiscard]] Status save(const QString &accountId, const ServerPolicy &policy);

private:
    QSqlDatabase m_db;
};

} // namespace poplar::store
