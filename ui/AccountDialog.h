// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "util/Error.h"

#include <QDialog>

class QCheckBox;
class QPushButton;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace poplar {
class SecretStore;
namespace pop3 {
class ConnectionTest;
}
} // namespace poplar

namespace poplar::ui {

/// Edits one account: where the server is, how to log in, and what to do with mail on the
/// server. GUI thread. Settings the dialog does not show (password command, CA file) are
/// kept as given. OK stays disabled while AccountStore::validate rejects the input. Typing
/// an address of a well-known provider fills in its server (ProviderPresets) and says what
/// the provider wants first; "Test Connection" logs in without downloading, and offers to
/// trust a certificate that fails verification (pinning it to the account).
class AccountDialog : public QDialog {
    Q_OBJECT

public:
    /// An account with an empty id is a new one.
    explicit AccountDialog(const Account &account = {}, QWidget *parent = nullptr);

    /// The account as edited (with the id it was given).
    [[nodiscard]] Account account() const;
    /// The typed password; empty means "unchanged" when editing an existing account.
    [[nodiscard]] QString password() const;

    /// Where "Test Connection" finds the password when none is typed (the keychain, or the
    /// account's password command). Without it, a password must be typed to test.
    void setSecrets(SecretStore *secrets) { m_secrets = secrets; }

private:
    void emailEdited(const QString &address);
    void testConnection();
    void runTest(const Account &account, const QString &password);
    void testFailed(const Account &tested, const Error &error);
    void showTestResult(const QString &text, bool ok);
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
    QComboBox *m_auth = nullptr;
    QLabel *m_presetNote = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    pop3::ConnectionTest *m_test = nullptr;
    SecretStore *m_secrets = nullptr;
    bool m_serverTouched = false; ///< the user typed a server: presets leave it alone
    bool m_userTouched = false;
    QSpinBox *m_deleteAfterDays = nullptr;
    QSpinBox *m_sizeLimit = nullptr;
    QCheckBox *m_leaveOnServer = nullptr;
    QCheckBox *m_deleteFromServer = nullptr;
    QCheckBox *m_checkOnStartup = nullptr;
    QSpinBox *m_checkEvery = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace poplar::ui
