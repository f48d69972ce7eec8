// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/WorkerThread.h"

#include <QObject>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>

namespace poplar::test {

namespace {

/// Notes the thread it is destroyed on.
class Probe : public QObject {
public:
    explicit Probe(std::atomic<QThread *> &diedOn)
        : m_diedOn(diedOn)
    {}
    ~Probe() override { m_diedOn.store(QThread::currentThread()); }

private:
    std::atomic<QThread *> &m_diedOn;
};

} // namespace

TEST(WorkerThread, TheWorkerGoesOnItsOwnThreadBeforeWaitReturns)
{
    // What follows wait() may be the process's exit: the worker, and what OpenSSL keeps for
    // its thread, are gone by then, freed on that thread.
    std::atomic<QThread *> diedOn{nullptr};
    QThread thread;
    auto *probe = new Probe(diedOn);
    probe->moveToThread(&thread);
    deleteWhenFinished(thread, probe);
    thread.start();
    thread.quit();
    ASSERT_TRUE(thread.wait(10'000));
    EXPECT_EQ(diedOn.load(), &thread);
}

} // namespace poplar::test
