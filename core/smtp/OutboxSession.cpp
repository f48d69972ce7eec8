// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/OutboxSession.h"

#include "store/MessageStore.h"

#include <QMetaMethod>

namespace poplar::smtp {

OutboxSession::OutboxSession(Account account, QString password, QSqlDatabase db,
                             QList<store::OutgoingRecord> due, SmtpClient::Options options,
                             pop3::TransportFactory transports, Clock clock, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_db(db)
    , m_outbox(db)
    , m_queue(due.begin(), due.end())
    , m_options(std::move(options))
    , m_transports(std::move(transports))
    , m_clock(std::move(clock))
{
    m_result.accountId = m_account.id;
}

OutboxSession::~OutboxSession()
{
    m_password.fill(QLatin1Char('\0'));
}

void OutboxSession::start()
{
    if (m_queue.empty()) {
        finish(std::nullopt);
        return;
    }
    m_client = new SmtpClient(m_transports(), this);
    connect(m_client, &SmtpClient::ready, this, &OutboxSession::sendNext);
    connect(m_client, &SmtpClient::messageDone, this, &OutboxSession::onMessageDone);
    connect(m_client, &SmtpClient::failed, this, &OutboxSession::onFailed);
    connect(m_client, &SmtpClient::closed, this, [this] { finish(std::nullopt); });
    if (isSignalConnected(QMetaMethod::fromSignal(&OutboxSession::protocolLine)))
        connect(m_client, &SmtpClient::protocolLine, this, &OutboxSession::protocolLine);
    SmtpClient::Login login{m_account.smtp.login, m_account.smtp.auth, m_account.smtpUser(),
                            m_password};
    m_password.fill(QLatin1Char('\0'));
    m_password.clear();
    m_client->open(m_account.outgoing(), login, m_options);
}

void OutboxSession::sendNext()
{
    if (m_finished)
        return;
    if (m_queue.empty()) {
        m_current.reset();
        m_client->quit();
        return;
    }
    m_current = m_queue.front();
    m_queue.pop_front();
    const qint64 id = m_current->messageId;
    auto raw = store::MessageStore(m_db).raw(id);
    if (!raw) {
        m_current.reset();
        m_client->abort();
        finish(raw.error());
        return;
    }
    if (Status s = m_outbox.markSending(id); !s) {
        // Nothing is sent that the cache cannot follow.
        m_current.reset();
        m_client->abort();
        finish(s.error());
        return;
    }
    ++m_current->attempts;
    const Envelope envelope{m_current->envelopeFrom, m_current->recipients};
    m_client->send(envelope, raw.value(), [this, id] { return m_outbox.markFinalDot(id).ok(); });
}

void OutboxSession::onMessageDone(const SendOutcome &outcome)
{
    if (!m_current)
        return;
    const store::OutgoingRecord record = *std::exchange(m_current, std::nullopt);
    const QDateTime now = m_clock();
    Error why{Error::Code::ServerRejected, outcome.detail, outcome.serverText};
    switch (outcome.kind) {
    case SendOutcome::Kind::Accepted:
        if (Status s = m_outbox.markSent(record.messageId, now); !s) {
            // Accepted, but not recorded: the next run finds its final-dot mark and sends it
            // again, telling the user it may arrive twice. Nothing more goes this time.
            m_client->abort();
            finish(s.error());
            return;
        }
        ++m_result.sent;
        Q_EMIT messageSent(record.messageId, record.maybeSent);
        break;
    case SendOutcome::Kind::Temporary:
        why.temporary = true;
        (void)m_outbox.markRetry(record.messageId, retryAt(why, record.attempts), why, false);
        ++m_result.waiting;
        Q_EMIT messageNotSent(record.messageId, why, false);
        break;
    case SendOutcome::Kind::Permanent:
        (void)m_outbox.markFailed(record.messageId, why);
        ++m_result.refused;
        Q_EMIT messageNotSent(record.messageId, why, true);
        break;
    }
    sendNext();
}

void OutboxSession::onFailed(const Error &error)
{
    if (m_finished)
        return;
    const QDateTime now = m_clock();
    if (m_current) {
        const store::OutgoingRecord record = *std::exchange(m_current, std::nullopt);
        const bool maybeSent = m_client->finalDotUnanswered();
        Error why = error;
        if (maybeSent) {
            why.detail = tr("%1. The connection dropped after the whole message had gone out, "
                            "so the server may have it: if it is sent again, it may arrive twice.")
                             .arg(why.detail);
        }
        (void)m_outbox.markRetry(record.messageId, retryAt(error, record.attempts), why, maybeSent);
        ++m_result.waiting;
        Q_EMIT messageNotSent(record.messageId, why, false);
    }
    for (const store::OutgoingRecord &r : m_queue) {
        (void)m_outbox.noteWaiting(r.messageId, retryAt(error, std::max(1, r.attempts)), error);
        ++m_result.waiting;
        Q_EMIT messageNotSent(r.messageId, error, false);
    }
    m_queue.clear();
    finish(error);
}

QDateTime OutboxSession::retryAt(const Error &why, int attempts) const
{
    // A problem the user must fix (password, settings, certificate) is not tried again
    // every minute; "send now" or the next check still tries at once.
    const bool needsTheUser = why.code == Error::Code::Auth || why.code == Error::Code::Config ||
                              why.code == Error::Code::Insecure || why.code == Error::Code::Tls;
    return m_clock().addSecs(needsTheUser ? 3600 : store::retryDelaySeconds(attempts));
}

void OutboxSession::finish(std::optional<Error> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.error = std::move(error);
    Q_EMIT finished(m_result);
}

} // namespace poplar::smtp
