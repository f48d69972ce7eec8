// SPDX-License-Identifier: GPL-3.0-or-later
#include "RowOrderReader.h"

#include "CacheTask.h"

#include "store/Threads.h"

namespace poplar::ui {

namespace {

/// A list's ids in its order, grouped in threads.
Result<store::ThreadedOrder> threadedOrder(const store::MessageStore &store,
                                           const store::FolderRef &list, store::SortKey key,
                                           bool descending)
{
    auto ids = store.orderedIds(list, key, descending);
    if (!ids)
        return ids.error();
    auto links = store.threadLinks(list);
    if (!links)
        return links.error();
    return store::arrangeInThreads(ids.value(), links.value());
}

} // namespace

RowOrderReader::RowOrderReader(store::MessageStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

std::optional<RowOrder> RowOrderReader::read(const store::FolderRef &list, store::SortKey key,
                                             bool descending, bool threaded)
{
    cancel(); // whatever a pool thread is still arranging is for an older order
    auto ids = m_store.orderedIds(list, key, descending);
    if (!ids) {
        Q_EMIT failed(ids.error().message());
        return std::nullopt;
    }
    RowOrder order{std::move(ids).value(), {}, false};
    if (!threaded)
        return order;
    const QString path = m_store.database().databaseName();
    const bool privateCache = path.isEmpty() || path == QLatin1String(":memory:");
    if (order.ids.size() >= m_backgroundFrom && !privateCache) {
        arrangeInBackground(list, key, descending);
        order.threadsPending = true;
        return order;
    }
    auto links = m_store.threadLinks(list);
    if (!links) {
        Q_EMIT failed(links.error().message());
        return order; // unthreaded is still the folder
    }
    store::ThreadedOrder threads = store::arrangeInThreads(order.ids, links.value());
    return RowOrder{std::move(threads.ids), std::move(threads.depth), false};
}

void RowOrderReader::arrangeInBackground(const store::FolderRef &list, store::SortKey key,
                                         bool descending)
{
    const int run = m_run;
    runOnCache<store::ThreadedOrder>(
        this, m_store.database().databaseName(),
        [list, key, descending](const QSqlDatabase &db) {
            return threadedOrder(store::MessageStore(db), list, key, descending);
        },
        [this, run](Result<store::ThreadedOrder> threads) {
            if (run != m_run)
                return; // the list changed meanwhile
            if (!threads) {
                Q_EMIT failed(threads.error().message());
                return;
            }
            Q_EMIT threadsReady({std::move(threads.value().ids), std::move(threads.value().depth)});
        });
}

} // namespace poplar::ui
