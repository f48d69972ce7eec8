// SPDX-License-Identifier: GPL-3.0-or-later
// Google Benchmark's main, with a QCoreApplication: QtSql loads its SQLite driver as a
// plugin, which needs the application object, as in Poplar itself.
#include <QCoreApplication>

#include <benchmark/benchmark.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
