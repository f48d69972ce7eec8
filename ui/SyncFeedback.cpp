// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncFeedback.h"

#include "CertificateDialog.h"
#include "MessageListModel.h"
#include "PlainToolTip.h"
#include "SyncProgressPanel.h"
#include "WindowSettingsKeys.h"

#include "accounts/AccountStore.h"
#include "sync/SyncController.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QStatusBar>

// The words shown here were MainWindow's, and the translations know them under its context:
// they keep that context (QCoreApplication::translate, not tr()), so that moving the code
// here leaves every translated status line as it was.

namespace poplar::ui {

namespace {

constexpr int transientMs = 6000;

QString errorColor()
{
    return QStringLiteral("#c01c28");
}

} // namespace

SyncFeedback::SyncFeedback(sync::SyncController &sync, AccountStore &accounts, QMainWindow *window)
    : QObject(window)
    , m_sync(sync)
    , m_accounts(accounts)
    , m_window(window)
{
    m_statusLabel = new QLabel(window);
    m_statusLabel->setObjectName(QStringLiteral("syncStatus"));
    m_statusLabel->setTextFormat(Qt::RichText); // every piece is escaped in setStatus()
    m_statusLabel->setContentsMargins(4, 0, 0, 0);
    m_panel = new SyncProgressPanel(window);
    m_lastCheckLabel = new QLabel(window);
    m_lastCheckLabel->setObjectName(QStringLiteral("lastCheckLabel"));

    // A notice (a temporary status-bar message) and the status line share the bar's left
    // part. QStatusBar hides the line only if it is visible when the notice comes: one shown
    // before the window was (the Outbox's at start-up) left both drawn over each other.
    connect(
        window->statusBar(), &QStatusBar::messageChanged, m_statusLabel,
        [label = m_statusLabel](const QString &notice) { label->setVisible(notice.isEmpty()); });

    connect(&m_sync, &sync::SyncController::started, this, &SyncFeedback::syncStarted);
    connect(&m_sync, &sync::SyncController::progress, m_panel, &SyncProgressPanel::accountProgress);
    connect(&m_sync, &sync::SyncController::waitingForLogin, m_panel,
            &SyncProgressPanel::accountWaiting);
    connect(m_panel, &SyncProgressPanel::cancelRequested, &m_sync, &sync::SyncController::cancel);
}

void SyncFeedback::restoreLastGoodCheck(const QString &iniPath)
{
    m_iniPath = iniPath;
    QSettings settings(m_iniPath, QSettings::IniFormat);
    settings.beginGroup(keys::windowGroup);
    const QDateTime saved =
        QDateTime::fromString(settings.value(keys::lastGoodCheck).toString(), Qt::ISODate);
    if (!saved.isValid())
        return;
    m_lastGoodCheck = saved.toUTC();
    m_lastCheckLabel->setText(QCoreApplication::translate("poplar::ui::MainWindow", "Last check %1")
                                  .arg(MessageListModel::formatDate(m_lastGoodCheck)));
}

void SyncFeedback::syncStarted(const QString &accountId)
{
    if (m_panel->isEmpty()) { // nothing was running: a new round begins
        m_roundLines.clear();
        m_roundHadError = false;
    }
    m_panel->accountStarted(accountId, accountName(accountId));
    showStatus(QCoreApplication::translate("poplar::ui::MainWindow", "Checking %1…")
                   .arg(accountName(accountId)));
}

void SyncFeedback::syncFinished(const sync::SyncResult &result, bool report)
{
    m_panel->accountFinished(result.accountId);
    if (report)
        reportResult(result);
    if (m_sync.isIdle())
        roundEnded();
}

void SyncFeedback::reportResult(const sync::SyncResult &result)
{
    if (m_completedRest.remove(result.accountId) && result.ok()) {
        // The rest of a message, not new mail.
        showStatus(QCoreApplication::translate("poplar::ui::MainWindow",
                                               "Downloaded the rest of the message."));
        return;
    }
    const QString name = accountName(result.accountId);
    QString line;
    if (result.error) {
        line = QCoreApplication::translate("poplar::ui::MainWindow", "%1: %2")
                   .arg(name, result.error->message());
        m_roundHadError = true;
        if (result.error->certificate)
            offerToTrust(result.accountId, *result.error->certificate);
    } else if (result.newMessages == 0) {
        line =
            QCoreApplication::translate("poplar::ui::MainWindow", "%1: no new messages").arg(name);
    } else if (result.newMessages == 1) {
        line = QCoreApplication::translate("poplar::ui::MainWindow", "%1: 1 new message").arg(name);
    } else {
        line = QCoreApplication::translate("poplar::ui::MainWindow", "%1: %2 new messages")
                   .arg(name)
                   .arg(result.newMessages);
    }
    if (!result.filtersError.isEmpty()) {
        // Never silent: a broken filters.sieve is why the mail is all in the Inbox.
        line = QCoreApplication::translate("poplar::ui::MainWindow", "%1; filters did not run: %2")
                   .arg(line, result.filtersError);
    }
    m_roundLines.append(line);
    setStatus(line, result.error.has_value() || !result.filtersError.isEmpty());
    if (!result.warnings.isEmpty())
        m_statusLabel->setToolTip(plainToolTip(result.warnings.join(QLatin1Char('\n'))));
}

void SyncFeedback::roundEnded()
{
    // As the list shows times: local, no seconds. A failed check says so, and when the last
    // good one was.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_roundHadError) {
        m_lastGoodCheck = now;
        if (!m_iniPath.isEmpty()) {
            QSettings settings(m_iniPath, QSettings::IniFormat);
            settings.beginGroup(keys::windowGroup);
            settings.setValue(keys::lastGoodCheck, now.toString(Qt::ISODate));
        }
        m_lastCheckLabel->setText(
            QCoreApplication::translate("poplar::ui::MainWindow", "Last check %1")
                .arg(MessageListModel::formatDate(now)));
    } else if (m_lastGoodCheck.isValid()) {
        m_lastCheckLabel->setText(
            QCoreApplication::translate("poplar::ui::MainWindow",
                                        "Check at %1 failed; last good check %2")
                .arg(MessageListModel::formatDate(now),
                     MessageListModel::formatDate(m_lastGoodCheck)));
    } else {
        m_lastCheckLabel->setText(
            QCoreApplication::translate("poplar::ui::MainWindow",
                                        "Check at %1 failed; no good check yet")
                .arg(MessageListModel::formatDate(now)));
    }
    if (m_roundLines.size() > 1) {
        // One line for the whole round; errors stay red.
        QStringList html;
        for (const QString &line : std::as_const(m_roundLines))
            html.append(line.toHtmlEscaped());
        m_statusLabel->setText(html.join(QStringLiteral(" &nbsp;·&nbsp; ")));
        m_statusLabel->setStyleSheet(
            m_roundHadError ? QStringLiteral("color: %1;").arg(errorColor()) : QString());
    }
}

