// SPDX-License-Identifier: GPL-3.0-or-later
// Pop3Parser throughput on pipelined RETR replies, fed the way QSslSocket hands them over.
#include "BenchMessages.h"

#include "pop3/Pop3Parser.h"

#include <benchmark/benchmark.h>

#include <map>
#include <utility>

using namespace poplar;

namespace {

const bench::RetrStream &stream(int count, qsizetype size)
{
    // Generating 40-100 MB of mail takes longer than parsing it: once per shape.
    static std::map<std::pair<int, qsizetype>, bench::RetrStream> cache;
    auto it = cache.find({count, size});
    if (it == cache.end())
        it = cache.emplace(std::pair{count, size}, bench::makeRetrStream(count, size)).first;
    return it->second;
}

// Arguments: message count, nominal message size in KB, bytes per feed() call.
// 16 KB is one full TLS record, what one readyRead usually brings on loopback; 1460 is a
// TCP segment (a slow link); 256 KB is what readAll() returns after a busy event loop.
void BM_Pop3Parser_Retr(benchmark::State &state)
{
    const int count = int(state.range(0));
    const qsizetype size = qsizetype(state.range(1)) * 1024;
    const qsizetype chunk = qsizetype(state.range(2));
    const bench::RetrStream &s = stream(count, size);
    const QByteArrayView wire(s.wire);

    for (auto _ : state) {
        pop3::Pop3Parser parser;
        // As the client does: one expectation per RETR, with LIST's size as the hint.
        for (const qsizetype rawSize : s.rawSizes)
            parser.expect(pop3::ReplyShape::MultiLine, rawSize);
        qsizetype bodyBytes = 0;
        int replies = 0;
        for (qsizetype pos = 0; pos < wire.size(); pos += chunk) {
            parser.feed(wire.sliced(pos, std::min(chunk, wire.size() - pos)));
            while (parser.hasReply()) {
                const pop3::Reply reply = parser.takeReply();
                bodyBytes += reply.body.size();
                ++replies;
            }
        }
        benchmark::DoNotOptimize(bodyBytes);
        // A fast parser that drops bytes is no use: check every run.
        if (parser.fatalError() || replies != count || bodyBytes != s.rawTotal) {
            state.SkipWithError("the parser did not return exactly the messages it was fed");
            break;
        }
    }
    state.SetBytesProcessed(qint64(state.iterations()) * wire.size());
    state.SetItemsProcessed(qint64(state.iterations()) * count);
    state.counters["wireMB"] = double(wire.size()) / (1024 * 1024);
}

BENCHMARK(BM_Pop3Parser_Retr)
    ->ArgNames({"msgs", "KB", "chunk"})
    ->Args({2000, 20, 16384})
    ->Args({2000, 20, 1460})
    ->Args({2000, 20, 262144})
    ->Args({200, 500, 16384})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace
