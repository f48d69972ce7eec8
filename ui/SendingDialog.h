// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace poplar::ui {

/// How an account sends mail: who it is from (name, address, Reply-To, signature) and its
/// outgoing server (SMTP submission: host, port, SSL/TLS or STARTTLS, user name, login
/// method, and the password: the receiving one unless a password command of its own is
/// given). An empty server means the account only receives. OK stays disabled while
/// AccountStore::validateOutgoing rejects the input. GUI thread.
class SendingDialog : public QDialog {
    Q_OBJECT

public:
    explicit SendingDialog(const Account &account, QWidget *parent = nullptr);

    /// `account` with the identity and outgoing server as edited.
    [[nodiscard]] Account applyTo(Account account) const;

    [[nodiscard]] QLineEdit *hostEdit() const { return m_host; }
    [[nodiscard]] QSpinBox *portSpin() const { return m_port; }
    [[nodiscard]] QComboBox *securityCombo() const { return m_security; }
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }

    /// One line on how `account` sends: "smtp.example.org:465 (SSL/TLS)", or that it
    /// sends no mail.
    [[nodiscard]] static QString summary(const Account &account);

private:
    void securityChanged();
    void validate();

    Account m_account;
    Security m_lastSecurity = Security::StartTls;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_replyTo = nullptr;
    QPlainTextEdit *m_signature = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLabel *m_insecure = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_auth = nullptr;
    QCheckBox *m_samePassword = nullptr;
    QLineEdit *m_command = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace poplar::ui
