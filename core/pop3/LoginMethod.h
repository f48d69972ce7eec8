// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Capabilities.h"
#include "util/Error.h"

namespace poplar::pop3 {

/// How the client will log in.
struct LoginMethod {
    enum class Kind { UserPass, Apop, Sasl, OAuth };
    Kind kind = Kind::UserPass;
    QByteArray mechanism; ///< SASL mechanism name for Sasl and OAuth

    bool operator==(const LoginMethod &) const = default;
};

/// Picks the login for an account on a server. `auto` takes the strongest the server
/// offers: SCRAM first; then, on an encrypted connection, PLAIN or USER (the secret is
/// protected by TLS, and these work everywhere); on a cleartext connection the
/// challenge-response methods (CRAM-MD5, APOP) come before anything that sends the password
/// itself. A method the account names explicitly is used if the server can do it.
/// `canSasl` tells whether the SASL library supports a mechanism.
[[nodiscard]] Result<LoginMethod> chooseLogin(AuthMethod wanted, const Capabilities &caps,
                                              bool encrypted, bool greetingHasTimestamp,
                                              bool (*canSasl)(const QByteArray &));

/// The APOP timestamp of a greeting ("<pid.clock@host>", RFC 1939 §7), or empty.
[[nodiscard]] QByteArray apopTimestamp(const QByteArray &greeting);

} // namespace poplar::pop3
