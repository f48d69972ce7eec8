// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "mime/MessageBuilder.h"
#include "smtp/OutboxSession.h"
#include "smtp/SmtpClient.h"
#include "util/Clock.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace poplar::store {
class Database;
}

namespace poplar::smtp {

/// The sending thread's worker: owns that thread's cache connection, writes messages into
/// the Outbox (building them with GMime, reading attachments: never on the GUI thread),
/// saves drafts, and runs one OutboxSession per account (different accounts in parallel).
/// Lives in a different thread: talk to it only through queued calls and signals
/// (OutboxController does).
class OutboxWorker : public QObject {
    Q_OBJECT

public:
    explicit OutboxWorker(QString cachePath, SmtpClient::Options options = {},
                          Clock clock = systemClock());
    ~OutboxWorker() override;

    /// What sessions talk over; call before the first send.
    void setTransportFactory(pop3::TransportFactory transports)
    {
        m_transports = std::move(transports);
    }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    /// Builds the message and puts it in the Outbox (draft `replacingDraft`, 0: none, leaves
    /// Drafts in the same step); submitted() follows.
    void submit(quint64 requestId, const Account &account, const mime::OutgoingMessage &message,
                qint64 replacingDraft = 0);
    /// Builds the message (Bcc kept) and saves it as a draft replacing `replacing` (0: none);
    /// draftSaved() follows.
    void saveDraft(quint64 requestId, const QString &accountId,
                   const mime::OutgoingMessage &message, qint64 replacing);
    /// What the user asked of one message (delete a draft, try a waiting or refused message
    /// again, take one out of the Outbox unsent); edited() follows.
    enum class Edit { DeleteDraft, Retry, Discard };
    void edit(quint64 requestId, qint64 messageId, Edit what);
    /// Connects to the account's outgoing server, logs in and leaves, sending nothing;
    /// connectionTested() follows. Short timeouts: someone waits in front of a dialog.
    void testConnection(quint64 requestId, const Account &account, const QString &password);
    /// Which accounts have messages due; due() follows.
    void findDue(bool ignoreBackoff);
    /// Sends the account's due messages; accountFinished() follows (at once when nothing
    /// is due, or when this account is already sending).
    void sendAccount(const Account &account, const QString &password, bool ignoreBackoff);

Q_SIGNALS:
    void submitted(quint64 requestId, qint64 messageId, const poplar::Error &error);
    void draftSaved(quint64 requestId, qint64 messageId, const poplar::Error &error);
    /// `error` is empty (code Protocol, no detail) when the edit was made.
    void edited(quint64 requestId, qint64 messageId, const poplar::Error &error);
    void due(const QStringList &accountIds, bool ignoreBackoff);
    /// `error.detail` is empty when the server took the login; `summary` says how.
    void connectionTested(quint64 requestId, const QString &summary, const poplar::Error &error);
    void messageSent(qint64 messageId, bool maybeTwice);
    void messageNotSent(qint64 messageId, const poplar::Error &why, bool permanent);
    void accountFinished(const poplar::smtp::SendResult &result);
    /// When the next automatic attempt is due (invalid: nothing waits for one).
    void nextAttemptAt(const QDateTime &when);
    void protocolLine(const QString &accountId, bool fromClient, const QByteArray &line);

private:
    [[nodiscard]] Status openCache();
    void announceNextAttempt();

    QString m_cachePath;
    SmtpClient::Options m_options;
    Clock m_clock;
    pop3::TransportFactory m_transports = pop3::socketTransportFactory();
    std::unique_ptr<store::Database> m_db;
    QHash<QString, OutboxSession *> m_running;
};

} // namespace poplar::smtp
