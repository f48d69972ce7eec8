// SPDX-License-Identifier: GPL-3.0-or-later
#include "CacheUpkeep.h"

#include "CacheTask.h"

#include "store/CacheCompactor.h"
#include "store/Database.h"
#include "store/SortKeys.h"
#include "util/DataSize.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <mutex>
#include <optional>

namespace poplar::ui {

struct CacheUpkeep::Shared {
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    store::CacheCompactor *compactor = nullptr; ///< the one running, to interrupt
};

namespace {

/// Rows re-keyed per transaction. Each row moves in two indexes at random places, so a
/// batch rewrites about as many 64 KB index pages as it has rows: 500 take some 25 ms of
/// CPU (2,000 took 80 ms and a writer waited for all of it; 100,000 take about 10 s).
constexpr int refreshBatch = 500;
/// Pages given back per transaction: 2 MB with 64 KB pages, a few tens of milliseconds.
constexpr int givenBackPerStep = 32;

/// Runs `work` on a pool thread and `done` with its result on `context`'s thread (unless
/// `context` is gone by then). Returns the future, to wait for at destruction.
template<typename R, typename Work, typename Done>
QFuture<void> runInPool(QObject *context, Work work, Done done)
{
    // A result that need not be default-constructible, as QFuture<T> would want.
    auto result = std::make_shared<std::optional<R>>();
    auto *watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, result, done = std::move(done)] {
                         watcher->deleteLater();
                         done(std::move(**result));
                     });
    QFuture<void> future =
        QtConcurrent::run([result, work = std::move(work)]() mutable { result->emplace(work()); });
    watcher->setFuture(future);
    return future;
}

} // namespace

CacheUpkeep::CacheUpkeep(QString cachePath, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_dialogParent(dialogParent)
    , m_shared(std::make_shared<Shared>())
{}

CacheUpkeep::~CacheUpkeep()
{
    // Quitting: the re-keying stops after its batch, a compaction at once (rolled back).
    m_shared->stopping = true;
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->compactor)
            m_shared->compactor->interrupt();
    }
    m_refresh.waitForFinished();
    m_compaction.waitForFinished();
}

void CacheUpkeep::refreshSortKeys()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    // Whether any key changed (the list then reads its order again), or why it failed.
    struct Outcome {
        bool rekeyed = false;
        QString error;
    };
    auto work = [path = m_cachePath, shared = m_shared]() -> Outcome {
        auto db = store::Database::open(path, taskConnectionName());
        if (!db)
            return {false, db.error().message()};
        Outcome outcome;
        while (!shared->stopping) {
            auto pending = store::sortkeys::refreshPending(db.value()->connection());
            if (!pending)
                return {outcome.rekeyed, pending.error().message()};
            if (!pending.value())
                break;
            auto progress = store::sortkeys::refresh(db.value()->connection(), refreshBatch);
            if (!progress)
                return {outcome.rekeyed, progress.error().message()};
            outcome.rekeyed = true;
            if (progress.value().finished())
                break;
        }
        return outcome;
    };
    m_refresh = runInPool<Outcome>(this, std::move(work), [this](const Outcome &outcome) {
        m_refreshing = false;
        if (!outcome.error.isEmpty())
            Q_EMIT failed(outcome.error);
        else if (outcome.rekeyed && !m_shared->stopping)
            Q_EMIT sortKeysRefreshed();
    });
}

void CacheUpkeep::considerCompacting()
{
    if (m_compacting || m_measuring)
        return;
    m_measuring = true;
    runOnCache<store::CacheCompactor::Space>(
        this, m_cachePath,
        [path = m_cachePath](QSqlDatabase db) {
            return store::CacheCompactor(std::move(db), path).space();
        },
        [this](Result<store::CacheCompactor::Space> space) {
            m_measuring = false;
            if (!space)
                return; // nothing to offer; the next deletion measures again
            const store::CacheCompactor::Space &s = space.value();
            // A lot, and a good part of the database (its pages; the write-ahead log beside
            // it comes and goes): a few megabytes are not worth the wait.
            if (s.unusedBytes >= m_offerFrom && s.unusedBytes * 10 >= s.liveBytes + s.unusedBytes)
                ask(s.unusedBytes, s.incremental);
        });
}

void CacheUpkeep::ask(qint64 unusedBytes, bool inSteps)
{
    m_inSteps = inSteps;
    Q_EMIT compactionOffered(unusedBytes);
    if (m_testAnswer >= 0) {
        if (m_testAnswer == 1)
            compact();
        return;
    }
    const QString unused = dataSizeText(unusedBytes);
    // Not modal to the application: the window goes on while the question waits.
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Compact the Mail Cache"),
        inSteps ? tr("Deleted mail left %1 unused inside the mail cache. Give that space back "
                     "to the disk?\n\nPoplar does it in the background and stays usable "
                     "meanwhile.")
                      .arg(unused)
                : tr("Deleted mail left %1 unused inside the mail cache. Poplar can give that "
                     "space back to the disk the next time it starts; for a large cache that "
                     "takes a while, before the window opens. Later compactions run in the "
                     "background.")
                      .arg(unused),
        QMessageBox::NoButton, m_dialogParent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(inSteps ? tr("Compact") : tr("Compact at Next Start"),
                                      QMessageBox::AcceptRole);
    box->addButton(tr("Not Now"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        if (box->clickedButton() == yes)
            compact();
    });
    box->open();
}

