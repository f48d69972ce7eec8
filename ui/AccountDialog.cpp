// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountDialog.h"

#include "accounts/AccountStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace poplar::ui {

namespace {

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

    m_user = lineEdit(QStringLiteral("userEdit"), this);
    m_password = lineEdit(QStringLiteral("passwordEdit"), this);
    m_password->setEchoMode(QLineEdit::Password);
    if (account.passwordSource == PasswordSource::Command) {
        m_password->setEnabled(false);
        m_password->setPlaceholderText(tr("Given by a password command"));
    } else if (!isNew) {
        m_password->setPlaceholderText(tr("Unchanged"));
    }

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

    auto *identityBox = new QGroupBox(tr("Account"), this);
    auto *identity = new QFormLayout(identityBox);
    identity->addRow(tr("Account &name:"), m_name);
    identity->addRow(tr("&E-mail address:"), m_email);

    auto *serverBox = new QGroupBox(tr("Incoming server (POP3)"), this);
    auto *server = new QFormLayout(serverBox);
    server->addRow(tr("&Server:"), m_host);
    server->addRow(tr("&Port:"), m_port);
    server->addRow(tr("Se&curity:"), m_securityCombo);
    server->addRow(m_insecureWarning);
    server->addRow(tr("&User name:"), m_user);
    server->addRow(tr("Pass&word:"), m_password);

    auto *policyBox = new QGroupBox(tr("Mail on the server"), this);
    auto *policy = new QVBoxLayout(policyBox);
    policy->addWidget(m_leaveOnServer);
    policy->addWidget(m_deleteFromServer);

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
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    validate();
    setMinimumWidth(460);
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
    a.leaveOnServer = m_leaveOnServer->isChecked();
    a.checkOnStartup = m_checkOnStartup->isChecked();
    a.checkEveryMinutes = m_checkEvery->value();
    a.deleteFromServerOnLocalDelete = m_deleteFromServer->isChecked();
    return a;
}

QString AccountDialog::password() const
{
    return m_password->isEnabled() ? m_password->text() : QString();
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
    const Status status = AccountStore::validate(a);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(status.ok());
    // Say what is missing only once the user has started on the server fields.
    const bool started = !a.host.isEmpty() || !a.user.isEmpty();
    m_problem->setText(status.ok() || !started ? QString() : status.error().message());
    m_problem->setVisible(!m_problem->text().isEmpty());
}

} // namespace poplar::ui
