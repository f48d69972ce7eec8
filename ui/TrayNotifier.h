// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QObject>

class QSystemTrayIcon;
class QTimer;
class QWidget;

namespace poplar::store {
class MessageStore;
}
namespace poplar::sync {
class SyncController;
struct SyncResult;
} // namespace poplar::sync

namespace poplar::ui {

/// The tray icon: the unread count at a glance, a notification when new mail arrives, and
/// a click that brings the window back. Does nothing visible where the desktop has no tray
/// (the texts are still kept, for tests and for a later tray).
class TrayNotifier : public QObject {
    Q_OBJECT

public:
    TrayNotifier(QWidget *window, store::MessageStore &store, sync::SyncController &sync,
                 QObject *parent = nullptr);

    /// The tooltip: "Poplar — 3 unread".
    [[nodiscard]] QString toolTip() const { return m_toolTip; }
    /// The last notification's title and text; empty before the first.
    [[nodiscard]] QString lastNotificationTitle() const { return m_lastTitle; }
    [[nodiscard]] QString lastNotificationText() const { return m_lastText; }
    /// The last notification's text as handed to the desktop: escaped for its markup.
    [[nodiscard]] QString lastNotificationMarkup() const { return m_lastMarkup; }

    /// The title and text for new mail: one message names sender and subject; several say
    /// how many and name the newest.
    [[nodiscard]] static std::pair<QString, QString>
    newMailText(const QList<store::MessageSummary> &newest, int count);

public Q_SLOTS:
    /// Reads the unread count again and updates the tooltip.
    void refresh();

private:
    void onStored(const QString &accountId, const QList<qint64> &ids);
    void onFinished(const sync::SyncResult &result);

    QWidget *m_window;
    store::MessageStore &m_store;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_refresh = nullptr;
    QList<qint64> m_arrived; ///< stored since the last notification
    QString m_toolTip;
    QString m_lastTitle;
    QString m_lastText;
    QString m_lastMarkup;
};

} // namespace poplar::ui
