// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordPrompt.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace poplar::ui {

PasswordPrompt::PasswordPrompt(const Account &account, const QString &reason, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("passwordPrompt"));
    setWindowTitle(tr("Password for %1").arg(account.name));

    auto *intro =
        new QLabel(tr("Poplar needs the password of <b>%1</b> on %2 to check the account \"%3\".")
                       .arg(account.user.toHtmlEscaped(), account.host.toHtmlEscaped(),
                            account.name.toHtmlEscaped()),
                   this);
    intro->setObjectName(QStringLiteral("promptIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    auto *why = new QLabel(reason, this);
    why->setObjectName(QStringLiteral("promptReason"));
    why->setWordWrap(true);
    why->setTextFormat(Qt::PlainText);
    why->setVisible(!reason.isEmpty());

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("promptPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));

    m_remember = new QCheckBox(tr("&Remember for this session"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(true);
    m_remember->setToolTip(tr("Kept in memory until Poplar quits; never written to disk"));
    if (account.passwordSource == PasswordSource::Keychain) {
        // PasswordProvider keeps it in the keychain when the keychain has none for the
        // account (an imported one), in memory when the keychain cannot be reached.
        m_remember->setText(tr("&Remember it"));
        m_remember->setToolTip(tr("Kept in the system keychain when it has no password for "
                                  "this account yet; otherwise in memory until Poplar quits"));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_remember);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_password, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_password->setFocus();
    setMinimumWidth(380);
}

QString PasswordPrompt::password() const
{
    return m_password->text();
}

bool PasswordPrompt::remember() const
{
    return m_remember->isChecked();
}

} // namespace poplar::ui
