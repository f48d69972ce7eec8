// SPDX-License-Identifier: GPL-3.0-or-later
#include "CacheChangeQueue.h"

#include "CacheTask.h"

#include "accounts/AccountStore.h"
#include "store/Database.h"
#include "store/WorkCache.h"

#include <QSqlQuery>

namespace poplar::ui {

/// The worker thread's side: its cache connection, opened by the first change and closed
/// on the thread when the worker is deleted there.
class CacheChangeQueue::Worker : public QObject {
public:
    explicit Worker(QString cachePath)
        : m_cachePath(std::move(cachePath))
    {}

    /// On the worker thread.
    Result<QSqlDatabase> connection()
    {
        if (!m_db) {
            auto db = store::Database::open(m_cachePath, taskConnectionName());
            if (!db)
                return db.error();
            m_db = std::move(db).value();
        }
        return m_db->connection();
    }

    /// Copies what the change wrote from the WAL into the cache file now, here, rather than
    /// in the commit of whichever connection crosses SQLite's threshold next: that may be
    /// the GUI thread's. PASSIVE: waits for nobody.
    void checkpoint()
    {
        if (m_db)
            QSqlQuery(m_db->connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    }

private:
    QString m_cachePath;
    std::unique_ptr<store::Database> m_db;
};

CacheChangeQueue::CacheChangeQueue(QSqlDatabase guiConnection, const AccountStore &accounts,
                                   QObject *parent)
    : QObject(parent)
    , m_gui(std::move(guiConnection))
    , m_accounts(accounts)
    , m_closing(std::make_shared<std::atomic<bool>>(false))
{
    const QString path = m_gui.databaseName();
    // A private in-memory cache cannot be opened twice: everything runs on the GUI thread.
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return;
    m_thread.setObjectName(QStringLiteral("poplar-changes"));
    m_worker = new Worker(path);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

CacheChangeQueue::~CacheChangeQueue()
{
    if (!m_worker)
        return;
    // The change running stops between two transactions; those waiting are dropped.
    m_closing->store(true);
    m_thread.quit();
    m_thread.wait();
}

void CacheChangeQueue::setPacing(std::chrono::milliseconds work, std::chrono::milliseconds rest)
{
    m_pacing = std::pair(work, rest);
}

void CacheChangeQueue::run(const QString &description, qsizetype size, Work work, QObject *context,
                           Done done)
{
    QSet<QString> deletingOnServer =
        sync::BulkActions::accountsDeletingOnServer(m_accounts.accounts());
    if (!m_worker || (size > 0 && size <= inlineLimit && m_waiting == 0)) {
        sync::BulkActions actions(m_gui, std::move(deletingOnServer));
        const sync::BulkOutcome outcome = work(actions);
        if (done)
            done(outcome);
        return;
    }
    ++m_waiting;
    // Everything below runs on the worker thread: it reaches this object only through
    // queued calls, which the destructor's wait keeps safe.
    auto onWorker = [this, worker = m_worker, closing = m_closing, pacing = m_pacing,
                     deletingOnServer = std::move(deletingOnServer), description,
                     work = std::move(work), done = std::move(done),
                     guard = QPointer<QObject>(context)] {
        QMetaObject::invokeMethod(
            this, [this, description] { Q_EMIT started(description); }, Qt::QueuedConnection);
        sync::BulkOutcome outcome;
        if (auto db = worker->connection(); !db) {
            outcome.error = db.error();
        } else {
            sync::BulkActions actions(db.value(), deletingOnServer);
            if (pacing)
                actions.setPacing(pacing->first, pacing->second);
            actions.setStopRequested([closing] { return closing->load(); });
            actions.setProgress([this](qint64 doneCount, qint64 total) {
                QMetaObject::invokeMethod(
                    this, [this, doneCount, total] { Q_EMIT progress(doneCount, total); },
                    Qt::QueuedConnection);
            });
            {
                const store::WorkCache cache(db.value());
                outcome = work(actions);
            }
            worker->checkpoint();
        }
        QMetaObject::invokeMethod(
            this,
            [this, outcome = std::move(outcome), done, guard] {
                --m_waiting;
                if (guard && done)
                    done(outcome);
                Q_EMIT finished();
                if (m_waiting == 0)
                    Q_EMIT idle();
            },
            Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(m_worker, std::move(onWorker), Qt::QueuedConnection);
}

} // namespace poplar::ui
