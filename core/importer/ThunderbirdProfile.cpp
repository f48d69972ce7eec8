// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/ThunderbirdProfile.h"

#include "importer/UidlFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

namespace poplar::importer {

namespace {

const QString sbdSuffix = QStringLiteral(".sbd");

/// Whether `info` is an mbox file of a folder (and not one of Thunderbird's own files:
/// .msf indexes, popstate.dat, filter rules, logs).
bool isMbox(const QFileInfo &info)
{
    if (!info.isFile() || info.fileName().endsWith(QLatin1String(".msf")) ||
        info.fileName().startsWith(QLatin1Char('.')))
        return false;
    const QString dir = info.absolutePath();
    if (info.size() == 0) // an empty folder: known by its index or its subfolders
        return QFileInfo::exists(dir + QLatin1Char('/') + info.fileName() +
                                 QLatin1String(".msf")) ||
               QFileInfo::exists(dir + QLatin1Char('/') + info.fileName() + sbdSuffix);
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(5) == "From ";
}

/// A folder of Thunderbird's maildir store: a directory with cur/ (and new/, tmp/).
bool isMaildir(const QFileInfo &info)
{
    return info.isDir() && !info.fileName().endsWith(sbdSuffix) &&
           QFileInfo(info.absoluteFilePath() + QLatin1String("/cur")).isDir();
}

qint64 maildirBytes(const QString &dir)
{
    qint64 total = 0;
    for (const char *sub : {"cur", "new"}) {
        const QFileInfoList files = QDir(dir + QLatin1Char('/') + QLatin1String(sub))
                                        .entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
        for (const QFileInfo &f : files)
            total += f.size();
    }
    return total;
}

QString pathLevel(const QString &name)
{
    QString level = name;
    level.replace(QLatin1Char('/'), QLatin1Char('-'));
    return level;
}

Security securityOf(int socketType)
{
    switch (socketType) {
    case 3:
        return Security::Tls;
    case 1: // "STARTTLS when offered", which Thunderbird no longer writes: take the safe one
    case 2:
        return Security::StartTls;
    default:
        return Security::None;
    }
}

} // namespace

QList<FoundTag> ThunderbirdProfile::readTags(const PrefsJs &prefs)
{
    // mailnews.tags.KEY.tag (the name), .color ("#RRGGBB") and .ordinal (Thunderbird's order:
    // by ordinal, then by key; a tag without an ordinal sorts by its key).
    struct Entry {
        QString sortKey;
        FoundTag tag;
    };
    QList<Entry> entries;
    const QString prefix = QStringLiteral("mailnews.tags.");
    const QString nameSuffix = QStringLiteral(".tag");
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    for (const QString &pref : prefs.names(prefix)) {
        if (!pref.endsWith(nameSuffix))
            continue;
        const QString key =
            pref.mid(prefix.size(), pref.size() - prefix.size() - nameSuffix.size());
        const QString base = prefix + key;
        FoundTag tag;
        tag.keyword = key;
        tag.name = prefs.string(pref).trimmed();
        const QString c = prefs.string(base + QStringLiteral(".color"));
        if (colour.match(c).hasMatch())
            tag.colour = c.toLower();
        if (tag.name.isEmpty())
            continue;
        const QString ordinal = prefs.string(base + QStringLiteral(".ordinal"));
        entries.append(Entry{(ordinal.isEmpty() ? key : ordinal) + QLatin1Char('\x01') + key, tag});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.sortKey < b.sortKey; });
    QList<FoundTag> tags;
    for (const Entry &e : std::as_const(entries))
        tags.append(e.tag);
    return tags;
}

QStringList ThunderbirdProfile::defaultRoots(const QString &home)
{
    const QDir h(home);
    return {h.filePath(QStringLiteral(".thunderbird")),
            h.filePath(QStringLiteral("snap/thunderbird/common/.thunderbird")),
            h.filePath(QStringLiteral(".var/app/org.mozilla.Thunderbird/.thunderbird")),
            h.filePath(QStringLiteral(".icedove")),
            h.filePath(QStringLiteral(".mozilla-thunderbird"))};
}

