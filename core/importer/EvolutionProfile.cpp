// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/EvolutionProfile.h"

#include "importer/EvolutionMaildir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace poplar::importer {

namespace {

const QString dataSubdir = QStringLiteral(".local/share/evolution");
const QString sourcesSubdir = QStringLiteral(".config/evolution/sources");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString unescape(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c != '\\' || i + 1 == raw.size()) {
            out += c;
            continue;
        }
        switch (raw.at(++i)) {
        case 's':
            out += ' ';
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        default:
            out += raw.at(i);
        }
    }
    return QString::fromUtf8(out);
}

bool isTrue(const QString &value)
{
    return value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

Security securityOf(const QString &method)
{
    if (method == QLatin1String("ssl-on-alternate-port"))
        return Security::Tls;
    if (method == QLatin1String("starttls-on-standard-port"))
        return Security::StartTls;
    return Security::None;
}

quint16 portOf(const QString &value, quint16 fallback)
{
    const int port = value.toInt();
    return port > 0 && port < 65536 ? quint16(port) : fallback;
}

/// The sources by uid (the file name without .source).
QHash<QString, KeyFile> readSources(const QString &dir)
{
    QHash<QString, KeyFile> sources;
    const QFileInfoList files =
        QDir(dir).entryInfoList({QStringLiteral("*.source")}, QDir::Files, QDir::Name);
    for (const QFileInfo &f : files)
        sources.insert(f.completeBaseName(), parseKeyFile(readAll(f.absoluteFilePath())));
    return sources;
}

} // namespace

KeyFile parseKeyFile(const QByteArray &text)
{
    KeyFile groups;
    QString group;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith('[') && line.endsWith(']')) {
            group = QString::fromUtf8(line.mid(1, line.size() - 2));
            groups[group];
            continue;
        }
        const qsizetype eq = line.indexOf('=');
        if (group.isEmpty() || eq <= 0)
            continue;
        const QByteArray key = line.left(eq).trimmed();
        if (key.contains('[')) // a translation of another key
            continue;
        groups[group].insert(QString::fromUtf8(key), unescape(line.mid(eq + 1).trimmed()));
    }
    return groups;
}

Result<QString> EvolutionProfile::locate(const QString &path, const QString &home)
{
    const QString start = path.isEmpty() ? home : path;
    // A home directory, or Evolution's data directory itself (…/.local/share/evolution).
    for (const QString &candidate : {start, QDir::cleanPath(start + QStringLiteral("/../../.."))}) {
        const QDir dir(candidate);
        if (QFileInfo(dir.filePath(dataSubdir + QStringLiteral("/mail"))).isDir() ||
            QFileInfo(dir.filePath(sourcesSubdir)).isDir())
            return dir.absolutePath();
    }
    return Error{Error::Code::NotFound,
                 tr("No Evolution mail was found in %1 (there is neither %2 nor %3)")
                     .arg(start, dataSubdir + QStringLiteral("/mail"), sourcesSubdir),
                 {}};
}

QString EvolutionProfile::folderName(const QString &dirName)
{
    QString name = dirName.startsWith(QLatin1String(".."))
                       ? QStringLiteral("Inbox/") + dirName.mid(2)
                       : dirName.mid(1);
    name.replace(QLatin1Char('.'), QLatin1Char('/'));
    QString out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        bool ok = false;
        const int code = i + 2 < name.size() && name.at(i) == QLatin1Char('_')
                             ? name.mid(i + 1, 2).toInt(&ok, 16)
                             : 0;
        if (ok) {
            out += QChar(code);
            i += 2;
        } else {
            out += name.at(i);
        }
    }
    return out;
}

QString EvolutionProfile::tagName(const QString &keyword)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("$labelimportant"), QStringLiteral("Important")},
        {QStringLiteral("$labelwork"), QStringLiteral("Work")},
        {QStringLiteral("$labelpersonal"), QStringLiteral("Personal")},
        {QStringLiteral("$labeltodo"), QStringLiteral("To Do")},
        {QStringLiteral("$labellater"), QStringLiteral("Later")},
        // Older Evolution, and IMAP servers Thunderbird wrote to.
        {QStringLiteral("$label1"), QStringLiteral("Important")},
        {QStringLiteral("$label2"), QStringLiteral("Work")},
        {QStringLiteral("$label3"), QStringLiteral("Personal")},
        {QStringLiteral("$label4"), QStringLiteral("To Do")},
        {QStringLiteral("$label5"), QStringLiteral("Later")},
    };
    const QString lower = keyword.toLower();
    if (const auto it = labels.constFind(lower); it != labels.cend())
        return it.value();
    if (lower.startsWith(QLatin1String("$label")) && lower.size() > 6)
        return keyword.mid(6);
    // Evolution's own markers: junk state, notes, read receipts, calendar invitations.
    static const QStringList markers{QStringLiteral("junk"), QStringLiteral("notjunk"),
                                     QStringLiteral("receipt-handled"),
                                     QStringLiteral("ignore-thread")};
    if (lower.startsWith(QLatin1Char('$')) || markers.contains(lower))
        return {};
    return keyword;
}

