// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncController.h"

#include "accounts/PasswordProvider.h"
#include "sync/SyncWorker.h"
#include "util/WorkerThread.h"

#include <QMetaMethod>
#include <QPointer>

namespace poplar::sync {

SyncController::SyncController(const QString &cachePath, PasswordProvider &passwords,
                               pop3::Pop3Client::Options options, QObject *parent)
    : QObject(parent)
    , m_passwords(passwords)
    , m_protocolLog(std::make_unique<ProtocolLog>())
    , m_worker(new SyncWorker(cachePath, options))
{
    m_worker->setProtocolLog(m_protocolLog.get());
    qRegisterMetaType<Account>();
    qRegisterMetaType<SyncResult>();
    qRegisterMetaType<QList<qint64>>();
    qRegisterMetaType<Error>();
    m_thread.setObjectName(QStringLiteral("poplar-sync"));
    m_worker->moveToThread(&m_thread);
    deleteWhenFinished(m_thread, m_worker);
    connect(m_worker, &SyncWorker::progress, this, &SyncController::progress);
    connect(m_worker, &SyncWorker::messagesStored, this, &SyncController::messagesStored);
    connect(m_worker, &SyncWorker::waitingForLogin, this, &SyncController::waitingForLogin);
    connect(m_worker, &SyncWorker::indexed, this, &SyncController::indexed);
    connect(m_worker, &SyncWorker::connectionTested, this,
            [this](quint64 id, bool ok, const QString &summary, const Error &error) {
                if (m_cancelledTests.remove(id))
                    return; // cancelled after the worker had already answered
                Q_EMIT connectionTested(id, ok, summary, error);
            });
    connect(m_worker, &SyncWorker::finished, this, [this](const SyncResult &result) {
        m_busy.remove(result.accountId);
        // A session started early can end before its password comes: then it is not wanted.
        m_startedEarly.remove(result.accountId);
        m_fetchingPassword.remove(result.accountId);
        // A password typed this session that the server refused is asked for again next time.
        if (result.error && result.error->code == Error::Code::Auth)
            m_passwords.forget(result.accountId);
        Q_EMIT finished(result);
    });
    m_thread.start();
}

void SyncController::setFiltersPath(const QString &path)
{
    // Queued like every sync request after it, so the worker has it before the first one.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path] { worker->setFiltersPath(path); },
        Qt::QueuedConnection);
}

void SyncController::setEndsWithProcess(bool ends)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ends] { worker->setEndsWithProcess(ends); },
        Qt::QueuedConnection);
}

void SyncController::connectNotify(const QMetaMethod &signal)
{
    // The protocol log crosses threads line by line: forward it only once someone wants it
    // (poplarctl --log), not on every sync.
    if (signal == QMetaMethod::fromSignal(&SyncController::protocolLine) && !m_forwardingLog) {
        m_forwardingLog = true;
        connect(m_worker, &SyncWorker::protocolLine, this, &SyncController::protocolLine);
    }
    QObject::connectNotify(signal);
}

SyncController::~SyncController()
{
    // A copy: cancelling a sync whose password is still coming takes it out of m_busy.
    const QSet<QString> busy = m_busy;
    for (const QString &id : busy)
        cancel(id);
    m_thread.quit();
    m_thread.wait();
}

void SyncController::syncAccount(const Account &account)
{
    start(account, 0);
}

void SyncController::completeMessage(const Account &account, qint64 messageId)
{
    start(account, messageId);
}

void SyncController::start(const Account &account, qint64 completeId)
{
    if (m_busy.contains(account.id))
        return;
    m_busy.insert(account.id);
    m_fetchingPassword.insert(account.id);
    Q_EMIT started(account.id);
    // The cache opens (the first time: is created) and TLS loads while the password comes: a
    // password command or the keychain takes milliseconds to seconds, during which the
    // worker idled.
    QMetaObject::invokeMethod(m_worker, &SyncWorker::prepareSession, Qt::QueuedConnection);
    // The session connects and secures the line meanwhile too, unless a person types the
    // password: that takes seconds, and the server need not hold a line for it.
    if (account.passwordSource != PasswordSource::Ask) {
        m_startedEarly.insert(account.id);
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, account, completeId] {
                worker->startBeforePassword(account, completeId);
            },
            Qt::QueuedConnection);
    }
    m_passwords.fetch(account,
                      [self = QPointer(this), account, completeId](Result<QString> password) {
                          if (!self || !self->m_fetchingPassword.remove(account.id))
                              return; // gone, or cancelled while the password was being fetched
                          self->onPassword(account, completeId, std::move(password));
                      });
}

void SyncController::onPassword(const Account &account, qint64 completeId, Result<QString> password)
{
    if (m_startedEarly.contains(account.id)) {
        const QString id = account.id;
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, id, password = std::move(password)] {
                if (password)
                    worker->givePassword(id, password.value());
                else
                    worker->passwordFailed(id, password.error());
            },
            Qt::QueuedConnection);
        return;
    }
    if (!password) {
        m_busy.remove(account.id);
        SyncResult result;
        result.accountId = account.id;
        result.error = password.error();
        Q_EMIT finished(result);
        return;
    }
    if (completeId > 0) {
        QMetaObject::invokeMethod(m_worker, "completeMessage", Qt::QueuedConnection,
                                  Q_ARG(poplar::Account, account), Q_ARG(QString, password.value()),
                                  Q_ARG(qint64, completeId));
    } else {
        QMetaObject::invokeMethod(m_worker, "syncAccount", Qt::QueuedConnection,
                                  Q_ARG(poplar::Account, account),
                                  Q_ARG(QString, password.value()));
    }
}

void SyncController::setClock(Clock clock)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, clock = std::move(clock)] { worker->setClock(clock); },
        Qt::QueuedConnection);
}

void SyncController::setKeepProtocolLog(bool keep)
{
    m_protocolLog->setEnabled(keep);
}

QByteArray SyncController::protocolLog(const QString &accountId) const
{
    return m_protocolLog->text(accountId);
}

void SyncController::indexPending()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::indexSoon, Qt::QueuedConnection);
}

quint64 SyncController::testConnection(const Account &account, const QString &password,
                                       int connectTimeoutMs, int replyTimeoutMs)
{
    const quint64 id = ++m_nextTestId;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id, account, password, connectTimeoutMs, replyTimeoutMs] {
            worker->testConnection(id, account, password, connectTimeoutMs, replyTimeoutMs);
        },
        Qt::QueuedConnection);
    return id;
}

void SyncController::cancelTest(quint64 testId)
{
    m_cancelledTests.insert(testId);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, testId] { worker->cancelTest(testId); },
        Qt::QueuedConnection);
}

void SyncController::cancel(const QString &accountId)
{
    if (m_fetchingPassword.remove(accountId) && !m_startedEarly.contains(accountId)) {
        m_busy.remove(accountId);
        SyncResult result;
        result.accountId = accountId;
        result.error = Error{Error::Code::Cancelled, tr("Stopped by the user"), {}};
        Q_EMIT finished(result);
        return;
    }
    QMetaObject::invokeMethod(m_worker, "cancel", Qt::QueuedConnection, Q_ARG(QString, accountId));
}

} // namespace poplar::sync
