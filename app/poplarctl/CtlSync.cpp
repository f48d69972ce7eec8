// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl sync and fetch: the commands that talk to servers.
#include "CtlSupport.h"

#include "JsonFormat.h"
#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "mime/MessageRenderer.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MailboxReader.h"
#include "store/MboxWriter.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "sync/MailImporter.h"
#include "sync/MessageActions.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <list>
#include <map>

namespace poplar::ctl {

int runSessions(Profile &profile, const QList<Account> &accounts, QFile *log, qint64 completeId);

int sync(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl sync: download new mail and send what waits in the Outbox; "
                             "exit 0 only if every account synced and nothing is left waiting."),
                   args);
    cl.add(QStringLiteral("account"), Words::tr("Only this account."), QStringLiteral("ID"));
    cl.add(QStringLiteral("log"), Words::tr("Write the protocol log (no credentials) to FILE."),
           QStringLiteral("FILE"));
    if (auto code = cl.parse())
        return *code;

    auto profileResult = Profile::open(profileDir);
    if (!profileResult)
        return fail(profileResult.error());
    Profile &profile = profileResult.value();
    if (Status s = profile.lock(); !s)
        return fail(s.error());

    QList<Account> accounts = AccountStore(profile.iniPath()).accounts();
    if (cl.isSet(QStringLiteral("account"))) {
        const QString id = cl.value(QStringLiteral("account"));
        accounts.removeIf([&](const Account &a) { return a.id != id; });
        if (accounts.isEmpty())
            return fail({Error::Code::NotFound, Words::tr("There is no account %1").arg(id), {}});
    }
    if (accounts.isEmpty()) {
        printErr(Words::tr("no accounts; add one with 'poplarctl account add'"));
        return Failure;
    }

    std::unique_ptr<QFile> log;
    if (cl.isSet(QStringLiteral("log"))) {
        log = std::make_unique<QFile>(cl.value(QStringLiteral("log")));
        if (!log->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            return fail({Error::Code::Config,
                         Words::tr("Cannot write the log file %1: %2")
                             .arg(log->fileName(), log->errorString()),
                         {}});
    }

    const int received = runSessions(profile, accounts, log.get(), 0);
    // A connection is there (or not) for sending too: what waits goes now.
    const int sent = sendWaiting(profile, accounts);
    return received == Success ? sent : received;
}

int runSessions(Profile &profile, const QList<Account> &accounts, QFile *log, qint64 completeId)
{
    KeychainSecretStore secrets;
    PasswordProvider passwords(secrets);
    sync::SyncController controller(profile.cachePath(), passwords);
    controller.setFiltersPath(profile.filtersPath());
    controller.setEndsWithProcess(true);
    if (log) {
        QObject::connect(&controller, &sync::SyncController::protocolLine,
                         [log](const QString &accountId, bool fromClient, const QByteArray &line) {
                             log->write(QByteArray("[") + accountId.toUtf8() + "] " +
                                        (fromClient ? "C: " : "S: ") + line + '\n');
                             log->flush(); // a killed sync still leaves its log
                         });
    }
    int pending = int(accounts.size());
    bool allOk = true;
    QHash<QString, Account> byId;
    for (const Account &a : accounts)
        byId.insert(a.id, a);
    QSet<QString> toldOfWait;
    QObject::connect(&controller, &sync::SyncController::waitingForLogin,
                     [&](const QString &accountId, int secondsLeft) {
                         if (toldOfWait.contains(accountId))
                             return; // once: stderr is not a countdown display
                         toldOfWait.insert(accountId);
                         printErr(Words::tr("%1: waiting %2 s, as the server allows logins "
                                            "only so often (LOGIN-DELAY)")
                                      .arg(byId.value(accountId).name)
                                      .arg(secondsLeft));
                     });
    QObject::connect(&controller, &sync::SyncController::finished, [&](const sync::SyncResult &r) {
        const Account account = byId.value(r.accountId);
        const QString name = account.name;
        for (const QString &w : r.warnings)
            printErr(QStringLiteral("%1: %2").arg(name, w));
        if (r.serverExpireDays == 0 && account.leaveOnServer) {
            printErr(Words::tr("%1: note: the server deletes messages once they are downloaded "
                               "(EXPIRE 0), so \"leave on server\" has no effect there")
                         .arg(name));
        }
        if (r.ok()) {
            if (!completeId)
                printOut(Words::tr("%1: %n new message(s)", nullptr, r.newMessages).arg(name) +
                         QLatin1Char('\n'));
        } else {
            allOk = false;
            printErr(QStringLiteral("%1: %2").arg(name, r.error->message()));
        }
        if (--pending == 0)
            QCoreApplication::exit();
    });
    for (const Account &a : accounts) {
        if (completeId)
            controller.completeMessage(a, completeId);
        else
            controller.syncAccount(a);
    }
    QCoreApplication::exec();
    return allOk ? Success : Failure;
}

int fetch(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl fetch: download the rest of a message that was stored "
                             "headers-only because of the account's size limit."),
                   args);
    cl.addMessageId();
    if (auto code = cl.parse())
        return *code;
    auto opened = openMessageSession(profileDir, cl.arg(0));
    if (!opened)
        return fail(opened.error());
    auto &[id, session] = opened.value();
    auto summary = session.store->message(id);
    if (!summary)
        return fail(summary.error());
    if (!summary.value().partial)
        return Success; // already whole
    const auto account = AccountStore(session.profile.iniPath()).account(summary.value().accountId);
    if (!account)
        return fail(
            {Error::Code::NotFound, Words::tr("The message's account no longer exists"), {}});
    if (Status s = session.profile.lock(); !s)
        return fail(s.error());
    return runSessions(session.profile, {*account}, nullptr, id);
}

} // namespace poplar::ctl
