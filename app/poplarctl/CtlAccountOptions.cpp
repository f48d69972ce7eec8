// SPDX-License-Identifier: GPL-3.0-or-later
// The options of poplarctl account add and account edit.
#include "CtlAccountOptions.h"

#include "accounts/SecretStore.h"

#include <QCoreApplication>
#include <QFile>

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

std::optional<int> usage(const QString &why)
{
    printErr(why);
    return Usage;
}

std::optional<quint16> portOf(const QString &text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return std::nullopt;
    return quint16(port);
}

/// The identity and outgoing-server options given, into `a`.
std::optional<int> applyOutgoingOptions(const CommandLine &cl, Account &a)
{
    auto given = [&](const char *option) { return cl.isSet(QLatin1String(option)); };
    auto value = [&](const char *option) { return cl.value(QLatin1String(option)); };
    if (given("from-name"))
        a.identity.name = value("from-name");
    if (given("from-address"))
        a.identity.address = value("from-address");
    if (given("reply-to"))
        a.identity.replyTo = value("reply-to");
    if (given("signature-file")) {
        QFile file(value("signature-file"));
        if (!file.open(QIODevice::ReadOnly))
            return usage(Words::tr("cannot read the signature file %1").arg(file.fileName()));
        a.identity.signature = QString::fromUtf8(file.readAll()).trimmed();
    }
    OutgoingServer &o = a.smtp;
    if (given("smtp-host"))
        o.host = value("smtp-host");
    if (!a.canSend()) {
        for (const char *option : {"smtp-port", "smtp-security", "smtp-user", "smtp-auth",
                                   "smtp-password-command", "smtp-pin-sha256"}) {
            if (given(option))
                return usage(Words::tr("--%1 needs --smtp-host").arg(QLatin1String(option)));
        }
        return std::nullopt;
    }
    if (given("smtp-security")) {
        const auto security = securityFromString(value("smtp-security"));
        if (!security)
            return usage(Words::tr("--smtp-security must be tls, starttls or none"));
        if (o.port == defaultSmtpPort(o.security))
            o.port = defaultSmtpPort(*security);
        o.security = *security;
    }
    if (given("smtp-port")) {
        const auto port = portOf(value("smtp-port"));
        if (!port)
            return usage(Words::tr("--smtp-port must be a number from 1 to 65535"));
        o.port = *port;
    }
    if (given("smtp-user"))
        o.user = value("smtp-user");
    if (given("smtp-auth")) {
        const QString method = value("smtp-auth");
        if (method == QLatin1String("none")) {
            o.login = false;
        } else {
            const auto auth = authMethodFromString(method);
            if (!auth || *auth == AuthMethod::User || *auth == AuthMethod::Apop)
                return usage(Words::tr("unknown --smtp-auth method \"%1\"").arg(method));
            o.auth = *auth;
            o.login = true;
        }
    }
    if (given("smtp-password-command")) {
        o.samePassword = false;
        o.passwordSource = PasswordSource::Command;
        o.passwordCommand = value("smtp-password-command");
    }
    if (given("smtp-pin-sha256"))
        o.pinSha256 = value("smtp-pin-sha256");
    return std::nullopt;
}

} // namespace

void addAccountOptions(CommandLine &cl)
{
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
}

std::optional<int> applyAccountOptions(const CommandLine &cl, Account &a)
{
    for (const auto &[option, field] :
         {std::pair{QStringLiteral("name"), &a.name},
          std::pair{QStringLiteral("email"), &a.emailAddress},
          std::pair{QStringLiteral("host"), &a.host}, std::pair{QStringLiteral("user"), &a.user}}) {
        if (cl.isSet(option))
            *field = cl.value(option);
    }
    if (cl.isSet(QStringLiteral("security"))) {
        const auto security = securityFromString(cl.value(QStringLiteral("security")));
        if (!security)
            return usage(Words::tr("--security must be tls, starttls or none"));
        if (a.port == defaultPort(a.security))
            a.port = defaultPort(*security);
        a.security = *security;
    }
    if (cl.isSet(QStringLiteral("port"))) {
        const auto port = portOf(cl.value(QStringLiteral("port")));
        if (!port)
            return usage(Words::tr("--port must be a number from 1 to 65535"));
        a.port = *port;
    }
    if (cl.isSet(QStringLiteral("password-command"))) {
        a.passwordSource = PasswordSource::Command;
        a.passwordCommand = cl.value(QStringLiteral("password-command"));
    } else if (cl.isSet(QStringLiteral("password-keychain"))) {
        a.passwordSource = PasswordSource::Keychain;
        a.passwordCommand.clear();
    }
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
    if (cl.isSet(QStringLiteral("ca-file"))) {
        a.caFile = cl.value(QStringLiteral("ca-file"));
        if (!a.caFile.isEmpty() && !QFile::exists(a.caFile))
            return usage(Words::tr("the CA file %1 does not exist").arg(a.caFile));
    }
    if (cl.isSet(QStringLiteral("pin-sha256")))
        a.pinSha256 = cl.value(QStringLiteral("pin-sha256"));
    return applyOutgoingOptions(cl, a);
}

Status storeKeychainPassword(const QString &accountId, const QString &password)
{
    KeychainSecretStore secrets;
    std::optional<Status> written;
    secrets.write(passwordKey(accountId), password, [&](Status s) {
        written = s;
        QCoreApplication::exit();
    });
    if (!written)
        QCoreApplication::exec();
    if (!written)
        return Error{Error::Code::Config, Words::tr("The keychain did not answer"), {}};
    return *written;
}

} // namespace poplar::ctl
