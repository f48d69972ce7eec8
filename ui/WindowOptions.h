// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QSplitter;

namespace poplar::ui {

/// The main window's View and File toggles: the message pane below or beside the list, the
/// list grouped in conversations or not, and working offline (no check starts, by hand or
/// by schedule, until it is turned off). All are remembered in poplar.ini.
class WindowOptions : public QObject {
    Q_OBJECT

public:
    WindowOptions(const QString &iniPath, QSplitter *messageSplitter, QObject *parent = nullptr);

    [[nodiscard]] QAction *paneBesideAction() const { return m_paneBeside; }
    [[nodiscard]] QAction *workOfflineAction() const { return m_workOffline; }
    [[nodiscard]] QAction *threadedAction() const { return m_threaded; }
    [[nodiscard]] bool isOffline() const;
    [[nodiscard]] bool isThreaded() const;

    /// The splitter's saved state (which holds its orientation) was restored: show it.
    void layoutRestored();

Q_SIGNALS:
    void offlineChanged(bool offline);
    void threadedChanged(bool threaded);

private:
    void setPaneBeside(bool beside);
    void setOffline(bool offline);
    void setThreaded(bool threaded);
    /// Reads a [window] toggle, writes one.
    [[nodiscard]] bool stored(QLatin1String key) const;
    void store(QLatin1String key, bool on) const;

    QString m_iniPath;
    QSplitter *m_splitter;
    QAction *m_paneBeside = nullptr;
    QAction *m_workOffline = nullptr;
    QAction *m_threaded = nullptr;
};

} // namespace poplar::ui
