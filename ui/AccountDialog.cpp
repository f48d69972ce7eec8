// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountDialog.h"

#include "CertificateDialog.h"
#include "SendingDialog.h"

#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/ProviderPresets.h"
#include "accounts/SecretStore.h"
#include "smtp/OutboxController.h"
#include "sync/SyncController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QResizeEvent>
#include <QShowEvent>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <utility>

namespace poplar::ui {

namespace {

/// Stands in for the keychain when the dialog was given none: nothing is stored there.
SecretStore &nullSecrets()
{
    class None final : public SecretStore {
    public:
        void read(const QString &, ReadCallback done) override
        {
            done(Error{Error::Code::NotFound, {}, {}});
        }
        void write(const QString &, const QString &, WriteCallback done) override { done({}); }
        void remove(const QString &, WriteCallback done) override { done({}); }
    };
    static None none;
    return none;
}

QLineEdit *lineEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    return edit;
}

} // namespace

AccountDialog::AccountDialog(const Account &account, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_security(account.security)
{
    const bool isNew = account.id.isEmpty();
    setWindowTitle(isNew ? tr("Add Account") : tr("Edit Account"));

    m_name = lineEdit(QStringLiteral("nameEdit"), this);
    m_name->setPlaceholderText(tr("Shown in the folder list"));
    m_email = lineEdit(QStringLiteral("emailEdit"), this);
    m_email->setPlaceholderText(tr("you@example.org"));
    m_host = lineEdit(QStringLiteral("hostEdit"), this);
    m_host->setPlaceholderText(tr("pop.example.org"));

    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    m_securityCombo = new QComboBox(this);
    m_securityCombo->setObjectName(QStringLiteral("securityCombo"));
    m_securityCombo->addItem(tr("SSL/TLS"), int(Security::Tls));
    m_securityCombo->addItem(tr("STARTTLS"), int(Security::StartTls));
    m_securityCombo->addItem(tr("None"), int(Security::None));

    m_insecureWarning =
        new QLabel(tr("Your password and mail will cross the network unencrypted."), this);
    m_insecureWarning->setObjectName(QStringLiteral("insecureWarning"));
    // One line, never wrapped: a wrapped label in a form can be clipped when it appears.
    m_insecureWarning->setWordWrap(false);
    m_insecureWarning->setStyleSheet(QStringLiteral("color: #c01c28;"));

    // Download records belong to the mailbox (server and user): another one is read afresh.
    // Said before OK, so no one wonders why "old" mail comes again. Another port of the same
    // server is the same mailbox (DownloadRecords::sameMaildropOnAnotherPort).
    m_mailboxNote =
        new QLabel(tr("This reaches another mailbox: Poplar will download its messages as new "
                      "ones. Mail already downloaded stays here."),
                   this);
    m_mailboxNote->setObjectName(QStringLiteral("mailboxNote"));
    m_mailboxNote->setWordWrap(true);
    m_mailboxNote->setTextFormat(Qt::PlainText);
    m_mailboxNote->setVisible(false);

    m_user = lineEdit(QStringLiteral("userEdit"), this);
    m_password = lineEdit(QStringLiteral("passwordEdit"), this);
    m_password->setEchoMode(QLineEdit::Password);

    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->setObjectName(QStringLiteral("passwordSourceCombo"));
    m_sourceCombo->addItem(tr("System keychain"), int(PasswordSource::Keychain));
    m_sourceCombo->addItem(tr("Ask when checking mail"), int(PasswordSource::Ask));
    m_sourceCombo->addItem(tr("Password command"), int(PasswordSource::Command));
    m_sourceCombo->setToolTip(tr("Where Poplar finds the password when it checks mail. Poplar "
                                 "never writes a password into its own files."));

    m_keychainStatus = new QLabel(this);
    m_keychainStatus->setObjectName(QStringLiteral("keychainStatus"));
    m_keychainStatus->setWordWrap(true);
    m_keychainStatus->setTextFormat(Qt::PlainText);
    m_keychainStatus->setStyleSheet(QStringLiteral("color: #c01c28;"));

    m_passwordState = new QLabel(this);
    m_passwordState->setObjectName(QStringLiteral("passwordState"));
    m_passwordState->setWordWrap(true);
    m_passwordState->setTextFormat(Qt::PlainText);

    m_command = lineEdit(QStringLiteral("passwordCommandEdit"), this);
    m_command->setPlaceholderText(tr("pass show mail/pop"));
    m_command->setToolTip(tr("Run with /bin/sh -c; its first line of output is the password"));
    // Its form label names the row (the command and its Test button), not the line itself.
    m_command->setAccessibleName(tr("Password command"));
    m_testCommandButton = new QPushButton(tr("Test Co&mmand"), this);
    m_testCommandButton->setObjectName(QStringLiteral("testCommandButton"));
    m_testCommandButton->setAutoDefault(false);
    m_testCommandButton->setToolTip(tr("Run the command now and say whether it gave a password"));
    m_commandRow = new QWidget(this);
    auto *commandLayout = new QHBoxLayout(m_commandRow);
    commandLayout->setContentsMargins(0, 0, 0, 0);
    commandLayout->addWidget(m_command, 1);
    commandLayout->addWidget(m_testCommandButton);
    m_commandResult = new QLabel(this);
    m_commandResult->setObjectName(QStringLiteral("commandResult"));
    m_commandResult->setWordWrap(true);
    m_commandResult->setTextFormat(Qt::PlainText);

    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("authCombo"));
    m_auth->addItem(tr("Automatic (strongest offered)"), int(AuthMethod::Auto));
    m_auth->addItem(tr("Password (USER/PASS)"), int(AuthMethod::User));
    m_auth->addItem(QStringLiteral("APOP"), int(AuthMethod::Apop));
    m_auth->addItem(QStringLiteral("PLAIN"), int(AuthMethod::Plain));
    m_auth->addItem(QStringLiteral("LOGIN"), int(AuthMethod::Login));
    m_auth->addItem(QStringLiteral("CRAM-MD5"), int(AuthMethod::CramMd5));
    m_auth->addItem(QStringLiteral("SCRAM-SHA-1"), int(AuthMethod::ScramSha1));
    m_auth->addItem(QStringLiteral("SCRAM-SHA-256"), int(AuthMethod::ScramSha256));
    m_auth->addItem(tr("OAuth 2.0 (XOAUTH2)"), int(AuthMethod::XOAuth2));
    m_auth->addItem(tr("OAuth 2.0 (OAUTHBEARER)"), int(AuthMethod::OAuthBearer));

    m_presetNote = new QLabel(this);
    m_presetNote->setObjectName(QStringLiteral("presetNote"));
    m_presetNote->setWordWrap(true);
    m_presetNote->setVisible(false);

    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setToolTip(tr("Log in and leave again, without downloading or deleting"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setVisible(false);

    m_deleteAfterDays = new QSpinBox(this);
    m_deleteAfterDays->setObjectName(QStringLiteral("deleteAfterDaysSpin"));
    m_deleteAfterDays->setRange(0, 3650);
    m_deleteAfterDays->setSuffix(tr(" days"));
    m_deleteAfterDays->setSpecialValueText(tr("Never"));
    m_sizeLimit = new QSpinBox(this);
    m_sizeLimit->setObjectName(QStringLiteral("sizeLimitSpin"));
    m_sizeLimit->setRange(0, 1024 * 1024);
    m_sizeLimit->setSingleStep(100);
    m_sizeLimit->setSuffix(tr(" KB"));
    m_sizeLimit->setSpecialValueText(tr("No limit"));
    m_sizeLimit->setToolTip(tr("Larger messages come as headers only; download the rest when "
                               "you open them"));

    m_leaveOnServer = new QCheckBox(tr("Leave messages on the server"), this);
    m_leaveOnServer->setObjectName(QStringLiteral("leaveOnServerCheck"));
    m_deleteFromServer = new QCheckBox(tr("Delete from the server when deleted here"), this);
    m_deleteFromServer->setObjectName(QStringLiteral("deleteFromServerCheck"));

    m_checkOnStartup = new QCheckBox(tr("Check for new mail at start-up"), this);
    m_checkOnStartup->setObjectName(QStringLiteral("checkOnStartupCheck"));
    m_checkEvery = new QSpinBox(this);
    m_checkEvery->setObjectName(QStringLiteral("checkEverySpin"));
    m_checkEvery->setRange(0, 24 * 60);
    m_checkEvery->setSuffix(tr(" min"));
    m_checkEvery->setSpecialValueText(tr("Never")); // 0: only on Get Messages

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setEnabled(false); // drawn greyed: a hint, not an alarm

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    // How the account sends: a line, and its own dialog for the details.
    m_sendingSummary = new QLabel(this);
    m_sendingSummary->setObjectName(QStringLiteral("sendingSummary"));
    m_sendingSummary->setWordWrap(true);
    m_sendingSummary->setTextFormat(Qt::PlainText);
    m_sendingButton = new QPushButton(tr("Sen&ding…"), this);
    m_sendingButton->setObjectName(QStringLiteral("sendingButton"));
    m_sendingButton->setAutoDefault(false);
    m_sendingButton->setToolTip(tr("The sender's name and signature, and the outgoing (SMTP) "
                                   "server"));
    auto *sendingRow = new QWidget(this);
    auto *sendingLayout = new QHBoxLayout(sendingRow);
    sendingLayout->setContentsMargins(0, 0, 0, 0);
    sendingLayout->addWidget(m_sendingSummary, 1);
    sendingLayout->addWidget(m_sendingButton);

    auto *identityBox = new QGroupBox(tr("Account"), this);
    auto *identity = new QFormLayout(identityBox);
    identity->addRow(tr("Account &name:"), m_name);
    identity->addRow(tr("&E-mail address:"), m_email);
    identity->addRow(m_presetNote);
    identity->addRow(tr("Sending:"), sendingRow);

    auto *serverBox = new QGroupBox(tr("Incoming server (POP3)"), this);
    auto *server = new QFormLayout(serverBox);
    m_serverForm = server;
    server->addRow(tr("&Server:"), m_host);
    server->addRow(tr("&Port:"), m_port);
    server->addRow(tr("Se&curity:"), m_securityCombo);
    server->addRow(m_insecureWarning);
    server->addRow(tr("&User name:"), m_user);
    server->addRow(m_mailboxNote);
    server->addRow(tr("Password &kept in:"), m_sourceCombo);
    server->addRow(m_keychainStatus);
    server->addRow(tr("Pass&word:"), m_password);
    server->addRow(tr("Password c&ommand:"), m_commandRow);
    server->addRow(m_commandResult);
    server->addRow(m_passwordState);
    server->addRow(tr("&Login method:"), m_auth);
    server->addRow(m_testButton);
    server->addRow(m_testResult);

    auto *policyBox = new QGroupBox(tr("Mail on the server"), this);
    auto *policy = new QFormLayout(policyBox);
    policy->addRow(m_leaveOnServer);
    policy->addRow(m_deleteFromServer);
    policy->addRow(tr("Delete from the server &after:"), m_deleteAfterDays);
    policy->addRow(tr("Download only headers &above:"), m_sizeLimit);

    auto *checkBox = new QGroupBox(tr("Checking for mail"), this);
    auto *check = new QFormLayout(checkBox);
    check->addRow(m_checkOnStartup);
    check->addRow(tr("Check &every:"), m_checkEvery);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(identityBox);
    layout->addWidget(serverBox);
    layout->addWidget(policyBox);
    layout->addWidget(checkBox);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    // Fill in before connecting, so filling in does not look like the user's edits.
    m_name->setText(account.name);
    m_email->setText(account.emailAddress);
    m_host->setText(account.host);
    m_port->setValue(account.port);
    m_securityCombo->setCurrentIndex(m_securityCombo->findData(int(account.security)));
    m_user->setText(account.user);
    m_sourceCombo->setCurrentIndex(m_sourceCombo->findData(int(account.passwordSource)));
    m_command->setText(account.passwordCommand);
    m_auth->setCurrentIndex(m_auth->findData(int(account.auth)));
    m_deleteAfterDays->setValue(account.deleteFromServerAfterDays);
    m_sizeLimit->setValue(account.sizeLimitKb);
    m_serverTouched = !account.host.isEmpty();
    m_userTouched = !account.user.isEmpty();
    m_leaveOnServer->setChecked(account.leaveOnServer);
    m_deleteFromServer->setChecked(account.deleteFromServerOnLocalDelete);
    m_checkOnStartup->setChecked(account.checkOnStartup);
    m_checkEvery->setValue(account.checkEveryMinutes);
    m_insecureWarning->setVisible(account.security == Security::None);
    // Deleting here can only reach the server while the server keeps a copy.
    m_deleteFromServer->setEnabled(account.leaveOnServer);

    connect(m_securityCombo, &QComboBox::currentIndexChanged, this,
            &AccountDialog::securityChanged);
    connect(m_leaveOnServer, &QCheckBox::toggled, m_deleteFromServer, &QWidget::setEnabled);
    for (QLineEdit *edit : {m_name, m_email, m_host, m_user})
        connect(edit, &QLineEdit::textChanged, this, &AccountDialog::validate);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountDialog::validate);
    if (!isNew) {
        for (QLineEdit *edit : {m_host, m_user})
            connect(edit, &QLineEdit::textChanged, this, &AccountDialog::updateMailboxNote);
    }
    connect(m_command, &QLineEdit::textChanged, this, &AccountDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &AccountDialog::validate);
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, &AccountDialog::sourceChanged);
    connect(m_testCommandButton, &QPushButton::clicked, this, &AccountDialog::testCommand);
    // textEdited: only the user's typing, never the presets' own filling in.
    connect(m_email, &QLineEdit::textEdited, this, &AccountDialog::emailEdited);
    connect(m_host, &QLineEdit::textEdited, this, [this] { m_serverTouched = true; });
    connect(m_user, &QLineEdit::textEdited, this, [this] { m_userTouched = true; });
    connect(m_testButton, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_sendingButton, &QPushButton::clicked, this, &AccountDialog::editSending);
    connect(m_email, &QLineEdit::textChanged, this, &AccountDialog::updateSendingSummary);
    m_sendingTouched = account.canSend();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_keychainStatus->setVisible(false);
    m_commandResult->setVisible(false);
    updateSendingSummary();
    sourceChanged();
    setMinimumWidth(460);
}

