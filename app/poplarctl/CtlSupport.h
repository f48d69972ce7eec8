// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every poplarctl command shares: output, errors, its own option parser, the opened
// profile and cache, and folder arguments. Internal to app/poplarctl.

#include "CtlCommands.h"

#include "Profile.h"
#include "accounts/Account.h"
#include "mime/RenderedMessage.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QStringList>

#include <list>
#include <memory>
#include <optional>

namespace poplar::ctl {

void printErr(const QString &text);
void printOut(const QString &text);
void printJson(const QJsonValue &value);
/// Prints the error and gives the exit code for a failed operation.
int fail(const Error &error);
/// Usage error unless `format` is one of `allowed`.
std::optional<int> checkFormat(const QString &format, const QStringList &allowed);

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
    /// The --format option every listing command has: text (default) or json, checked by
    /// parse(); read it with format().
    void addFormat()
    {
        add(QStringLiteral("format"), Words::tr("text (default) or json."),
            QStringLiteral("FORMAT"));
        m_hasFormat = true;
    }
    [[nodiscard]] QString format() const
    {
        return m_hasFormat && m_parser.isSet(QStringLiteral("format"))
                   ? m_parser.value(QStringLiteral("format"))
                   : QStringLiteral("text");
    }

    /// The MESSAGE_ID argument of the commands on one message; see openMessageSession().
    void addMessageId()
    {
        positional(QStringLiteral("MESSAGE_ID"), Words::tr("From 'poplarctl list'."));
    }

    /// One MESSAGE_ID or more (delete, restore); read them with args() and messageIds().
    void addMessageIds()
    {
        positional(QStringLiteral("MESSAGE_ID..."),
                   Words::tr("One or more, from 'poplarctl list'."));
        m_lastRepeats = true;
    }

    void positional(const QString &name, const QString &help)
    {
        m_parser.addPositionalArgument(name, help);
        m_positionalNames.append(name);
    }
    /// A last positional argument that may be left out (shown as [NAME]).
    void optionalPositional(const QString &name, const QString &help)
    {
        m_parser.addPositionalArgument(name, help, QLatin1Char('[') + name + QLatin1Char(']'));
        m_positionalNames.append(name);
        m_lastOptional = true;
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
        const qsizetype given = m_parser.positionalArguments().size();
        const qsizetype required = m_positionalNames.size() - (m_lastOptional ? 1 : 0);
        if (m_lastRepeats    ? given < m_positionalNames.size()
            : m_lastOptional ? given < required || given > m_positionalNames.size()
                             : given != m_positionalNames.size()) {
            const QString usage = m_parser.helpText().section(QLatin1Char('\n'), 0, 0);
            printErr(m_positionalNames.isEmpty()
                         ? Words::tr("expected no arguments: %1").arg(usage)
                         : Words::tr("expected %1: %2")
                               .arg(m_positionalNames.join(QLatin1Char(' ')), usage));
            return Usage;
        }
        if (m_hasFormat)
            return checkFormat(format(), {QStringLiteral("text"), QStringLiteral("json")});
        return std::nullopt;
    }

    [[nodiscard]] bool isSet(const QString &name) const { return m_parser.isSet(name); }
    [[nodiscard]] QString value(const QString &name) const { return m_parser.value(name); }
    [[nodiscard]] QStringList values(const QString &name) const { return m_parser.values(name); }
    [[nodiscard]] QString arg(int i) const { return m_parser.positionalArguments().value(i); }
    [[nodiscard]] QStringList args() const { return m_parser.positionalArguments(); }

private:
    QStringList m_args;
    QCommandLineParser m_parser;
    std::list<QCommandLineOption> m_options; // stable addresses
    QStringList m_positionalNames;
    bool m_hasFormat = false;
    bool m_lastRepeats = false;  ///< the last positional argument may be given many times
    bool m_lastOptional = false; ///< the last positional argument may be left out
};

std::optional<bool> yesNo(const QString &text);
std::optional<int> nonNegative(const QString &text);

/// An opened profile and its cache, for the commands that read or change mail.
struct Session {
    Profile profile;
    std::unique_ptr<store::Database> db;
    std::optional<store::MessageStore> store;
};

Result<Session> openSession(const QString &profileDir);

/// Sends what waits in the Outbox for these accounts (those with an outgoing server), with
/// the profile locked by the caller; reports each account. Exit code: 0 when nothing is
/// left waiting or refused.
int sendWaiting(Profile &profile, const QList<Account> &accounts);

/// Where the commands on one message (show, export, delete, restore, fetch) start: its id
/// and the session that reaches it.
struct MessageSession {
    qint64 id = 0;
    Session session;
};

/// Reads the MESSAGE_ID argument `idText`, then opens the session: a bad id is reported
/// before the profile is touched.
Result<MessageSession> openMessageSession(const QString &profileDir, const QString &idText);
/// MESSAGE_ID arguments (addMessageIds), each once, in the order given.
Result<QList<qint64>> messageIds(const QStringList &texts);

QString textOf(const mime::RenderedMessage &m);
/// Prints a list; in JSON each message's tags by name, read through `db`.
void printSummaries(const QList<store::MessageSummary> &rows, const QString &format,
                    const QSqlDatabase &db);
int printRendered(const mime::RenderedMessage &m, const QString &format);

/// A folder named on the command line: the Inbox or Trash of every account, or a local
/// folder (imported mail), written "local:NAME"; with `account` set, that account's own
/// folders, a bare name being a folder its filters file into.
struct FolderArg {
    std::optional<store::Folder> folder;
    QString local;   ///< the local folder's name when `folder` is empty
    QString account; ///< whose folder; empty: every account's (or local mail's)
};

/// `bareNameIsLocal`: a name that is neither inbox nor trash is a local folder even without
/// "local:" (export-folder); otherwise it is an error (list).
std::optional<FolderArg> parseFolder(const QString &text, bool bareNameIsLocal);
Result<QList<store::MessageSummary>> folderMessages(const store::MessageStore &store,
                                                    const FolderArg &folder);

} // namespace poplar::ctl