void CacheUpkeep::compact()
{
    if (m_inSteps)
        giveBack();
    else
        compactAtNextStart();
}

void CacheUpkeep::giveBack()
{
    if (m_compacting)
        return;
    m_compacting = true;
    auto work = [path = m_cachePath,
                 shared = m_shared]() -> Result<store::CacheCompactor::Outcome> {
        auto db = store::Database::open(path, taskConnectionName());
        if (!db)
            return db.error();
        store::CacheCompactor compactor(db.value()->connection(), path);
        {
            const std::lock_guard lock(shared->mutex);
            if (shared->stopping)
                return Error{Error::Code::Cancelled, {}, {}};
            shared->compactor = &compactor;
        }
        const auto unregister = qScopeGuard([&shared] {
            const std::lock_guard lock(shared->mutex);
            shared->compactor = nullptr;
        });
        store::CacheCompactor::Outcome outcome;
        outcome.bytesBefore =
            QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        for (;;) {
            auto left = compactor.giveBack(givenBackPerStep);
            if (!left)
                return left.error();
            if (left.value() == 0)
                break;
            // A moment between two steps for a writer waiting on its busy handler.
            QThread::msleep(2);
        }
        compactor.finishGivingBack();
        outcome.bytesAfter =
            QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        return outcome;
    };
    m_compaction = runInPool<Result<store::CacheCompactor::Outcome>>(
        this, std::move(work), [this](const Result<store::CacheCompactor::Outcome> &outcome) {
            m_compacting = false;
            if (!outcome) {
                if (outcome.error().code != Error::Code::Cancelled)
                    Q_EMIT failed(outcome.error().message());
                return;
            }
            Q_EMIT compacted(tr("Compacted the mail cache: %1 before, %2 now.")
                                 .arg(dataSizeText(outcome.value().bytesBefore),
                                      dataSizeText(outcome.value().bytesAfter)));
        });
}

void CacheUpkeep::compactAtNextStart()
{
    runOnCache<bool>(
        this, m_cachePath,
        [](QSqlDatabase db) -> Result<bool> {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("INSERT OR REPLACE INTO cache_meta (key, value) "
                                       "VALUES ('compact_at_start', '1')")))
                return store::storageError(tr("Cannot compact the mail cache"),
                                           q.lastError().text());
            return true;
        },
        [this](Result<bool> recorded) {
            if (!recorded) {
                Q_EMIT failed(recorded.error().message());
                return;
            }
            Q_EMIT compacted(tr("The mail cache will be compacted the next time Poplar starts."));
        });
}

QString CacheUpkeep::compactAtStartIfAsked(const QSqlDatabase &gui, const QString &cachePath)
{
    // Nearly every start: one look at a small table, and on.
    if (store::cacheMeta(gui, QStringLiteral("compact_at_start")).isEmpty())
        return {};
    // The whole file is rewritten while nothing else writes: before the window, the sync
    // and the background tasks start.
    auto work = [cachePath]() -> Result<store::CacheCompactor::Outcome> {
        auto db = store::Database::open(cachePath, taskConnectionName());
        if (!db)
            return db.error();
        QSqlDatabase connection = db.value()->connection();
        // Asked once: a compaction that fails (no room on the disk) is not tried at every
        // start; the next large deletion asks again.
        QSqlQuery(connection)
            .exec(QStringLiteral("DELETE FROM cache_meta WHERE key = 'compact_at_start'"));
        return store::CacheCompactor(connection, cachePath).compact();
    };
    auto result = std::make_shared<std::optional<Result<store::CacheCompactor::Outcome>>>();
    QProgressDialog busy(tr("Compacting the mail cache…"), QString(), 0, 0);
    busy.setWindowTitle(tr("Compact the Mail Cache"));
    busy.setMinimumDuration(300);
    QFutureWatcher<void> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &busy, &QProgressDialog::reset);
    watcher.setFuture(QtConcurrent::run([result, work] { result->emplace(work()); }));
    if (!watcher.isFinished())
        busy.exec();
    watcher.waitForFinished();
    const Result<store::CacheCompactor::Outcome> &outcome = **result;
    if (!outcome)
        return outcome.error().message();
    return tr("Compacted the mail cache: %1 before, %2 now.")
        .arg(dataSizeText(outcome.value().bytesBefore), dataSizeText(outcome.value().bytesAfter));
}

} // namespace poplar::ui