void EvolutionProfile::readAccounts(const QString &sourcesDir, const QString &dataDir,
                                    FoundProfile *profile)
{
    const QHash<QString, KeyFile> sources = readSources(sourcesDir);
    QStringList uids = sources.keys();
    uids.sort();
    const QString accountGroup = QStringLiteral("Mail Account");
    const QString auth = QStringLiteral("Authentication");
    for (const QString &uid : std::as_const(uids)) {
        const KeyFile &source = sources.value(uid);
        if (!source.contains(accountGroup))
            continue;
        const QString name =
            source.value(QStringLiteral("Data Source")).value(QStringLiteral("DisplayName"), uid);
        const QString backend = source.value(accountGroup).value(QStringLiteral("BackendName"));
        if (backend == QLatin1String("none") || backend == QLatin1String("local") ||
            backend == QLatin1String("maildir") || backend == QLatin1String("vfolder"))
            continue; // Evolution's own stores ("On This Computer", Search Folders)
        if (backend != QLatin1String("pop")) {
            profile->notes.append(
                tr("The account \"%1\" is not imported: Poplar reads mail over POP3.").arg(name));
            continue;
        }
        FoundAccount found;
        found.key = uid;
        Account &a = found.settings;
        a.name = name;
        const QHash<QString, QString> &login = source.value(auth);
        a.host = login.value(QStringLiteral("Host"));
        a.user = login.value(QStringLiteral("User"));
        a.security =
            securityOf(source.value(QStringLiteral("Security")).value(QStringLiteral("Method")));
        a.port = portOf(login.value(QStringLiteral("Port")), defaultPort(a.security));
        if (login.value(QStringLiteral("Method"))
                .compare(QLatin1String("+APOP"), Qt::CaseInsensitive) == 0)
            a.auth = AuthMethod::Apop;
        a.passwordSource = PasswordSource::Keychain;
        const QHash<QString, QString> &pop = source.value(QStringLiteral("Pop Backend"));
        // Evolution deletes from the server at once unless KeepOnServer; with it, after
        // DeleteAfterDays days when that is set, and when deleted (expunged) here when
        // DeleteExpunged is.
        a.leaveOnServer = isTrue(pop.value(QStringLiteral("KeepOnServer")));
        const int days = pop.value(QStringLiteral("DeleteAfterDays")).toInt();
        a.deleteFromServerAfterDays = a.leaveOnServer && days > 0 ? days : 0;
        a.deleteFromServerOnLocalDelete =
            a.leaveOnServer && isTrue(pop.value(QStringLiteral("DeleteExpunged")));
        if (!isTrue(source.value(QStringLiteral("Data Source"))
                        .value(QStringLiteral("Enabled"), QStringLiteral("true"))))
            found.notes.append(tr("it was switched off in Evolution"));

        // Its identity, and through it the SMTP server.
        const KeyFile identity =
            sources.value(source.value(accountGroup).value(QStringLiteral("IdentityUid")));
        const QHash<QString, QString> &who = identity.value(QStringLiteral("Mail Identity"));
        a.emailAddress = who.value(QStringLiteral("Address"));
        a.identity.name = who.value(QStringLiteral("Name"));
        a.identity.replyTo = who.value(QStringLiteral("ReplyTo"));
        const KeyFile transport = sources.value(identity.value(QStringLiteral("Mail Submission"))
                                                    .value(QStringLiteral("TransportUid")));
        if (transport.value(QStringLiteral("Mail Transport"))
                .value(QStringLiteral("BackendName")) == QLatin1String("smtp")) {
            const QHash<QString, QString> &smtpLogin = transport.value(auth);
            OutgoingServer &o = a.smtp;
            o.host = smtpLogin.value(QStringLiteral("Host"));
            o.security = securityOf(
                transport.value(QStringLiteral("Security")).value(QStringLiteral("Method")));
            o.port = portOf(smtpLogin.value(QStringLiteral("Port")), defaultSmtpPort(o.security));
            // An SMTP source without a mechanism sends without logging in.
            const QString mechanism = smtpLogin.value(QStringLiteral("Method"));
            o.login = !mechanism.isEmpty() && mechanism != QLatin1String("none");
            const QString smtpUser = smtpLogin.value(QStringLiteral("User"));
            if (o.login && !smtpUser.isEmpty() && smtpUser != a.user) {
                o.user = smtpUser;
                o.samePassword = false;
            }
        }

        for (const QByteArray &line :
             readAll(QDir(dataDir).filePath(uid + QStringLiteral("/uid-cache"))).split('\n')) {
            const QByteArray uidl = line.trimmed();
            if (!uidl.isEmpty())
                found.downloaded.append(KnownUidl{uidl, 0, false});
        }
        profile->accounts.append(found);
    }
}

