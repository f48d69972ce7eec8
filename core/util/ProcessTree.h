// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

namespace poplar {

/// Ends a process and everything it started (SIGKILL), found through /proc on Linux. For the
/// shell of a password command that hangs: killing only the shell would leave the command
/// itself running. A process group would do it too, but would take a command that asks on
/// the terminal (a pinentry) out of the terminal's foreground.
void killProcessTree(qint64 pid);

/// Every live process below `pid` (children, their children, ...), from /proc on Linux;
/// zombies are not counted.
[[nodiscard]] QList<qint64> descendantsOf(qint64 pid);

} // namespace poplar