QString ThunderbirdProfile::profileFromIni(const QString &root)
{
    const QSettings ini(QDir(root).filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    auto resolve = [&](const QString &path) {
        return QDir::isAbsolutePath(path) ? path : QDir(root).filePath(path);
    };
    const QStringList groups = ini.childGroups();
    for (const QString &group : groups) {
        if (group.startsWith(QLatin1String("Install"))) {
            const QString path = ini.value(group + QLatin1String("/Default")).toString();
            if (!path.isEmpty() && QFileInfo::exists(resolve(path)))
                return resolve(path);
        }
    }
    QString first;
    for (const QString &group : groups) {
        if (!group.startsWith(QLatin1String("Profile")))
            continue;
        const QString path = resolve(ini.value(group + QLatin1String("/Path")).toString());
        if (ini.value(group + QLatin1String("/Path")).toString().isEmpty() ||
            !QFileInfo::exists(path))
            continue;
        if (ini.value(group + QLatin1String("/Default")).toInt() == 1)
            return path;
        if (first.isEmpty())
            first = path;
    }
    return first;
}

Result<QString> ThunderbirdProfile::locate(const QString &path, const QString &home)
{
    const QStringList candidates = path.isEmpty() ? defaultRoots(home) : QStringList{path};
    for (const QString &dir : candidates) {
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("prefs.js"))))
            return QDir(dir).absolutePath();
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("profiles.ini")))) {
            const QString profile = profileFromIni(dir);
            if (!profile.isEmpty())
                return QDir(profile).absolutePath();
        }
    }
    if (path.isEmpty())
        return Error{Error::Code::NotFound,
                     tr("No Thunderbird profile was found (looked in %1)")
                         .arg(candidates.join(QLatin1String(", "))),
                     {}};
    return Error{
        Error::Code::NotFound,
        tr("%1 is not a Thunderbird profile: it has neither prefs.js nor profiles.ini").arg(path),
        {}};
}

QString ThunderbirdProfile::serverDirectory(const PrefsJs &prefs, const QString &serverKey,
                                            const QString &profileDir)
{
    const QString s = QLatin1String("mail.server.") + serverKey + QLatin1Char('.');
    const QString relative = prefs.string(s + QLatin1String("directory-rel"));
    static const QString profD = QStringLiteral("[ProfD]");
    if (relative.startsWith(profD)) {
        const QString dir = QDir(profileDir).filePath(relative.mid(profD.size()));
        if (QFileInfo(dir).isDir())
            return dir;
    }
    // An absolute path is often another machine's (a profile copied over): trusted only
    // when it exists here.
    const QString absolute = prefs.string(s + QLatin1String("directory"));
    if (!absolute.isEmpty() && QFileInfo(absolute).isDir())
        return absolute;
    const QString type = prefs.string(s + QLatin1String("type"));
    const QString leaf = type == QLatin1String("none")
                             ? QStringLiteral("Local Folders")
                             : prefs.string(s + QLatin1String("hostname"));
    return QDir(profileDir).filePath(QLatin1String("Mail/") + leaf);
}

