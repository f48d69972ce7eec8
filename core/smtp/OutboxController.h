// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "mime/MessageBuilder.h"
#include "smtp/OutboxSession.h"
#include "smtp/SmtpClient.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>

class QTimer;

namespace poplar {
class PasswordProvider;
}

namespace poplar::smtp {

class OutboxWorker;

/// The caller's face of sending (the GUI's, poplarctl's): owns the sending thread and its
/// worker, fetches each account's SMTP password (the POP3 one unless the account has its
/// own), and relays the worker's signals. Never blocks its caller: building a message,
/// reading its attachments, writing the cache and talking to the server all happen on
/// the sending thread.
///
/// A submitted message is in the Outbox once submitted() says so, and is sent at once; when
/// that fails for now it is tried again after a backoff (while this object lives) and at
/// every sendWaiting() (the GUI calls it after each check for mail, poplarctl sync too).
class OutboxController : public QObject {
    Q_OBJECT

public:
    OutboxController(const QString &cachePath, PasswordProvider &passwords,
                     SmtpClient::Options options = {}, QObject *parent = nullptr);
    /// Stops the thread; a message being sent stays in the Outbox (see OutboxWorker).
    ~OutboxController() override;

    /// What sessions talk over (tests); call before the first send.
    void setTransportFactory(pop3::TransportFactory transports);

    /// Puts the message in the Outbox of `account` and, with `sendNow`, sends it;
    /// submitted(returned id, ...) follows. Draft `replacingDraft` (0: none), the message
    /// as it was being written, leaves Drafts in the same step.
    quint64 submit(const Account &account, const mime::OutgoingMessage &message,
                   bool sendNow = true, qint64 replacingDraft = 0);
    /// Deletes a draft; edited(returned id, ...) follows.
    quint64 deleteDraft(qint64 messageId);
    /// A message that waits, or was refused, goes at the next chance; edited() follows.
    quint64 retry(qint64 messageId);
    /// Takes a message that waits (or was refused) out of the Outbox unsent; edited() follows.
    quint64 discard(qint64 messageId);
    /// Saves a draft replacing `replacing` (0: none); draftSaved(returned id, ...) follows.
    quint64 saveDraft(const QString &accountId, const mime::OutgoingMessage &message,
                      qint64 replacing = 0);
    /// Sends what waits for these accounts: everything queued with `ignoreBackoff` (the
    /// user asked), else what is due. idle() follows once nothing runs.
    void sendWaiting(const QList<Account> &accounts, bool ignoreBackoff = true);
    /// Logs in to `account`'s outgoing server with `password` and leaves (Test Connection);
    /// connectionTested(returned id, ...) follows.
    quint64 testConnection(const Account &account, const QString &password);
    [[nodiscard]] bool isIdle() const;

Q_SIGNALS:
    /// `messageId` is in the Outbox; on failure it is 0 and `error` says why.
    void submitted(quint64 requestId, qint64 messageId, const poplar::Error &error);
    void draftSaved(quint64 requestId, qint64 messageId, const poplar::Error &error);
    /// A deleteDraft(), retry() or discard() is done; `error.detail` is empty when it worked.
    void edited(quint64 requestId, qint64 messageId, const poplar::Error &error);
    /// `error.detail` is empty when the server took the login; `summary` says how.
    void connectionTested(quint64 requestId, const QString &summary, const poplar::Error &error);
    /// The server accepted the message; it is in Sent. `maybeTwice`: it may have arrived
    /// twice (an earlier attempt dropped after the final "."): tell the user.
    void messageSent(qint64 messageId, bool maybeTwice);
    /// It stays in the Outbox: until a later attempt, or (`permanent`) until the user acts.
    void messageNotSent(qint64 messageId, const poplar::Error &why, bool permanent);
    void accountFinished(const poplar::smtp::SendResult &result);
    void protocolLine(const QString &accountId, bool fromClient, const QByteArray &line);
    /// Nothing is being sent, fetched or written any more.
    void idle();

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    void onDue(const QStringList &accountIds, bool ignoreBackoff);
    void onPassword(const Account &account, bool ignoreBackoff, Result<QString> password);
    void onAccountFinished(const SendResult &result);
    void scheduleRetry(const QDateTime &when);
    quint64 edit(qint64 messageId, int what);
    void settle();

    PasswordProvider &m_passwords;
    QThread m_thread;
    OutboxWorker *m_worker = nullptr; ///< lives on m_thread; deleted there when it finishes
    QTimer *m_retryTimer = nullptr;
    QHash<QString, Account> m_accounts;        ///< the accounts sending may need, by id
    QSet<QString> m_busy;                      ///< accounts fetching a password or sending
    QSet<QString> m_again;                     ///< asked for while busy: run once more after
    QHash<quint64, QString> m_sendAfterSubmit; ///< request -> account to send at once
    int m_requests = 0;                        ///< submissions, drafts and due-queries under way
    quint64 m_nextRequest = 0;
    bool m_forwardingLog = false;
};

} // namespace poplar::smtp