void AccountDialog::setSecrets(SecretStore *secrets)
{
    m_secrets = secrets;
    if (!m_secrets)
        return;
    QPointer<AccountDialog> self(this);
    m_secrets->probe([self](Status status) {
        if (self)
            self->keychainProbed(status);
    });
    if (!m_account.id.isEmpty() && m_account.passwordSource == PasswordSource::Keychain) {
        m_secrets->read(passwordKey(m_account.id), [self](Result<QString> stored) {
            if (self)
                self->storedPasswordRead(stored);
        });
    }
}

void AccountDialog::setPasswords(PasswordProvider *passwords)
{
    m_passwords = passwords;
    updatePasswordState();
}

void AccountDialog::keychainProbed(const Status &status)
{
    m_keychain = status ? Keychain::Reachable : Keychain::Unreachable;
    m_keychainError = status ? QString() : status.error().message();
    if (m_keychain == Keychain::Unreachable && m_account.id.isEmpty()) {
        // A new account: the keychain is not a choice here; offer the other two.
        if (passwordSource() == PasswordSource::Keychain)
            m_sourceCombo->setCurrentIndex(m_sourceCombo->findData(int(PasswordSource::Ask)));
        if (auto *model = qobject_cast<QStandardItemModel *>(m_sourceCombo->model()))
            model->item(m_sourceCombo->findData(int(PasswordSource::Keychain)))->setEnabled(false);
    }
    if (m_keychain == Keychain::Unreachable) {
        m_keychainStatus->setText(
            tr("%1\nA password cannot be stored there. Choose \"Ask when checking mail\" (kept "
               "in memory until Poplar quits) or a password command.")
                .arg(m_keychainError));
    }
    m_keychainStatus->setVisible(m_keychain == Keychain::Unreachable);
    sourceChanged();
}

