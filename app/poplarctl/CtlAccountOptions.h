// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The options of 'account add', which 'account edit' takes too. Internal to app/poplarctl.

#include "CtlSupport.h"

#include "accounts/Account.h"

#include <optional>

namespace poplar::ctl {

/// Declares account add's options on `cl`.
void addAccountOptions(CommandLine &cl);
/// Applies to `a` the options that were given, and only those (a port follows a new
/// security mode when it was that mode's usual one and no --port is given). Returns the
/// exit code of a usage error.
[[nodiscard]] std::optional<int> applyAccountOptions(const CommandLine &cl, Account &a);
/// Keeps `password` in the system keychain for the account, waiting for the answer.
[[nodiscard]] Status storeKeychainPassword(const QString &accountId, const QString &password);

} // namespace poplar::ctl
