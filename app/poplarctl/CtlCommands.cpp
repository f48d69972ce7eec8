// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlCommands.h"

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
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <list>
#include <map>

namespace poplar::ctl {

namespace {

void printErr(const QString &text)
{
    std::fprintf(stderr, "poplarctl: %s\n", text.toLocal8Bit().constData());
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    printOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

int fail(const Error &error)
{
    printErr(error.message());
    return Failure;
}

/// A parser for one command: the command's own options, --help, and its usage text.
class CommandLine {
public:
    CommandLine(const QString &usage, const QStringList &args)
        : m_args(args)
    {
        m_parser.setApplicationDescription(usage);
        m_parser.addHelpOption();
    }

    QCommandLineOption &add(const QString &name, const QString &help, const QString &value = {})
    {
        m_options.emplace_back(QStringList{name}, help, value);
        m_parser.addOption(m_options.back());
        return m_options.back();
    }
    void positional(const QString &name, const QString &help)
    {
        m_parser.addPositionalArgument(name, help);
        m_positionalNames.append(name);
    }

    /// Parses; on error or --help prints and returns the exit code to use.
    std::optional<int> parse()
    {
        QStringList argv{QStringLiteral("poplarctl")};
        argv += m_args;
        if (!m_parser.parse(argv)) {
            printErr(m_parser.errorText());
            return Usage;
        }
        if (m_parser.isSet(QStringLiteral("help"))) {
            printOut(m_parser.helpText());
            return Success;
        }
        if (m_parser.positionalArguments().size() != m_positionalNames.size()) {
            printErr(QStringLiteral("expected %1: %2")
                         .arg(m_positionalNames.isEmpty()
                                  ? QStringLiteral("no arguments")
                                  : m_positionalNames.join(QLatin1Char(' ')),
                              m_parser.helpText().section(QLatin1Char('\n'), 0, 0)));
            return Usage;
        }
        return std::nullopt;
    }

    [[nodiscard]] bool isSet(const QString &name) const { return m_parser.isSet(name); }
    [[nodiscard]] QString value(const QString &name) const { return m_parser.value(name); }
    [[nodiscard]] QString arg(int i) const { return m_parser.positionalArguments().value(i); }

private:
    QStringList m_args;
    QCommandLineParser m_parser;
    std::list<QCommandLineOption> m_options; // stable addresses
    QStringList m_positionalNames;
};

std::optional<bool> yesNo(const QString &text)
{
    if (text == QLatin1String("yes"))
        return true;
    if (text == QLatin1String("no"))
        return false;
    return std::nullopt;
}

std::optional<int> nonNegative(const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    return n;
}

/// An opened profile and its cache, for the commands that read or change mail.
struct Session {
    Profile profile;
    std::unique_ptr<store::Database> db;
    std::optional<store::MessageStore> store;
};

Result<Session> openSession(const QString &profileDir)
{
    auto profile = Profile::open(profileDir);
    if (!profile)
        return profile.error();
    auto db = store::Database::open(profile.value().cachePath(), QStringLiteral("poplarctl"));
    if (!db)
        return db.error();
    Session s{std::move(profile).value(), std::move(db).value(), std::nullopt};
    s.store.emplace(s.db->connection());
    return s;
}

Result<qint64> messageId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error{
            Error::Code::Config, QStringLiteral("\"%1\" is not a message id").arg(text), {}};
    return id;
}

QString textOf(const mime::RenderedMessage &m)
{
    auto list = [](const QList<mime::MailAddress> &addresses) {
        QStringList out;
        for (const auto &a : addresses)
            out.append(a.display());
        return out.join(QStringLiteral(", "));
    };
    QString out;
    out += QStringLiteral("Subject: %1\n").arg(m.headers.subject);
    out += QStringLiteral("From: %1\n").arg(m.headers.from.display());
    out += QStringLiteral("To: %1\n").arg(list(m.headers.to));
    if (!m.headers.cc.isEmpty())
        out += QStringLiteral("Cc: %1\n").arg(list(m.headers.cc));
    if (m.headers.date.isValid())
        out += QStringLiteral("Date: %1\n")
                   .arg(m.headers.date.toLocalTime().toString(Qt::RFC2822Date));
    for (const auto &a : m.attachments)
        out += QStringLiteral("Attachment: %1 (%2, %3 bytes)\n")
                   .arg(a.filename, a.mimeType)
                   .arg(a.size);
    for (const auto &w : m.warnings)
        out += QStringLiteral("Warning: %1\n").arg(w);
    out += QLatin1Char('\n') + m.text + QLatin1Char('\n');
    return out;
}

std::optional<int> checkFormat(const QString &format, const QStringList &allowed)
{
    if (!allowed.contains(format)) {
        printErr(
            QStringLiteral("--format must be one of: %1").arg(allowed.join(QStringLiteral(", "))));
        return Usage;
    }
    return std::nullopt;
}

void printSummaries(const QList<store::MessageSummary> &rows, const QString &format)
{
    if (format == QLatin1String("json")) {
        QJsonArray out;
        for (const auto &row : rows)
            out.append(json::summary(row));
        printJson(out);
        return;
    }
    for (const auto &row : rows) {
        const QString from = row.fromName.isEmpty() ? row.fromAddress : row.fromName;
        const QString date =
            row.date.isValid() ? row.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                               : QStringLiteral("-");
        printOut(QStringLiteral("%1\t%2\t%3\t%4\n").arg(row.id).arg(date, from, row.subject));
    }
}

int printRendered(const mime::RenderedMessage &m, const QString &format)
{
    if (format == QLatin1String("json"))
        printJson(json::rendered(m));
    else
        printOut(textOf(m));
    return Success;
}

// ---- account ---------------------------------------------------------------------------

int accountAdd(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(QStringLiteral("poplarctl account add: add a POP3 account; prints its id."),
                   args);
    cl.add(QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("NAME"));
    cl.add(QStringLiteral("email"), QStringLiteral("E-mail address."), QStringLiteral("ADDRESS"));
    cl.add(QStringLiteral("host"), QStringLiteral("POP3 server."), QStringLiteral("HOST"));
    cl.add(QStringLiteral("port"), QStringLiteral("Port (default 995 for tls, else 110)."),
           QStringLiteral("PORT"));
    cl.add(QStringLiteral("security"), QStringLiteral("tls, starttls or none."),
           QStringLiteral("MODE"));
    cl.add(QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("USER"));
    cl.add(QStringLiteral("password-command"),
           QStringLiteral("Shell command whose first output line is the password."),
           QStringLiteral("CMD"));
    cl.add(QStringLiteral("password-keychain"),
           QStringLiteral("Keep the password in the system keychain; it is read from stdin."));
    cl.add(QStringLiteral("auth"),
           QStringLiteral("auto (default), user, apop, plain, login, cram-md5, scram-sha-1, "
                          "scram-sha-256, xoauth2, oauthbearer."),
           QStringLiteral("METHOD"));
    cl.add(QStringLiteral("leave-on-server"), QStringLiteral("yes (default) or no."),
           QStringLiteral("yes|no"));
    cl.add(QStringLiteral("delete-from-server-on-local-delete"),
           QStringLiteral("yes (default) or no."), QStringLiteral("yes|no"));
    cl.add(QStringLiteral("delete-from-server-after-days"), QStringLiteral("0 (default) is never."),
           QStringLiteral("N"));
    cl.add(QStringLiteral("check-on-startup"),
           QStringLiteral("yes (default) or no: the GUI checks at start-up."),
           QStringLiteral("yes|no"));
    cl.add(QStringLiteral("check-every-minutes"),
           QStringLiteral("How often the GUI checks; 0 is only on request (default 10)."),
           QStringLiteral("N"));
    cl.add(QStringLiteral("size-limit-kb"), QStringLiteral("0 (default) is no limit."),
           QStringLiteral("N"));
    cl.add(QStringLiteral("ca-file"),
           QStringLiteral("Also trust the CA certificates in this PEM file."),
           QStringLiteral("PEM"));
    cl.add(QStringLiteral("pin-sha256"), QStringLiteral("Trust the certificate with this SHA-256."),
           QStringLiteral("HEX"));
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
        return usage(QStringLiteral("account add needs --host, --security and --user"));
    const auto security = securityFromString(cl.value(QStringLiteral("security")));
    if (!security)
        return usage(QStringLiteral("--security must be tls, starttls or none"));
    a.security = *security;
    a.port = defaultPort(a.security);
    if (cl.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = cl.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usage(QStringLiteral("--port must be a number from 1 to 65535"));
        a.port = quint16(port);
    }
    const bool command = cl.isSet(QStringLiteral("password-command"));
    const bool keychain = cl.isSet(QStringLiteral("password-keychain"));
    if (command == keychain)
        return usage(
            QStringLiteral("give exactly one of --password-command and --password-keychain"));
    a.passwordSource = command ? PasswordSource::Command : PasswordSource::Keychain;
    a.passwordCommand = cl.value(QStringLiteral("password-command"));
    if (cl.isSet(QStringLiteral("auth"))) {
        const auto auth = authMethodFromString(cl.value(QStringLiteral("auth")));
        if (!auth)
            return usage(QStringLiteral("unknown --auth method \"%1\"")
                             .arg(cl.value(QStringLiteral("auth"))));
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
            return usage(QStringLiteral("--%1 must be yes or no").arg(option));
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
            return usage(QStringLiteral("--%1 must be a whole number, 0 or more").arg(option));
        *field = *n;
    }
    a.caFile = cl.value(QStringLiteral("ca-file"));
    if (!a.caFile.isEmpty() && !QFile::exists(a.caFile))
        return usage(QStringLiteral("the CA file %1 does not exist").arg(a.caFile));
    a.pinSha256 = cl.value(QStringLiteral("pin-sha256"));

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
            return usage(QStringLiteral(
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
            return fail(written ? written->error()
                                : Error{Error::Code::Config,
                                        QStringLiteral("The keychain did not answer"),
                                        {}});
        }
    }
    printOut(id.value() + QLatin1Char('\n'));
    return Success;
}

int accountList(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(QStringLiteral("poplarctl account list: the accounts, without passwords."),
                   args);
    cl.add(QStringLiteral("format"), QStringLiteral("text (default) or json."),
           QStringLiteral("FORMAT"));
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.isSet(QStringLiteral("format")) ? cl.value(QStringLiteral("format"))
                                                              : QStringLiteral("text");
    if (auto code = checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return *code;
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
    CommandLine cl(QStringLiteral("poplarctl account remove: remove an account and its downloaded "
                                  "messages from this computer (the server is not touched)."),
                   args);
    cl.positional(QStringLiteral("ID"), QStringLiteral("The account id."));
    if (auto code = cl.parse())
        return *code;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    const QString id = cl.arg(0);
    const auto account = AccountStore(s.profile.iniPath()).account(id);
    if (!account)
        return fail({Error::Code::NotFound, QStringLiteral("There is no account %1").arg(id), {}});
    if (Status st = AccountStore(s.profile.iniPath()).remove(id); !st)
        return fail(st.error());
    if (Status st = s.store->removeAccount(id); !st)
        return fail(st.error());
    if (account->passwordSource == PasswordSource::Keychain) {
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
    printErr(QStringLiteral("account needs one of: add, list, remove"));
    return Usage;
}

// ---- sync ------------------------------------------------------------------------------

/// Runs a sync of `accounts` (or, with `completeId`, downloads the rest of that message) with
/// the profile locked, and reports each account's result. The sync and fetch commands' core.
int runSessions(Profile &profile, const QList<Account> &accounts, QFile *log, qint64 completeId);

int sync(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("poplarctl sync: download new mail; exit 0 only if every account synced."),
        args);
    cl.add(QStringLiteral("account"), QStringLiteral("Only this account."), QStringLiteral("ID"));
    cl.add(QStringLiteral("log"),
           QStringLiteral("Write the protocol log (no credentials) to FILE."),
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
            return fail(
                {Error::Code::NotFound, QStringLiteral("There is no account %1").arg(id), {}});
    }
    if (accounts.isEmpty()) {
        printErr(QStringLiteral("no accounts; add one with 'poplarctl account add'"));
        return Failure;
    }

    std::unique_ptr<QFile> log;
    if (cl.isSet(QStringLiteral("log"))) {
        log = std::make_unique<QFile>(cl.value(QStringLiteral("log")));
        if (!log->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            return fail({Error::Code::Config,
                         QStringLiteral("Cannot write the log file %1: %2")
                             .arg(log->fileName(), log->errorString()),
                         {}});
    }

    return runSessions(profile, accounts, log.get(), 0);
}

int runSessions(Profile &profile, const QList<Account> &accounts, QFile *log, qint64 completeId)
{
    KeychainSecretStore secrets;
    PasswordProvider passwords(secrets);
    sync::SyncController controller(profile.cachePath(), passwords);
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
    QObject::connect(&controller, &sync::SyncController::finished, [&](const sync::SyncResult &r) {
        const Account account = byId.value(r.accountId);
        const QString name = account.name;
        for (const QString &w : r.warnings)
            printErr(QStringLiteral("%1: %2").arg(name, w));
        if (r.serverExpireDays == 0 && account.leaveOnServer) {
            printErr(
                QStringLiteral("%1: note: the server deletes messages once they are downloaded "
                               "(EXPIRE 0), so \"leave on server\" has no effect there")
                    .arg(name));
        }
        if (r.ok()) {
            if (!completeId)
                printOut(QStringLiteral("%1: %2 new message(s)\n").arg(name).arg(r.newMessages));
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

// ---- messages --------------------------------------------------------------------------

/// A folder named on the command line: the Inbox or Trash of every account, or a local
/// folder (imported mail), written "local:NAME".
struct FolderArg {
    std::optional<store::Folder> folder;
    QString local; ///< the local folder's name when `folder` is empty
};

const QString localPrefix = QStringLiteral("local:");

/// `bareNameIsLocal`: a name that is neither inbox nor trash is a local folder even without
/// "local:" (export-folder); otherwise it is an error (list).
std::optional<FolderArg> parseFolder(const QString &text, bool bareNameIsLocal)
{
    if (text.startsWith(localPrefix)) {
        const QString name = text.mid(localPrefix.size());
        if (name.isEmpty())
            return std::nullopt;
        return FolderArg{std::nullopt, name};
    }
    if (const auto folder = store::folderFromString(text))
        return FolderArg{folder, {}};
    if (bareNameIsLocal && !text.isEmpty())
        return FolderArg{std::nullopt, text};
    return std::nullopt;
}

/// The folder's messages, newest first.
Result<QList<store::MessageSummary>> folderMessages(const store::MessageStore &store,
                                                    const FolderArg &f)
{
    if (!f.folder) {
        auto names = store.localFolders();
        if (!names)
            return names.error();
        if (!names.value().contains(f.local))
            return Error{Error::Code::NotFound,
                         QStringLiteral("There is no local folder %1").arg(f.local),
                         {}};
        return store.localFolder(f.local);
    }
    auto rows = store.messages(*f.folder);
    if (rows && *f.folder == store::Folder::Inbox) {
        // Imported mail is listed in its local folder, not among the accounts' new mail.
        rows.value().removeIf([](const store::MessageSummary &row) {
            return row.accountId == store::MessageStore::localAccountId();
        });
    }
    return rows;
}

int list(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(QStringLiteral("poplarctl list: the messages of a folder, newest first."), args);
    cl.add(QStringLiteral("folder"),
           QStringLiteral("inbox (default), trash, or local:NAME (a folder of imported mail)."),
           QStringLiteral("FOLDER"));
    cl.add(QStringLiteral("format"), QStringLiteral("text (default) or json."),
           QStringLiteral("FORMAT"));
    if (auto code = cl.parse())
        return *code;
    const auto folder =
        parseFolder(cl.isSet(QStringLiteral("folder")) ? cl.value(QStringLiteral("folder"))
                                                       : QStringLiteral("inbox"),
                    false);
    if (!folder) {
        printErr(QStringLiteral("--folder must be inbox, trash or local:NAME"));
        return Usage;
    }
    const QString format = cl.isSet(QStringLiteral("format")) ? cl.value(QStringLiteral("format"))
                                                              : QStringLiteral("text");
    if (auto code = checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return *code;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    auto rows = folderMessages(*session.value().store, *folder);
    if (!rows)
        return fail(rows.error());
    if (format == QLatin1String("json")) {
        QJsonArray out;
        for (const auto &row : rows.value())
            out.append(json::summary(row));
        printJson(out);
        return Success;
    }
    for (const auto &row : rows.value()) {
        const QString from = row.fromName.isEmpty() ? row.fromAddress : row.fromName;
        printOut(QStringLiteral("%1\t%2\t%3\t%4\n")
                     .arg(row.id)
                     .arg(row.date.isValid()
                              ? row.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                              : QStringLiteral("-"),
                          from, row.subject));
    }
    return Success;
}

int showOrExport(const QString &profileDir, const QStringList &args, bool exportRaw)
{
    CommandLine cl(exportRaw
                       ? QStringLiteral("poplarctl export: the message's raw bytes on stdout.")
                       : QStringLiteral("poplarctl show: a message as the reader shows it."),
                   args);
    if (!exportRaw)
        cl.add(QStringLiteral("format"), QStringLiteral("text (default) or json."),
               QStringLiteral("FORMAT"));
    cl.positional(QStringLiteral("MESSAGE_ID"), QStringLiteral("From 'poplarctl list'."));
    if (auto code = cl.parse())
        return *code;
    // export has no --format: asking the parser about it would print a Qt warning.
    const QString format = !exportRaw && cl.isSet(QStringLiteral("format"))
                               ? cl.value(QStringLiteral("format"))
                               : QStringLiteral("text");
    if (auto code = checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return *code;
    const auto id = messageId(cl.arg(0));
    if (!id)
        return fail(id.error());
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    auto raw = session.value().store->raw(id.value());
    if (!raw)
        return fail(raw.error());
    if (exportRaw) {
        std::fwrite(raw.value().constData(), 1, size_t(raw.value().size()), stdout);
        return std::fflush(stdout) == 0 ? Success : Failure;
    }
    return printRendered(mime::MessageRenderer::render(raw.value()), format);
}

// ---- import and export ---------------------------------------------------------------

int importMailbox(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("poplarctl import: copy the messages of an mbox file or a Maildir into a "
                       "local folder (list it with 'list --folder local:NAME'). Messages already "
                       "in that folder are skipped, so importing twice adds nothing."),
        args);
    cl.add(QStringLiteral("folder"),
           QStringLiteral("The local folder (default: the mbox file's name without its "
                          "extension, or the Maildir's folder name)."),
           QStringLiteral("NAME"));
    cl.positional(QStringLiteral("FORMAT"), QStringLiteral("mbox or maildir."));
    cl.positional(QStringLiteral("PATH"), QStringLiteral("The mbox file or the Maildir folder."));
    if (auto code = cl.parse())
        return *code;
    using Format = store::MailboxReader::Format;
    std::optional<Format> format;
    if (cl.arg(0) == QLatin1String("mbox"))
        format = Format::Mbox;
    else if (cl.arg(0) == QLatin1String("maildir"))
        format = Format::Maildir;
    if (!format) {
        printErr(QStringLiteral("the format must be mbox or maildir"));
        return Usage;
    }
    const QString path = cl.arg(1);
    const QString folder = cl.isSet(QStringLiteral("folder"))
                               ? cl.value(QStringLiteral("folder"))
                               : store::MailboxReader::defaultFolderName(*format, path);
    if (folder.trimmed().isEmpty()) {
        printErr(QStringLiteral("--folder needs a name"));
        return Usage;
    }
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    sync::MailImporter importer(*session.value().store);
    auto result = importer.importMailbox(*format, path, folder);
    if (!result)
        return fail(result.error());
    for (const QString &warning : result.value().warnings)
        printErr(warning);
    printOut(QStringLiteral("%1 imported, %2 skipped\n")
                 .arg(result.value().imported)
                 .arg(result.value().duplicates + result.value().skipped));
    return Success;
}

int exportFolder(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("poplarctl export-folder: write a folder's messages, oldest first, to an "
                       "mbox file (mboxrd, LF line endings). The file appears only when "
                       "complete."),
        args);
    cl.add(QStringLiteral("mbox"),
           QStringLiteral("The mbox file to write (replaced if it exists)."),
           QStringLiteral("FILE"));
    cl.positional(QStringLiteral("FOLDER"),
                  QStringLiteral("inbox or trash (of every account), or a local folder's name "
                                 "(local:NAME for one called inbox or trash)."));
    if (auto code = cl.parse())
        return *code;
    const auto folder = parseFolder(cl.arg(0), true);
    if (!folder) {
        printErr(
            QStringLiteral("FOLDER must be inbox, trash, a local folder's name or local:NAME"));
        return Usage;
    }
    const QString target = cl.value(QStringLiteral("mbox"));
    if (target.isEmpty()) {
        printErr(QStringLiteral("export-folder needs --mbox FILE"));
        return Usage;
    }
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    const store::MessageStore &messages = *session.value().store;
    auto rows = folderMessages(messages, *folder);
    if (!rows)
        return fail(rows.error());
    // Oldest first, in the order the messages arrived: an export imported again keeps it.
    std::sort(rows.value().begin(), rows.value().end(),
              [](const auto &a, const auto &b) { return a.id < b.id; });

    store::MboxWriter writer(target);
    if (Status s = writer.open(); !s)
        return fail(s.error());
    int exported = 0;
    int skipped = 0;
    for (const store::MessageSummary &row : std::as_const(rows.value())) {
        if (row.partial) {
            // Half a message in an mbox would pass for a whole one.
            printErr(QStringLiteral("message %1 has only its headers here ('poplarctl fetch %1' "
                                    "downloads the rest); skipped")
                         .arg(row.id));
            ++skipped;
            continue;
        }
        auto raw = messages.raw(row.id); // one message in memory at a time
        if (!raw)
            return fail(raw.error());
        if (Status s = writer.write(raw.value(), row.date); !s)
            return fail(s.error());
        ++exported;
    }
    if (Status s = writer.commit(); !s)
        return fail(s.error());
    printOut(QStringLiteral("%1 exported, %2 skipped\n").arg(exported).arg(skipped));
    return Success;
}

/// delete and restore: the GUI's Delete and Undo.
int trashOrRestore(const QString &profileDir, const QStringList &args, bool restore)
{
    CommandLine cl(
        restore ? QStringLiteral("poplarctl restore: move a message from Trash back to the "
                                 "Inbox, and cancel its queued server deletion.")
                : QStringLiteral("poplarctl delete: move a message to Trash (as Delete in the "
                                 "window); where the account says so, its server copy is "
                                 "deleted at the next sync."),
        args);
    cl.positional(QStringLiteral("MESSAGE_ID"), QStringLiteral("From 'poplarctl list'."));
    if (auto code = cl.parse())
        return *code;
    const auto id = messageId(cl.arg(0));
    if (!id)
        return fail(id.error());
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    store::DeletionQueue queue(s.db->connection());
    const AccountStore accounts(s.profile.iniPath());
    sync::MessageActions actions(*s.store, queue, accounts);
    if (Status st = restore ? actions.restore(id.value()) : actions.moveToTrash(id.value()); !st)
        return fail(st.error());
    return Success;
}

int pending(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("poplarctl pending: what the next sync will delete from the servers, "
                       "and why."),
        args);
    cl.add(QStringLiteral("format"), QStringLiteral("text (default) or json."),
           QStringLiteral("FORMAT"));
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.isSet(QStringLiteral("format")) ? cl.value(QStringLiteral("format"))
                                                              : QStringLiteral("text");
    if (auto code = checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return *code;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    store::DeletionQueue queue(s.db->connection());
    QList<store::PendingDeletion> all;
    for (const Account &a : AccountStore(s.profile.iniPath()).accounts()) {
        auto queued = queue.queued(a.id);
        if (!queued)
            return fail(queued.error());
        all += queued.value();
        // What the age limit will take, as the sync decides it (DeletionPlan).
        if (a.leaveOnServer && a.deleteFromServerAfterDays > 0) {
            auto old = queue.downloadedBefore(
                a.id, QDateTime::currentDateTimeUtc().addDays(-a.deleteFromServerAfterDays));
            if (!old)
                return fail(old.error());
            for (const store::PendingDeletion &p : old.value()) {
                const bool already = std::any_of(all.cbegin(), all.cend(), [&](const auto &q) {
                    return q.accountId == p.accountId && q.uidl == p.uidl;
                });
                if (!already)
                    all.append(p);
            }
        }
    }
    if (format == QLatin1String("json")) {
        QJsonArray out;
        for (const store::PendingDeletion &p : all)
            out.append(json::pendingDeletion(p));
        printJson(out);
        return Success;
    }
    for (const store::PendingDeletion &p : all) {
        printOut(QStringLiteral("%1\t%2\t%3\t%4\n")
                     .arg(p.accountId, p.uidl, store::deletionReasonToString(p.reason), p.subject));
    }
    return Success;
}

int fetch(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(QStringLiteral("poplarctl fetch: download the rest of a message that was stored "
                                  "headers-only because of the account's size limit."),
                   args);
    cl.positional(QStringLiteral("MESSAGE_ID"), QStringLiteral("From 'poplarctl list'."));
    if (auto code = cl.parse())
        return *code;
    const auto id = messageId(cl.arg(0));
    if (!id)
        return fail(id.error());
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    auto summary = session.value().store->message(id.value());
    if (!summary)
        return fail(summary.error());
    if (!summary.value().partial)
        return Success; // already whole
    const auto account =
        AccountStore(session.value().profile.iniPath()).account(summary.value().accountId);
    if (!account)
        return fail(
            {Error::Code::NotFound, QStringLiteral("The message's account no longer exists"), {}});
    if (Status s = session.value().profile.lock(); !s)
        return fail(s.error());
    return runSessions(session.value().profile, {*account}, nullptr, id.value());
}

int search(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(QStringLiteral("poplarctl search: messages whose subject, addresses or text "
                                  "contain every word of QUERY (word beginnings match too)."),
                   args);
    cl.add(QStringLiteral("format"), QStringLiteral("text (default) or json."),
           QStringLiteral("FORMAT"));
    cl.positional(QStringLiteral("QUERY"), QStringLiteral("Words to find; quote several."));
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.isSet(QStringLiteral("format")) ? cl.value(QStringLiteral("format"))
                                                              : QStringLiteral("text");
    if (auto code = checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return *code;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    store::SearchIndex index(session.value().db->connection());
    // Catch up with mail stored since the last indexing (a sync indexes after it finishes).
    for (;;) {
        auto indexed = index.indexPending(500);
        if (!indexed)
            return fail(indexed.error());
        if (indexed.value() == 0)
            break;
    }
    auto rows = index.search(cl.arg(0));
    if (!rows)
        return fail(rows.error());
    printSummaries(rows.value(), format);
    return Success;
}

int render(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral(
            "poplarctl render: show an .eml file as the reader would; needs no profile."),
        args);
    cl.add(QStringLiteral("format"), QStringLiteral("text (default) or json."),
           QStringLiteral("FORMAT"));
    cl.positional(QStringLiteral("FILE"), QStringLiteral("An RFC 5322 message."));
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.isSet(QStringLiteral("format")) ? cl.value(QStringLiteral("format"))
                                                              : QStringLiteral("text");
    if (auto code = checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return *code;
    QFile file(cl.arg(0));
    if (!file.open(QIODevice::ReadOnly))
        return fail({Error::Code::NotFound,
                     QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()),
                     {}});
    constexpr qint64 maxMessage = 256 * 1024 * 1024;
    if (file.size() > maxMessage)
        return fail({Error::Code::Config,
                     QStringLiteral("%1 is larger than 256 MB").arg(file.fileName()),
                     {}});
    return printRendered(mime::MessageRenderer::render(file.readAll()), format);
}

} // namespace

int run(const QString &profileDir, const QStringList &args)
{
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    const std::map<QString, std::function<int()>> commands{
        {QStringLiteral("account"), [&] { return account(profileDir, rest); }},
        {QStringLiteral("sync"), [&] { return sync(profileDir, rest); }},
        {QStringLiteral("list"), [&] { return list(profileDir, rest); }},
        {QStringLiteral("show"), [&] { return showOrExport(profileDir, rest, false); }},
        {QStringLiteral("export"), [&] { return showOrExport(profileDir, rest, true); }},
        {QStringLiteral("delete"), [&] { return trashOrRestore(profileDir, rest, false); }},
        {QStringLiteral("restore"), [&] { return trashOrRestore(profileDir, rest, true); }},
        {QStringLiteral("pending"), [&] { return pending(profileDir, rest); }},
        {QStringLiteral("search"), [&] { return search(profileDir, rest); }},
        {QStringLiteral("fetch"), [&] { return fetch(profileDir, rest); }},
        {QStringLiteral("import"), [&] { return importMailbox(profileDir, rest); }},
        {QStringLiteral("export-folder"), [&] { return exportFolder(profileDir, rest); }},
        {QStringLiteral("render"), [&] { return render(rest); }},
    };
    const auto it = commands.find(command);
    if (it == commands.end()) {
        printErr(QStringLiteral("unknown command \"%1\"; see 'poplarctl --help'").arg(command));
        return Usage;
    }
    return it->second();
}

} // namespace poplar::ctl
