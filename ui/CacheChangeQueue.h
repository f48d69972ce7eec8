// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/BulkActions.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QThread>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace poplar {
class AccountStore;
}

namespace poplar::ui {

/// Runs the changes the window makes to the cache (Delete, Restore, mark read, Empty Trash,
/// an account's removal: sync::BulkActions) one after the other in the order asked, so an
/// Undo always follows what it undoes. A change to a few messages runs at once on the GUI
/// thread's connection when nothing is waiting: it costs less than a frame, and what comes
/// next (the viewer, a test) finds it done. Anything larger, or of a size not known before
/// it runs, goes to a worker thread with a cache connection of its own (QtSql's rule: one
/// per thread) and reports its progress; the GUI thread never waits on it.
///
/// Each change reads the accounts' deletion policies once, when it is asked for. Closing
/// stops a change between two of its transactions and drops those still waiting: what was
/// committed stays, and the rest is as it was. GUI thread.
class CacheChangeQueue : public QObject {
    Q_OBJECT

public:
    /// What a change does, given BulkActions on the connection it runs on.
    using Work = std::function<sync::BulkOutcome(sync::BulkActions &)>;
    using Done = std::function<void(const sync::BulkOutcome &)>;

    /// A change to at most this many messages runs at once on the GUI thread when the
    /// queue is idle: one transaction of a few milliseconds.
    static constexpr qsizetype inlineLimit = 64;

    /// `guiConnection` is the GUI thread's; the worker opens the same cache file.
    /// `accounts` must outlive the queue.
    CacheChangeQueue(QSqlDatabase guiConnection, const AccountStore &accounts,
                     QObject *parent = nullptr);
    ~CacheChangeQueue() override;
    CacheChangeQueue(const CacheChangeQueue &) = delete;
    CacheChangeQueue &operator=(const CacheChangeQueue &) = delete;

    /// Runs `work` on `size` messages (0: not known yet), then `done` on the GUI thread
    /// unless `context` is gone by then. `description` is what the progress shows while it
    /// runs ("Emptying the Trash of Home"). A small change is done when this returns.
    void run(const QString &description, qsizetype size, Work work, QObject *context, Done done);

    /// Whether a change runs or waits on the worker.
    [[nodiscard]] bool isBusy() const { return m_waiting > 0; }
    /// For tests and benchmarks: how each change on the worker paces its transactions.
    void setPacing(std::chrono::milliseconds work, std::chrono::milliseconds rest);

Q_SIGNALS:
    /// A change begins on the worker; progress() follows until finished().
    void started(const QString &description);
    /// `done` of `total` messages of the change running now.
    void progress(qint64 done, qint64 total);
    /// The change that started() last ended (its `done` has run).
    void finished();
    /// Nothing runs or waits any more.
    void idle();

private:
    class Worker;

    QSqlDatabase m_gui;
    const AccountStore &m_accounts;
    QThread m_thread;
    Worker *m_worker = nullptr; ///< lives on m_thread; deleted there when it ends
    std::shared_ptr<std::atomic<bool>> m_closing;
    int m_waiting = 0; ///< changes posted to the worker and not reported back yet
    /// Set by tests (setPacing()); otherwise BulkActions paces itself.
    std::optional<std::pair<std::chrono::milliseconds, std::chrono::milliseconds>> m_pacing;
};

} // namespace poplar::ui
