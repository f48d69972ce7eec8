// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace poplar {
class AccountStore;
struct Account;
} // namespace poplar

namespace poplar::sync {

/// Starts each account's checks on its own schedule: at startup if the account says so, then
/// every N minutes, never sooner than the server's LOGIN-DELAY allows. GUI thread.
class CheckScheduler : public QObject {
    Q_OBJECT

public:
    /// Tells when the server next allows a login (invalid: no limit known).
    using NextLoginAllowed = std::function<QDateTime(const QString &accountId)>;

    CheckScheduler(const AccountStore &accounts, NextLoginAllowed nextLoginAllowed,
                   Clock clock = systemClock(), QObject *parent = nullptr);

    /// Begins: startup checks now, then a look every `tickMs`.
    void start(int tickMs = 30'000);
    /// Records a check that started some other way (F5), so the next one waits its interval.
    void noteChecked(const QString &accountId);
    /// Looks once: which accounts are due. Public for tests.
    void tick();

Q_SIGNALS:
    void checkDue(const poplar::Account &account);

private:
    const AccountStore &m_accounts;
    NextLoginAllowed m_nextLoginAllowed;
    Clock m_clock;
    QTimer *m_timer;
    QHash<QString, QDateTime> m_lastCheck;
};

} // namespace poplar::sync
