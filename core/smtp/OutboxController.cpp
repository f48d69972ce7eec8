// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/OutboxController.h"

#include "accounts/PasswordProvider.h"
#include "smtp/OutboxWorker.h"
#include "util/WorkerThread.h"

#include <QMetaMethod>
#include <QPointer>
#include <QTimer>

namespace poplar::smtp {

OutboxController::OutboxController(const QString &cachePath, PasswordProvider &passwords,
                                   SmtpClient::Options options, QObject *parent)
    : QObject(parent)
    , m_passwords(passwords)
    , m_worker(new OutboxWorker(cachePath, std::move(options)))
    , m_retryTimer(new QTimer(this))
{
    qRegisterMetaType<Error>();
    qRegisterMetaType<SendResult>();
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this,
            [this] { sendWaiting(m_accounts.values(), false); });
    m_thread.setObjectName(QStringLiteral("poplar-outbox"));
    m_worker->moveToThread(&m_thread);
    deleteWhenFinished(m_thread, m_worker);
    connect(m_worker, &OutboxWorker::submitted, this,
            [this](quint64 request, qint64 id, const Error &error) {
                --m_requests;
                const QString accountId = m_sendAfterSubmit.take(request);
                Q_EMIT submitted(request, id, error);
                // Sent at once: the worker takes calls in order, so it finds it written.
                if (id > 0 && !accountId.isEmpty())
                    sendWaiting({m_accounts.value(accountId)}, false);
                settle();
            });
    connect(m_worker, &OutboxWorker::draftSaved, this,
            [this](quint64 request, qint64 id, const Error &error) {
                --m_requests;
                Q_EMIT draftSaved(request, id, error);
                settle();
            });
    connect(m_worker, &OutboxWorker::edited, this,
            [this](quint64 request, qint64 id, const Error &error) {
                --m_requests;
                Q_EMIT edited(request, id, error);
                settle();
            });
    connect(m_worker, &OutboxWorker::connectionTested, this,
            [this](quint64 request, const QString &summary, const Error &error) {
                --m_requests;
                Q_EMIT connectionTested(request, summary, error);
                settle();
            });
    connect(m_worker, &OutboxWorker::due, this, &OutboxController::onDue);
    connect(m_worker, &OutboxWorker::messageSent, this, &OutboxController::messageSent);
    connect(m_worker, &OutboxWorker::messageNotSent, this, &OutboxController::messageNotSent);
    connect(m_worker, &OutboxWorker::accountFinished, this, &OutboxController::onAccountFinished);
    connect(m_worker, &OutboxWorker::nextAttemptAt, this, &OutboxController::scheduleRetry);
    m_thread.start();
}

OutboxController::~OutboxController()
{
    m_thread.quit();
    m_thread.wait();
}

void OutboxController::connectNotify(const QMetaMethod &signal)
{
    // Protocol lines cross threads one by one: only once someone listens.
    if (signal == QMetaMethod::fromSignal(&OutboxController::protocolLine) && !m_forwardingLog) {
        m_forwardingLog = true;
        connect(m_worker, &OutboxWorker::protocolLine, this, &OutboxController::protocolLine);
    }
    QObject::connectNotify(signal);
}

void OutboxController::setTransportFactory(pop3::TransportFactory transports)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, transports = std::move(transports)] {
            worker->setTransportFactory(transports);
        },
        Qt::QueuedConnection);
}

quint64 OutboxController::submit(const Account &account, const mime::OutgoingMessage &message,
                                 bool sendNow, qint64 replacingDraft)
{
    const quint64 request = ++m_nextRequest;
    ++m_requests;
    m_accounts.insert(account.id, account);
    if (sendNow)
        m_sendAfterSubmit.insert(request, account.id);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, request, account, message, replacingDraft] {
            worker->submit(request, account, message, replacingDraft);
        },
        Qt::QueuedConnection);
    return request;
}

