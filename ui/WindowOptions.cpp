// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowOptions.h"

#include "WindowSettingsKeys.h"

#include <QAction>
#include <QSettings>
#include <QSplitter>

namespace poplar::ui {

WindowOptions::WindowOptions(const QString &iniPath, QSplitter *messageSplitter, QObject *parent)
    : QObject(parent)
    , m_iniPath(iniPath)
    , m_splitter(messageSplitter)
{
    m_paneBeside = new QAction(tr("Message Pane &Beside the List"), this);
    m_paneBeside->setObjectName(QStringLiteral("paneBesideAction"));
    m_paneBeside->setCheckable(true);
    connect(m_paneBeside, &QAction::toggled, this, &WindowOptions::setPaneBeside);

    m_workOffline = new QAction(tr("Work &Offline"), this);
    m_workOffline->setObjectName(QStringLiteral("workOfflineAction"));
    m_workOffline->setCheckable(true);
    m_workOffline->setToolTip(tr("Start no check for mail until this is turned off"));
    m_workOffline->setChecked(stored(keys::workOffline));
    connect(m_workOffline, &QAction::toggled, this, &WindowOptions::setOffline);

    m_threaded = new QAction(tr("&Threaded Conversations"), this);
    m_threaded->setObjectName(QStringLiteral("threadedAction"));
    m_threaded->setCheckable(true);
    m_threaded->setToolTip(tr("Group replies under the message they answer"));
    m_threaded->setChecked(stored(keys::threaded));
    connect(m_threaded, &QAction::toggled, this, &WindowOptions::setThreaded);
}

bool WindowOptions::stored(QLatin1String key) const
{
    const QSettings settings(m_iniPath, QSettings::IniFormat);
    return settings.value(QStringLiteral("%1/%2").arg(keys::windowGroup, key), false).toBool();
}

void WindowOptions::store(QLatin1String key, bool on) const
{
    QSettings settings(m_iniPath, QSettings::IniFormat);
    settings.setValue(QStringLiteral("%1/%2").arg(keys::windowGroup, key), on);
}

bool WindowOptions::isThreaded() const
{
    return m_threaded->isChecked();
}

void WindowOptions::setThreaded(bool threaded)
{
    store(keys::threaded, threaded);
    Q_EMIT threadedChanged(threaded);
}

bool WindowOptions::isOffline() const
{
    return m_workOffline->isChecked();
}

void WindowOptions::layoutRestored()
{
    const QSignalBlocker quiet(m_paneBeside);
    m_paneBeside->setChecked(m_splitter->orientation() == Qt::Horizontal);
}

void WindowOptions::setPaneBeside(bool beside)
{
    const Qt::Orientation wanted = beside ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() == wanted)
        return;
    m_splitter->setOrientation(wanted);
    // Half and half of the new direction; the sizes of the old one mean nothing here.
    const int length = wanted == Qt::Horizontal ? m_splitter->width() : m_splitter->height();
    m_splitter->setSizes({length * 2 / 5, length * 3 / 5});
}

void WindowOptions::setOffline(bool offline)
{
    store(keys::workOffline, offline);
    Q_EMIT offlineChanged(offline);
}

} // namespace poplar::ui
