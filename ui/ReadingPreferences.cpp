// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReadingPreferences.h"

#include "MessageView.h"

#include <QAction>
#include <QSettings>

namespace poplar::ui {

namespace {

const QString preferPlainKey = QStringLiteral("reading/preferPlainText");
const QString trustedKey = QStringLiteral("reading/trustedSenders");

QSet<QString> trustedSenders(const QSettings &settings)
{
    const QStringList list = settings.value(trustedKey).toStringList();
    return {list.cbegin(), list.cend()};
}

} // namespace

ReadingPreferences::ReadingPreferences(const QString &iniPath, MessageView *view, QObject *parent)
    : QObject(parent)
    , m_iniPath(iniPath)
    , m_view(view)
{
    m_preferPlain = new QAction(tr("Prefer &Plain Text"), this);
    m_preferPlain->setObjectName(QStringLiteral("preferPlainTextAction"));
    m_preferPlain->setCheckable(true);
    m_preferPlain->setToolTip(tr("Of a message sent both as HTML and as plain text, show the "
                                 "plain text"));
    const QSettings settings(m_iniPath, QSettings::IniFormat);
    m_preferPlain->setChecked(settings.value(preferPlainKey, false).toBool());
    connect(m_preferPlain, &QAction::toggled, this, &ReadingPreferences::setPreferPlain);
    apply(m_view);
}

void ReadingPreferences::apply(MessageView *view)
{
    const QSettings settings(m_iniPath, QSettings::IniFormat);
    view->setPreferPlainText(m_preferPlain->isChecked());
    view->setTrustedSenders(trustedSenders(settings));
    connect(view, &MessageView::senderTrusted, this, &ReadingPreferences::trustSender,
            Qt::UniqueConnection);
}

void ReadingPreferences::setPreferPlain(bool plain)
{
    QSettings settings(m_iniPath, QSettings::IniFormat);
    settings.setValue(preferPlainKey, plain);
    m_view->setPreferPlainText(plain);
}

void ReadingPreferences::trustSender(const QString &address)
{
    QSettings settings(m_iniPath, QSettings::IniFormat);
    QSet<QString> trusted = trustedSenders(settings);
    trusted.insert(address.toLower());
    QStringList sorted(trusted.cbegin(), trusted.cend());
    sorted.sort();
    settings.setValue(trustedKey, sorted);
    // Trusted in a message window: the main viewer knows it too from now on, not only after
    // a restart. (A window's viewer gets the list when it opens.)
    m_view->setTrustedSenders(trusted);
}

} // namespace poplar::ui
