// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncWorker.h"

#include "filters/FilterFile.h"
#include "junk/JunkClassifier.h"
#include "pop3/ConnectionTest.h"
#include "store/Database.h"
#include "sync/AccountSync.h"
#include "sync/CacheWriter.h"
#include "sync/MessageIndexer.h"

#include <QFileInfo>
#include <QMetaMethod>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

namespace poplar::sync {

void ProtocolLog::begin(const QString &accountId)
{
    const QMutexLocker lock(&m_mutex);
    m_sessions.insert(accountId, Session{});
}

void ProtocolLog::append(const QString &accountId, bool fromClient, const QByteArray &line)
{
    const QMutexLocker lock(&m_mutex);
    Session &session = m_sessions[accountId];
    QByteArray formatted = formatLine(fromClient, line);
    if (session.head.size() < headLines) {
        session.head.append(std::move(formatted));
        return;
    }
    session.tail.push_back(std::move(formatted));
    if (session.tail.size() > std::size_t(tailLines)) {
        session.tail.pop_front();
        ++session.dropped;
    }
}

QByteArray ProtocolLog::text(const QString &accountId) const
{
    Session session;
    {
        const QMutexLocker lock(&m_mutex);
        session = m_sessions.value(accountId);
    }
    QByteArray out = session.head.join('\n');
    if (!out.isEmpty())
        out += '\n';
    if (session.dropped > 0)
        out += tr("[%n lines left out]", nullptr, int(session.dropped)).toUtf8() + '\n';
    for (const QByteArray &line : session.tail)
        out += line + '\n';
    return out;
}

QByteArray ProtocolLog::formatLine(bool fromClient, const QByteArray &line)
{
    return (fromClient ? QByteArray("C: ") : QByteArray("S: ")) + line;
}

SyncWorker::SyncWorker(QString cachePath, pop3::Pop3Client::Options options, Clock clock)
    : m_cachePath(std::move(cachePath))
    , m_options(options)
    , m_clock(std::move(clock))
{}

SyncWorker::~SyncWorker()
{
    // Sessions go first: they hold queries on the connection that m_db closes. Cancelling
    // commits what was fully received, so shutting down mid-sync loses nothing.
    const QList<AccountSync *> running = m_running.values();
    m_running.clear();
    for (AccountSync *sync : running) {
        sync->disconnect(this);
        sync->cancel();
        delete sync;
    }
    // Finished sessions wait for their deleteLater and still hold the connection m_db closes.
    qDeleteAll(findChildren<AccountSync *>(Qt::FindDirectChildrenOnly));
}

void SyncWorker::syncAccount(const Account &account, const QString &password)
{
    run(account, password, 0);
}

void SyncWorker::completeMessage(const Account &account, const QString &password, qint64 messageId)
{
    run(account, password, messageId);
}

void SyncWorker::startBeforePassword(const Account &account, qint64 completeId)
{
    run(account, QString(), completeId, true);
}

void SyncWorker::givePassword(const QString &accountId, const QString &password)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // Not running: the session ended before its password came (a cache it could not open).
    if (AccountSync *sync = m_running.value(accountId))
        sync->givePassword(password);
}

void SyncWorker::passwordFailed(const QString &accountId, const Error &error)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (AccountSync *sync = m_running.value(accountId))
        sync->passwordFailed(error);
}

void SyncWorker::run(const Account &account, const QString &password, qint64 completeId,
                     bool passwordPending)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_running.contains(account.id))
        return; // one session per maildrop: the running one will do
    // A first sync logs in while its new cache is being written; any other opens it first.
    const bool cachePending = !m_db && m_creating.valid() && completeId == 0;
    if (!cachePending) {
        if (Status opened = openCache(); !opened) {
            SyncResult result;
            result.accountId = account.id;
            result.error = opened.error();
            Q_EMIT finished(result);
            return;
        }
    }
    auto *sync =
        new AccountSync(account, password, cachePending ? QSqlDatabase() : m_db->connection(),
                        writer(), m_options, m_clock, m_transports, this);
    if (cachePending) {
        sync->setCachePending([this]() -> Result<QSqlDatabase> {
            if (Status opened = openCache(); !opened)
                return opened.error();
            return m_db->connection();
        });
    }
    if (passwordPending)
        sync->setPasswordPending();
    if (completeId > 0) {
        sync->setCompleteOnly(completeId);
    } else {
        if (!m_filtersPath.isEmpty()) {
            // Read here, on the sync thread, once per sync: the script is small, and an edit
            // made since the last sync counts.
            const filters::LoadedFilters loaded = filters::FilterFile::load(m_filtersPath);
            sync->setFilters(loaded.rules, loaded.errorText());
        }
        // Consulted only once the user has trained it: untrained, it knows no word.
        auto classifier = std::make_shared<junk::JunkClassifier>(
            junk::JunkClassifier::wordListDirFor(m_cachePath));
        if (classifier->isTrained())
            sync->setJunkClassifier(std::move(classifier));
    }
    m_running.insert(account.id, sync);
    connect(sync, &AccountSync::progress, this, &SyncWorker::progress);
    connect(sync, &AccountSync::messagesStored, this, &SyncWorker::messagesStored);
    connect(sync, &AccountSync::waitingForLogin, this, &SyncWorker::waitingForLogin);
    // Forwarded only when someone listens (a cross-thread signal per line costs a wake-up).
    if (isSignalConnected(QMetaMethod::fromSignal(&SyncWorker::protocolLine)))
        connect(sync, &AccountSync::protocolLine, this, &SyncWorker::protocolLine);
    if (m_log && m_log->isEnabled()) {
        m_log->begin(account.id);
        connect(sync, &AccountSync::protocolLine, this,
                [log = m_log](const QString &accountId, bool fromClient, const QByteArray &line) {
                    log->append(accountId, fromClient, line);
                });
    }
    connect(sync, &AccountSync::finished, this, [this, sync](const SyncResult &result) {
        m_running.remove(result.accountId);
        sync->deleteLater();
        Q_EMIT finished(result);
        if (!m_endsWithProcess)
            indexSoon();
    });
    sync->start();
}