void AccountDialog::storedPasswordRead(const Result<QString> &stored)
{
    if (stored)
        m_stored = Stored::Yes;
    else if (isNotFound(stored.error()))
        m_stored = Stored::No;
    updatePasswordState();
}

PasswordSource AccountDialog::passwordSource() const
{
    return PasswordSource(m_sourceCombo->currentData().toInt());
}

void AccountDialog::sourceChanged()
{
    const PasswordSource source = passwordSource();
    const bool command = source == PasswordSource::Command;
    m_serverForm->setRowVisible(m_password, !command);
    m_serverForm->setRowVisible(m_commandRow, command);
    m_serverForm->setRowVisible(m_commandResult, command && !m_commandResult->text().isEmpty());
    updatePasswordState();
    validate();
}

void AccountDialog::updatePasswordState()
{
    const PasswordSource source = passwordSource();
    const bool isNew = m_account.id.isEmpty();
    // Editing the same kind of source as stored: what is there now, in plain words.
    const bool unchangedSource = !isNew && source == m_account.passwordSource;
    QString state;
    QString placeholder;
    switch (source) {
    case PasswordSource::Keychain:
        if (m_keychain == Keychain::Unreachable) {
            state = unchangedSource ? tr("Nothing can be read from the system keychain now: it "
                                         "cannot be reached. Poplar asks for the password when "
                                         "checking mail.")
                                    : QString();
        } else if (!unchangedSource) {
            state = tr("The password is stored in the system keychain when you press OK.");
        } else if (m_stored == Stored::Yes) {
            state = tr("A password is stored in the system keychain. Leave the field empty to "
                       "keep it.");
            placeholder = tr("Unchanged");
        } else if (m_stored == Stored::No) {
            state = tr("No password is stored in the system keychain. Type it here, or Poplar "
                       "asks for it when checking mail.");
        }
        break;
    case PasswordSource::Ask:
        if (!isNew && m_passwords && m_passwords->remembers(m_account.id))
            state = tr("Not stored anywhere. Poplar remembers the password you typed until it "
                       "quits.");
        else
            state = tr("Not stored anywhere. Poplar asks for the password when it first checks "
                       "mail and keeps it in memory until it quits. A password typed here is "
                       "used for this session.");
        placeholder = tr("Optional");
        break;
    case PasswordSource::Command:
        state = tr("Not stored by Poplar: the command gives it each time mail is checked.");
        break;
    }
    m_password->setPlaceholderText(placeholder);
    m_passwordState->setText(state);
    m_passwordState->setVisible(!state.isEmpty());
    growToFit();
}

