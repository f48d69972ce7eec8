// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs the real poplarctl binary on a test's profile; shared by the fixtures that drive it
// against a private server (CtlTest: Dovecot, SmtpCtlTest: the SMTP server).

#include "TestProcess.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QStringList>

#include <gtest/gtest.h>

namespace poplar::test {

struct CtlRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// poplarctl --profile `profile` `args`, in `env` (empty: the test's own), with stdin closed;
/// a run that outlasts `timeoutMs` is killed and reported. TestProcess makes sure a password
/// command poplarctl starts ends with the test.
inline CtlRun runPoplarctl(const QString &profile, const QStringList &args,
                           const QProcessEnvironment &env = {}, int timeoutMs = 90'000)
{
    TestProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(QStringLiteral(POPLARCTL_PATH),
            QStringList{QStringLiteral("--profile"), profile} + args);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.killGroup();
        ADD_FAILURE() << "poplarctl did not finish: " << args.join(QLatin1Char(' ')).toStdString();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

/// Writes `bytes` to `name` in `dir`; returns its path.
inline QString writeTestFile(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    EXPECT_EQ(f.write(bytes), bytes.size());
    return path;
}

} // namespace poplar::test