std::optional<FoundAccount> ThunderbirdProfile::readAccount(const PrefsJs &prefs,
                                                            const QString &accountKey,
                                                            const QString &serverKey,
                                                            QStringList *notes)
{
    const QString s = QLatin1String("mail.server.") + serverKey + QLatin1Char('.');
    FoundAccount found;
    found.key = serverKey;
    Account &a = found.settings;
    a.host = prefs.string(s + QLatin1String("realhostname"),
                          prefs.string(s + QLatin1String("hostname")));
    a.user = prefs.string(s + QLatin1String("realuserName"),
                          prefs.string(s + QLatin1String("userName")));
    if (a.host.isEmpty()) {
        notes->append(tr("The account %1 names no server and is left out.").arg(serverKey));
        return std::nullopt;
    }
    a.security = securityOf(prefs.integer(s + QLatin1String("socketType"), 0));
    const int port = prefs.integer(s + QLatin1String("port"), 0);
    a.port = port > 0 && port < 65536 ? quint16(port) : defaultPort(a.security);
    a.name = prefs.string(s + QLatin1String("name"), a.user + QLatin1Char('@') + a.host);
    a.passwordSource = PasswordSource::Keychain; // empty: asked for once, kept there
    a.leaveOnServer = prefs.boolean(s + QLatin1String("leave_on_server"), false);
    a.deleteFromServerOnLocalDelete =
        prefs.boolean(s + QLatin1String("delete_mail_left_on_server"), false);
    if (a.leaveOnServer && prefs.boolean(s + QLatin1String("delete_by_age_from_server"), false))
        a.deleteFromServerAfterDays =
            std::max(1, prefs.integer(s + QLatin1String("num_days_to_leave_on_server"), 7));
    if (prefs.contains(s + QLatin1String("check_new_mail")))
        a.checkEveryMinutes = prefs.boolean(s + QLatin1String("check_new_mail"))
                                  ? std::max(1, prefs.integer(s + QLatin1String("check_time"), 10))
                                  : 0;
    if (prefs.contains(s + QLatin1String("login_at_startup")))
        a.checkOnStartup = prefs.boolean(s + QLatin1String("login_at_startup"));
    if (prefs.integer(s + QLatin1String("authMethod"), 3) == 10) {
        a.auth = AuthMethod::XOAuth2;
        found.notes.append(tr("It signs in with OAuth2: give it a password command that prints "
                              "an access token (poplarctl account edit ID "
                              "--password-command CMD)."));
    }
    if (!prefs.string(s + QLatin1String("deferred_to_account")).isEmpty())
        found.notes.append(tr("Thunderbird delivered its mail into Local Folders' Inbox; it is "
                              "imported there, and new mail goes to this account's Inbox."));

    // The first identity: who the mail is from, and the outgoing server.
    const QString identities =
        prefs.string(QLatin1String("mail.account.") + accountKey + QLatin1String(".identities"));
    const QString identity =
        identities.split(QLatin1Char(','), Qt::SkipEmptyParts).value(0).trimmed();
    QString smtpKey = prefs.string(QStringLiteral("mail.smtp.defaultserver"));
    if (!identity.isEmpty()) {
        const QString i = QLatin1String("mail.identity.") + identity + QLatin1Char('.');
        a.emailAddress = prefs.string(i + QLatin1String("useremail"));
        a.identity.name = prefs.string(i + QLatin1String("fullName"));
        a.identity.replyTo = prefs.string(i + QLatin1String("reply_to"));
        const QString signature = prefs.string(i + QLatin1String("htmlSigText"));
        if (prefs.boolean(i + QLatin1String("htmlSigFormat"), false) && !signature.isEmpty())
            found.notes.append(tr("Its HTML signature is not carried over (Poplar writes plain "
                                  "text)."));
        else
            a.identity.signature = signature;
        if (const QString own = prefs.string(i + QLatin1String("smtpServer")); !own.isEmpty())
            smtpKey = own;
    }
    if (!smtpKey.isEmpty()) {
        const QString o = QLatin1String("mail.smtpserver.") + smtpKey + QLatin1Char('.');
        OutgoingServer &smtp = a.smtp;
        smtp.host = prefs.string(o + QLatin1String("hostname"));
        const int trySsl = prefs.integer(o + QLatin1String("try_ssl"), 0);
        smtp.security = securityOf(trySsl);
        const int smtpPort = prefs.integer(o + QLatin1String("port"), 0);
        smtp.port =
            smtpPort > 0 && smtpPort < 65536 ? quint16(smtpPort) : defaultSmtpPort(smtp.security);
        const QString smtpUser = prefs.string(o + QLatin1String("username"));
        smtp.login = prefs.integer(o + QLatin1String("authMethod"), 3) != 1;
        if (!smtpUser.isEmpty() && smtpUser != a.user) {
            smtp.user = smtpUser;
            smtp.samePassword = false; // its own password, asked for on the first send
        }
    }
    return found;
}