void SyncFeedback::offerToTrust(const QString &accountId, const CertificateInfo &certificate)
{
    const std::optional<Account> account = m_accounts.account(accountId);
    if (!account || m_askingTrust.contains(accountId) ||
        m_refusedCertificates.contains(certificate.sha256))
        return; // one question at a time, and a "no" stands until the next start
    auto *dialog = new CertificateDialog(account->host, certificate, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_askingTrust.insert(accountId);
    connect(dialog, &QDialog::finished, this,
            [this, accountId, sha256 = certificate.sha256](int answer) {
                m_askingTrust.remove(accountId);
                if (answer != QDialog::Accepted) {
                    m_refusedCertificates.insert(sha256);
                    return;
                }
                std::optional<Account> trusted = m_accounts.account(accountId);
                if (!trusted)
                    return;
                trusted->pinSha256 = sha256;
                if (Status saved = m_accounts.update(*trusted); !saved) {
                    showError(saved.error().message());
                    return;
                }
                m_sync.syncAccount(*trusted); // now it goes through
            });
    dialog->open(); // window-modal, not blocking: a sync round may still be running
}

QString SyncFeedback::accountName(const QString &accountId) const
{
    return m_accountNames.value(accountId, accountId);
}

void SyncFeedback::setStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text.toHtmlEscaped());
    m_statusLabel->setToolTip(plainToolTip(text)); // a server's words may be in it
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: %1;").arg(errorColor())
                                       : QString());
}

void SyncFeedback::showNotice(const QString &text)
{
    m_window->statusBar()->showMessage(text, transientMs);
}

} // namespace poplar::ui
