// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace poplar::ui {

/// Edits one account: where the server is, how to log in, and what to do with mail on the
/// server. GUI thread. Settings the dialog does not show (auth method, password command,
/// certificates, limits) are kept as given. OK stays disabled while AccountStore::validate
/// rejects the input.
class AccountDialog : public QDialog {
    Q_OBJECT

public:
    /// An account with an empty id is a new one.
    explicit AccountDialog(const Account &account = {}, QWidget *parent = nullptr);

    /// The account as edited (with the id it was given).
    [[nodiscard]] Account account() const;
    /// The typed password; empty means "unchanged" when editing an existing account.
    [[nodiscard]] QString password() const;

private:
    void securityChanged();
    void validate();
    [[nodiscard]] Security security() const;

    Account m_account;
    Security m_security = Security::Tls;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_securityCombo = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_leaveOnServer = nullptr;
    QCheckBox *m_deleteFromServer = nullptr;
    QCheckBox *m_checkOnStartup = nullptr;
    QSpinBox *m_checkEvery = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace poplar::ui