void ThunderbirdProfile::walkFolders(const QString &dir, const QString &prefix, int depth,
                                     const QString &inboxOf, QList<FoundFolder> *out)
{
    const QDir d(dir);
    QStringList names;
    const QFileInfoList entries =
        d.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &e : entries) {
        if (e.isDir() && e.fileName().endsWith(sbdSuffix))
            names.append(e.fileName().chopped(sbdSuffix.size()));
        else if (isMbox(e) || isMaildir(e))
            names.append(e.fileName());
    }
    names.removeDuplicates();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        // Inbox first, as Thunderbird shows it; the rest by name.
        const bool ai = a == QLatin1String("Inbox");
        const bool bi = b == QLatin1String("Inbox");
        if (ai != bi)
            return ai;
        return a.localeAwareCompare(b) < 0;
    });
    for (const QString &name : std::as_const(names)) {
        FoundFolder f;
        const QFileInfo mbox(d.filePath(name));
        const bool maildir = isMaildir(mbox);
        f.format = mbox.isFile() ? FolderFormat::Mbox
                   : maildir     ? FolderFormat::Maildir
                                 : FolderFormat::None;
        f.sourcePath = f.format == FolderFormat::None ? QString() : mbox.absoluteFilePath();
        f.bytes = mbox.isFile() ? mbox.size() : maildir ? maildirBytes(mbox.absoluteFilePath()) : 0;
        f.messages = f.format == FolderFormat::None ? 0 : -1;
        f.destination = prefix + pathLevel(name);
        f.depth = depth;
        if (depth == 0 && !inboxOf.isEmpty() && name == QLatin1String("Inbox") &&
            f.format != FolderFormat::None)
            f.inboxOf = inboxOf;
        out->append(f);
        const QString sbd = d.filePath(name + sbdSuffix);
        if (QFileInfo(sbd).isDir())
            walkFolders(sbd, f.destination + QLatin1Char('/'), depth + 1, inboxOf, out);
    }
}

Result<FoundProfile> ThunderbirdProfile::read(const QString &profileDir)
{
    const QString prefsPath = QDir(profileDir).filePath(QStringLiteral("prefs.js"));
    if (!QFileInfo::exists(prefsPath))
        return Error{Error::Code::NotFound,
                     tr("%1 is not a Thunderbird profile: it has no prefs.js").arg(profileDir),
                     {}};
    const PrefsJs prefs = PrefsJs::read(prefsPath);
    FoundProfile profile;
    profile.program = SourceProgram::Thunderbird;
    profile.path = QDir(profileDir).absolutePath();
    // Linux Thunderbird's lock is a dangling symlink; .parentlock is the older one.
    const QFileInfo lock(QDir(profileDir).filePath(QStringLiteral("lock")));
    profile.inUse = lock.isSymLink() || lock.exists() ||
                    QFileInfo::exists(QDir(profileDir).filePath(QStringLiteral(".parentlock")));

    const QStringList accountKeys = prefs.string(QStringLiteral("mail.accountmanager.accounts"))
                                        .split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool sawLocal = false;
    for (QString accountKey : accountKeys) {
        accountKey = accountKey.trimmed();
        const QString serverKey =
            prefs.string(QLatin1String("mail.account.") + accountKey + QLatin1String(".server"));
        if (serverKey.isEmpty())
            continue; // an identity-only account (none in practice)
        const QString s = QLatin1String("mail.server.") + serverKey + QLatin1Char('.');
        const QString type = prefs.string(s + QLatin1String("type"));
        const QString dir = serverDirectory(prefs, serverKey, profileDir);
        if (type == QLatin1String("none")) {
            sawLocal = true;
            walkFolders(dir, {}, 0, {}, &profile.folders);
            continue;
        }
        if (type != QLatin1String("pop3")) {
            profile.notes.append(
                tr("The %1 account \"%2\" is not imported: Poplar reads mail over POP3.")
                    .arg(type.toUpper(), prefs.string(s + QLatin1String("name"), serverKey)));
            continue;
        }
        auto account = readAccount(prefs, accountKey, serverKey, &profile.notes);
        if (!account)
            continue;
        QFile popstate(QDir(dir).filePath(QStringLiteral("popstate.dat")));
        if (popstate.open(QIODevice::ReadOnly))
            account->downloaded =
                parsePopState(popstate.readAll(), account->settings.host, account->settings.user);
        walkFolders(dir, pathLevel(account->settings.name) + QLatin1Char('/'), 0, serverKey,
                    &profile.folders);
        profile.accounts.append(*account);
    }
    if (!sawLocal) {
        const QString local = QDir(profileDir).filePath(QStringLiteral("Mail/Local Folders"));
        if (QFileInfo(local).isDir())
            walkFolders(local, {}, 0, {}, &profile.folders);
    }
    profile.tags = readTags(prefs);
    profile.notes.append(tr("Passwords are not copied: Poplar asks for each account's password "
                            "once, when it first checks mail, and keeps it in the system "
                            "keychain."));
    return profile;
}

} // namespace poplar::importer
