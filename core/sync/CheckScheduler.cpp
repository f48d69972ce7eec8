// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CheckScheduler.h"

#include "accounts/AccountStore.h"

#include <QTimer>

namespace poplar::sync {

CheckScheduler::CheckScheduler(const AccountStore &accounts, NextLoginAllowed nextLoginAllowed,
                               Clock clock, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_nextLoginAllowed(std::move(nextLoginAllowed))
    , m_clock(std::move(clock))
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &CheckScheduler::tick);
}

void CheckScheduler::start(int tickMs)
{
    const QDateTime now = m_clock();
    for (const Account &a : m_accounts.accounts()) {
        if (!a.checkOnStartup) {
            m_lastCheck.insert(a.id, now); // its first check is one interval away
            continue;
        }
        const QDateTime allowed = m_nextLoginAllowed(a.id);
        if (allowed.isValid() && allowed > now)
            continue; // tick() takes it when the server allows
        m_lastCheck.insert(a.id, now);
        Q_EMIT checkDue(a);
    }
    m_timer->start(tickMs);
}

void CheckScheduler::noteChecked(const QString &accountId)
{
    m_lastCheck.insert(accountId, m_clock());
}

void CheckScheduler::tick()
{
    const QDateTime now = m_clock();
    for (const Account &a : m_accounts.accounts()) {
        if (a.checkEveryMinutes <= 0)
            continue;
        const QDateTime last = m_lastCheck.value(a.id);
        if (last.isValid() && last.addSecs(qint64(a.checkEveryMinutes) * 60) > now)
            continue;
        const QDateTime allowed = m_nextLoginAllowed(a.id);
        if (allowed.isValid() && allowed > now)
            continue;
        m_lastCheck.insert(a.id, now);
        Q_EMIT checkDue(a);
    }
}

} // namespace poplar::sync
