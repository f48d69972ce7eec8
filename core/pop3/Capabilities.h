// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>

#include <optional>

namespace poplar::pop3 {

/// What a server said of itself in reply to CAPA (RFC 2449 §6).
struct Capabilities {
    bool known = false; ///< CAPA answered +OK; otherwise nothing below is known
    bool user = false;
    bool top = false;
    bool uidl = false;
    bool pipelining = false;
    bool stls = false;
    bool respCodes = false;
    QByteArrayList sasl; ///< mechanism names, upper case
    std::optional<int> loginDelaySeconds;
    /// Days the server keeps retrieved mail: 0 means deleted on retrieval (Gmail), nullopt
    /// when not announced or "NEVER".
    std::optional<int> expireDays;
    QByteArray implementation;
    /// LOGIN-DELAY or EXPIRE said "USER": the real value comes with CAPA after login.
    bool policyPerUser = false;

    /// Reads a CAPA body (one capability per line).
    [[nodiscard]] static Capabilities parse(const QByteArray &body);
    [[nodiscard]] bool offersSasl(const QByteArray &mechanism) const;
};

} // namespace poplar::pop3
