// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"

#include <QString>

#include <optional>

namespace poplar {

/// What a well-known provider's POP3 service looks like, so that typing an address can fill
/// in the server settings. Facts as the providers publish them; checked in 2026.
struct ProviderPreset {
    QString provider; ///< a name users know ("Gmail", "QQ Mail", "163 Mail")
    QString host;     ///< empty when the provider offers no POP3 at all
    quint16 port = 995;
    Security security = Security::Tls;
    AuthMethod auth = AuthMethod::Auto;
    /// Whether the user name is the whole address (almost always) or only its local part.
    bool userIsLocalPart = false;
    /// What the user must do first, in words (an app password, an authorisation code,
    /// switching POP on in the web settings); may be null. Show it through presetNote().
    const char *note = nullptr;
    /// The outgoing (SMTP submission) server; empty when not known.
    QString smtpHost;
    quint16 smtpPort = 465;
    Security smtpSecurity = Security::Tls;

    /// Fills in an account's outgoing server from the preset (nothing when it has none): the
    /// same login method as POP3, the same user name and password source.
    void applyOutgoing(Account &account) const;
};

/// The preset for an e-mail address's domain (case-insensitive; a subdomain does not match),
/// or nothing when the provider is not known.
[[nodiscard]] std::optional<ProviderPreset> presetForAddress(const QString &address);

/// The preset's note in the user's language; empty when it has none.
[[nodiscard]] QString presetNote(const ProviderPreset &preset);

/// The user name a preset wants for this address.
[[nodiscard]] QString presetUserName(const ProviderPreset &preset, const QString &address);

} // namespace poplar