void AccountDialog::growToFit()
{
    // Wrapped notes that appear after the dialog was laid out would be clipped: the dialog
    // grows to the height its text needs at its width.
    if (!layout())
        return;
    fitNotes();
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    // Taller to show every note; shorter again only from a height set here, never from one
    // the user chose.
    if (needed > height() || (needed < height() && height() == m_fittedHeight)) {
        resize(width(), needed);
        m_fittedHeight = height();
    }
}

void AccountDialog::updateMailboxNote()
{
    const bool another =
        m_host->text().trimmed().compare(m_account.host.trimmed(), Qt::CaseInsensitive) != 0 ||
        m_user->text() != m_account.user;
    if (another == !m_mailboxNote->isHidden())
        return;
    m_mailboxNote->setVisible(another);
    growToFit();
}

bool AccountDialog::fitNotes()
{
    // The notes span the server form's rows: they are as wide as the form (a note shown a
    // moment ago still has the default width of a widget never laid out).
    const int formWidth = m_serverForm->contentsRect().width();
    bool changed = false;
    for (QLabel *note :
         {m_keychainStatus, m_passwordState, m_testResult, m_commandResult, m_mailboxNote}) {
        const int w = formWidth > 0 ? formWidth : note->width();
        const int before = note->minimumHeight();
        // A label's heightForWidth is never below its minimum height: measured with the
        // old minimum in place, a note once measured too tall stayed too tall.
        note->setMinimumHeight(0);
        const int height = note->text().isEmpty() ? 0 : note->heightForWidth(w);
        note->setMinimumHeight(height);
        changed = changed || height != before;
    }
    return changed;
}

void AccountDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // Before the first layout the notes' widths were guesses: measure again, and be as tall
    // as the text needs at the width the dialog has.
    m_fittedHeight = height();
    growToFit();
}

void AccountDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitNotes(); // wider or narrower, the notes take more or fewer lines
}

void AccountDialog::testCommand()
{
    const QString command = m_command->text();
    if (command.trimmed().isEmpty()) {
        showCommandResult(tr("Type a command first."), false);
        return;
    }
    auto *provider = new PasswordProvider(*(m_secrets ? m_secrets : &nullSecrets()), this);
    m_testCommandButton->setEnabled(false);
    showCommandResult(tr("Running the command…"), true);
    QPointer<AccountDialog> self(this);
    provider->runCommand(command, [self, provider](Result<QString> password) {
        provider->deleteLater();
        if (!self)
            return;
        self->m_testCommandButton->setEnabled(true);
        if (!password) {
            self->showCommandResult(password.error().message(), false);
            return;
        }
        self->showCommandResult(tr("The command gave a password (%n character(s)).", nullptr,
                                   int(password.value().size())),
                                true);
    });
}

void AccountDialog::showCommandResult(const QString &text, bool ok)
{
    m_commandResult->setText(text);
    m_commandResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #c01c28;"));
    m_serverForm->setRowVisible(m_commandResult,
                                !text.isEmpty() && passwordSource() == PasswordSource::Command);
    growToFit();
}

