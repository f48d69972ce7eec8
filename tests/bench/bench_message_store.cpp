// SPDX-License-Identifier: GPL-3.0-or-later
// MessageStore::insert in the batches AccountSync commits, on a real file with WAL and
// synchronous=FULL, so the number includes the fsync a sync really pays per batch.
#include "BenchMessages.h"

#include "store/Database.h"
#include "store/DownloadRecords.h"
#include "store/MessageStore.h"
#include "sync/HeaderFacts.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace poplar;

namespace {

store::IncomingMessage incoming(int seed, qsizetype size)
{
    store::IncomingMessage m;
    m.accountId = QStringLiteral("bench-account");
    m.raw = bench::makeMessage(std::uint32_t(seed), size);
    // The same fields AccountSync extracts, computed outside the timed loop.
    m.headers = sync::headerFacts(m.raw);
    return m;
}

// Arguments: message size in KB, messages per transaction, and synchronous mode
// (0 = FULL as Database configures it, 1 = NORMAL: shows what the per-commit fsync costs).
void BM_MessageStore_InsertBatch(benchmark::State &state)
{
    const qsizetype size = qsizetype(state.range(0)) * 1024;
    const int batch = int(state.range(1));
    const bool normalSync = state.range(2) == 1;

    QTemporaryDir dir;
    auto db = store::Database::open(dir.filePath(QStringLiteral("cache.sqlite")),
                                    QStringLiteral("bench-store"));
    if (!db) {
        state.SkipWithError(qPrintable(db.error().message()));
        return;
    }
    if (normalSync)
        QSqlQuery(db.value()->connection()).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    {
        store::MessageStore store(db.value()->connection());
        QList<store::IncomingMessage> messages;
        for (int i = 0; i < batch; ++i)
            messages.append(incoming(i, size));
        qint64 bytesPerBatch = 0;
        for (const store::IncomingMessage &m : std::as_const(messages))
            bytesPerBatch += m.raw.size();

        int serial = 0;
        for (auto _ : state) {
            store::Transaction txn(db.value()->connection());
            for (store::IncomingMessage &m : messages) {
                // Unique UIDLs, so the server_uidls index grows as in a real cache.
                m.uidl = QStringLiteral("uidl-%1").arg(++serial);
                if (!store.insert(m)) {
                    state.SkipWithError("insert failed");
                    return;
                }
            }
            if (!txn.commit()) {
                state.SkipWithError("commit failed");
                return;
            }
        }
        state.SetItemsProcessed(qint64(state.iterations()) * batch);
        state.SetBytesProcessed(qint64(state.iterations()) * bytesPerBatch);
    }
    db.value().reset(); // closes the connection before the directory goes
}

BENCHMARK(BM_MessageStore_InsertBatch)
    ->ArgNames({"KB", "batch", "normalSync"})
    ->Args({20, 100, 0})
    ->Args({20, 100, 1})
    // AccountSync also commits at 16 MB, so 500 KB messages go 32 to a transaction.
    ->Args({500, 32, 0})
    ->Args({500, 32, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// What the cache writer (sync::CacheWriter) does at scale, without the network: a fresh
// cache filled to `total` messages of ~5.5 KB in transactions of `batch` messages, each
// followed by a passive checkpoint (or every `checkpoint_every` transactions). Time per message
// should not grow with the cache: the counters give it for the first and the last tenth of the fill
// (the list indexes are largest then), and stderr each tenth's.
void BM_MessageStore_FillToScale(benchmark::State &state)
{
    const int total = int(state.range(0));
    const int batch = int(state.range(1));
    const int checkpointEvery = int(state.range(2));
    // Distinct messages (their sort keys and dates land all over the list indexes, as real
    // mail's do), used again and again under new UIDLs.
    QList<store::IncomingMessage> pool;
    for (int i = 0; i < 4000; ++i)
        pool.append(incoming(i + 1, 5632));
    for (auto _ : state) {
        QTemporaryDir dir;
        if (qEnvironmentVariableIsSet("POPLAR_BENCH_KEEP")) {
            dir.setAutoRemove(false);
            std::fprintf(stderr, "  cache kept in %s\n", qPrintable(dir.path()));
        }
        auto db = store::Database::open(dir.filePath(QStringLiteral("cache.sqlite")),
                                        QStringLiteral("bench-fill"));
        if (!db) {
            state.SkipWithError(qPrintable(db.error().message()));
            return;
        }
        QSqlDatabase connection = db.value()->connection();
        if (qEnvironmentVariableIsSet("POPLAR_BENCH_CACHE_SIZE"))
            QSqlQuery(connection)
                .exec(QStringLiteral("PRAGMA cache_size = %1")
                          .arg(qEnvironmentVariable("POPLAR_BENCH_CACHE_SIZE")));
        const qint64 mailbox = store::DownloadRecords(connection)
                                   .mailbox(QStringLiteral("bench-account"),
                                            {QStringLiteral("h"), 995, QStringLiteral("u")})
                                   .value();
        QElapsedTimer all;
        QElapsedTimer tenth;
        all.start();
        tenth.start();
        double firstTenthUs = 0;
        double lastTenthUs = 0;
        int commits = 0;
        for (int done = 0; done < total;) {
            store::Transaction txn(connection);
            store::MessageStore::Inserter inserter(connection);
            for (int i = 0; i < batch && done < total; ++i, ++done) {
                store::IncomingMessage &m = pool[done % pool.size()];
                m.uidl = QStringLiteral("uidl-%1").arg(done);
                m.mailboxId = mailbox;
                m.listedSize = m.raw.size();
                if (!inserter.insert(m)) {
                    state.SkipWithError("insert failed");
                    return;
                }
            }
            if (!txn.commit()) {
                state.SkipWithError("commit failed");
                return;
            }
            if (++commits % checkpointEvery == 0)
                QSqlQuery(connection).exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
            if (done / (total / 10) != (done - batch) / (total / 10) || done == total) {
                const double us = double(tenth.nsecsElapsed()) / 1e3 / (total / 10);
                std::fprintf(stderr, "  %6d messages: %6.1f us per message in this tenth\n", done,
                             us);
                if (firstTenthUs == 0)
                    firstTenthUs = us;
                lastTenthUs = us;
                tenth.restart();
            }
        }
        state.SetIterationTime(double(all.nsecsElapsed()) / 1e9);
        state.counters["first_tenth_us"] = firstTenthUs;
        state.counters["last_tenth_us"] = lastTenthUs;
        connection = {};
        db.value().reset();
    }
    state.SetItemsProcessed(qint64(state.iterations()) * total);
}
BENCHMARK(BM_MessageStore_FillToScale)
    ->ArgNames({"total", "batch", "checkpoint_every"})
    ->Args({20000, 100, 1})
    ->Args({20000, 500, 1})
    ->Args({20000, 500, 4})
    ->Args({100000, 750, 4})
    ->Args({100000, 750, 16})
    ->Args({100000, 1500, 4})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

// Creating the cache: the fixed cost at the head of a first sync (every schema step, the
// WAL switch, the empty pages written and synced).
void BM_Database_CreateCache(benchmark::State &state)
{
    int serial = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        const QString name = QStringLiteral("bench-create-%1").arg(++serial);
        state.ResumeTiming();
        auto db = store::Database::open(dir.filePath(QStringLiteral("cache.sqlite")), name);
        if (!db) {
            state.SkipWithError(qPrintable(db.error().message()));
            return;
        }
        state.PauseTiming();
        db.value().reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_Database_CreateCache)->Unit(benchmark::kMillisecond);