void EvolutionProfile::readFolders(const QString &localDir, FoundProfile *profile)
{
    const QString db = QDir(localDir).filePath(QStringLiteral("folders.db"));
    const bool hasDb = QFileInfo::exists(db);
    auto add = [&](const QString &dir, const QString &name) {
        FoundFolder f;
        f.format = FolderFormat::EvolutionMaildir;
        f.sourcePath = dir;
        f.destination = name;
        f.depth = int(name.count(QLatin1Char('/')));
        f.bytes = EvolutionMaildir::bytesOf(dir);
        if (hasDb) {
            f.stateFile = db;
            f.stateTable = name;
        }
        profile->folders.append(f);
    };
    QStringList names;
    QHash<QString, QString> dirs;
    if (QFileInfo(localDir + QStringLiteral("/cur")).isDir()) {
        names.append(QStringLiteral("Inbox"));
        dirs.insert(names.last(), localDir);
    }
    const QFileInfoList subdirs =
        QDir(localDir).entryInfoList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &sub : subdirs) {
        if (!sub.fileName().startsWith(QLatin1Char('.')) ||
            !QFileInfo(sub.absoluteFilePath() + QStringLiteral("/cur")).isDir())
            continue;
        const QString name = folderName(sub.fileName());
        names.append(name);
        dirs.insert(name, sub.absoluteFilePath());
    }
    // Parents before children, as the tree shows them.
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.split(QLatin1Char('/')) < b.split(QLatin1Char('/'));
    });
    QStringList known;
    for (const QString &name : std::as_const(names)) {
        // A level Maildir++ has no directory for ("A" of ".A.B" alone): a folder without mail.
        const QStringList levels = name.split(QLatin1Char('/'));
        for (qsizetype i = 1; i < levels.size(); ++i) {
            const QString parent = levels.first(i).join(QLatin1Char('/'));
            if (known.contains(parent))
                continue;
            FoundFolder f;
            f.format = FolderFormat::None;
            f.destination = parent;
            f.depth = int(i - 1);
            profile->folders.append(f);
            known.append(parent);
        }
        add(dirs.value(name), name);
        known.append(name);
    }
}

Result<FoundProfile> EvolutionProfile::read(const QString &home)
{
    const QDir h(home);
    const QString dataDir = h.filePath(dataSubdir + QStringLiteral("/mail"));
    FoundProfile profile;
    profile.program = SourceProgram::Evolution;
    profile.path = h.absolutePath();
    readAccounts(h.filePath(sourcesSubdir), dataDir, &profile);
    const QString localDir = QDir(dataDir).filePath(QStringLiteral("local"));
    if (QFileInfo(localDir).isDir())
        readFolders(localDir, &profile);
    else
        profile.notes.append(
            tr("Evolution's local mail (%1) was not found: no folders are imported.")
                .arg(localDir));
    profile.notes.append(tr("Evolution keeps every POP3 account's mail in the one Inbox \"On This "
                            "Computer\": it is imported as the local folder \"Inbox\", and what "
                            "each account downloaded is recorded so that nothing is fetched "
                            "again."));
    profile.notes.append(tr("Evolution keeps the names and colours of labels of your own in its "
                            "settings database, which is not read: such a label arrives as a tag "
                            "named by its keyword, in grey."));
    profile.notes.append(tr("Passwords are not copied: Poplar asks for each account's password "
                            "once, when it first checks mail, and keeps it in the system "
                            "keychain."));
    return profile;
}

} // namespace poplar::importer
