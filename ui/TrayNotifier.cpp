// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayNotifier.h"

#include "mime/TextLimits.h"
#include "store/MessageStore.h"
#include "sync/SyncController.h"

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace poplar::ui {

namespace {

void bringBack(QWidget *window)
{
    window->show();
    window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
    window->raise();
    window->activateWindow();
}

} // namespace

TrayNotifier::TrayNotifier(QWidget *window, store::MessageStore &store, sync::SyncController &sync,
                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_store(store)
{
    connect(&sync, &sync::SyncController::messagesStored, this, &TrayNotifier::onStored);
    connect(&sync, &sync::SyncController::finished, this, &TrayNotifier::onFinished);
    // Reading mail in the window changes the count too; a count query is cheap (an index).
    m_refresh = new QTimer(this);
    m_refresh->setInterval(15'000);
    connect(m_refresh, &QTimer::timeout, this, &TrayNotifier::refresh);
    m_refresh->start();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        auto *menu = new QMenu(window);
        menu->addAction(tr("&Show Poplar"), this, [this] { bringBack(m_window); });
        menu->addSeparator();
        menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger)
                        bringBack(m_window);
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { bringBack(m_window); });
        m_tray->show();
    }
    refresh();
}

void TrayNotifier::refresh()
{
    const Result<qint64> unread = m_store.unreadInInboxes();
    m_toolTip = !unread               ? tr("Poplar")
                : unread.value() == 0 ? tr("Poplar — no unread mail")
                : unread.value() == 1 ? tr("Poplar — 1 unread message")
                                      : tr("Poplar — %1 unread messages").arg(unread.value());
    if (m_tray)
        m_tray->setToolTip(m_toolTip);
}

void TrayNotifier::onStored(const QString &, const QList<qint64> &ids)
{
    m_arrived += ids;
}

void TrayNotifier::onFinished(const sync::SyncResult &)
{
    refresh();
    if (m_arrived.isEmpty())
        return;
    const int count = int(m_arrived.size());
    QList<store::MessageSummary> newest;
    if (auto last = m_store.message(m_arrived.last()); last)
        newest.append(last.value());
    m_arrived.clear();
    // Nothing to announce while the user is looking at the window anyway.
    if (m_window->isActiveWindow())
        return;
    std::tie(m_lastTitle, m_lastText) = newMailText(newest, count);
    // Desktop notification servers read the body as markup (body-markup): a subject's
    // "<img src=...>" must arrive as text.
    m_lastMarkup = m_lastText.toHtmlEscaped();
    if (m_tray)
        m_tray->showMessage(m_lastTitle, m_lastMarkup, QApplication::windowIcon(), 8000);
}

std::pair<QString, QString> TrayNotifier::newMailText(const QList<store::MessageSummary> &newest,
                                                      int count)
{
    const QString title = count == 1 ? tr("New message") : tr("%1 new messages").arg(count);
    if (newest.isEmpty())
        return {title, QString()};
    const store::MessageSummary &m = newest.last();
    const QString from = m.fromName.isEmpty() ? m.fromAddress : m.fromName;
    const QString subject =
        m.subject.isEmpty() ? tr("(no subject)") : mime::shownSubject(m.subject);
    const QString text =
        count == 1 ? tr("%1: %2").arg(from, subject) : tr("Newest: %1: %2").arg(from, subject);
    return {title, text};
}

} // namespace poplar::ui
