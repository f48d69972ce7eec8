// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace poplar {

/// The accounts in poplar.ini (QSettings, INI format). Passwords are never written here.
/// Reads the file on each call, so a change made by poplarctl is seen by a running GUI.
class AccountStore {
    Q_DECLARE_TR_FUNCTIONS(poplar::AccountStore)

public:
    explicit AccountStore(QString iniPath);

    [[nodiscard]] QList<Account> accounts() const;
    [[nodiscard]] std::optional<Account> account(const QString &id) const;
    /// Adds the account under a new id (returned); ids are never reused.
    [[nodiscard]] Result<QString> add(Account account);
    /// Replaces an existing account (matched by id).
    [[nodiscard]] Status update(const Account &account);
    /// Removes the account, and in the same write records that its mail is still to be
    /// deleted from the cache (removedWithMailLeft), so that a removal cut short by a kill
    /// or a crash is finished later rather than leaving mail nobody can reach.
    [[nodiscard]] Status remove(const QString &id);
    /// The accounts removed whose mail the cache may still hold, oldest removal first.
    [[nodiscard]] QStringList removedWithMailLeft() const;
    /// The cache holds nothing of this removed account any more.
    [[nodiscard]] Status mailRemoved(const QString &id);
    /// Moves an account `steps` places down the list (up when negative), stopping at either
    /// end: the order the folder tree shows accounts in.
    [[nodiscard]] Status move(const QString &id, int steps);

    /// Checks what a user could get wrong; the error names the field.
    [[nodiscard]] static Status validate(const Account &account);
    /// The identity and outgoing-server half of validate().
    [[nodiscard]] static Status validateOutgoing(const Account &account);

private:
    QString m_path;
};

} // namespace poplar
