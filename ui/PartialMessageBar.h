// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace poplar {
class AccountStore;
}

namespace poplar::sync {
class SyncController;
struct SyncResult;
} // namespace poplar::sync

namespace poplar::ui {

/// The bar above the message view of a message that was downloaded headers-only (it was
/// over the account's size limit): says so, and offers "Download the Rest", which fetches
/// the whole message on the sync thread. Hidden for complete messages. GUI thread.
class PartialMessageBar : public QFrame {
    Q_OBJECT

public:
    /// `sync` and `accounts` must outlive the bar.
    PartialMessageBar(sync::SyncController &sync, const AccountStore &accounts,
                      QWidget *parent = nullptr);

    /// Shows the bar when this message (the one in the viewer) is partial; hides it otherwise.
    void showFor(const store::MessageSummary &message);
    /// No message, or several, are shown.
    void clearMessage();
    [[nodiscard]] qint64 messageId() const { return m_id; }
    [[nodiscard]] QPushButton *downloadButton() const { return m_download; }

    /// Asks the sync thread for the rest of the message shown.
    void downloadRest();

Q_SIGNALS:
    /// The whole of this message is now in the cache (show it again).
    void completed(qint64 messageId);
    /// Downloading the rest cannot start; one line for the status bar.
    void failed(const QString &message);

private:
    void messagesStored(const QString &accountId, const QList<qint64> &ids);
    void syncFinished(const sync::SyncResult &result);
    void setWaiting(bool waiting);

    sync::SyncController &m_sync;
    const AccountStore &m_accounts;
    QLabel *m_text = nullptr;
    QPushButton *m_download = nullptr;
    qint64 m_id = 0;            ///< the partial message shown, or 0
    QString m_accountId;        ///< its account
    qint64 m_waitingFor = 0;    ///< asked for and not yet stored, or 0
    QString m_waitingAccountId; ///< the account whose session fetches it
};

} // namespace poplar::ui
