// SPDX-License-Identifier: GPL-3.0-or-later
// The cache at the size of a real mailbox: 100,000 messages of about 20 KB. What a user
// waits for: the first page of a folder newest first, a full-text query, and the file's size
// against the raw bytes it holds. The cache is built once (it takes a while) and reused.
#include "BenchMessages.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "sync/HeaderFacts.h"
#include "sync/MessageIndexer.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace poplar;

namespace {

constexpr int scaleMessages = 100'000;

struct ScaleCache {
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    qint64 rawBytes = 0;
    bool ok = false;

    ScaleCache()
    {
        const QString path = dir.filePath(QStringLiteral("scale.sqlite"));
        auto opened = store::Database::open(path, QStringLiteral("bench-scale"));
        if (!opened)
            return;
        db = std::move(opened).value();
        store::MessageStore messages(db->connection());
        // A few hundred distinct messages, repeated with their own UIDL, keep building fast
        // while the index still sees varied text.
        QList<store::IncomingMessage> templates;
        for (int i = 0; i < 256; ++i) {
            store::IncomingMessage m;
            m.accountId = QStringLiteral("1");
            m.raw = bench::makeMessage(std::uint32_t(i), 20 * 1024);
            m.headers = sync::headerFacts(m.raw);
            templates.append(m);
        }
        for (int i = 0; i < scaleMessages; i += 1000) {
            store::Transaction txn(db->connection());
            for (int j = i; j < i + 1000; ++j) {
                store::IncomingMessage m = templates.at(j % templates.size());
                m.uidl = QStringLiteral("u%1").arg(j);
                m.headers.date = m.headers.date.addSecs(j); // distinct dates, realistic order
                if (!messages.insert(m))
                    return;
                rawBytes += m.raw.size();
            }
            if (!txn.commit())
                return;
        }
        sync::MessageIndexer indexer(db->connection());
        for (;;) {
            auto n = indexer.indexPending(2000);
            if (!n)
                return;
            if (n.value() == 0)
                break;
        }
        ok = true;
    }
};

ScaleCache &scaleCache()
{
    static ScaleCache cache; // built on first use, once per run
    return cache;
}

void BM_FirstPageOf100kFolder(benchmark::State &state)
{
    ScaleCache &cache = scaleCache();
    if (!cache.ok) {
        state.SkipWithError("could not build the cache");
        return;
    }
    store::MessageStore messages(cache.db->connection());
    for (auto _ : state) {
        auto page = messages.page(store::Folder::Inbox, QStringLiteral("1"), 200);
        if (!page || page.value().size() != 200)
            state.SkipWithError("paging failed");
        benchmark::DoNotOptimize(page);
    }
    const double fileBytes = double(QFileInfo(cache.db->path()).size() +
                                    QFileInfo(cache.db->path() + QStringLiteral("-wal")).size());
    state.counters["cache_per_raw"] = fileBytes / double(cache.rawBytes);
}
BENCHMARK(BM_FirstPageOf100kFolder)->Unit(benchmark::kMillisecond);

void BM_FullTextQueryOn100k(benchmark::State &state)
{
    ScaleCache &cache = scaleCache();
    if (!cache.ok) {
        state.SkipWithError("could not build the cache");
        return;
    }
    store::SearchIndex index(cache.db->connection());
    for (auto _ : state) {
        auto hits = index.search(QStringLiteral("invoice report"), 200);
        if (!hits)
            state.SkipWithError("search failed");
        benchmark::DoNotOptimize(hits);
    }
}
BENCHMARK(BM_FullTextQueryOn100k)->Unit(benchmark::kMillisecond);

} // namespace
