// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 5's render targets: every corpus message's render time (median and worst), and a
// 25 MB message with attachments shown in under 300 ms with under 4x its size in memory.
#include "BenchMessages.h"

#include "mime/MessageRenderer.h"

#include <QDir>
#include <QFile>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

using namespace poplar;

namespace {

QString corpusDir()
{
    const QString env = qEnvironmentVariable("POPLAR_CORPUS");
    return env.isEmpty() ? QStringLiteral(POPLAR_BENCH_CORPUS_DIR) : env;
}

QList<QByteArray> corpusMessages()
{
    QList<QByteArray> messages;
    QDir root(corpusDir());
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders) {
        QDir dir(root.filePath(folder));
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                messages.append(file.readAll());
        }
    }
    return messages;
}

/// One iteration renders every corpus message once; the counters are per message.
void BM_Render_Corpus(benchmark::State &state)
{
    const QList<QByteArray> messages = corpusMessages();
    if (messages.isEmpty()) {
        state.SkipWithError("no corpus (set POPLAR_CORPUS)");
        return;
    }
    QList<double> perMessage(messages.size(), 1e300); // the best of the iterations
    for (auto _ : state) {
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const auto start = std::chrono::steady_clock::now();
            mime::RenderedMessage m = mime::MessageRenderer::render(messages.at(i));
            benchmark::DoNotOptimize(m);
            const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - start;
            perMessage[i] = std::min(perMessage[i], took.count());
        }
    }
    std::sort(perMessage.begin(), perMessage.end());
    state.counters["messages"] = double(messages.size());
    state.counters["median_ms"] = perMessage.at(perMessage.size() / 2);
    state.counters["worst_ms"] = perMessage.last();
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// A 25 MB message: text and base64 attachments. Memory is the peak resident size during
/// the render above what the process held before it (VmHWM after resetting it).
void BM_Render_25MB(benchmark::State &state)
{
    const QByteArray raw = bench::makeMessage(25, 25 * 1024 * 1024);
    double peakRatio = 0;
    for (auto _ : state) {
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        const bool canReset = clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
        clear.close();
        const qint64 before = statusKb("VmRSS:");
        mime::RenderedMessage m = mime::MessageRenderer::render(raw);
        benchmark::DoNotOptimize(m);
        if (m.text.isEmpty()) {
            state.SkipWithError("no text shown");
            break;
        }
        if (canReset) {
            const double extra = double(statusKb("VmHWM:") - before) * 1024.0;
            peakRatio = std::max(peakRatio, extra / double(raw.size()));
        }
    }
    state.counters["MB"] = double(raw.size()) / (1024.0 * 1024.0);
    state.counters["peak_memory_x_size"] = peakRatio;
    state.SetBytesProcessed(qint64(state.iterations()) * raw.size());
}

/// Hostile structure: 20,000 nested <div>s (gumbo alone is quadratic on it) and 100,000
/// nested multiparts (GMime checks each line against every open boundary). The renderer's
/// caps must keep both linear.
void BM_Render_DeepHtml(benchmark::State &state)
{
    QByteArray raw = "From: a@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
                     "Content-Type: text/html\r\n\r\n";
    for (int i = 0; i < 20000; ++i)
        raw += "<div>";
    raw += "deep text\r\n";
    for (auto _ : state) {
        mime::RenderedMessage m = mime::MessageRenderer::render(raw);
        benchmark::DoNotOptimize(m);
    }
}

void BM_Render_DeepMultipart(benchmark::State &state)
{
    QByteArray raw = "From: a@example.org\nSubject: deep\nMIME-Version: 1.0\n";
    for (int i = 0; i < 100000; ++i)
        raw += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\n\n--b" +
               QByteArray::number(i) + "\n";
    raw += "Content-Type: text/plain\n\ninnermost\n";
    for (auto _ : state) {
        mime::RenderedMessage m = mime::MessageRenderer::render(raw);
        benchmark::DoNotOptimize(m);
    }
}

BENCHMARK(BM_Render_DeepHtml)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Render_DeepMultipart)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Render_Corpus)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Render_25MB)->Unit(benchmark::kMillisecond)->Iterations(5);

} // namespace
