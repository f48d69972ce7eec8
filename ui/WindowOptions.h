// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QSplitter;

namespace poplar::ui {

/// The main window's View and File toggles that change how it behaves rather than what it
/// shows: the message pane below or beside the list, and working offline (no check starts,
/// by hand or by schedule, until it is turned off). Both are remembered in poplar.ini.
class WindowOptions : public QObject {
    Q_OBJECT

public:
    WindowOptions(const QString &iniPath, QSplitter *messageSplitter, QObject *parent = nullptr);

    [[nodiscard]] QAction *paneBesideAction() const { return m_paneBeside; }
    [[nodiscard]] QAction *workOfflineAction() const { return m_workOffline; }
    [[nodiscard]] bool isOffline() const;

    /// The splitter's saved state (which holds its orientation) was restored: show it.
    void layoutRestored();

Q_SIGNALS:
    void offlineChanged(bool offline);

private:
    void setPaneBeside(bool beside);
    void setOffline(bool offline);

    QString m_iniPath;
    QSplitter *m_splitter;
    QAction *m_paneBeside = nullptr;
    QAction *m_workOffline = nullptr;
};

} // namespace poplar::ui
