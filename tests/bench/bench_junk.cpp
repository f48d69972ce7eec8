// SPDX-License-Identifier: GPL-3.0-or-later
// The junk classifier's cost per message during a sync, split into its two parts: what
// Poplar does (the classifier's view of each message and the mailbox handed to bogofilter)
// and bogofilter itself (one `bogofilter -M -T` call on a word list trained on 200 good and
// 200 junk messages). tests/bench/throughput.sh's junk set measures the whole sync.
#include "BenchMessages.h"

#include "junk/JunkClassifier.h"

#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace poplar;

namespace {

constexpr qsizetype messageSize = 20 * 1024; // the throughput bench's small set

QList<QByteArray> benchMail(int count, std::uint32_t firstSeed)
{
    QList<QByteArray> messages;
    for (int i = 0; i < count; ++i)
        messages.append(bench::makeMessage(firstSeed + std::uint32_t(i), messageSize));
    return messages;
}

QList<QByteArray> junkMail(int count)
{
    static const char *const words[] = {"viagra", "pharmacy", "discount", "winner", "lottery",
                                        "casino", "bitcoin",  "loan",     "cash",   "jackpot"};
    QList<QByteArray> messages;
    for (int n = 0; n < count; ++n) {
        QByteArray body;
        for (int line = 0; line < 40; ++line) {
            for (int w = 0; w < 12; ++w)
                body += QByteArray(words[(n * 7 + line * 3 + w) % 10]) + ' ';
            body += '\n';
        }
        messages.append("From: Offers <deals" + QByteArray::number(n) +
                        "@promo.example>\nTo: alice@example.org\nSubject: WINNER " +
                        QByteArray::number(n) + "\n\n" + body);
    }
    return messages;
}

/// Poplar's part: views and mailbox for a batch of 200 messages of 20 KB.
void BM_Junk_Mailbox(benchmark::State &state)
{
    const QList<QByteArray> batch = benchMail(200, 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(junk::JunkClassifier::mailbox(batch));
    state.SetItemsProcessed(state.iterations() * batch.size());
}
BENCHMARK(BM_Junk_Mailbox)->Unit(benchmark::kMillisecond);

/// The whole call: mailbox, bogofilter's start, its reading and scoring of the batch.
void BM_Junk_Classify(benchmark::State &state)
{
    if (QStandardPaths::findExecutable(QStringLiteral("bogofilter")).isEmpty()) {
        state.SkipWithError("bogofilter is not installed");
        return;
    }
    QTemporaryDir dir;
    const junk::JunkClassifier classifier(dir.filePath(QStringLiteral("bogofilter")));
    if (!classifier.train(benchMail(200, 100'000), junk::Training::None, junk::Training::Good) ||
        !classifier.train(junkMail(200), junk::Training::None, junk::Training::Junk)) {
        state.SkipWithError("bogofilter could not be trained");
        return;
    }
    const QList<QByteArray> batch = benchMail(int(state.range(0)), 1);
    qint64 viewBytes = junk::JunkClassifier::mailbox(batch).size();
    for (auto _ : state) {
        auto scores = classifier.classify(batch);
        if (!scores) {
            state.SkipWithError(qPrintable(scores.error().message()));
            return;
        }
        benchmark::DoNotOptimize(scores);
    }
    state.SetItemsProcessed(state.iterations() * batch.size());
    state.SetBytesProcessed(state.iterations() * viewBytes);
}
BENCHMARK(BM_Junk_Classify)->Arg(1)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

} // namespace
