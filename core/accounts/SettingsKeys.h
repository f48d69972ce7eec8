// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1String>

/// Every key Poplar writes to poplar.ini, in one place.
namespace poplar::keys {

inline constexpr QLatin1String accountsGroup{"accounts"};
inline constexpr QLatin1String accountOrder{"order"};
inline constexpr QLatin1String nextAccountId{"nextId"};
/// Removed accounts whose mail the cache may still hold (AccountStore::removedWithMailLeft).
inline constexpr QLatin1String removedWithMail{"removedWithMailLeft"};

inline constexpr QLatin1String name{"name"};
inline constexpr QLatin1String email{"email"};
inline constexpr QLatin1String host{"host"};
inline constexpr QLatin1String port{"port"};
inline constexpr QLatin1String security{"security"};
inline constexpr QLatin1String user{"user"};
inline constexpr QLatin1String auth{"auth"};
inline constexpr QLatin1String passwordSource{"passwordSource"};
inline constexpr QLatin1String passwordCommand{"passwordCommand"};
inline constexpr QLatin1String leaveOnServer{"leaveOnServer"};
inline constexpr QLatin1String deleteOnLocalDelete{"deleteFromServerOnLocalDelete"};
inline constexpr QLatin1String deleteAfterDays{"deleteFromServerAfterDays"};
inline constexpr QLatin1String sizeLimitKb{"sizeLimitKb"};
inline constexpr QLatin1String checkOnStartup{"checkOnStartup"};
inline constexpr QLatin1String checkEveryMinutes{"checkEveryMinutes"};
inline constexpr QLatin1String caFile{"caFile"};
inline constexpr QLatin1String pinSha256{"pinSha256"};

// The sender identity and the outgoing server (issue 16).
inline constexpr QLatin1String fromName{"fromName"};
inline constexpr QLatin1String fromAddress{"fromAddress"};
inline constexpr QLatin1String signature{"signature"};
inline constexpr QLatin1String replyTo{"replyTo"};
inline constexpr QLatin1String smtpHost{"smtpHost"};
inline constexpr QLatin1String smtpPort{"smtpPort"};
inline constexpr QLatin1String smtpSecurity{"smtpSecurity"};
inline constexpr QLatin1String smtpUser{"smtpUser"};
inline constexpr QLatin1String smtpAuth{"smtpAuth"};
inline constexpr QLatin1String smtpLogin{"smtpLogin"};
inline constexpr QLatin1String smtpSamePassword{"smtpSamePassword"};
inline constexpr QLatin1String smtpPasswordSource{"smtpPasswordSource"};
inline constexpr QLatin1String smtpPasswordCommand{"smtpPasswordCommand"};
inline constexpr QLatin1String smtpPinSha256{"smtpPinSha256"};

} // namespace poplar::keys
