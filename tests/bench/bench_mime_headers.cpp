// SPDX-License-Identifier: GPL-3.0-or-later
// MessageRenderer::headers: what the sync thread spends per message to fill the list columns.
#include "BenchMessages.h"

#include "mime/MessageRenderer.h"

#include <benchmark/benchmark.h>

using namespace poplar;

namespace {

// Argument: message size in KB. Only the header block should matter, so a 500 KB message
// costing more than a 20 KB one points at work proportional to the body.
void BM_MessageRenderer_Headers(benchmark::State &state)
{
    const QByteArray raw = bench::makeMessage(1, qsizetype(state.range(0)) * 1024);
    for (auto _ : state) {
        mime::MessageHeaders h = mime::MessageRenderer::headers(raw);
        benchmark::DoNotOptimize(h);
        if (h.subject.isEmpty() || h.to.size() != 2 || !h.date.isValid()) {
            state.SkipWithError("headers were not read");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(qint64(state.iterations()) * raw.size());
}

BENCHMARK(BM_MessageRenderer_Headers)->Arg(20)->Arg(500)->Unit(benchmark::kMicrosecond);

} // namespace
