// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl account add|list|remove.
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

namespace {

void addOutgoingOptions(CommandLine &cl)
{
    cl.add(QStringLiteral("from-name"), Words::tr("The sender name mail from it shows."),
           QStringLiteral("NAME"));
    cl.add(QStringLiteral("from-address"), Words::tr("The sender address (default: --email)."),
           QStringLiteral("ADDRESS"));
    cl.add(QStringLiteral("reply-to"), Words::tr("Where replies should go."),
           QStringLiteral("ADDRESS"));
    cl.add(QStringLiteral("signature-file"),
           Words::tr("A signature (UTF-8 text) put under new messages."), QStringLiteral("FILE"));
    cl.add(QStringLiteral("smtp-host"), Words::tr("The outgoing (SMTP) server."),
           QStringLiteral("HOST"));
    cl.add(QStringLiteral("smtp-port"), Words::tr("Its port (default 465 for tls, else 587)."),
           QStringLiteral("PORT"));
    cl.add(QStringLiteral("smtp-security"), Words::tr("tls, starttls (default) or none."),
           QStringLiteral("MODE"));
    cl.add(QStringLiteral("smtp-user"), Words::tr("Its user name (default: --user)."),
           QStringLiteral("USER"));
    cl.add(QStringLiteral("smtp-auth"),
           Words::tr("auto (default), plain, login, cram-md5, scram-sha-1, scram-sha-256, "
                     "xoauth2, oauthbearer, or none (no login)."),
           QStringLiteral("METHOD"));
    cl.add(QStringLiteral("smtp-password-command"),
           Words::tr("Its own password command (default: the POP3 password)."),
           QStringLiteral("CMD"));
    cl.add(QStringLiteral("smtp-pin-sha256"),
           Words::tr("Trust the outgoing server's certificate with this SHA-256."),
           QStringLiteral("HEX"));
}

/// The identity and outgoing-server options into `a`; a usage error's exit code if wrong.
std::optional<int> readOutgoingOptions(const CommandLine &cl, Account &a)
{
    auto usage = [](const QString &why) {
        printErr(why);
        return std::optional<int>(Usage);
    };
    a.identity.name = cl.value(QStringLiteral("from-name"));
    a.identity.address = cl.value(QStringLiteral("from-address"));
    a.identity.replyTo = cl.value(QStringLiteral("reply-to"));
    if (cl.isSet(QStringLiteral("signature-file"))) {
        QFile file(cl.value(QStringLiteral("signature-file")));
        if (!file.open(QIODevice::ReadOnly))
            return usage(Words::tr("cannot read the signature file %1").arg(file.fileName()));
        a.identity.signature = QString::fromUtf8(file.readAll()).trimmed();
    }
    if (!cl.isSet(QStringLiteral("smtp-host"))) {
        for (const char *option : {"smtp-port", "smtp-security", "smtp-user", "smtp-auth",
                                   "smtp-password-command", "smtp-pin-sha256"}) {
            if (cl.isSet(QLatin1String(option)))
                return usage(Words::tr("--%1 needs --smtp-host").arg(QLatin1String(option)));
        }
    }
    if (!cl.isSet(QStringLiteral("smtp-host")))
        return std::nullopt;
    OutgoingServer &o = a.smtp;
    o.host = cl.value(QStringLiteral("smtp-host"));
    if (cl.isSet(QStringLiteral("smtp-security"))) {
        const auto security = securityFromString(cl.value(QStringLiteral("smtp-security")));
        if (!security)
            return usage(Words::tr("--smtp-security must be tls, starttls or none"));
        o.security = *security;
    }
    o.port = defaultSmtpPort(o.security);
    if (cl.isSet(QStringLiteral("smtp-port"))) {
        bool ok = false;
        const uint port = cl.value(QStringLiteral("smtp-port")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usage(Words::tr("--smtp-port must be a number from 1 to 65535"));
        o.port = quint16(port);
    }
    o.user = cl.value(QStringLiteral("smtp-user"));
    if (cl.isSet(QStringLiteral("smtp-auth"))) {
        const QString method = cl.value(QStringLiteral("smtp-auth"));
        if (method == QLatin1String("none")) {
            o.login = false;
        } else {
            const auto auth = authMethodFromString(method);
            if (!auth || *auth == AuthMethod::User || *auth == AuthMethod::Apop)
                return usage(Words::tr("unknown --smtp-auth method \"%1\"").arg(method));
            o.auth = *auth;
        }
    }
    if (cl.isSet(QStringLiteral("smtp-password-command"))) {
        o.samePassword = false;
        o.passwordSource = PasswordSource::Command;
        o.passwordCommand = cl.value(QStringLiteral("smtp-password-command"));
    }
    o.pinSha256 = cl.value(QStringLiteral("smtp-pin-sha256"));
    return std::nullopt;
}

} // namespace

int accountAdd(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl account add: add a POP3 account; prints its id."), args);
    cl.add(QStringLiteral("name"), Words::tr("Display name."), QStringLiteral("NAME"));
    cl.add(QStringLiteral("email"), Words::tr("E-mail address."), QStringLiteral("ADDRESS"));
    cl.add(QStringLiteral("host"), Words::tr("POP3 server."), QStringLiteral("HOST"));
    cl.add(QStringLiteral("port"), Words::tr("Port (default 995 for tls, else 110)."),
           QStringLiteral("PORT"));
    cl.add(QStringLiteral("security"), Words::tr("tls, starttls or none."), QStringLiteral("MODE"));
    cl.add(QStringLiteral("user"), Words::tr("User name."), QStringLiteral("USER"));
    cl.add(QStringLiteral("password-command"),
           Words::tr("Shell command whose first output line is the password."),
           QStringLiteral("CMD"));
    cl.add(QStringLiteral("password-keychain"),
           Words::tr("Keep the password in the system keychain; it is read from stdin."));
    cl.add(QStringLiteral("auth"),
           Words::tr("auto (default), user, apop, plain, login, cram-md5, scram-sha-1, "
                     "scram-sha-256, xoauth2, oauthbearer."),
           QStringLiteral("METHOD"));
    cl.add(QStringLiteral("leave-on-server"), Words::tr("yes (default) or no."),
           QStringLiteral("yes|no"));
    cl.add(QStringLiteral("delete-from-server-on-local-delete"), Words::tr("yes (default) or no."),
           QStringLiteral("yes|no"));
    cl.add(QStringLiteral("delete-from-server-after-days"), Words::tr("0 (default) is never."),
           QStringLiteral("N"));
    cl.add(QStringLiteral("check-on-startup"),
           Words::tr("yes (default) or no: the GUI checks at start-up."), QStringLiteral("yes|no"));
    cl.add(QStringLiteral("check-every-minutes"),
           Words::tr("How often the GUI checks; 0 is only on request (default 10)."),
           QStringLiteral("N"));
    cl.add(QStringLiteral("size-limit-kb"), Words::tr("0 (default) is no limit."),
           QStringLiteral("N"));
    cl.add(QStringLiteral("ca-file"), Words::tr("Also trust the CA certificates in this PEM file."),
           QStringLiteral("PEM"));
    cl.add(QStringLiteral("pin-sha256"), Words::tr("Trust the certificate with this SHA-256."),
           QStringLiteral("HEX"));
    addOutgoingOptions(cl);
    if (auto code = cl.parse())
        return *code;

    auto usage = [](const QString &why) {
        printErr(why);
        return int(Usage);
    };
    Account a;
    a.name = cl.value(QStringLiteral("name"));
    a.emailAddress = cl.value(QStringLiteral("email"));
    a.host = cl.value(QStringLiteral("host"));
    a.user = cl.value(QStringLiteral("user"));
    if (a.host.isEmpty() || a.user.isEmpty() || !cl.isSet(QStringLiteral("security")))
        return usage(Words::tr("account add needs --host, --security and --user"));
    const auto security = securityFromString(cl.value(QStringLiteral("security")));
    if (!security)
        return usage(Words::tr("--security must be tls, starttls or none"));
    a.security = *security;
    a.port = defaultPort(a.security);
    if (cl.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = cl.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usage(Words::tr("--port must be a number from 1 to 65535"));
        a.port = quint16(port);
    }
    const bool command = cl.isSet(QStringLiteral("password-command"));
    const bool keychain = cl.isSet(QStringLiteral("password-keychain"));
    if (command == keychain)
        return usage(Words::tr("give exactly one of --password-command and --password-keychain"));
    a.passwordSource = command ? PasswordSource::Command : PasswordSource::Keychain;
    a.passwordCommand = cl.value(QStringLiteral("password-command"));
    if (cl.isSet(QStringLiteral("auth"))) {
        const auto auth = authMethodFromString(cl.value(QStringLiteral("auth")));
        if (!auth)
            return usage(
                Words::tr("unknown --auth method \"%1\"").arg(cl.value(QStringLiteral("auth"))));
        a.auth = *auth;
    }
    for (const auto &[option, field] :
         {std::pair{QStringLiteral("leave-on-server"), &a.leaveOnServer},
          std::pair{QStringLiteral("delete-from-server-on-local-delete"),
                    &a.deleteFromServerOnLocalDelete},
          std::pair{QStringLiteral("check-on-startup"), &a.checkOnStartup}}) {
        if (!cl.isSet(option))
            continue;
        const auto flag = yesNo(cl.value(option));
        if (!flag)
            return usage(Words::tr("--%1 must be yes or no").arg(option));
        *field = *flag;
    }
    for (const auto &[option, field] :
         {std::pair{QStringLiteral("delete-from-server-after-days"), &a.deleteFromServerAfterDays},
          std::pair{QStringLiteral("size-limit-kb"), &a.sizeLimitKb},
          std::pair{QStringLiteral("check-every-minutes"), &a.checkEveryMinutes}}) {
        if (!cl.isSet(option))
            continue;
        const auto n = nonNegative(cl.value(option));
        if (!n)
            return usage(Words::tr("--%1 must be a whole number, 0 or more").arg(option));
        *field = *n;
    }
    a.caFile = cl.value(QStringLiteral("ca-file"));
    if (!a.caFile.isEmpty() && !QFile::exists(a.caFile))
        return usage(Words::tr("the CA file %1 does not exist").arg(a.caFile));
    a.pinSha256 = cl.value(QStringLiteral("pin-sha256"));
    if (auto code = readOutgoingOptions(cl, a))
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
        KeychainSecretStore secrets;
        std::optional<Status> written;
        secrets.write(passwordKey(id.value()), password, [&](Status s) {
            written = s;
            QCoreApplication::exit();
        });
        if (!written)
            QCoreApplication::exec();
        if (!written || !*written) {
            (void)accounts.remove(id.value());
            Error why =
                written ? written->error()
                        : Error{Error::Code::Config, Words::tr("The keychain did not answer"), {}};
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
    const sync::BulkOutcome removed = sync::BulkActions(s.db->connection(), {}).removeAccount(id);
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
    if (sub == QLatin1String("list"))
        return accountList(profileDir, rest);
    if (sub == QLatin1String("remove"))
        return accountRemove(profileDir, rest);
    printErr(Words::tr("account needs one of: add, list, remove"));
    return Usage;
}

/// Runs a sync of `accounts` (or, with `completeId`, downloads the rest of that message) with
/// the profile locked, and reports each account's result. The sync and fetch commands' core.

} // namespace poplar::ctl
