// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "smtp/SmtpReply.h"
#include "util/Error.h"

#include <QByteArrayList>
#include <QList>

namespace poplar::smtp {

/// What an SMTP server offers, from its EHLO reply (RFC 5321 §4.1.1.1).
struct Capabilities {
    bool esmtp = false;        ///< EHLO was answered (a HELO-only server offers nothing below)
    bool startTls = false;     ///< RFC 3207
    bool pipelining = false;   ///< RFC 2920
    bool eightBitMime = false; ///< RFC 6152
    bool smtpUtf8 = false;     ///< RFC 6531
    bool enhancedStatusCodes = false; ///< RFC 2034
    qint64 sizeLimit = -1;            ///< RFC 1870: -1 not offered, 0 offered without a limit
    QByteArrayList auth;              ///< SASL mechanisms, upper case (RFC 4954)

    [[nodiscard]] static Capabilities parse(const Reply &ehlo);
    [[nodiscard]] bool offersAuth(const QByteArray &mechanism) const
    {
        return auth.contains(mechanism);
    }
};

/// The SASL mechanisms to try, in order: what the account names (one), or for `auto` every
/// mechanism the server offers that is allowed on this line, strongest first: SCRAM; then
/// on an encrypted line PLAIN and LOGIN (TLS protects the secret and they work everywhere);
/// on a cleartext line (only when the account says security=none) CRAM-MD5 before them.
/// `canSasl` tells whether GNU SASL can run a mechanism. XOAUTH2 and OAUTHBEARER are only
/// used when the account names them (the password command prints a token).
[[nodiscard]] Result<QByteArrayList> smtpMechanisms(AuthMethod wanted, const Capabilities &caps,
                                                    bool encrypted,
                                                    bool (*canSasl)(const QByteArray &));

} // namespace poplar::smtp
