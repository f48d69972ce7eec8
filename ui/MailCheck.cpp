// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailCheck.h"

#include "WindowOptions.h"

#include "accounts/AccountStore.h"
#include "store/MessageStore.h"
#include "store/ServerPolicyStore.h"
#include "sync/CheckScheduler.h"
#include "sync/SyncController.h"

#include <QAction>
#include <QCoreApplication>
#include <QStyle>
#include <QWidget>

// The words here were MainWindow's, and the translations know them under its context: they
// keep it (QCoreApplication::translate, not tr()), so that no translated text is lost.

namespace poplar::ui {

MailCheck::MailCheck(Services services, const WindowOptions *options, QWidget *window)
    : QObject(window)
    , m_services(services)
    , m_options(options)
{
    m_getMessages =
        new QAction(QIcon::fromTheme(QStringLiteral("mail-receive"),
                                     window->style()->standardIcon(QStyle::SP_BrowserReload)),
                    QCoreApplication::translate("poplar::ui::MainWindow", "&Get Messages"), this);
    m_getMessages->setObjectName(QStringLiteral("getMessagesAction"));
    m_getMessages->setShortcut(QKeySequence::Refresh); // F5
    m_getMessages->setToolTip(QCoreApplication::translate(
        "poplar::ui::MainWindow", "Download new mail for every account (F5)"));
    connect(m_getMessages, &QAction::triggered, this, &MailCheck::checkAll);
}

void MailCheck::checkAll()
{
    const QList<Account> accounts = m_services.accounts.accounts();
    if (accounts.isEmpty()) {
        Q_EMIT declined(QCoreApplication::translate("poplar::ui::MainWindow",
                                                    "No accounts yet — open Settings to add one."));
        return;
    }
    if (m_options->isOffline()) {
        Q_EMIT declined(QCoreApplication::translate(
            "poplar::ui::MainWindow",
            "Working offline: turn off File ▸ Work Offline to get messages."));
        return;
    }
    for (const Account &account : accounts) {
        if (m_scheduler)
            m_scheduler->noteChecked(account.id);
        m_services.sync.syncAccount(account);
    }
}

void MailCheck::startSchedules()
{
    if (m_scheduler)
        return;
    // LOGIN-DELAY as the servers told it, from this thread's own cache connection.
    auto nextLogin = [db = m_services.messages.database()](const QString &accountId) {
        auto policy = store::ServerPolicyStore(db).load(accountId);
        return policy ? policy.value().nextLoginAllowed() : QDateTime();
    };
    m_scheduler = new sync::CheckScheduler(m_services.accounts, nextLogin, systemClock(), this);
    connect(m_scheduler, &sync::CheckScheduler::checkDue, this, [this](const Account &account) {
        if (!m_options->isOffline())
            m_services.sync.syncAccount(account);
    });
    m_scheduler->start();
    // Mail stored but never indexed (a sync stopped before it indexed) becomes searchable.
    m_services.sync.indexPending();
}

} // namespace poplar::ui
