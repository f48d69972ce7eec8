// SPDX-License-Identifier: GPL-3.0-or-later
// MessageStore::insert in the batches AccountSync commits, on a real file with WAL and
// synchronous=FULL, so the number includes the fsync a sync really pays per batch.
#include "BenchMessages.h"

#include "sync/HeaderFacts.h"
#include "store/Database.h"
#include "store/MessageStore.h"

#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

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

} // namespace