Account AccountDialog::account() const
{
    Account a = m_account;
    a.name = m_name->text().trimmed();
    a.emailAddress = m_email->text().trimmed();
    a.host = m_host->text().trimmed();
    a.port = quint16(m_port->value());
    a.security = security();
    a.user = m_user->text();
    a.passwordSource = passwordSource();
    a.passwordCommand = m_command->text().trimmed();
    a.leaveOnServer = m_leaveOnServer->isChecked();
    a.checkOnStartup = m_checkOnStartup->isChecked();
    a.checkEveryMinutes = m_checkEvery->value();
    a.deleteFromServerOnLocalDelete = m_deleteFromServer->isChecked();
    a.auth = AuthMethod(m_auth->currentData().toInt());
    a.deleteFromServerAfterDays = m_deleteAfterDays->value();
    a.sizeLimitKb = m_sizeLimit->value();
    return a;
}

QString AccountDialog::password() const
{
    return passwordSource() == PasswordSource::Command ? QString() : m_password->text();
}

void AccountDialog::emailEdited(const QString &address)
{
    const std::optional<ProviderPreset> preset = presetForAddress(address);
    if (!m_userTouched)
        m_user->setText(preset ? presetUserName(*preset, address) : address.trimmed());
    if (!preset) {
        m_presetNote->setVisible(false);
        return;
    }
    if (!m_serverTouched && !preset->host.isEmpty()) {
        m_host->setText(preset->host);
        m_securityCombo->setCurrentIndex(m_securityCombo->findData(int(preset->security)));
        m_port->setValue(preset->port);
        m_auth->setCurrentIndex(m_auth->findData(int(preset->auth)));
    }
    if (!m_sendingTouched) {
        m_account.smtp = {};
        preset->applyOutgoing(m_account);
        updateSendingSummary();
    }
    const QString note = presetNote(*preset);
    m_presetNote->setText(note.isEmpty() ? tr("%1: settings filled in.").arg(preset->provider)
                                         : tr("%1: %2").arg(preset->provider, note));
    m_presetNote->setVisible(true);
}

