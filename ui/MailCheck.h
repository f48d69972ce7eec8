// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"

#include <QObject>

class QAction;
class QWidget;

namespace poplar::sync {
class CheckScheduler;
}

namespace poplar::ui {

class WindowOptions;

/// When mail is checked: every account at once with Get Messages (F5), and each account on
/// its own schedule (at start-up, then every N minutes) once that is started; neither while
/// the window works offline. GUI thread.
class MailCheck : public QObject {
    Q_OBJECT

public:
    /// `services` and `options` must outlive this object; `window` is its parent.
    MailCheck(Services services, const WindowOptions *options, QWidget *window);

    [[nodiscard]] QAction *getMessagesAction() const { return m_getMessages; }

    /// What Get Messages does: checks every account now.
    void checkAll();
    /// Starts the accounts' own schedules (once; later calls do nothing).
    void startSchedules();

Q_SIGNALS:
    /// Get Messages checked nothing, for this reason (no accounts, working offline).
    void declined(const QString &reason);

private:
    Services m_services;
    const WindowOptions *m_options;
    QAction *m_getMessages = nullptr;
    sync::CheckScheduler *m_scheduler = nullptr;
};

} // namespace poplar::ui
