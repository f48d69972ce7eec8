// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's target for bulk work: the GUI thread never stalls for more than 100 ms while
// 10,000 selected messages of a 100,000-message Inbox are deleted, a 100,000-message Trash
// is emptied, an account with 100,000 messages is removed, and 2,000 messages are synced
// from a private Dovecot (TLS) into the Unified Inbox beside them; and, beyond the target,
// while the whole 100,000-message Inbox is selected and deleted.
//
//   poplar-bulk-bench [--messages N] [--delete N] [--sync-messages N] [Google Benchmark flags]
//   e.g. --benchmark_filter=remove --benchmark_repetitions=3
//
// A profile is filled once (not timed; see fillBulkProfile). Each iteration copies it and
// runs the scenario in a child process of this program (--measure SCENARIO DIR: the real
// window, offscreen; see BulkScenario.h), so that each peak RSS is its scenario's. The
// iteration's time is the work's (manual time); the counters say what the target is about:
//   longest_stall_ms  the longest the GUI thread's event loop was kept from running
//   stall_cpu_ms      the GUI thread's own CPU time in that stall (the rest: waiting for
//                     one of the two cores)
//   peak_rss_MB       the child's peak resident size
//   written_MB        what the child wrote (write(2) and its kin) while the work ran
#include "BulkScenario.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace poplar;

namespace {

struct Sizes {
    int messages = 100'000;
    int deleteCount = 10'000;
    int syncMessages = 2'000;
};

Sizes sizes;

/// The filled profile every iteration starts from, made at the first iteration.
const QTemporaryDir *pristine()
{
    static std::unique_ptr<QTemporaryDir> dir = [] {
        auto made = std::make_unique<QTemporaryDir>();
        std::fprintf(stderr, "filling a profile with %d messages (not timed)...\n", sizes.messages);
        QElapsedTimer t;
        t.start();
        if (!made->isValid() || !bench::fillBulkProfile(made->path(), sizes.messages))
            return std::unique_ptr<QTemporaryDir>();
        std::fprintf(stderr, "filled in %lld s\n", static_cast<long long>(t.elapsed() / 1000));
        return made;
    }();
    return dir.get();
}

bool copyProfile(const QString &from, const QString &to)
{
    for (const QString &name : QDir(from).entryList(QDir::Files)) {
        if (name.endsWith(QLatin1String(".lock")))
            continue;
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

/// The child's RESULT line, as numbers by name.
QHash<QString, double> resultOf(const QByteArray &output)
{
    QHash<QString, double> values;
    static const QRegularExpression pair(QStringLiteral("(\\w+)=([-\\d.]+)"));
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith("RESULT "))
            continue;
        for (const auto &m : pair.globalMatch(QString::fromLatin1(line)))
            values.insert(m.captured(1), m.captured(2).toDouble());
    }
    return values;
}

void bulkStall(benchmark::State &state, const QString &scenario)
{
    const QTemporaryDir *filled = pristine();
    if (!filled) {
        state.SkipWithError("cannot fill the profile");
        return;
    }
    double longest = 0;
    double cpuInLongest = 0;
    double peakRss = 0;
    double written = 0;
    for (auto _ : state) {
        QTemporaryDir dir;
        if (!dir.isValid() || !copyProfile(filled->path(), dir.path())) {
            state.SkipWithError("cannot copy the profile");
            return;
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--delete"), QString::number(sizes.deleteCount),
                     QStringLiteral("--sync-messages"), QString::number(sizes.syncMessages),
                     QStringLiteral("--measure"), scenario, dir.path()});
        const bool ended = child.waitForFinished(900'000);
        const QHash<QString, double> result = resultOf(child.readAllStandardOutput());
        if (!ended || child.exitCode() != 0 || result.value(QStringLiteral("finished")) != 1) {
            child.kill();
            child.waitForFinished();
            state.SkipWithError("the scenario did not finish (see its line above)");
            return;
        }
        state.SetIterationTime(result.value(QStringLiteral("work_ms")) / 1000.0);
        const double stall = result.value(QStringLiteral("stall_ms"));
        if (stall >= longest) {
            longest = stall;
            cpuInLongest = result.value(QStringLiteral("stall_cpu_ms"));
        }
        peakRss = std::max(peakRss, result.value(QStringLiteral("peak_rss_mb")));
        written = std::max(written, result.value(QStringLiteral("written_mb")));
    }
    state.counters["longest_stall_ms"] = longest;
    state.counters["stall_cpu_ms"] = cpuInLongest;
    state.counters["peak_rss_MB"] = peakRss;
    state.counters["written_MB"] = written;
    state.SetLabel(longest < 100 ? "under 100 ms" : "OVER 100 ms");
}

/// Takes this program's own flags out of argv, leaving Google Benchmark's.
void takeSizes(int &argc, char **argv)
{
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const auto take = [&](const char *flag, int &into) {
            if (qstrcmp(argv[i], flag) != 0 || i + 1 >= argc)
                return false;
            into = QByteArray(argv[++i]).toInt();
            return true;
        };
        if (!take("--messages", sizes.messages) && !take("--delete", sizes.deleteCount) &&
            !take("--sync-messages", sizes.syncMessages))
            argv[kept++] = argv[i];
    }
    argc = kept;
}

void registerScenarios()
{
    const auto add = [](const std::string &name, const char *scenario) {
        benchmark::RegisterBenchmark(name.c_str(), bulkStall, QString::fromLatin1(scenario))
            ->UseManualTime()
            ->Iterations(1)
            ->Unit(benchmark::kMillisecond);
    };
    const std::string of = "_of_" + std::to_string(sizes.messages);
    add("BulkStall/delete_" + std::to_string(sizes.deleteCount) + of, "delete");
    add("BulkStall/empty_trash_" + std::to_string(sizes.messages), "empty-trash");
    add("BulkStall/remove_account_" + std::to_string(sizes.messages), "remove");
    add("BulkStall/sync_" + std::to_string(sizes.syncMessages) + "_beside_" +
            std::to_string(sizes.messages),
        "sync");
    add("BulkStall/select_all_delete_" + std::to_string(sizes.messages), "select-all");
}

} // namespace

int main(int argc, char **argv)
{
    takeSizes(argc, argv);
    for (int i = 1; i + 2 < argc; ++i) {
        if (qstrcmp(argv[i], "--measure") == 0) {
            bench::BulkScenario scenario;
            scenario.name = QString::fromLocal8Bit(argv[i + 1]);
            scenario.profileDir = QString::fromLocal8Bit(argv[i + 2]);
            scenario.deleteCount = sizes.deleteCount;
            scenario.syncMessages = sizes.syncMessages;
            return bench::runBulkScenario(argc, argv, scenario);
        }
    }
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    registerScenarios();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