AccountDialog::~AccountDialog()
{
    if (m_testId != 0 && m_sync)
        m_sync->cancelTest(m_testId);
    m_testPassword.fill(QLatin1Char('\0'));
}

void AccountDialog::updateSendingSummary()
{
    m_sendingSummary->setText(SendingDialog::summary(account()));
}

void AccountDialog::editSending()
{
    SendingDialog dialog(account(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Account edited = dialog.applyTo(account());
    m_account.identity = edited.identity;
    m_account.smtp = edited.smtp;
    m_sendingTouched = true;
    updateSendingSummary();
    validate();
}

void AccountDialog::testSending(const Account &account, const QString &password,
                                const QString &incomingSummary)
{
    showTestResult(incomingSummary + QLatin1Char('\n') +
                       tr("Connecting to the outgoing server %1…").arg(account.smtp.host),
                   true);
    m_incomingSummary = incomingSummary;
    if (!m_smtpTestConnected) {
        m_smtpTestConnected = true;
        connect(m_outbox, &smtp::OutboxController::connectionTested, this,
                [this](quint64 id, const QString &summary, const Error &error) {
                    if (id != m_smtpTestId)
                        return; // another dialog's
                    m_smtpTestId = 0;
                    sendingTested(m_incomingSummary, summary, error);
                });
    }
    auto run = [this, account](const QString &secret) {
        m_smtpTestId = m_outbox->testConnection(account, secret);
    };
    if (!account.smtp.login || account.smtp.samePassword) {
        run(password);
        return;
    }
    // Its own password command.
    auto *provider = new PasswordProvider(*(m_secrets ? m_secrets : &nullSecrets()), this);
    provider->fetch(account.smtpCredentials(),
                    [this, provider, run, incomingSummary](Result<QString> secret) {
                        provider->deleteLater();
                        if (!secret) {
                            sendingTested(incomingSummary, {}, secret.error());
                            return;
                        }
                        run(secret.value());
                    });
}

void AccountDialog::sendingTested(const QString &incomingSummary, const QString &summary,
                                  const Error &error)
{
    const bool ok = error.detail.isEmpty();
    showTestResult(incomingSummary + QLatin1Char('\n') + (ok ? summary : error.message()), ok);
    if (ok || !error.certificate)
        return;
    CertificateDialog dialog(m_account.smtp.host, *error.certificate, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Trusted for this outgoing server only, saved with the account.
    m_account.smtp.pinSha256 = error.certificate->sha256;
    showTestResult(tr("The certificate is trusted for this account; testing again."), true);
    testConnection();
}

void AccountDialog::testConnection()
{
    if (m_testId != 0) { // a second click stops the test that runs
        m_sync->cancelTest(std::exchange(m_testId, 0));
        m_testButton->setText(tr("&Test Connection"));
        m_testResult->setVisible(false);
        return;
    }
    const Account account = this->account();
    if (!password().isEmpty()) {
        runTest(account, password());
        return;
    }
    const bool command = account.passwordSource == PasswordSource::Command;
    const bool hasPassword =
        command || (m_stored == Stored::Yes && account.passwordSource == PasswordSource::Keychain);
    if (!hasPassword) {
        showTestResult(tr("Type the password to test the connection."), false);
        return;
    }
    // The password the account already has: the keychain, or its password command.
    auto *provider = new PasswordProvider(*(m_secrets ? m_secrets : &nullSecrets()), this);
    // Disabled, the button loses the keyboard focus to the next field: it gets it back.
    const bool hadFocus = m_testButton->hasFocus();
    m_testButton->setEnabled(false);
    provider->fetch(account, [this, provider, account, hadFocus](Result<QString> password) {
        provider->deleteLater();
        m_testButton->setEnabled(true);
        if (hadFocus)
            m_testButton->setFocus(Qt::OtherFocusReason);
        if (!password) {
            showTestResult(password.error().message(), false);
            return;
        }
        runTest(account, password.value());
    });
}

void AccountDialog::runTest(const Account &account, const QString &password)
{
    if (!m_sync) {
        showTestResult(tr("Test Connection is not available here."), false);
        return;
    }
    // On the sync thread: the handshake, certificate checks and login never run between
    // this window's frames. Short timeouts: someone is waiting in front of the dialog.
    m_testId = m_sync->testConnection(account, password, 15'000, 30'000);
    if (!m_testConnected) {
        m_testConnected = true;
        connect(m_sync, &sync::SyncController::connectionTested, this,
                [this](quint64 id, bool ok, const QString &summary, const Error &error) {
                    if (id != m_testId)
                        return; // another dialog's, or one stopped meanwhile
                    m_testId = 0;
                    m_testButton->setText(tr("&Test Connection"));
                    const QString password = std::exchange(m_testPassword, {});
                    if (ok && m_outbox && m_testedAccount.canSend())
                        testSending(m_testedAccount, password, summary); // both servers
                    else if (ok)
                        showTestResult(summary, true);
                    else
                        testFailed(m_testedAccount, error);
                });
    }
    m_testedAccount = account;
    m_testPassword = password; // the outgoing server may share it
    m_testButton->setText(tr("S&top Test"));
    showTestResult(tr("Connecting to %1…").arg(account.host), true);
}

void AccountDialog::testFailed(const Account &tested, const Error &error)
{
    showTestResult(error.message(), false);
    if (!error.certificate)
        return;
    CertificateDialog dialog(tested.host, *error.certificate, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Trusted: this certificate, and only this one, from now on. Saved with the account.
    m_account.pinSha256 = error.certificate->sha256;
    showTestResult(tr("The certificate is trusted for this account; testing again."), true);
    testConnection();
}

void AccountDialog::showTestResult(const QString &text, bool ok)
{
    m_testResult->setText(text);
    m_testResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #c01c28;"));
    m_testResult->setVisible(!text.isEmpty());
    growToFit();
}

Security AccountDialog::security() const
{
    return Security(m_securityCombo->currentData().toInt());
}

void AccountDialog::securityChanged()
{
    const Security now = security();
    // Follow the usual port, unless the user chose another one.
    if (m_port->value() == defaultPort(m_security))
        m_port->setValue(defaultPort(now));
    m_security = now;
    m_insecureWarning->setVisible(now == Security::None);
    validate();
}

void AccountDialog::validate()
{
    const Account a = account();
    Status status = AccountStore::validate(a);
    if (status && a.passwordSource == PasswordSource::Keychain &&
        m_keychain == Keychain::Unreachable && (a.id.isEmpty() || !password().isEmpty()))
        status = Error{Error::Code::Config,
                       tr("The password cannot be stored: the system keychain cannot be reached"),
                       {}};
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(status.ok());
    // Say what is missing only once the user has started on the server fields.
    const bool started = !a.host.isEmpty() || !a.user.isEmpty();
    m_problem->setText(status.ok() || !started ? QString() : status.error().message());
    m_problem->setVisible(!m_problem->text().isEmpty());
}

} // namespace poplar::ui
