// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CacheWriter.h"

#include "filters/MessageSorter.h"
#include "junk/JunkClassifier.h"
#include "store/Database.h"
#include "util/FaultPoint.h"
#include "util/WorkerThread.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QSqlQuery>

#include <algorithm>
#include <future>
#include <optional>

namespace poplar::sync {

/// The scorer thread's side: the junk classifier reads each batch here, in the order
/// submitted, while the writer thread commits the batch before. One after the other on one
/// thread, a batch of 200 took 50 ms to score and 20 ms to commit, and a sync of 2,000
/// messages waited for the sum after its last message arrived.
class CacheWriter::Scorer : public QObject {
public:
    /// `assistant` lives on a thread of its own and scores half of a large batch while this
    /// thread scores the other half: bogofilter is the slowest stage of a sync that
    /// classifies, and it uses one core.
    explicit Scorer(QObject *assistant)
        : m_assistant(assistant)
    {}

    /// The verdicts for `batch` (nullopt for what the classifier does not read, and for all
    /// when it fails: `problem` then says why).
    QList<std::optional<junk::JunkScore>>
    scoresFor(const QList<store::IncomingMessage> &batch,
              const std::shared_ptr<const junk::JunkClassifier> &classifier,
              std::optional<Error> &problem)
    {
        // A classifier that failed once in a sync (each sync has its own) is not asked
        // again in it: a bogofilter that hangs would cost every batch its deadline.
        const bool failedBefore = classifier && !m_failedClassifier.expired() &&
                                  !m_failedClassifier.owner_before(classifier) &&
                                  !classifier.owner_before(m_failedClassifier);
        if (!classifier || failedBefore)
            return {};
        auto scores = score(batch, *classifier, problem);
        if (problem)
            m_failedClassifier = classifier;
        return scores;
    }

private:
    /// Below this many messages a batch is scored in one call: a second bogofilter costs
    /// its start (a few ms) for too little work.
    static constexpr qsizetype splitFrom = 64;

    /// Scores what the classifier reads of `batch` (nullopt for the rest), in one call of
    /// bogofilter or, for a large batch, two at once, on the scorer's thread and the
    /// assistant's: the cache is not locked while they run.
    QList<std::optional<junk::JunkScore>> score(const QList<store::IncomingMessage> &batch,
                                                const junk::JunkClassifier &classifier,
                                                std::optional<Error> &problem) const
    {
        QList<std::optional<junk::JunkScore>> scores(batch.size());
        QList<QByteArray> raws;
        QList<qsizetype> at;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (filters::MessageSorter::isClassified(batch.at(i))) {
                raws.append(batch.at(i).raw); // shared, not copied
                at.append(i);
            }
        }
        Result<QList<junk::JunkScore>> result = QList<junk::JunkScore>{};
        if (raws.size() < splitFrom || !m_assistant) {
            result = classifier.classify(raws);
        } else {
            const qsizetype half = raws.size() / 2;
            auto promise = std::make_shared<std::promise<Result<QList<junk::JunkScore>>>>();
            std::future<Result<QList<junk::JunkScore>>> secondHalf = promise->get_future();
            QMetaObject::invokeMethod(
                m_assistant,
                [promise, &classifier, raws = raws.mid(half)] {
                    promise->set_value(classifier.classify(raws));
                },
                Qt::QueuedConnection);
            result = classifier.classify(raws.first(half));
            Result<QList<junk::JunkScore>> second = secondHalf.get();
            if (result && second)
                result.value() += second.value();
            else if (result)
                result = std::move(second); // its error
        }
        if (!result) {
            problem = result.error(); // no verdicts: the server's and the rules' still count
            return scores;
        }
        for (qsizetype k = 0; k < at.size(); ++k)
            scores[at.at(k)] = result.value().at(k);
        return scores;
    }

    QObject *m_assistant = nullptr;
    /// The classifier that last failed here; batches it would score go without.
    std::weak_ptr<const junk::JunkClassifier> m_failedClassifier;
};

/// The writer thread's side: its own connection, opened there (QtSql's rule) on first use.
class CacheWriter::Worker : public QObject {
public:
    explicit Worker(QString cachePath)
        : m_cachePath(std::move(cachePath))
    {}
    ~Worker() override = default;

