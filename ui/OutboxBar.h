// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "store/OutboxStore.h"

#include <QFrame>
#include <QHash>

class QLabel;
class QPushButton;

namespace poplar {
class AccountStore;
}
namespace poplar::smtp {
class OutboxController;
}

namespace poplar::ui {

/// The line above an account's Outbox: what waits there and why ("Not sent yet: the server
/// cannot be reached. Next attempt at 14:05."), for the selected message or for them all,
/// with Send Now, and Try Again and Discard for a message the server refused. A message
/// that may have arrived already (the line dropped after the whole of it went out) says
/// so. Hidden in other folders and when the Outbox is empty. Reads the Outbox off the GUI
/// thread. GUI thread.
class OutboxBar : public QFrame {
    Q_OBJECT

public:
    /// `outbox` and `accounts` must outlive the bar.
    OutboxBar(smtp::OutboxController &outbox, AccountStore &accounts, QString cachePath,
              QWidget *parent = nullptr);

    /// The folder shown; the bar speaks only in an account's Outbox.
    void setFolder(const QString &accountId, store::Folder folder);
    /// The messages selected in the list.
    void setSelection(const QList<qint64> &ids);
    /// Reads the Outbox again (something was queued, sent, refused or edited).
    void refresh();
    /// What the bar knows of a message (tests); none when it is not waiting.
    [[nodiscard]] std::optional<store::OutgoingRecord> record(qint64 id) const;

    [[nodiscard]] QLabel *textLabel() const { return m_text; }
    [[nodiscard]] QPushButton *sendNowButton() const { return m_sendNow; }
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton *discardButton() const { return m_discard; }

    /// One message's state in words.
    [[nodiscard]] static QString describe(const store::OutgoingRecord &record);

Q_SIGNALS:
    void failed(const QString &message);
    /// The bar read the Outbox anew.
    void refreshed();

private:
    void showState();
    void sendNow();

    smtp::OutboxController &m_outbox;
    AccountStore &m_accounts;
    QString m_cachePath;
    QLabel *m_text = nullptr;
    QPushButton *m_sendNow = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QString m_accountId;
    store::Folder m_folder = store::Folder::Inbox;
    QList<qint64> m_selection;
    QHash<qint64, store::OutgoingRecord> m_records; ///< what waits, by message id
    quint64 m_reads = 0;                            ///< the latest read; older ones are late
};

} // namespace poplar::ui
