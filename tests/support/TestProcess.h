// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>

namespace poplar::test {

/// A QProcess for what a test starts (poplarctl, a helper): whatever happens to the test, the
/// child does not outlive it.
/// - The child leads a process group of its own, and destroying this object kills the whole
///   group, so what the child started in turn (a password command) ends too.
/// - On Linux the child gets SIGKILL when the test binary dies, even by SIGKILL (a ctest
///   TIMEOUT) or a crash. The signal follows the thread that started the child: start it on
///   the test's own thread.
class TestProcess : public QProcess {
public:
    explicit TestProcess(QObject *parent = nullptr);
    ~TestProcess() override;
    TestProcess(const TestProcess &) = delete;
    TestProcess &operator=(const TestProcess &) = delete;

    /// SIGKILL to the child's process group; waits for the child itself.
    void killGroup();

private:
    qint64 m_group = 0; ///< the child's pid, which names its group; kept after it exits
};

} // namespace poplar::test
