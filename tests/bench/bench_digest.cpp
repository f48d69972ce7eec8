// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256 of whole messages: the cache records one per stored message (twin detection), so
// its speed bounds how fast mail can be stored. Qt's own implementation is compared with
// OpenSSL's (SHA-NI where the CPU has it) when OpenSSL's headers are around.
#include "BenchMessages.h"

#include <QCryptographicHash>

#include <benchmark/benchmark.h>

#ifdef POPLAR_BENCH_OPENSSL
#include <openssl/evp.h>
#endif

using namespace poplar;

namespace {

// Argument: message size in KB.
void BM_Sha256_QCryptographicHash(benchmark::State &state)
{
    const QByteArray raw = bench::makeMessage(1, qsizetype(state.range(0)) * 1024);
    for (auto _ : state) {
        QByteArray digest = QCryptographicHash::hash(raw, QCryptographicHash::Sha256);
        benchmark::DoNotOptimize(digest);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(qint64(state.iterations()) * raw.size());
}
BENCHMARK(BM_Sha256_QCryptographicHash)->Arg(20)->Arg(500)->Unit(benchmark::kMicrosecond);

#ifdef POPLAR_BENCH_OPENSSL
void BM_Sha256_OpenSSL(benchmark::State &state)
{
    const QByteArray raw = bench::makeMessage(1, qsizetype(state.range(0)) * 1024);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    for (auto _ : state) {
        EVP_Digest(raw.constData(), size_t(raw.size()), digest, &length, EVP_sha256(), nullptr);
        benchmark::DoNotOptimize(digest);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(qint64(state.iterations()) * raw.size());
}
BENCHMARK(BM_Sha256_OpenSSL)->Arg(20)->Arg(500)->Unit(benchmark::kMicrosecond);
#endif

} // namespace
