// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace poplar {
class AccountStore;
class PasswordProvider;
class SecretStore;
} // namespace poplar

namespace poplar::sync {
class SyncController;
}

namespace poplar::smtp {
class OutboxController;
}

namespace poplar::ui {

class AccountDialog;

/// The account list with Add, Edit and Remove. GUI thread. Account settings go to
/// poplar.ini through AccountStore; passwords only to the SecretStore (the keychain).
/// Every sub-dialog is opened window-modal without a nested event loop.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    /// `accounts` and `secrets` must outlive the dialog.
    SettingsDialog(AccountStore &accounts, SecretStore &secrets, QWidget *parent = nullptr);

    /// The session's passwords: what an "ask" account's dialog typed is remembered there.
    void setPasswords(PasswordProvider *passwords) { m_passwords = passwords; }
    /// Where the account dialogs run "Test Connection" (the sync thread).
    void setSync(sync::SyncController *sync) { m_sync = sync; }
    /// The sending side, for the account dialogs' Test Connection of the outgoing server.
    void setOutbox(smtp::OutboxController *outbox) { m_outbox = outbox; }

public Q_SLOTS:
    void addAccount();
    void editAccount();
    void removeAccount();
    /// Moves the selected account up (-1) or down (1) the list.
    void moveAccount(int steps);

Q_SIGNALS:
    /// An account was added, changed or removed.
    void accountsChanged();
    /// The account is gone from poplar.ini; its cached messages should go too.
    void accountRemoved(const QString &accountId);

private:
    void reloadList(const QString &selectId = {});
    void updateButtons();
    [[nodiscard]] QString selectedId() const;
    using SaveAccount = void (SettingsDialog::*)(const Account &, const QString &);
    /// The account dialog for `account`, window-modal; `save` takes what the user accepted.
    void openAccountDialog(const Account &account, SaveAccount save);
    void saveNew(const Account &account, const QString &password);
    void saveEdited(const Account &account, const QString &password);
    void confirmedRemove(const Account &account);
    void storePassword(const Account &account, const QString &password);
    void keepPassword(const Account &account, const QString &password);
    void showError(const QString &title, const QString &text);

    AccountStore &m_accounts;
    SecretStore &m_secrets;
    sync::SyncController *m_sync = nullptr;
    smtp::OutboxController *m_outbox = nullptr;
    PasswordProvider *m_passwords = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_moveUp = nullptr;
    QPushButton *m_moveDown = nullptr;
};

} // namespace poplar::ui
