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
    QSettings settings(m_iniPath, QSettings::IniFormat);
    m_workOffline->setChecked(
        settings.value(QStringLiteral("%1/%2").arg(keys::windowGroup, keys::workOffline), false)
            .toBool());
    connect(m_workOffline, &QAction::toggled, this, &WindowOptions::setOffline);
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
    QSettings settings(m_iniPath, QSettings::IniFormat);
    settings.setValue(QStringLiteral("%1/%2").arg(keys::windowGroup, keys::workOffline), offline);
    Q_EMIT offlineChanged(offline);
}

} // namespace poplar::ui
