// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProtocolLogDialog.h"

#include "sync/SyncController.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace poplar::ui {

ProtocolLogDialog::ProtocolLogDialog(sync::SyncController &sync, const QList<Account> &accounts,
                                     const QString &currentAccountId, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
{
    setObjectName(QStringLiteral("protocolLogDialog"));
    setWindowTitle(tr("Protocol Log"));
    auto *intro = new QLabel(tr("What Poplar and the server said during the last check of "
                                "this account. Passwords and tokens are left out."),
                             this);
    intro->setWordWrap(true);
    m_accounts = new QComboBox(this);
    m_accounts->setObjectName(QStringLiteral("protocolLogAccount"));
    m_accounts->setAccessibleName(tr("Account"));
    for (const Account &a : accounts)
        m_accounts->addItem(a.name, a.id);
    if (const int i = m_accounts->findData(currentAccountId); i >= 0)
        m_accounts->setCurrentIndex(i);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("protocolLogText"));
    m_text->setAccessibleName(tr("Protocol log"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copyProtocolLog"));
    connect(m_copy, &QPushButton::clicked, this, &ProtocolLogDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_accounts);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(720, 480);

    connect(m_accounts, &QComboBox::currentIndexChanged, this, &ProtocolLogDialog::showAccount);
    showAccount();
}

QString ProtocolLogDialog::logText() const
{
    return m_text->toPlainText();
}

void ProtocolLogDialog::showAccount()
{
    const QString accountId = m_accounts->currentData().toString();
    // Server words are untrusted bytes: shown as text, decoded leniently.
    const QString log = QString::fromUtf8(m_sync.protocolLog(accountId));
    m_text->setPlainText(log);
    m_text->setPlaceholderText(accountId.isEmpty()
                                   ? tr("There are no accounts.")
                                   : tr("No check of this account since Poplar started."));
    m_copy->setEnabled(!log.isEmpty());
}

void ProtocolLogDialog::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(logText());
}

} // namespace poplar::ui
