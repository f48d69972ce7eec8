// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace poplar::ctl {

/// Gives poplarctl's functions tr(): what it says to a person (errors, usage, progress) is
/// translated, in the one context "poplarctl". What scripts read (JSON, ids) is not.
class Words {
    Q_DECLARE_TR_FUNCTIONS(poplarctl)
};

/// Exit codes: 0 success, 1 the operation failed, 2 the command line was wrong.
enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

/// Runs one poplarctl command. `profileDir` may be empty (standard locations);
/// `args` starts with the command name. Writes results to stdout, errors to stderr.
int run(const QString &profileDir, const QStringList &args);

// The commands; `args` excludes the command's name.
int account(const QString &profileDir, const QStringList &args);
int sync(const QString &profileDir, const QStringList &args);
int fetch(const QString &profileDir, const QStringList &args);
int list(const QString &profileDir, const QStringList &args);
int showOrExport(const QString &profileDir, const QStringList &args, bool exportRaw);
int trashOrRestore(const QString &profileDir, const QStringList &args, bool restore);
int pending(const QString &profileDir, const QStringList &args);
int emptyTrash(const QString &profileDir, const QStringList &args);
int search(const QString &profileDir, const QStringList &args);
int importMailbox(const QString &profileDir, const QStringList &args);
int importProfile(const QString &profileDir, const QStringList &args);
int exportFolder(const QString &profileDir, const QStringList &args);
int check(const QString &profileDir, const QStringList &args);
int compact(const QString &profileDir, const QStringList &args);
int render(const QStringList &args);
int send(const QString &profileDir, const QStringList &args);
int replyOrForward(const QString &profileDir, const QStringList &args, bool forward);
int outbox(const QString &profileDir, const QStringList &args);
/// Becomes poplarctl-pdf (exec), which runs layOutPdf(): only that helper loads Qt GUI.
int pdf(const QString &profileDir, const QStringList &args);
/// `poplarctl pdf` itself, in poplarctl-pdf.
int layOutPdf(const QString &profileDir, const QStringList &args);
int filters(const QString &profileDir, const QStringList &args);
int junk(const QString &profileDir, const QStringList &args);
int tag(const QString &profileDir, const QStringList &args);

} // namespace poplar::ctl
