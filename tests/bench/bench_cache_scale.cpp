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
#include <optional>

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

// Search over the 100,000, a page of 200 (what the window adds per page). "report" is in
// the text of every message; "37" in the subject of one template in 256 (about 390
// messages). A page does not count the hits (the window counts once per search, apart);
// the count benchmarks below measure that.
void pageBenchmark(benchmark::State &state, const QString &words,
                   const std::optional<store::FolderRef> &scope, qint64 offset)
{
    ScaleCache &cache = scaleCache();
    if (!cache.ok) {
        state.SkipWithError("could not build the cache");
        return;
    }
    store::SearchIndex index(cache.db->connection());
    store::SearchIndex::Query query;
    query.text = words;
    query.scope = scope;
    query.limit = 200;
    query.offset = offset;
    query.countTotal = false;
    for (auto _ : state) {
        auto page = index.search(query);
        if (!page || page.value().messages.isEmpty()) {
            state.SkipWithError("search failed");
            break;
        }
        benchmark::DoNotOptimize(page);
    }
}

void countBenchmark(benchmark::State &state, const QString &words,
                    const std::optional<store::FolderRef> &scope)
{
    ScaleCache &cache = scaleCache();
    if (!cache.ok) {
        state.SkipWithError("could not build the cache");
        return;
    }
    store::SearchIndex index(cache.db->connection());
    qint64 hits = 0;
    for (auto _ : state) {
        auto n = index.count(words, scope);
        if (!n) {
            state.SkipWithError("count failed");
            break;
        }
        hits = n.value();
    }
    state.counters["hits"] = double(hits);
}

const store::FolderRef inbox{QStringLiteral("1"), store::Folder::Inbox, {}, false};
const QString everywhere = QStringLiteral("report");
const QString rare = QStringLiteral("37");

// What `poplarctl search` does: count and the first page, in every folder.
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

void BM_Search100kPageWordInEveryMessage(benchmark::State &state)
{
    pageBenchmark(state, everywhere, std::nullopt, 0);
}
BENCHMARK(BM_Search100kPageWordInEveryMessage)->Unit(benchmark::kMillisecond);

void BM_Search100kPage50WordInEveryMessage(benchmark::State &state)
{
    pageBenchmark(state, everywhere, std::nullopt, 49 * 200);
}
BENCHMARK(BM_Search100kPage50WordInEveryMessage)->Unit(benchmark::kMillisecond);

void BM_Search100kPageRareWord(benchmark::State &state)
{
    pageBenchmark(state, rare, std::nullopt, 0);
}
BENCHMARK(BM_Search100kPageRareWord)->Unit(benchmark::kMillisecond);

void BM_Search100kInboxPageWordInEveryMessage(benchmark::State &state)
{
    pageBenchmark(state, everywhere, inbox, 0);
}
BENCHMARK(BM_Search100kInboxPageWordInEveryMessage)->Unit(benchmark::kMillisecond);

void BM_Search100kInboxPage50WordInEveryMessage(benchmark::State &state)
{
    pageBenchmark(state, everywhere, inbox, 49 * 200);
}
BENCHMARK(BM_Search100kInboxPage50WordInEveryMessage)->Unit(benchmark::kMillisecond);

void BM_Search100kInboxPageRareWord(benchmark::State &state)
{
    pageBenchmark(state, rare, inbox, 0);
}
BENCHMARK(BM_Search100kInboxPageRareWord)->Unit(benchmark::kMillisecond);

void BM_Search100kUnifiedPageWordInEveryMessage(benchmark::State &state)
{
    pageBenchmark(state, everywhere, store::FolderRef::unified(), 0);
}
BENCHMARK(BM_Search100kUnifiedPageWordInEveryMessage)->Unit(benchmark::kMillisecond);

void BM_Search100kCountWordInEveryMessage(benchmark::State &state)
{
    countBenchmark(state, everywhere, std::nullopt);
}
BENCHMARK(BM_Search100kCountWordInEveryMessage)->Unit(benchmark::kMillisecond);

void BM_Search100kInboxCountWordInEveryMessage(benchmark::State &state)
{
    countBenchmark(state, everywhere, inbox);
}
BENCHMARK(BM_Search100kInboxCountWordInEveryMessage)->Unit(benchmark::kMillisecond);

void BM_Search100kInboxCountRareWord(benchmark::State &state)
{
    countBenchmark(state, rare, inbox);
}
BENCHMARK(BM_Search100kInboxCountRareWord)->Unit(benchmark::kMillisecond);

// Search operators (store::SearchQuery) with words, and alone. Every message is unread and
// dated 2 November 2026; "juergen" is every sender.
const QString withOperators =
    QStringLiteral("report from:juergen is:unread after:2026-11-01 subject:37");
const QString operatorsOnly = QStringLiteral("is:unread folder:inbox after:2026-11-01");

void BM_Search100kOperatorsPage(benchmark::State &state)
{
    pageBenchmark(state, withOperators, inbox, 0);
}
BENCHMARK(BM_Search100kOperatorsPage)->Unit(benchmark::kMillisecond);

void BM_Search100kOperatorsCount(benchmark::State &state)
{
    countBenchmark(state, withOperators, inbox);
}
BENCHMARK(BM_Search100kOperatorsCount)->Unit(benchmark::kMillisecond);

void BM_Search100kOperatorsOnlyPage(benchmark::State &state)
{
    pageBenchmark(state, operatorsOnly, std::nullopt, 0);
}
BENCHMARK(BM_Search100kOperatorsOnlyPage)->Unit(benchmark::kMillisecond);

} // namespace
