// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Database.h"
#include "util/Error.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <optional>

namespace poplar::ui {

/// A unique name for a cache connection opened by a background task (QtSql wants one per
/// connection, and a pool thread may run several tasks over its life).
inline QString taskConnectionName()
{
    static std::atomic<int> next{0};
    return QStringLiteral("poplar-task-%1").arg(next.fetch_add(1));
}

/// Runs `work` on a pool thread with a cache connection of its own (QtSql's rule: one per
/// thread), then `done` with its result on `context`'s thread, unless `context` is gone by
/// then. `work` takes a QSqlDatabase and returns a Result<T>; it must capture nothing that
/// lives on the GUI thread. So the GUI thread never waits on the disk for a search, an
/// import or an export. Usage: runOnCache<T>(this, cachePath, work, done).
template<typename T, typename Work, typename Done>
void runOnCache(QObject *context, const QString &cachePath, Work work, Done done)
{
    auto result = std::make_shared<std::optional<Result<T>>>();
    auto *watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, result, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(std::move(**result));
                     });
    watcher->setFuture(QtConcurrent::run([cachePath, result, work = std::move(work)]() mutable {
        auto db = store::Database::open(cachePath, taskConnectionName());
        if (!db) {
            result->emplace(db.error());
            return;
        }
        result->emplace(work(db.value()->connection()));
    }));
}

} // namespace poplar::ui
