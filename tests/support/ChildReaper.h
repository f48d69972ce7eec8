// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace poplar::test {

/// Makes this test binary the reaper of every process its tests start, directly or through
/// another (Linux: PR_SET_CHILD_SUBREAPER, so an orphaned grandchild stays below it, where a
/// ctest TIMEOUT's kill also finds it), and, when each test ends, kills whatever below it is
/// still running, naming it on stderr. Call once from main(), after InitGoogleTest.
void installChildReaper();

/// Kills every live process below this one (children, theirs, ...) and waits until they are
/// gone; returns what was running, "PID COMMAND" each.
QStringList endLeftoverProcesses();

/// The live processes below this one (zombies, which have exited, are not counted).
QList<qint64> liveDescendants();

/// Whether `pid` names a process that has not exited.
bool isRunning(qint64 pid);

} // namespace poplar::test