quint64 OutboxController::saveDraft(const QString &accountId, const mime::OutgoingMessage &message,
                                    qint64 replacing)
{
    const quint64 request = ++m_nextRequest;
    ++m_requests;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, request, accountId, message, replacing] {
            worker->saveDraft(request, accountId, message, replacing);
        },
        Qt::QueuedConnection);
    return request;
}

quint64 OutboxController::deleteDraft(qint64 messageId)
{
    return edit(messageId, int(OutboxWorker::Edit::DeleteDraft));
}

quint64 OutboxController::retry(qint64 messageId)
{
    return edit(messageId, int(OutboxWorker::Edit::Retry));
}

quint64 OutboxController::discard(qint64 messageId)
{
    return edit(messageId, int(OutboxWorker::Edit::Discard));
}

quint64 OutboxController::edit(qint64 messageId, int what)
{
    const quint64 request = ++m_nextRequest;
    ++m_requests;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, request, messageId, what] {
            worker->edit(request, messageId, OutboxWorker::Edit(what));
        },
        Qt::QueuedConnection);
    return request;
}

quint64 OutboxController::testConnection(const Account &account, const QString &password)
{
    const quint64 request = ++m_nextRequest;
    ++m_requests;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, request, account, password] {
            worker->testConnection(request, account, password);
        },
        Qt::QueuedConnection);
    return request;
}

void OutboxController::sendWaiting(const QList<Account> &accounts, bool ignoreBackoff)
{
    for (const Account &a : accounts) {
        if (a.canSend())
            m_accounts.insert(a.id, a);
    }
    ++m_requests;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ignoreBackoff] { worker->findDue(ignoreBackoff); },
        Qt::QueuedConnection);
}

void OutboxController::onDue(const QStringList &accountIds, bool ignoreBackoff)
{
    --m_requests;
    for (const QString &id : accountIds) {
        if (!m_accounts.contains(id))
            continue; // not asked for (or it cannot send): it waits
        if (m_busy.contains(id)) {
            m_again.insert(id);
            continue;
        }
        const Account account = m_accounts.value(id);
        m_busy.insert(id);
        m_passwords.fetch(account.smtpCredentials(),
                          [self = QPointer(this), account, ignoreBackoff](Result<QString> pw) {
                              if (self)
                                  self->onPassword(account, ignoreBackoff, std::move(pw));
                          });
    }
    settle();
}

void OutboxController::onPassword(const Account &account, bool ignoreBackoff,
                                  Result<QString> password)
{
    if (!password && account.smtp.login) {
        SendResult result;
        result.accountId = account.id;
        result.error = password.error();
        onAccountFinished(result);
        return;
    }
    const QString secret = password ? password.value() : QString();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, account, secret, ignoreBackoff] {
            worker->sendAccount(account, secret, ignoreBackoff);
        },
        Qt::QueuedConnection);
}

void OutboxController::onAccountFinished(const SendResult &result)
{
    m_busy.remove(result.accountId);
    // A password typed this session that the server refused is asked for again next time.
    if (result.error && result.error->code == Error::Code::Auth) {
        const auto it = m_accounts.constFind(result.accountId);
        if (it != m_accounts.constEnd())
            m_passwords.forget(it->smtpCredentials().id);
    }
    Q_EMIT accountFinished(result);
    if (m_again.remove(result.accountId)) {
        sendWaiting({m_accounts.value(result.accountId)}, false);
        return;
    }
    settle();
}

void OutboxController::scheduleRetry(const QDateTime &when)
{
    if (!when.isValid()) {
        m_retryTimer->stop();
        return;
    }
    const qint64 ms = std::max<qint64>(1000, QDateTime::currentDateTimeUtc().msecsTo(when));
    m_retryTimer->start(int(std::min<qint64>(ms, 24LL * 3600 * 1000)));
}

bool OutboxController::isIdle() const
{
    return m_busy.isEmpty() && m_requests == 0;
}

void OutboxController::settle()
{
    if (isIdle())
        Q_EMIT idle();
}

} // namespace poplar::smtp
