// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"
#include "util/Error.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace poplar::store {
class Database;
}

namespace poplar::filters {
class FilterRules;
}

namespace poplar::junk {
class JunkClassifier;
struct JunkScore;
} // namespace poplar::junk

namespace poplar::sync {

/// Commits downloaded messages on a thread and cache connection of its own, so a POP3
/// session never waits for the disk: while one batch is written and fsynced, the next one
/// is already arriving. (On 200 messages of 500 KB, the session used to stall for every
/// fsync and every WAL checkpoint.)
///
/// Owned and called by one thread (the sync thread). Batches are committed one at a time,
/// in the order submitted, each in its own transaction; a batch's callback runs on the
/// submitting thread once the batch is durable, or has failed and left nothing behind.
/// Callbacks wait in a queue of the writer's own and run in order, either from the owner's
/// event loop or from waitForAll(); nothing else the owner has pending runs in between.
class CacheWriter {
public:
    using Committed = std::function<void(Result<QList<qint64>>)>;

    explicit CacheWriter(QString cachePath);
    /// Waits for what was submitted, then stops the thread.
    ~CacheWriter();
    CacheWriter(const CacheWriter &) = delete;
    CacheWriter &operator=(const CacheWriter &) = delete;

    /// Queues a batch. `done` runs on `context`'s thread through its event loop (or in
    /// waitForAll()); `context` must outlive the call, so its owner calls waitForAll() before
    /// it dies. Blocks while `maxInFlight` batches wait already: the network must not outrun
    /// the disk by more than that much memory. `rules` (the user's filters; null: none)
    /// place each message on the writer's thread, inside the batch's transaction, so a
    /// message is stored straight into its folder and a crash never leaves it half-filed.
    /// `classifier` (the user's trained junk filter; null: none) scores the batch on the
    /// writer's thread before its transaction begins, in one bounded call; when it fails, the
    /// batch is stored without its verdicts (see takeClassifierError()).
    void submit(QList<store::IncomingMessage> batch, QObject *context, Committed done,
                std::shared_ptr<const filters::FilterRules> rules = {},
                std::shared_ptr<const junk::JunkClassifier> classifier = {});
    /// Opens the writer's connection and counts the cache's messages (to size its page
    /// cache), on the writer's thread, now: called while a session logs in, so that its first
    /// batch does not wait for them (at 100,000 messages the count reads 1.7 MB of index).
    /// Counts as in flight until done.
    void prepare();
    /// Copies what the WAL holds into the cache file, on the writer's thread, after what was
    /// submitted: called when a session's last batch is in and its QUIT goes out, so the two
    /// overlap. Otherwise the last connection to close does it, and the sync's end waits for
    /// it (up to 16 MB written and two fsyncs). Counts as in flight until done.
    void checkpointSoon();
    /// Why the junk classifier last failed on a batch, once; nullopt when it did not.
    [[nodiscard]] std::optional<Error> takeClassifierError();
    /// Blocks until every submitted batch is committed or failed, then runs the callbacks
    /// that wait for `context`.
    void waitForAll(QObject *context);

    /// One batch being scored, one being written, one waiting.
    static constexpr int maxInFlight = 3;

    /// The writer connection's page cache (KB) for a cache that holds `messages`. A new
    /// message lands anywhere in the sender, subject, digest and Message-ID indexes, about
    /// 0.27 KB of them a message, so with too small a cache each insertion reads their pages
    /// back from the file (SQLite's default 2 MB made the writer spend four times the CPU at
    /// 100,000 messages). Too large is no better: every message's body goes through the
    /// cache too, in new 64 KB pages that are never read again, and a cache that is not yet
    /// full takes fresh memory for each, which the kernel must fault in: 2,000 messages of
    /// 20 KB made 23,000 page faults with 64 MB and 12,000 with 16 MB. So: the indexes'
    /// share, plus room for the pages being written.
    [[nodiscard]] static int pageCacheKbFor(qint64 messages);

private:
    class Scorer;
    class Worker;
    /// Finished batches whose callbacks have not run yet. Shared with the nudges posted to
    /// the owners, which may run after the writer is gone and then find nothing.
    class Completions;

    void waitUntilBelow(int count);
    /// One more piece of work in flight (a batch, a prepare, a checkpoint), and one less.
    void takeOff();
    void land();
    /// On the writer's thread: commits a scored batch and hands its result back.
    void write(QList<store::IncomingMessage> &batch, QObject *context, Committed done,
               const std::shared_ptr<const filters::FilterRules> &rules,
               const QList<std::optional<junk::JunkScore>> &scores);

    QThread m_assistantThread;
    QObject *m_assistant = nullptr; ///< lives on m_assistantThread; scores half a large batch
    QThread m_scorerThread;
    Scorer *m_scorer = nullptr; ///< lives on m_scorerThread; deleted there when it finishes
    QThread m_thread;
    Worker *m_worker = nullptr; ///< lives on m_thread; deleted there when it finishes
    QMutex m_mutex;
    QWaitCondition m_settled;
    int m_inFlight = 0;                     ///< guarded by m_mutex
    std::optional<Error> m_classifierError; ///< guarded by m_mutex
    std::shared_ptr<Completions> m_completions;
};

} // namespace poplar::sync
