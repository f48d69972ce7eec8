// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "smtp/SmtpClient.h"
#include "store/OutboxStore.h"
#include "util/Clock.h"

#include <QObject>
#include <QSqlDatabase>

#include <deque>

namespace poplar::smtp {

/// How one account's delivery run ended.
struct SendResult {
    QString accountId;
    int sent = 0;
    int refused = 0;            ///< refused for good (kept in the Outbox as failed)
    int waiting = 0;            ///< still queued for a later attempt
    std::optional<Error> error; ///< why the session itself ended early
    [[nodiscard]] bool ok() const { return !error && waiting == 0 && refused == 0; }
};

/// One account's delivery run: one SMTP session that sends the account's due Outbox
/// messages one after the other and records each step in the cache first (OutboxStore):
/// "sending" before the first byte, "final dot" before the final ".", Sent after the
/// server's 250. A temporary refusal or a broken line leaves the message queued with its
/// next attempt time; a permanent refusal keeps it as failed with the server's words.
/// Lives on the sending thread, on that thread's cache connection.
class OutboxSession : public QObject {
    Q_OBJECT

public:
    OutboxSession(Account account, QString password, QSqlDatabase db,
                  QList<store::OutgoingRecord> due, SmtpClient::Options options,
                  pop3::TransportFactory transports, Clock clock, QObject *parent = nullptr);
    ~OutboxSession() override;

    void start();

Q_SIGNALS:
    /// The server accepted message `id`; `maybeTwice`: an earlier attempt's final "." went
    /// out unanswered, so it may have arrived before.
    void messageSent(qint64 id, bool maybeTwice);
    void messageNotSent(qint64 id, const poplar::Error &why, bool permanent);
    void protocolLine(bool fromClient, const QByteArray &line);
    void finished(const poplar::smtp::SendResult &result);

private:
    void sendNext();
    void onMessageDone(const SendOutcome &outcome);
    void onFailed(const Error &error);
    void finish(std::optional<Error> error);
    [[nodiscard]] QDateTime retryAt(const Error &why, int attempts) const;

    Account m_account;
    QString m_password;
    QSqlDatabase m_db;
    store::OutboxStore m_outbox;
    std::deque<store::OutgoingRecord> m_queue;
    std::optional<store::OutgoingRecord> m_current;
    SmtpClient::Options m_options;
    pop3::TransportFactory m_transports;
    Clock m_clock;
    SmtpClient *m_client = nullptr;
    SendResult m_result;
    bool m_finished = false;
};

} // namespace poplar::smtp

Q_DECLARE_METATYPE(poplar::smtp::SendResult)
