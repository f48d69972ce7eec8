// SPDX-License-Identifier: GPL-3.0-or-later
#include "SendingDialog.h"

#include "accounts/AccountStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace poplar::ui {

namespace {

/// A login method, or none at all (-1): a relay that takes mail without one.
constexpr int noLogin = -1;

QString securityName(Security s)
{
    switch (s) {
    case Security::Tls:
        return SendingDialog::tr("SSL/TLS");
    case Security::StartTls:
        return SendingDialog::tr("STARTTLS");
    case Security::None:
        break;
    }
    return SendingDialog::tr("unencrypted");
}

} // namespace

QString SendingDialog::summary(const Account &a)
{
    if (!a.canSend())
        return tr("No outgoing server: this account only receives mail.");
    return tr("Sends through %1:%2 (%3) as %4")
        .arg(a.smtp.host)
        .arg(a.smtp.port)
        .arg(securityName(a.smtp.security),
             a.senderAddress().isEmpty() ? tr("(no address)") : a.senderAddress());
}

SendingDialog::SendingDialog(const Account &account, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_lastSecurity(account.smtp.security)
{
    setWindowTitle(tr("Sending Mail"));
    setObjectName(QStringLiteral("sendingDialog"));

    auto line = [this](const char *name, const QString &text) {
        auto *edit = new QLineEdit(text, this);
        edit->setObjectName(QLatin1String(name));
        connect(edit, &QLineEdit::textChanged, this, &SendingDialog::validate);
        return edit;
    };
    const Identity &id = account.identity;
    const OutgoingServer &o = account.smtp;
    m_name = line("fromNameEdit", id.name);
    m_name->setPlaceholderText(tr("Your name, as recipients see it"));
    m_address = line("fromAddressEdit", id.address);
    m_address->setPlaceholderText(account.emailAddress);
    m_replyTo = line("replyToEdit", id.replyTo);
    m_replyTo->setPlaceholderText(tr("Where replies go, when not to the address above"));
    m_signature = new QPlainTextEdit(id.signature, this);
    m_signature->setObjectName(QStringLiteral("signatureEdit"));
    m_signature->setTabChangesFocus(true);
    m_signature->setMaximumHeight(fontMetrics().lineSpacing() * 5);

    m_host = line("smtpHostEdit", o.host);
    m_host->setPlaceholderText(tr("smtp.example.org (empty: this account sends no mail)"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("smtpPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(o.port);
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("smtpSecurityCombo"));
    m_security->addItem(tr("SSL/TLS (port 465)"), int(Security::Tls));
    m_security->addItem(tr("STARTTLS (port 587)"), int(Security::StartTls));
    m_security->addItem(tr("None"), int(Security::None));
    m_security->setCurrentIndex(m_security->findData(int(o.security)));
    m_insecure = new QLabel(tr("Your password and mail will cross the network unencrypted."), this);
    m_insecure->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_insecure->setVisible(o.security == Security::None);
    m_user = line("smtpUserEdit", o.user);
    m_user->setPlaceholderText(account.user.isEmpty() ? tr("The receiving user name")
                                                      : account.user);
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("smtpAuthCombo"));
    m_auth->addItem(tr("Automatic (strongest offered)"), int(AuthMethod::Auto));
    for (const auto &[method, name] :
         {std::pair{AuthMethod::Plain, "PLAIN"}, std::pair{AuthMethod::Login, "LOGIN"},
          std::pair{AuthMethod::CramMd5, "CRAM-MD5"},
          std::pair{AuthMethod::ScramSha1, "SCRAM-SHA-1"},
          std::pair{AuthMethod::ScramSha256, "SCRAM-SHA-256"}})
        m_auth->addItem(QLatin1String(name), int(method));
    m_auth->addItem(tr("OAuth 2.0 (XOAUTH2)"), int(AuthMethod::XOAuth2));
    m_auth->addItem(tr("OAuth 2.0 (OAUTHBEARER)"), int(AuthMethod::OAuthBearer));
    m_auth->addItem(tr("No login"), noLogin);
    m_auth->setCurrentIndex(o.login ? std::max(0, m_auth->findData(int(o.auth)))
                                    : m_auth->findData(noLogin));
    m_samePassword = new QCheckBox(tr("Use the &password for receiving mail"), this);
    m_samePassword->setObjectName(QStringLiteral("samePasswordCheck"));
    m_samePassword->setChecked(o.samePassword);
    m_command = line("smtpPasswordCommandEdit", o.passwordCommand);
    m_command->setPlaceholderText(QStringLiteral("pass show mail/smtp")); // a command, not words
    m_command->setToolTip(tr("Run with /bin/sh -c; its first line of output is the password"));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("sendingProblem"));
    m_problem->setWordWrap(true);
    m_problem->setEnabled(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *senderBox = new QGroupBox(tr("Sender"), this);
    auto *sender = new QFormLayout(senderBox);
    sender->addRow(tr("Your &name:"), m_name);
    sender->addRow(tr("Sender &address:"), m_address);
    sender->addRow(tr("&Reply-To:"), m_replyTo);
    sender->addRow(tr("Si&gnature:"), m_signature);

    auto *serverBox = new QGroupBox(tr("Outgoing server (SMTP)"), this);
    auto *server = new QFormLayout(serverBox);
    server->addRow(tr("&Server:"), m_host);
    server->addRow(tr("P&ort:"), m_port);
    server->addRow(tr("Se&curity:"), m_security);
    server->addRow(m_insecure);
    server->addRow(tr("&User name:"), m_user);
    server->addRow(tr("&Login method:"), m_auth);
    server->addRow(m_samePassword);
    server->addRow(tr("Password co&mmand:"), m_command);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(senderBox);
    layout->addWidget(serverBox);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_security, &QComboBox::currentIndexChanged, this, &SendingDialog::securityChanged);
    connect(m_port, &QSpinBox::valueChanged, this, &SendingDialog::validate);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &SendingDialog::validate);
    connect(m_samePassword, &QCheckBox::toggled, this, &SendingDialog::validate);
    connect(m_signature, &QPlainTextEdit::textChanged, this, &SendingDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    setMinimumWidth(460);
}

Account SendingDialog::applyTo(Account a) const
{
    a.identity.name = m_name->text().trimmed();
    a.identity.address = m_address->text().trimmed();
    a.identity.replyTo = m_replyTo->text().trimmed();
    a.identity.signature = m_signature->toPlainText().trimmed();
    OutgoingServer &o = a.smtp;
    o.host = m_host->text().trimmed();
    o.port = quint16(m_port->value());
    o.security = Security(m_security->currentData().toInt());
    o.user = m_user->text().trimmed();
    const int auth = m_auth->currentData().toInt();
    o.login = auth != noLogin;
    if (o.login)
        o.auth = AuthMethod(auth);
    o.samePassword = m_samePassword->isChecked();
    if (!o.samePassword) {
        o.passwordSource = PasswordSource::Command;
        o.passwordCommand = m_command->text().trimmed();
    }
    return a;
}

void SendingDialog::securityChanged()
{
    const Security now = Security(m_security->currentData().toInt());
    // Follow the usual port, unless the user chose another one.
    if (m_port->value() == defaultSmtpPort(m_lastSecurity))
        m_port->setValue(defaultSmtpPort(now));
    m_lastSecurity = now;
    m_insecure->setVisible(now == Security::None);
    validate();
}

void SendingDialog::validate()
{
    const bool login = m_auth->currentData().toInt() != noLogin;
    m_samePassword->setEnabled(login);
    m_command->setEnabled(login && !m_samePassword->isChecked());
    const Status status = AccountStore::validateOutgoing(applyTo(m_account));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(status.ok());
    m_problem->setText(status.ok() ? QString() : status.error().message());
    m_problem->setVisible(!status.ok());
}

} // namespace poplar::ui
