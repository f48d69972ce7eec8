// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/PasswordProvider.h"

#include "accounts/SecretStore.h"

#include <QProcess>
#include <QTimer>

#include <memory>

namespace poplar {

PasswordProvider::PasswordProvider(SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{}

void PasswordProvider::fetch(const Account &account, Callback done)
{
    if (account.passwordSource == PasswordSource::Command)
        runCommand(account.passwordCommand, std::move(done));
    else
        m_secrets.read(passwordKey(account.id), std::move(done));
}

void PasswordProvider::runCommand(const QString &command, Callback done)
{
    auto *process = new QProcess(this);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    // Shared so that whichever comes first (exit, start failure, timeout) answers once.
    auto callback = std::make_shared<Callback>(std::move(done));
    auto answer = [process, callback](Result<QString> result) {
        if (!*callback)
            return;
        Callback cb = std::move(*callback);
        *callback = nullptr;
        process->disconnect();
        if (process->state() != QProcess::NotRunning)
            process->kill();
        process->deleteLater();
        cb(std::move(result));
    };

    connect(timer, &QTimer::timeout, this, [answer, ms = m_commandTimeoutMs] {
        answer(Error{
            Error::Code::Config,
            QStringLiteral("The password command did not finish within %1 seconds").arg(ms / 1000),
            {}});
    });
    connect(process, &QProcess::errorOccurred, this, [answer, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            answer(Error{Error::Code::Config,
                         QStringLiteral("The password command could not start: %1")
                             .arg(process->errorString()),
                         {}});
        }
    });
    connect(process, &QProcess::finished, this,
            [answer, process](int exitCode, QProcess::ExitStatus status) {
                if (status != QProcess::NormalExit || exitCode != 0) {
                    // stderr is the user's own tool's words; the first line is enough.
                    const QString why = QString::fromUtf8(
                        process->readAllStandardError().split('\n').value(0).left(200));
                    answer(Error{Error::Code::Config,
                                 QStringLiteral("The password command failed (exit code %1)%2")
                                     .arg(exitCode)
                                     .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why),
                                 {}});
                    return;
                }
                QByteArray line = process->readAllStandardOutput().split('\n').value(0);
                if (line.endsWith('\r'))
                    line.chop(1);
                if (line.isEmpty()) {
                    answer(Error{Error::Code::Config,
                                 QStringLiteral("The password command printed nothing"),
                                 {}});
                    return;
                }
                answer(QString::fromUtf8(line));
            });
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    process->closeWriteChannel();
    timer->start(m_commandTimeoutMs);
}

} // namespace poplar