Status SyncWorker::openCache()
{
    if (m_db)
        return {};
    if (m_creating.valid()) {
        // Taken once: after a failure the open below meets the same error, and reports it.
        if (Status created = m_creating.get(); !created)
            return created;
    }
    const QString name = QStringLiteral("poplar-sync-%1").arg(quintptr(this), 0, 16);
    auto db = store::Database::open(m_cachePath, name);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    if (m_endsWithProcess)
        m_db->leaveWalOnClose();
    (void)writer();
    return {};
}

CacheWriter *SyncWorker::writer()
{
    if (!m_writer)
        m_writer = std::make_unique<CacheWriter>(m_cachePath);
    return m_writer.get();
}

void SyncWorker::setEndsWithProcess(bool ends)
{
    m_endsWithProcess = ends;
    if (ends && m_db)
        m_db->leaveWalOnClose();
}

void SyncWorker::prepareCache()
{
    if (m_db || m_creating.valid())
        return;
    // A cache with content opens here: a session reads what it holds (a LOGIN-DELAY to
    // wait out, the last listing) before it connects. A failure is met again, and reported,
    // by the sync that follows.
    const QFileInfo file(m_cachePath);
    if (m_cachePath == QLatin1String(":memory:") || (file.exists() && file.size() > 0)) {
        (void)openCache();
        return;
    }
    // A new one (SQLite takes an empty file for one) is written on a thread of its own (its
    // schema is 40 ms of a first sync) while the sync connects and logs in: it holds nothing
    // that the session needs before its listing.
    m_creating = std::async(std::launch::async,
                            [path = m_cachePath] { return store::Database::prepare(path); });
}

void SyncWorker::prepareSession()
{
    prepareCache();
    // Loading Qt's TLS backend (a plugin, and OpenSSL's initialisation) is 5-10 ms of the
    // first socket, and the default configuration (ciphers, a look for the system's CA
    // directory) 2-3 ms more: done here, while the password comes, not before the connection.
    (void)QSslSocket::supportsSsl();
    (void)QSslConfiguration::defaultConfiguration();
}

void SyncWorker::cancel(const QString &accountId)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (AccountSync *sync = m_running.value(accountId))
        sync->cancel();
}

void SyncWorker::testConnection(quint64 testId, const Account &account, const QString &password,
                                int connectTimeoutMs, int replyTimeoutMs)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto *test = new pop3::ConnectionTest(m_transports, this);
    m_tests.insert(testId, test);
    connect(test, &pop3::ConnectionTest::succeeded, this, [this, testId](const QString &summary) {
        if (pop3::ConnectionTest *t = m_tests.take(testId))
            t->deleteLater();
        Q_EMIT connectionTested(testId, true, summary, Error{});
    });
    connect(test, &pop3::ConnectionTest::failed, this, [this, testId](const Error &error) {
        if (pop3::ConnectionTest *t = m_tests.take(testId))
            t->deleteLater();
        Q_EMIT connectionTested(testId, false, QString(), error);
    });
    pop3::Pop3Client::Options options = m_options;
    options.connectTimeoutMs = connectTimeoutMs;
    options.replyTimeoutMs = replyTimeoutMs;
    test->start(account, password, options);
}

void SyncWorker::cancelTest(quint64 testId)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (pop3::ConnectionTest *test = m_tests.take(testId)) {
        test->cancel();
        test->deleteLater();
    }
}

void SyncWorker::indexSoon()
{
    // The cache opens here too when nothing has synced yet; a failure shows at the next sync.
    if (m_indexing || !openCache())
        return;
    m_indexing = true;
    QTimer::singleShot(0, this, &SyncWorker::indexBatch);
}

void SyncWorker::indexBatch()
{
    // Small batches with a return to the event loop between them: a new sync or a cancel is
    // never stuck behind indexing, and indexing never runs while mail is being downloaded.
    if (!m_running.isEmpty() || !m_db) {
        m_indexing = false;
        return;
    }
    // About 20 ms per turn: rendering 50 large messages took 0.3 s, and a quitting
    // application (poplarctl right after its sync) waited for the whole batch.
    auto done = MessageIndexer(m_db->connection()).indexPending(50, QDeadlineTimer(20));
    if (!done || done.value() == 0) {
        m_indexing = false;
        return;
    }
    Q_EMIT indexed(done.value());
    QTimer::singleShot(0, this, &SyncWorker::indexBatch);
}

} // namespace poplar::sync
