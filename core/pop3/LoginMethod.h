// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Capabilities.h"
#include "util/Error.h"

#include <QList>

namespace poplar::pop3 {

/// How the client will log in.
struct LoginMethod {
    enum class Kind { UserPass, Apop, Sasl, OAuth };
    Kind kind = Kind::UserPass;
    QByteArray mechanism; ///< SASL mechanism name for Sasl and OAuth

    bool operator==(const LoginMethod &) const = default;
};

/// The methods to try for an account on a server, in order: what the account names
/// explicitly (one method), or for `auto` every method the server offers that is allowed on
/// this connection, strongest first. A login that fails with a method other than the last
/// moves on to the next (APOP without an APOP secret, a SASL mechanism the server advertises
/// but cannot do for this user). `canSasl` tells whether the SASL library supports a
/// mechanism.
[[nodiscard]] Result<QList<LoginMethod>> loginCandidates(AuthMethod wanted,
                                                         const Capabilities &caps, bool encrypted,
                                                         bool greetingHasTimestamp,
                                                         bool (*canSasl)(const QByteArray &));

/// A method's name as a user sees it in settings and errors: "APOP", "USER/PASS", "SCRAM-SHA-256".
[[nodiscard]] QString loginMethodName(const LoginMethod &method);

/// The first of loginCandidates(): the login for an account on a server. `auto` takes the strongest
/// the server offers: SCRAM first; then, on an encrypted connection, PLAIN or USER (the secret is
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
