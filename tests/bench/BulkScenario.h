// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::bench {

/// One bulk scenario measured in a process of its own (so that its peak RSS is its own):
/// the real MainWindow, as `poplar` builds it, on the offscreen platform over a copy of the
/// filled profile in `profileDir`.
///
///   delete       the newest `deleteCount` rows of the Inbox are selected and deleted
///   select-all   the whole Inbox is selected (Ctrl+A) and deleted
///   empty-trash  the account's Trash (the whole Inbox, moved there before) is emptied,
///                the question answered
///   remove       the account is removed in Settings, the question answered
///   sync         `syncMessages` messages of ~20 KB come from a private Dovecot over TLS
///                into the Unified Inbox shown, beside the messages already there
///
/// From the user's action until the work is done and half a second more, a StallMeter
/// watches the GUI thread. The figures go to stdout as one line for the driver:
///   RESULT finished=1 stall_ms=… stall_cpu_ms=… work_ms=… peak_rss_mb=…
/// and, for a person, to stderr.
struct BulkScenario {
    QString name;
    QString profileDir;
    int deleteCount = 10'000;
    int syncMessages = 2'000;
};

/// Makes the QApplication and runs the scenario; returns the process's exit code (0 when
/// it finished).
int runBulkScenario(int argc, char **argv, const BulkScenario &scenario);

/// Fills `dir` with a profile (not timed): an account "Bench" with `messages` messages of
/// about 4 KB in its Inbox, and an account "Other" with 100.
bool fillBulkProfile(const QString &dir, int messages);

} // namespace poplar::bench