    /// Opens the connection if it is not open, counts the cache's messages now and then,
    /// and sizes the page cache for them and `incoming` more.
    Status open(qint64 incoming)
    {
        if (!m_db) {
            const QString name = QStringLiteral("poplar-writer-%1").arg(quintptr(this), 0, 16);
            auto db = store::Database::open(m_cachePath, name);
            if (!db)
                return db.error();
            m_db = std::move(db).value();
        }
        // Counted again now and then: in the application the writer lives as long as the
        // window, while imports and deletions change the cache beside it.
        if (!m_counted.isValid() || m_counted.hasExpired(recountAfterMs)) {
            QSqlQuery count(m_db->connection());
            if (count.exec(QStringLiteral("SELECT count(*) FROM messages")) && count.next())
                m_messages = count.value(0).toLongLong();
            m_counted.start();
        }
        // Sized for the indexes as they will be once what comes is in.
        m_messages += incoming;
        if (const int kb = CacheWriter::pageCacheKbFor(m_messages); kb != m_pageCacheKb) {
            QSqlQuery(m_db->connection()).exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kb));
            m_pageCacheKb = kb;
        }
        return {};
    }

    Result<QList<qint64>> write(QList<store::IncomingMessage> &batch,
                                const std::shared_ptr<const filters::FilterRules> &rules,
                                const QList<std::optional<junk::JunkScore>> &scores)
    {
        if (Status opened = open(batch.size()); !opened)
            return opened.error();
        QList<qint64> ids;
        ids.reserve(batch.size());
        store::Transaction txn(m_db->connection());
        store::MessageStore::Inserter inserter(m_db->connection());
        const filters::MessageSorter sorter(rules);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            store::IncomingMessage &message = batch[i];
            // Placed before it is stored: never moved afterwards.
            sorter.sort(message, i < scores.size() ? scores.at(i) : std::nullopt);
            auto id = inserter.insert(message);
            if (!id)
                return id.error(); // the transaction rolls back: all of the batch or none
            ids.append(id.value());
        }
        faultPoint("commit"); // the batch is written and not committed
        if (Status s = txn.commit(); !s)
            return s.error();
        // Copy the WAL into the cache file now and then, on this thread, while the session
        // goes on; otherwise SQLite does it in one piece when the last connection closes,
        // and a sync of 100 MB ends with 100 MB more to write. Not after every batch: each
        // checkpoint costs two fsyncs, and an index page changed by four batches is copied
        // once instead of four times (20,000 small messages: 3.3 s instead of 6.5 s).
        // PASSIVE: never waits for readers; what it cannot copy now is copied later.
        for (const store::IncomingMessage &message : batch)
            m_sinceCheckpoint += message.raw.size();
        if (m_sinceCheckpoint >= checkpointBytes)
            checkpoint();
        return ids;
    }

    /// PASSIVE, as after a batch: never waits for readers.
    void checkpoint()
    {
        if (!m_db || m_sinceCheckpoint == 0)
            return;
        QSqlQuery(m_db->connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        m_sinceCheckpoint = 0;
    }

private:
    static constexpr qint64 checkpointBytes = 16 * 1024 * 1024;
    static constexpr qint64 recountAfterMs = 10 * 60 * 1000;

    QString m_cachePath;
    std::unique_ptr<store::Database> m_db;
    qint64 m_messages = 0;        ///< what the cache holds, as far as this writer knows
    int m_pageCacheKb = 0;        ///< the connection's cache_size, once set
    QElapsedTimer m_counted;      ///< since m_messages was last counted
    qint64 m_sinceCheckpoint = 0; ///< message bytes committed since the last checkpoint
};

class CacheWriter::Completions {
public:
    void add(QObject *context, Committed done, Result<QList<qint64>> result)
    {
        QMutexLocker lock(&m_mutex);
        m_finished.push_back({context, std::move(done), std::move(result)});
    }

    /// Runs the callbacks of finished batches that wait for `context`, in order, on the
    /// caller's thread (the owner's).
    void deliver(QObject *context)
    {
        for (;;) {
            std::optional<Entry> next;
            {
                QMutexLocker lock(&m_mutex);
                const auto it =
                    std::find_if(m_finished.begin(), m_finished.end(),
                                 [context](const Entry &e) { return e.context == context; });
                if (it == m_finished.end())
                    return;
                next.emplace(std::move(*it));
                m_finished.erase(it);
            }
            next->done(std::move(next->result));
        }
    }

private:
    struct Entry {
        QObject *context;
        Committed done;
        Result<QList<qint64>> result;
    };
    QMutex m_mutex;
    std::deque<Entry> m_finished;
};

CacheWriter::CacheWriter(QString cachePath)
    : m_assistant(new QObject)
    , m_scorer(new Scorer(m_assistant))
    , m_worker(new Worker(std::move(cachePath)))
    , m_completions(std::make_shared<Completions>())
{
    m_assistantThread.setObjectName(QStringLiteral("poplar-junk-scorer-2"));
    m_assistant->moveToThread(&m_assistantThread);
    QObject::connect(&m_assistantThread, &QThread::finished, m_assistant, &QObject::deleteLater);
    m_assistantThread.start();
    m_scorerThread.setObjectName(QStringLiteral("poplar-junk-scorer"));
    m_scorer->moveToThread(&m_scorerThread);
    QObject::connect(&m_scorerThread, &QThread::finished, m_scorer, &QObject::deleteLater);
    m_scorerThread.start();
    m_thread.setObjectName(QStringLiteral("poplar-cache-writer"));
    m_worker->moveToThread(&m_thread);
    // The connection must close on the thread that opened it.
    deleteWhenFinished(m_thread, m_worker);
    m_thread.start();
}

