// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "util/Error.h"

#include <QObject>

#include <functional>

namespace poplar {

class SecretStore;

/// Gets an account's password without blocking: from the keychain, or as the first line a
/// password command prints (run with /bin/sh -c, bounded by a timeout).
class PasswordProvider : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(Result<QString>)>;

    /// `secrets` must outlive this object.
    explicit PasswordProvider(SecretStore &secrets, QObject *parent = nullptr);

    void fetch(const Account &account, Callback done);

    /// How long a password command may take (it may ask for a passphrase).
    void setCommandTimeout(int ms) { m_commandTimeoutMs = ms; }

private:
    void runCommand(const QString &command, Callback done);

    SecretStore &m_secrets;
    int m_commandTimeoutMs = 120'000;
};

} // namespace poplar
