// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/PasswordProvider.h"

#include "util/ProcessTree.h"

#include "accounts/SecretStore.h"

#include <QPointer>
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
    if (account.passwordSource == PasswordSource::Command) {
        runCommand(account.passwordCommand, std::move(done));
        return;
    }
    // Typed this session: for an "ask" account, or because the keychain failed earlier.
    if (const auto it = m_session.constFind(account.id); it != m_session.cend()) {
        done(*it);
        return;
    }
    if (account.passwordSource == PasswordSource::Ask) {
        ask(account, {}, std::move(done));
        return;
    }
    QPointer<PasswordProvider> self(this);
    m_secrets.read(passwordKey(account.id),
                   [self, account, done = std::move(done)](Result<QString> password) mutable {
                       if (password || !self)
                           return done(std::move(password));
                       // The keychain answered that it has none (an imported account, say):
                       // what the user types goes there, so it is asked for once.
                       const bool keep = isNotFound(password.error());
                       self->ask(account, password.error().message(), std::move(done), keep);
                   });
}

void PasswordProvider::remember(const QString &accountId, const QString &password)
{
    m_session.insert(accountId, password);
}

void PasswordProvider::forget(const QString &accountId)
{
    m_session.remove(accountId);
}

void PasswordProvider::ask(const Account &account, const QString &reason, Callback done,
                           bool keepInKeychain)
{
    if (!m_prompt) {
        const QString why =
            reason.isEmpty()
                ? tr("The account \"%1\" asks for its password when checking mail, and "
                     "nobody can be asked here.")
                      .arg(account.name)
                : tr("No password for the account \"%1\": %2.").arg(account.name, reason);
        done(Error{Error::Code::Config,
                   why + QLatin1Char(' ') +
                       tr("Choose where its password comes from: the system keychain (when "
                          "one runs: poplarctl account add --password-keychain), a password "
                          "command (--password-command CMD), or \"Ask when checking mail\" "
                          "in Poplar's account settings."),
                   {}});
        return;
    }
    QPointer<PasswordProvider> self(this);
    m_prompt(account, reason,
             [self, id = account.id, keepInKeychain,
              done = std::move(done)](std::optional<Answer> answer) {
                 if (!answer || answer->password.isEmpty()) {
                     done(Error{Error::Code::Cancelled, tr("No password was given"), {}});
                     return;
                 }
                 if (self && answer->remember)
                     self->remember(id, answer->password);
                 // A failed write leaves the session's copy: asked again next time, no worse.
                 if (self && answer->remember && keepInKeychain)
                     self->m_secrets.write(passwordKey(id), answer->password, [](Status) {});
                 done(answer->password);
             });
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
        if (process->state() != QProcess::NotRunning) {
            killProcessTree(process->processId()); // the command too, not just its shell
            process->kill();
        }
        process->deleteLater();
        cb(std::move(result));
    };

    connect(timer, &QTimer::timeout, this, [answer, ms = m_commandTimeoutMs] {
        answer(
            Error{Error::Code::Config,
                  tr("The password command did not finish within %n seconds", nullptr, ms / 1000),
                  {}});
    });
    connect(process, &QProcess::errorOccurred, this, [answer, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            answer(Error{Error::Code::Config,
                         tr("The password command could not start: %1").arg(process->errorString()),
                         {}});
        }
    });
    connect(
        process, &QProcess::finished, this,
        [answer, process](int exitCode, QProcess::ExitStatus status) {
            if (status != QProcess::NormalExit || exitCode != 0) {
                // stderr is the user's own tool's words; the first line is enough.
                const QString why = QString::fromUtf8(
                    process->readAllStandardError().split('\n').value(0).left(200));
                answer(Error{Error::Code::Config,
                             why.isEmpty()
                                 ? tr("The password command failed (exit code %1)").arg(exitCode)
                                 : tr("The password command failed (exit code %1): %2")
                                       .arg(QString::number(exitCode), why),
                             {}});
                return;
            }
            QByteArray line = process->readAllStandardOutput().split('\n').value(0);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty()) {
                answer(Error{Error::Code::Config, tr("The password command printed nothing"), {}});
                return;
            }
            answer(QString::fromUtf8(line));
        });
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    process->closeWriteChannel();
    timer->start(m_commandTimeoutMs);
}

} // namespace poplar
