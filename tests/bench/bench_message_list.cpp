// SPDX-License-Identifier: GPL-3.0-or-later
// The message list on a 100,000-message Inbox: what a user waits for when the folder opens
// (its ids read in order, then one screen of rows), when they jump to the end, and when they
// sort by another column. Rows are read as a view would: display text for every column.
#include "MessageListModel.h"

#include "BenchMessages.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SortKeys.h"
#include "sync/HeaderFacts.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <limits>
#include <memory>

using namespace poplar;

namespace {

constexpr int listMessages = 100'000;
constexpr int screenRows = 40;

/// Built once per run: real headers (from the shared generator) on short bodies, so the
/// table holds what a real Inbox's does while building takes seconds, not minutes.
struct ListCache {
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    bool ok = false;

    ListCache()
    {
        auto opened = store::Database::open(dir.filePath(QStringLiteral("list.sqlite")),
                                            QStringLiteral("bench-list"));
        if (!opened)
            return;
        db = std::move(opened).value();
        store::MessageStore messages(db->connection());
        QList<store::HeaderSummary> headers;
        for (int i = 0; i < 256; ++i)
            headers.append(sync::headerFacts(bench::makeMessage(std::uint32_t(i), 2048)));
        store::Transaction txn(db->connection());
        store::MessageStore::Inserter inserter = messages.inserter();
        for (int i = 0; i < listMessages; ++i) {
            store::IncomingMessage m;
            m.accountId = QStringLiteral("1");
            m.uidl = QStringLiteral("u%1").arg(i);
            m.headers = headers.at(i % headers.size());
            m.headers.date = m.headers.date.addSecs(i);
            // Conversations of three: a message, its reply and the reply's reply.
            m.headers.messageId = QStringLiteral("m%1@bench.example").arg(i);
            if (i % 3 != 0) {
                m.headers.inReplyTo = QStringLiteral("<m%1@bench.example>").arg(i - 1);
                m.headers.references = i % 3 == 2 ? QStringLiteral("<m%1@bench.example> %2")
                                                        .arg(i - 2)
                                                        .arg(m.headers.inReplyTo)
                                                  : m.headers.inReplyTo;
            }
            m.raw = QByteArray(512 + i % 4096, 'x');
            if (!inserter.insert(m))
                return;
        }
        ok = bool(txn.commit());
    }
};

ListCache &listCache()
{
    static ListCache cache;
    return cache;
}

/// The shared cache, or nullptr with the benchmark marked as failed.
ListCache *cacheFor(benchmark::State &state)
{
    ListCache &cache = listCache();
    if (cache.ok)
        return &cache;
    state.SkipWithError("could not build the cache");
    return nullptr;
}

void readRows(const ui::MessageListModel &model, int first, int count)
{
    for (int row = first; row < first + count; ++row) {
        for (int column = 0; column < ui::MessageListModel::ColumnCount; ++column)
            benchmark::DoNotOptimize(model.index(row, column).data());
    }
}

void BM_List100kOpenFirstScreen(benchmark::State &state)
{
    ListCache *cache = cacheFor(state);
    if (!cache)
        return;
    store::MessageStore messages(cache->db->connection());
    int cached = 0;
    for (auto _ : state) {
        ui::MessageListModel model(messages);
        model.setFolder(QStringLiteral("1"), store::Folder::Inbox);
        if (model.rowCount() != listMessages)
            state.SkipWithError("wrong row count");
        readRows(model, 0, screenRows);
        benchmark::DoNotOptimize(model.unreadCount());
        cached = model.cachedRowCount();
    }
    state.counters["rows_held"] = cached;
}
BENCHMARK(BM_List100kOpenFirstScreen)->Unit(benchmark::kMillisecond);

// The same with View ▸ Threaded Conversations on: every message's links read and threaded.
// Measured on this thread; for a folder this size the model does it on a pool thread while
// the flat list shows.
void BM_List100kOpenThreaded(benchmark::State &state)
{
    ListCache *cache = cacheFor(state);
    if (!cache)
        return;
    store::MessageStore messages(cache->db->connection());
    for (auto _ : state) {
        ui::MessageListModel model(messages);
        model.setBackgroundThreadingFrom(std::numeric_limits<int>::max());
        model.setThreaded(true);
        model.setFolder(QStringLiteral("1"), store::Folder::Inbox);
        if (model.rowCount() != listMessages ||
            model.index(1, 0).data(ui::MessageListModel::ThreadDepthRole).toInt() != 1)
            state.SkipWithError("not threaded");
        readRows(model, 0, screenRows);
    }
}
BENCHMARK(BM_List100kOpenThreaded)->Unit(benchmark::kMillisecond);

// The Unified Inbox over the same 100,000: no account to narrow the index by.
void BM_List100kOpenUnifiedInbox(benchmark::State &state)
{
    ListCache *cache = cacheFor(state);
    if (!cache)
        return;
    store::MessageStore messages(cache->db->connection());
    for (auto _ : state) {
        ui::MessageListModel model(messages);
        model.setUnifiedInbox();
        if (model.rowCount() != listMessages)
            state.SkipWithError("wrong row count");
        readRows(model, 0, screenRows);
        benchmark::DoNotOptimize(model.unreadCount());
    }
}
BENCHMARK(BM_List100kOpenUnifiedInbox)->Unit(benchmark::kMillisecond);

// What opening the folder cost before the list became lazy: every summary read (the old model
// then also sorted them all). For comparison only.
void BM_List100kReadWholeFolder(benchmark::State &state)
{
    ListCache *cache = cacheFor(state);
    if (!cache)
        return;
    store::MessageStore messages(cache->db->connection());
    for (auto _ : state) {
        auto all = messages.messages(store::Folder::Inbox, QStringLiteral("1"));
        if (!all || all.value().size() != listMessages)
            state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(all);
    }
}
BENCHMARK(BM_List100kReadWholeFolder)->Unit(benchmark::kMillisecond);

void BM_List100kJumpToEnd(benchmark::State &state)
{
    ListCache *cache = cacheFor(state);
    if (!cache)
        return;
    store::MessageStore messages(cache->db->connection());
    ui::MessageListModel model(messages);
    model.setFolder(QStringLiteral("1"), store::Folder::Inbox);
    readRows(model, 0, screenRows);
    for (auto _ : state) {
        state.PauseTiming();
        model.reload(); // drops what was read, so every jump reads from the cache file
        state.ResumeTiming();
        readRows(model, listMessages - screenRows, screenRows);
    }
}
BENCHMARK(BM_List100kJumpToEnd)->Unit(benchmark::kMillisecond);

void BM_List100kSortBySubject(benchmark::State &state)
{
    ListCache *cache = cacheFor(state);
    if (!cache)
        return;
    store::MessageStore messages(cache->db->connection());
    ui::MessageListModel model(messages);
    model.setFolder(QStringLiteral("1"), store::Folder::Inbox);
    bool ascending = true;
    for (auto _ : state) {
        model.sort(ui::MessageListModel::SubjectColumn,
                   ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
        ascending = !ascending;
        readRows(model, 0, screenRows);
    }
}
BENCHMARK(BM_List100kSortBySubject)->Unit(benchmark::kMillisecond);

// What starting Poplar in another language costs once: opening marks the stored sort keys
// of 100,000 messages for re-keying, and a background thread re-keys them in batches
// (sortkeys::refresh). The time is the whole re-keying; longest_batch_ms is the longest any
// one batch holds the write lock (what a sync's writes may wait). Runs last and twice, so
// the cache ends in the language it started in.
void BM_List100kResortForAnotherLanguage(benchmark::State &state)
{
    ListCache *cache = cacheFor(state);
    if (!cache)
        return;
    const QLocale original;
    const QString path = cache->dir.filePath(QStringLiteral("list.sqlite"));
    int run = 0;
    double longestBatchMs = 0;
    for (auto _ : state) {
        QLocale::setDefault(run % 2 == 0 ? QLocale(QStringLiteral("zh_CN")) : original);
        auto db = store::Database::open(path, QStringLiteral("bench-resort-%1").arg(run++),
                                        store::Database::SortLanguage::User);
        if (!db) {
            state.SkipWithError("could not open the cache");
            break;
        }
        for (;;) {
            QElapsedTimer batch;
            batch.start();
            auto progress = store::sortkeys::refresh(db.value()->connection());
            longestBatchMs = std::max(longestBatchMs, double(batch.nsecsElapsed()) / 1e6);
            if (!progress) {
                state.SkipWithError("re-keying failed");
                break;
            }
            if (progress.value().finished())
                break;
        }
    }
    state.counters["longest_batch_ms"] = longestBatchMs;
    QLocale::setDefault(original);
}
BENCHMARK(BM_List100kResortForAnotherLanguage)->Iterations(2)->Unit(benchmark::kMillisecond);

} // namespace
