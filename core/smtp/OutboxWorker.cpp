// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/OutboxWorker.h"

#include "pop3/SocketTransport.h"
#include "store/Database.h"
#include "store/OutboxStore.h"
#include "sync/HeaderFacts.h"
#include "util/FaultPoint.h"

#include <QMetaMethod>
#include <QThread>

namespace poplar::smtp {

OutboxWorker::OutboxWorker(QString cachePath, SmtpClient::Options options, Clock clock)
    : m_cachePath(std::move(cachePath))
    , m_options(std::move(options))
    , m_clock(std::move(clock))
{}

OutboxWorker::~OutboxWorker()
{
    // Sessions hold queries on the connection m_db closes. A session dropped mid-message
    // leaves it "sending": the next start queues it again (and, after its final dot, says
    // it may arrive twice).
    const QList<OutboxSession *> running = m_running.values();
    m_running.clear();
    for (OutboxSession *s : running) {
        s->disconnect(this);
        delete s;
    }
    qDeleteAll(findChildren<OutboxSession *>(Qt::FindDirectChildrenOnly));
}

Status OutboxWorker::openCache()
{
    if (m_db)
        return {};
    const QString name = QStringLiteral("poplar-outbox-%1").arg(quintptr(this), 0, 16);
    auto db = store::Database::open(m_cachePath, name);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    // This process is the only one sending from this profile (the profile lock): what a
    // killed predecessor left "sending" is queued again.
    return store::OutboxStore(m_db->connection()).recoverInterrupted();
}

void OutboxWorker::submit(quint64 requestId, const Account &account,
                          const mime::OutgoingMessage &message, qint64 replacingDraft)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto fail = [&](const Error &e) { Q_EMIT submitted(requestId, 0, e); };
    if (Status s = openCache(); !s)
        return fail(s.error());
    auto built = mime::MessageBuilder::build(message);
    if (!built)
        return fail(built.error());
    // The bytes the server will store (CRLF everywhere) are the bytes kept: Sent holds
    // exactly what went out.
    const QByteArray raw = withCrlf(built.value().raw);
    QByteArrayList recipients;
    for (const QString &r : message.recipients())
        recipients.append(r.toUtf8());
    auto id = store::OutboxStore(m_db->connection())
                  .enqueue(account.id, raw, sync::headerFacts(raw),
                           message.from.address.trimmed().toUtf8(), recipients, m_clock(),
                           replacingDraft);
    if (!id)
        return fail(id.error());
    faultPoint("outbox-queued");
    Q_EMIT submitted(requestId, id.value(), Error{});
}

void OutboxWorker::saveDraft(quint64 requestId, const QString &accountId,
                             const mime::OutgoingMessage &message, qint64 replacing)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto fail = [&](const Error &e) { Q_EMIT draftSaved(requestId, 0, e); };
    if (Status s = openCache(); !s)
        return fail(s.error());
    auto built = mime::MessageBuilder::build(message, mime::MessageBuilder::Purpose::Draft);
    if (!built)
        return fail(built.error());
    const QByteArray raw = withCrlf(built.value().raw);
    auto id = store::OutboxStore(m_db->connection())
                  .saveDraft(accountId, raw, sync::headerFacts(raw), replacing, m_clock());
    if (!id)
        return fail(id.error());
    Q_EMIT draftSaved(requestId, id.value(), Error{});
}

void OutboxWorker::edit(quint64 requestId, qint64 messageId, Edit what)
{
    Q_ASSERT(QThread::currentThread() == thread());
    Status done = openCache();
    if (done) {
        store::OutboxStore outbox(m_db->connection());
        switch (what) {
        case Edit::DeleteDraft:
            done = outbox.deleteDraft(messageId);
            break;
        case Edit::Retry:
            done = outbox.retry(messageId);
            break;
        case Edit::Discard:
            done = outbox.discard(messageId);
            break;
        }
    }
    Q_EMIT edited(requestId, messageId, done ? Error{} : done.error());
    announceNextAttempt();
}

void OutboxWorker::testConnection(quint64 requestId, const Account &account,
                                  const QString &password)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto *client = new SmtpClient(m_transports(), this);
    SmtpClient::Options options = m_options;
    options.connectTimeoutMs = std::min(options.connectTimeoutMs, 15'000);
    options.replyTimeoutMs = std::min(options.replyTimeoutMs, 30'000);
    auto done = std::make_shared<bool>(false);
    auto finish = [this, client, requestId, done](const QString &summary, const Error &error) {
        if (std::exchange(*done, true))
            return;
        client->deleteLater();
        Q_EMIT connectionTested(requestId, summary, error);
    };
    connect(client, &SmtpClient::ready, this, [client, account, finish] {
        const QString how =
            !account.smtp.login
                ? tr("The outgoing server %1 answered; it takes mail without a login.")
                      .arg(account.smtp.host)
                : tr("The outgoing server %1 took the login (%2).")
                      .arg(account.smtp.host, QString::fromLatin1(client->mechanism()));
        client->quit();
        finish(how, Error{});
    });
    connect(client, &SmtpClient::failed, this, [finish](const Error &error) { finish({}, error); });
    client->open(account.outgoing(),
                 {account.smtp.login, account.smtp.auth, account.smtpUser(), password}, options);
}

void OutboxWorker::findDue(bool ignoreBackoff)
{
    Q_ASSERT(QThread::currentThread() == thread());
    QStringList ids;
    if (openCache()) {
        if (auto due = store::OutboxStore(m_db->connection()).accountsDue(m_clock(), ignoreBackoff))
            ids = due.value();
    }
    Q_EMIT due(ids, ignoreBackoff);
    announceNextAttempt();
}

void OutboxWorker::sendAccount(const Account &account, const QString &password, bool ignoreBackoff)
{
    Q_ASSERT(QThread::currentThread() == thread());
    SendResult result;
    result.accountId = account.id;
    if (m_running.contains(account.id)) {
        Q_EMIT accountFinished(result); // the running session sends what is due
        return;
    }
    if (Status s = openCache(); !s) {
        result.error = s.error();
        Q_EMIT accountFinished(result);
        return;
    }
    auto due = store::OutboxStore(m_db->connection()).due(account.id, m_clock(), ignoreBackoff);
    if (!due || due.value().isEmpty()) {
        if (!due)
            result.error = due.error();
        Q_EMIT accountFinished(result);
        return;
    }
    auto *session = new OutboxSession(account, password, m_db->connection(), due.value(), m_options,
                                      m_transports, m_clock, this);
    m_running.insert(account.id, session);
    connect(session, &OutboxSession::messageSent, this, &OutboxWorker::messageSent);
    connect(session, &OutboxSession::messageNotSent, this, &OutboxWorker::messageNotSent);
    if (isSignalConnected(QMetaMethod::fromSignal(&OutboxWorker::protocolLine))) {
        connect(session, &OutboxSession::protocolLine, this,
                [this, id = account.id](bool fromClient, const QByteArray &line) {
                    Q_EMIT protocolLine(id, fromClient, line);
                });
    }
    connect(session, &OutboxSession::finished, this, [this, session](const SendResult &r) {
        m_running.remove(r.accountId);
        session->deleteLater();
        Q_EMIT accountFinished(r);
        announceNextAttempt();
    });
    session->start();
}

void OutboxWorker::announceNextAttempt()
{
    if (!m_db)
        return;
    auto next = store::OutboxStore(m_db->connection()).nextAttempt();
    Q_EMIT nextAttemptAt(next ? next.value() : QDateTime());
}

} // namespace poplar::smtp
