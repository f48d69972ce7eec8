// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <ctime>

namespace poplar::bench {

/// The GUI thread's longest stall: a 1 ms timer on its event loop, and the longest gap
/// between two of its ticks (the longest the loop was kept from running). With it, the
/// thread's own CPU time in that gap, which tells work on the GUI thread from waiting for
/// a core that other processes hold (the machine has two).
class StallMeter {
public:
    StallMeter()
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(1);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { tick(); });
    }

    void start()
    {
        m_longest = 0;
        m_longestCpu = 0;
        m_sinceTick.start();
        m_cpuAtTick = threadCpuMs();
        m_ticker.start();
    }
    void stop()
    {
        tick();
        m_ticker.stop();
    }

    /// Wall-clock milliseconds of the longest gap.
    [[nodiscard]] double longestMs() const { return m_longest; }
    /// The GUI thread's CPU milliseconds within that gap.
    [[nodiscard]] double longestCpuMs() const { return m_longestCpu; }

    /// When the loop last ticked (ns since the epoch), for a watchdog on another thread.
    std::atomic<qint64> lastTickNs{0};

private:
    static double threadCpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }

    void tick()
    {
        lastTickNs.store(QDateTime::currentMSecsSinceEpoch() * 1'000'000);
        const double gap = double(m_sinceTick.nsecsElapsed()) / 1e6;
        m_sinceTick.restart();
        const double cpu = threadCpuMs();
        if (gap > m_longest) {
            m_longest = gap;
            m_longestCpu = cpu - m_cpuAtTick;
        }
        m_cpuAtTick = cpu;
    }

    QTimer m_ticker;
    QElapsedTimer m_sinceTick;
    double m_cpuAtTick = 0;
    double m_longest = 0;
    double m_longestCpu = 0;
};

} // namespace poplar::bench