CacheWriter::~CacheWriter()
{
    waitUntilBelow(1);
    m_scorerThread.quit();
    m_scorerThread.wait();
    m_assistantThread.quit(); // after the scorer, which may wait for it
    m_assistantThread.wait();
    m_thread.quit();
    m_thread.wait();
}

int CacheWriter::pageCacheKbFor(qint64 messages)
{
    constexpr qint64 forWriting = 8 * 1024; // 128 pages: batches of large messages pass
    constexpr qint64 most = 64 * 1024;
    // 0.3 KB a message, rounded up to whole megabytes so a growing cache is resized rarely.
    const qint64 forIndexes = (std::max<qint64>(messages, 0) * 3 / 10 + 1023) / 1024 * 1024;
    return int(std::min(forWriting + forIndexes, most));
}

void CacheWriter::submit(QList<store::IncomingMessage> batch, QObject *context, Committed done,
                         std::shared_ptr<const filters::FilterRules> rules,
                         std::shared_ptr<const junk::JunkClassifier> classifier)
{
    waitUntilBelow(maxInFlight);
    takeOff();
    // Scored on the scorer's thread, then written on the writer's: both queues run in order,
    // so batches are committed in the order submitted.
    QMetaObject::invokeMethod(
        m_scorer,
        [this, batch = std::move(batch), context, done = std::move(done), rules = std::move(rules),
         classifier = std::move(classifier)]() mutable {
            std::optional<Error> classifierProblem;
            QList<std::optional<junk::JunkScore>> scores =
                m_scorer->scoresFor(batch, classifier, classifierProblem);
            if (classifierProblem) {
                QMutexLocker lock(&m_mutex);
                m_classifierError = std::move(classifierProblem);
            }
            QMetaObject::invokeMethod(
                m_worker,
                [this, batch = std::move(batch), context, done = std::move(done),
                 rules = std::move(rules), scores = std::move(scores)]() mutable {
                    write(batch, context, std::move(done), rules, scores);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void CacheWriter::write(QList<store::IncomingMessage> &batch, QObject *context, Committed done,
                        const std::shared_ptr<const filters::FilterRules> &rules,
                        const QList<std::optional<junk::JunkScore>> &scores)
{
    Result<QList<qint64>> result = m_worker->write(batch, rules, scores);
    batch.clear(); // the bytes are on disk: free them before the owner hears of it
    m_completions->add(context, std::move(done), std::move(result));
    // A nudge only: if waitForAll() delivered first, this finds nothing to do. Posted while
    // the batch still counts as in flight, so `context` is alive: its owner waits for the
    // count to drop before it lets it go.
    QMetaObject::invokeMethod(
        context,
        [completions = std::weak_ptr<Completions>(m_completions), context] {
            if (auto alive = completions.lock())
                alive->deliver(context);
        },
        Qt::QueuedConnection);
    land();
}

void CacheWriter::takeOff()
{
    QMutexLocker lock(&m_mutex);
    ++m_inFlight;
}

void CacheWriter::land()
{
    QMutexLocker lock(&m_mutex);
    --m_inFlight;
    m_settled.wakeAll();
}

void CacheWriter::prepare()
{
    takeOff(); // the destructor and waitForAll() wait for it
    // Straight to the writer: posted before any batch, it runs before any batch. A failure
    // is left for the first batch, which meets it again and reports it.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            (void)m_worker->open(0);
            land();
        },
        Qt::QueuedConnection);
}

void CacheWriter::checkpointSoon()
{
    takeOff(); // the destructor and waitForAll() wait for it
    // Through the scorer's queue, as a batch goes: after every batch submitted before.
    QMetaObject::invokeMethod(
        m_scorer,
        [this] {
            QMetaObject::invokeMethod(
                m_worker,
                [this] {
                    m_worker->checkpoint();
                    land();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

std::optional<Error> CacheWriter::takeClassifierError()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_classifierError, std::nullopt);
}

void CacheWriter::waitForAll(QObject *context)
{
    waitUntilBelow(1);
    m_completions->deliver(context);
}

void CacheWriter::waitUntilBelow(int count)
{
    QMutexLocker lock(&m_mutex);
    while (m_inFlight >= count)
        m_settled.wait(&m_mutex);
}

} // namespace poplar::sync
