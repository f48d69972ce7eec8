// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "util/Error.h"

#include <QDialog>

class QCheckBox;
class QPushButton;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace poplar {
class PasswordProvider;
class SecretStore;
namespace sync {
class SyncController;
}
namespace smtp {
class OutboxController;
}
} // namespace poplar

namespace poplar::ui {

/// Edits one account: where the server is, how to log in, where its password lives, and
/// what to do with mail on the server. GUI thread. Settings the dialog does not show (CA
/// file) are kept as given. The password lives in the system keychain (the default when one
/// answers), is asked for when checking mail (memory only), or comes from a password command
/// (with a Test button); when the keychain cannot be reached the dialog says so at once and
/// offers the other two, and when editing it says what is actually stored. OK stays disabled while
/// AccountStore::validate rejects the input. Typing an address of a well-known provider fills in
/// its server (ProviderPresets) and says what the provider wants first; "Test Connection" logs in
/// without downloading, and offers to trust a certificate that fails verification (pinning it to
/// the account).
class AccountDialog : public QDialog {
    Q_OBJECT

public:
    /// An account with an empty id is a new one.
    explicit AccountDialog(const Account &account = {}, QWidget *parent = nullptr);
    /// Stops a test that still runs.
    ~AccountDialog() override;

    /// The account as edited (with the id it was given).
    [[nodiscard]] Account account() const;
    /// The typed password; empty means "unchanged" when editing an existing account. Always
    /// empty for an account whose password comes from a command.
    [[nodiscard]] QString password() const;

    /// The keychain: asked at once whether it answers (and, when editing, whether it holds
    /// this account's password); "Test Connection" finds the stored password there when none
    /// is typed. Without it, a password must be typed to test.
    void setSecrets(SecretStore *secrets);
    /// The sync side that runs "Test Connection" (on its own thread, with the client a sync
    /// uses); without one, the test cannot run.
    void setSync(sync::SyncController *sync) { m_sync = sync; }
    /// The sending side: with it, "Test Connection" tests the outgoing server too.
    void setOutbox(smtp::OutboxController *outbox) { m_outbox = outbox; }
    /// The "Sending…" button: the identity and outgoing server (SendingDialog).
    [[nodiscard]] QPushButton *sendingButton() const { return m_sendingButton; }
    [[nodiscard]] QLabel *sendingSummary() const { return m_sendingSummary; }
    [[nodiscard]] QLabel *testResult() const { return m_testResult; }
    /// What the running session remembers (an "ask" account's typed password). Optional.
    void setPasswords(PasswordProvider *passwords);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void emailEdited(const QString &address);
    void sourceChanged();
    void keychainProbed(const Status &status);
    void storedPasswordRead(const Result<QString> &stored);
    void testCommand();
    void showCommandResult(const QString &text, bool ok);
    void updatePasswordState();
    /// An edit that reaches another mailbox (server or user; not another port of the same
    /// server) says what that means.
    void updateMailboxNote();
    void growToFit();
    /// Sets each wrapped note's minimum height for the width it has now; true if one changed.
    bool fitNotes();
    [[nodiscard]] PasswordSource passwordSource() const;
    void testConnection();
    void runTest(const Account &account, const QString &password);
    void testFailed(const Account &tested, const Error &error);
    void showTestResult(const QString &text, bool ok);
    void editSending();
    void updateSendingSummary();
    /// After the incoming server passed: the outgoing one, with `password` when it shares it.
    void testSending(const Account &account, const QString &password,
                     const QString &incomingSummary);
    void sendingTested(const QString &incomingSummary, const QString &summary, const Error &error);
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
    QLabel *m_mailboxNote = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    QLabel *m_keychainStatus = nullptr;
    QLabel *m_passwordState = nullptr;
    QWidget *m_commandRow = nullptr;
    QLineEdit *m_command = nullptr;
    QPushButton *m_testCommandButton = nullptr;
    QLabel *m_commandResult = nullptr;
    QFormLayout *m_serverForm = nullptr;
    int m_fittedHeight = -1; ///< the height growToFit() gave the dialog last
    PasswordProvider *m_passwords = nullptr;
    /// What the keychain said: not asked yet, answers, or cannot be reached (m_keychainError).
    enum class Keychain { Unknown, Reachable, Unreachable } m_keychain = Keychain::Unknown;
    QString m_keychainError;
    /// Editing a keychain account: whether the keychain holds its password.
    enum class Stored { Unknown, Yes, No } m_stored = Stored::Unknown;
    QComboBox *m_auth = nullptr;
    QLabel *m_presetNote = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    sync::SyncController *m_sync = nullptr;
    quint64 m_testId = 0;         ///< the test that runs on the sync side; 0 when none
    Account m_testedAccount;      ///< what that test runs with (a certificate to trust is its)
    bool m_testConnected = false; ///< connectionTested is connected
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
    QLabel *m_sendingSummary = nullptr;
    QPushButton *m_sendingButton = nullptr;
    bool m_sendingTouched = false; ///< the user set the sending up: presets leave it alone
    smtp::OutboxController *m_outbox = nullptr;
    quint64 m_smtpTestId = 0;  ///< the outgoing server's test; 0 when none
    QString m_testPassword;    ///< the password the incoming test ran with, while it runs
    QString m_incomingSummary; ///< what the incoming test said, shown above the outgoing
    bool m_smtpTestConnected = false;
};

} // namespace poplar::ui
