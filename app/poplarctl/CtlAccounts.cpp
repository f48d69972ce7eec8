// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl account add|edit|list|remove.
#include "CtlAccountOptions.h"
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
#include "store/WorkCache.h"
#include "sync/BulkActions.h"
#include "sync/MailImporter.h"
#include "sync/MessageActions.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <list>
#include <map>

namespace poplar::ctl {

int accountAdd(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl account add: add a POP3 account; prints its id."), args);
    addAccountOptions(cl);
    if (auto code = cl.parse())
        return *code;
    auto usage = [](const QString &why) {
        printErr(why);
        return int(Usage);
    };
    if (!cl.isSet(QStringLiteral("host")) || !cl.isSet(QStringLiteral("user")) ||
        !cl.isSet(QStringLiteral("security")))
        return usage(Words::tr("account add needs --host, --security and --user"));
    const bool keychain = cl.isSet(QStringLiteral("password-keychain"));
    if (cl.isSet(QStringLiteral("password-command")) == keychain)
        return usage(Words::tr("give exactly one of --password-command and --password-keychain"));
    Account a;
    if (auto code = applyAccountOptions(cl, a))
        return *code;

    auto profile = Profile::open(profileDir);
    if (!profile)
        return fail(profile.error());
    AccountStore accounts(profile.value().iniPath());
    auto id = accounts.add(a);
    if (!id)
        return fail(id.error());

    if (keychain) {
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (password.isEmpty()) {
            (void)accounts.remove(id.value());
            return usage(Words::tr(
                "--password-keychain reads the password from standard input; none was given"));
        }
        if (Status written = storeKeychainPassword(id.value(), password); !written) {
            (void)accounts.remove(id.value());
            Error why = written.error();
            // Say which choices there are, not only what failed.
            why.detail +=
                QLatin1Char('\n') +
                QCoreApplication::translate(
                    "poplarctl", "The account was not added. Without a working keychain, give "
                                 "--password-command CMD (the first line CMD prints is the "
                                 "password), or add the account in Poplar and choose \"Ask when "
                                 "checking mail\".");
            return fail(why);
        }
    }
    printOut(id.value() + QLatin1Char('\n'));
    return Success;
}

int accountEdit(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl account edit: change an account; only the options given "
                             "change (the same options as account add)."),
                   args);
    cl.positional(QStringLiteral("ID"), Words::tr("The account id."));
    addAccountOptions(cl);
    if (auto code = cl.parse())
        return *code;
    const bool keychain = cl.isSet(QStringLiteral("password-keychain"));
    if (keychain && cl.isSet(QStringLiteral("password-command"))) {
        printErr(Words::tr("give at most one of --password-command and --password-keychain"));
        return Usage;
    }
    auto profile = Profile::open(profileDir);
    if (!profile)
        return fail(profile.error());
    AccountStore accounts(profile.value().iniPath());
    const QString id = cl.arg(0);
    auto account = accounts.account(id);
    if (!account)
        return fail({Error::Code::NotFound, Words::tr("There is no account %1").arg(id), {}});
    Account a = *account;
    if (auto code = applyAccountOptions(cl, a))
        return *code;
    if (keychain) {
        // Written before the account names the keychain: a failure leaves it as it was.
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (password.isEmpty()) {
            printErr(Words::tr(
                "--password-keychain reads the password from standard input; none was given"));
            return Usage;
        }
        if (Status written = storeKeychainPassword(id, password); !written)
            return fail(written.error());
    }
    if (Status s = accounts.update(a); !s)
        return fail(s.error());
    return Success;
}

int accountList(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl account list: the accounts, without passwords."), args);
    cl.addFormat();
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.format();
    auto profile = Profile::open(profileDir);
    if (!profile)
        return fail(profile.error());
    const QList<Account> accounts = AccountStore(profile.value().iniPath()).accounts();
    if (format == QLatin1String("json")) {
        QJsonArray out;
        for (const Account &a : accounts)
            out.append(json::account(a));
        printJson(out);
        return Success;
    }
    for (const Account &a : accounts) {
        printOut(QStringLiteral("%1\t%2\t%3@%4:%5 (%6)\n")
                     .arg(a.id, a.name, a.user, a.host)
                     .arg(a.port)
                     .arg(securityToString(a.security)));
    }
    return Success;
}

int accountRemove(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl account remove: remove an account and its downloaded "
                             "messages from this computer (the server is not touched)."),
                   args);
    cl.positional(QStringLiteral("ID"), Words::tr("The account id."));
    if (auto code = cl.parse())
        return *code;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    const QString id = cl.arg(0);
    AccountStore accounts(s.profile.iniPath());
    const auto account = accounts.account(id);
    // A removal cut short (this command or the window killed) is finished by asking again.
    const bool unfinished = !account && accounts.removedWithMailLeft().contains(id);
    if (!account && !unfinished)
        return fail({Error::Code::NotFound, Words::tr("There is no account %1").arg(id), {}});
    // The account store records the removal with it, until the mail below is gone.
    if (account) {
        if (Status st = accounts.remove(id); !st)
            return fail(st.error());
    }
    // In short transactions, as the window removes it: a sync meanwhile is not held up.
    const sync::BulkOutcome removed = [&] {
        const store::WorkCache cache(s.db->connection());
        return sync::BulkActions(s.db->connection(), {}).removeAccount(id);
    }();
    if (!removed.ok())
        return fail(*removed.error);
    if (Status st = accounts.mailRemoved(id); !st)
        return fail(st.error());
    if (account && account->passwordSource == PasswordSource::Keychain) {
        KeychainSecretStore secrets;
        bool done = false;
        secrets.remove(passwordKey(id), [&](Status) { // a keychain without the entry is fine
            done = true;
            QCoreApplication::exit();
        });
        if (!done)
            QCoreApplication::exec();
    }
    return Success;
}

int account(const QString &profileDir, const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add"))
        return accountAdd(profileDir, rest);
    if (sub == QLatin1String("edit"))
        return accountEdit(profileDir, rest);
    if (sub == QLatin1String("list"))
        return accountList(profileDir, rest);
    if (sub == QLatin1String("remove"))
        return accountRemove(profileDir, rest);
    printErr(Words::tr("account needs one of: add, edit, list, remove"));
    return Usage;
}

/// Runs a sync of `accounts` (or, with `completeId`, downloads the rest of that message) with
/// the profile locked, and reports each account's result. The sync and fetch commands' core.

} // namespace poplar::ctl
