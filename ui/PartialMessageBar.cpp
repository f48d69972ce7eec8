// SPDX-License-Identifier: GPL-3.0-or-later
#include "PartialMessageBar.h"

#include "accounts/AccountStore.h"
#include "sync/SyncController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace poplar::ui {

PartialMessageBar::PartialMessageBar(sync::SyncController &sync, const AccountStore &accounts,
                                     QWidget *parent)
    : QFrame(parent)
    , m_sync(sync)
    , m_accounts(accounts)
{
    setObjectName(QStringLiteral("partialMessageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase); // follows the theme, dark ones too
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(size, size));
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_download = new QPushButton(QIcon::fromTheme(QStringLiteral("mail-receive"),
                                                  style()->standardIcon(QStyle::SP_ArrowDown)),
                                 tr("Download the Rest"), this);
    m_download->setObjectName(QStringLiteral("downloadRestButton"));
    connect(m_download, &QPushButton::clicked, this, &PartialMessageBar::downloadRest);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_download);

    connect(&m_sync, &sync::SyncController::messagesStored, this,
            &PartialMessageBar::messagesStored);
    connect(&m_sync, &sync::SyncController::finished, this, &PartialMessageBar::syncFinished);
    hide();
}

void PartialMessageBar::showFor(const store::MessageSummary &message)
{
    if (!message.partial) {
        clearMessage();
        return;
    }
    m_id = message.id;
    m_accountId = message.accountId;
    // The cache knows the size of what it holds (the headers), not of the whole message.
    m_text->setText(tr("Only the headers of this message were downloaded: it is larger than "
                       "the account's size limit."));
    setWaiting(m_waitingFor == m_id);
    show();
}

void PartialMessageBar::clearMessage()
{
    m_id = 0;
    m_accountId.clear();
    hide();
}

void PartialMessageBar::downloadRest()
{
    if (m_id == 0 || m_waitingFor != 0)
        return;
    const std::optional<Account> account = m_accounts.account(m_accountId);
    if (!account) {
        Q_EMIT failed(tr("The account this message came from no longer exists."));
        return;
    }
    if (m_sync.isSyncing(account->id)) {
        // One session per maildrop: the check that runs now must end first.
        Q_EMIT failed(tr("%1 is being checked; try again when it is done.").arg(account->name));
        return;
    }
    m_waitingFor = m_id;
    m_waitingAccountId = account->id;
    setWaiting(true);
    m_sync.completeMessage(*account, m_id);
}

void PartialMessageBar::messagesStored(const QString &accountId, const QList<qint64> &ids)
{
    if (m_waitingFor == 0 || accountId != m_waitingAccountId || !ids.contains(m_waitingFor))
        return;
    const qint64 id = m_waitingFor;
    m_waitingFor = 0;
    m_waitingAccountId.clear();
    if (id == m_id)
        hide();
    Q_EMIT completed(id);
}

void PartialMessageBar::syncFinished(const sync::SyncResult &result)
{
    if (m_waitingFor == 0 || result.accountId != m_waitingAccountId)
        return;
    // Finished without storing it: the session failed or was stopped (the status bar says
    // why, as for any check). The button is offered again.
    m_waitingFor = 0;
    m_waitingAccountId.clear();
    setWaiting(false);
}

void PartialMessageBar::setWaiting(bool waiting)
{
    m_download->setEnabled(!waiting);
    m_download->setText(waiting ? tr("Downloading…") : tr("Download the Rest"));
}

} // namespace poplar::ui
