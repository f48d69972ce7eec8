// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QLabel;
class QMainWindow;

namespace poplar {
class AccountStore;
struct CertificateInfo;
} // namespace poplar

namespace poplar::sync {
class SyncController;
struct SyncResult;
} // namespace poplar::sync

namespace poplar::ui {

class SyncProgressPanel;

/// What the main window's status bar tells: each account's check while it runs (with Stop),
/// what each one brought and, when the round is over, all of it on one line and the time of
/// the last check; and the errors and notices of the rest of the window. A certificate that
/// failed verification is offered for trust from here, once. GUI thread.
class SyncFeedback : public QObject {
    Q_OBJECT

public:
    /// The widgets are children of `window`, which places them in its status bar. `sync` and
    /// `accounts` must outlive this object.
    SyncFeedback(sync::SyncController &sync, AccountStore &accounts, QMainWindow *window);

    [[nodiscard]] QLabel *statusLabel() const { return m_statusLabel; }
    [[nodiscard]] SyncProgressPanel *panel() const { return m_panel; }
    [[nodiscard]] QLabel *lastCheckLabel() const { return m_lastCheckLabel; }

    /// Reads when the last good check was from poplar.ini (a check that fails after a
    /// restart can still say it), shows it, and keeps it there from now on.
    void restoreLastGoodCheck(const QString &iniPath);
    /// Names the accounts as the folder tree shows them: id → name.
    void setAccountNames(const QHash<QString, QString> &names) { m_accountNames = names; }
    /// The session of `accountId` that runs now fetches the rest of one message: its end is
    /// not new mail.
    void noteRestFetched(const QString &accountId) { m_completedRest.insert(accountId); }
    /// A sync ended. With `report` false nothing is said of it (its account was removed
    /// meanwhile); the round still ends.
    void syncFinished(const sync::SyncResult &result, bool report);

    /// Shows `text` on the status line until something else is shown there.
    void showStatus(const QString &text) { setStatus(text, false); }
    /// The same, in red.
    void showError(const QString &text) { setStatus(text, true); }
    /// A word for a few seconds, over the status line.
    void showNotice(const QString &text);

private:
    void syncStarted(const QString &accountId);
    void reportResult(const sync::SyncResult &result);
    void roundEnded();
    /// A certificate failed verification: show it, and pin it to the account if trusted.
    void offerToTrust(const QString &accountId, const CertificateInfo &certificate);
    [[nodiscard]] QString accountName(const QString &accountId) const;
    void setStatus(const QString &text, bool error);

    sync::SyncController &m_sync;
    AccountStore &m_accounts;
    QMainWindow *m_window;
    QLabel *m_statusLabel = nullptr;
    SyncProgressPanel *m_panel = nullptr;
    QLabel *m_lastCheckLabel = nullptr;

    QHash<QString, QString> m_accountNames; ///< id → name, as the tree shows them
    QSet<QString> m_completedRest;          ///< sessions that fetched the rest of one message
    QStringList m_roundLines;               ///< results of the syncs since the last idle
    bool m_roundHadError = false;
    QDateTime m_lastGoodCheck;           ///< invalid until a round ends without an error
    QString m_iniPath;                   ///< where it is kept, or empty
    QSet<QString> m_askingTrust;         ///< accounts whose certificate question is open
    QSet<QString> m_refusedCertificates; ///< fingerprints refused: not asked again this session
};

} // namespace poplar::ui
