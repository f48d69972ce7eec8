// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/ClawsProfile.h"

#include "importer/MhFolder.h"
#include "importer/UidlFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace poplar::importer {

namespace {

// Claws Mail's and Sylpheed's RecvProtocol.
constexpr int protocolPop3 = 0;
constexpr int protocolApop = 1;

QString settingsDirName(SourceProgram program)
{
    return program == SourceProgram::Sylpheed ? QStringLiteral(".sylpheed-2.0")
                                              : QStringLiteral(".claws-mail");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

Result<QString> ClawsProfile::locate(SourceProgram program, const QString &path,
                                     const QString &home)
{
    const QString dir = path.isEmpty() ? QDir(home).filePath(settingsDirName(program)) : path;
    if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("accountrc"))))
        return QDir(dir).absolutePath();
    return Error{Error::Code::NotFound,
                 tr("No %1 settings were found in %2 (there is no accountrc)")
                     .arg(programName(program), dir),
                 {}};
}

QList<FoundTag> ClawsProfile::parseTagsrc(const QByteArray &text)
{
    QList<FoundTag> tags;
    const QList<QByteArray> lines = text.split('\n');
    // "max_id N" first; without it Claws Mail reads no tags at all.
    if (lines.isEmpty() || !lines.first().startsWith("max_id "))
        return tags;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype tab = lines.at(i).indexOf('\t');
        if (tab <= 0)
            continue;
        bool ok = false;
        const int id = lines.at(i).left(tab).toInt(&ok);
        const QString name = QString::fromUtf8(lines.at(i).mid(tab + 1)).trimmed();
        // Claws' reserved tags (junk state, $Forwarded) are markers, not the user's; it
        // leaves them out of its table too.
        static const QStringList reserved{QStringLiteral("NonJunk"), QStringLiteral("NotJunk"),
                                          QStringLiteral("NoJunk"), QStringLiteral("Junk"),
                                          QStringLiteral("$Forwarded")};
        if (!ok || id <= 0 || name.isEmpty() || reserved.contains(name))
            continue;
        tags.append(FoundTag{QString::number(id), name, {}});
    }
    return tags;
}

QList<QHash<QString, QString>> ClawsProfile::parseAccountrc(const QByteArray &text)
{
    QList<QHash<QString, QString>> sections;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith("[Account:")) {
            sections.append(QHash<QString, QString>{});
            sections.last().insert(QStringLiteral("[section]"),
                                   QString::fromUtf8(line.mid(9).chopped(1).trimmed()));
            continue;
        }
        const qsizetype eq = line.indexOf('=');
        if (sections.isEmpty() || eq <= 0)
            continue;
        sections.last().insert(QString::fromUtf8(line.left(eq)),
                               QString::fromUtf8(line.mid(eq + 1)));
    }
    return sections;
}

std::optional<FoundAccount> ClawsProfile::readAccount(const QHash<QString, QString> &c,
                                                      const QString &settingsDir,
                                                      QStringList *notes)
{
    const QString name = c.value(QStringLiteral("account_name"));
    const int protocol = c.value(QStringLiteral("protocol")).toInt();
    if (protocol != protocolPop3 && protocol != protocolApop) {
        notes->append(
            tr("The account \"%1\" is not imported: Poplar reads mail over POP3.").arg(name));
        return std::nullopt;
    }
    FoundAccount found;
    found.key = QStringLiteral("account ") + c.value(QStringLiteral("[section]"));
    Account &a = found.settings;
    a.name = name;
    a.host = c.value(QStringLiteral("receive_server"));
    a.user = c.value(QStringLiteral("user_id"));
    a.emailAddress = c.value(QStringLiteral("address"));
    a.identity.name = c.value(QStringLiteral("name"));
    if (c.value(QStringLiteral("set_replyto")) == QLatin1String("1"))
        a.identity.replyTo = c.value(QStringLiteral("reply_to"));
    // ssl_pop: 0 none, 1 SSL/TLS from the start, 2 STARTTLS.
    const int sslPop = c.value(QStringLiteral("ssl_pop")).toInt();
    a.security = sslPop == 1 ? Security::Tls : sslPop == 2 ? Security::StartTls : Security::None;
    const int port = c.value(QStringLiteral("pop_port")).toInt();
    a.port =
        c.value(QStringLiteral("set_popport")) == QLatin1String("1") && port > 0 && port < 65536
            ? quint16(port)
            : defaultPort(a.security);
    if (protocol == protocolApop || c.value(QStringLiteral("use_apop_auth")) == QLatin1String("1"))
        a.auth = AuthMethod::Apop;
    a.passwordSource = PasswordSource::Keychain;
    // remove_mail: delete from the server, after message_leave_time days (0: at once).
    const bool remove = c.value(QStringLiteral("remove_mail")) == QLatin1String("1");
    const int days = c.value(QStringLiteral("message_leave_time")).toInt();
    a.leaveOnServer = !remove || days > 0;
    a.deleteFromServerAfterDays = remove && days > 0 ? days : 0;
    a.deleteFromServerOnLocalDelete = false; // neither program does it
    if (c.value(QStringLiteral("enable_size_limit")) == QLatin1String("1"))
        a.sizeLimitKb = std::max(0, c.value(QStringLiteral("size_limit")).toInt());

    OutgoingServer &o = a.smtp;
    o.host = c.value(QStringLiteral("smtp_server"));
    const int sslSmtp = c.value(QStringLiteral("ssl_smtp")).toInt();
    o.security = sslSmtp == 1 ? Security::Tls : sslSmtp == 2 ? Security::StartTls : Security::None;
    const int smtpPort = c.value(QStringLiteral("smtp_port")).toInt();
    o.port = c.value(QStringLiteral("set_smtpport")) == QLatin1String("1") && smtpPort > 0 &&
                     smtpPort < 65536
                 ? quint16(smtpPort)
                 : defaultSmtpPort(o.security);
    o.login = c.value(QStringLiteral("use_smtp_auth")) == QLatin1String("1");
    const QString smtpUser = c.value(QStringLiteral("smtp_user_id"));
    if (!smtpUser.isEmpty() && smtpUser != a.user) {
        o.user = smtpUser;
        o.samePassword = false;
    }

    // uidl/SERVER-USER (a '/' in either would name a directory: written as '_').
    const QDir uidlDir(QDir(settingsDir).filePath(QStringLiteral("uidl")));
    for (QString file :
         {a.host + QLatin1Char('-') + a.user, QString(a.host + QLatin1Char('-') + a.user)
                                                  .replace(QLatin1Char('/'), QLatin1Char('_'))}) {
        if (QFileInfo::exists(uidlDir.filePath(file))) {
            found.downloaded = parseClawsUidls(readAll(uidlDir.filePath(file)));
            break;
        }
    }
    return found;
}

void ClawsProfile::walkMh(const QString &dir, const QString &prefix, int depth,
                          QList<FoundFolder> *out)
{
    QFileInfoList subdirs = QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::sort(subdirs.begin(), subdirs.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.fileName().localeAwareCompare(b.fileName()) < 0;
    });
    for (const QFileInfo &sub : std::as_const(subdirs)) {
        if (sub.fileName().startsWith(QLatin1Char('.')))
            continue;
        FoundFolder f;
        f.format = FolderFormat::Mh;
        f.sourcePath = sub.absoluteFilePath();
        f.destination = prefix + sub.fileName();
        f.depth = depth;
        f.bytes = MhFolder::bytesOf(f.sourcePath);
        out->append(f);
        walkMh(sub.absoluteFilePath(), f.destination + QLatin1Char('/'), depth + 1, out);
    }
}

Result<FoundProfile> ClawsProfile::read(SourceProgram program, const QString &settingsDir,
                                        const QString &home)
{
    const QByteArray accountrc = readAll(QDir(settingsDir).filePath(QStringLiteral("accountrc")));
    FoundProfile profile;
    profile.program = program;
    profile.path = QDir(settingsDir).absolutePath();
    // Claws Mail locks its settings with a socket named after the user; Sylpheed likewise.
    profile.inUse = QFileInfo::exists(QDir(settingsDir).filePath(QStringLiteral("lock")));
    for (const auto &section : parseAccountrc(accountrc)) {
        if (auto a = readAccount(section, settingsDir, &profile.notes))
            profile.accounts.append(*a);
    }

    // The MH mailbox: folderlist.xml names its path, relative to the home directory, and
    // its name, under which Claws Mail keeps the folders' tags (tagsdb/#mh/NAME/PATH/).
    QString mailbox = QDir(home).filePath(QStringLiteral("Mail"));
    QString mailboxName = QStringLiteral("Mailbox");
    const QString folderList =
        QString::fromUtf8(readAll(QDir(settingsDir).filePath(QStringLiteral("folderlist.xml"))));
    static const QRegularExpression mh(QStringLiteral("<folder\\b[^>]*\\btype=\"mh\"[^>]*>"));
    static const QRegularExpression pathAttribute(QStringLiteral("\\bpath=\"([^\"]*)\""));
    static const QRegularExpression nameAttribute(QStringLiteral("\\bname=\"([^\"]*)\""));
    if (const auto m = mh.match(folderList); m.hasMatch()) {
        if (const auto p = pathAttribute.match(m.captured(0)); p.hasMatch()) {
            const QString path = p.captured(1);
            mailbox = QDir::isAbsolutePath(path) ? path : QDir(home).filePath(path);
        }
        if (const auto n = nameAttribute.match(m.captured(0)); n.hasMatch())
            mailboxName = n.captured(1);
    }
    if (QFileInfo(mailbox).isDir())
        walkMh(mailbox, {}, 0, &profile.folders);
    else
        profile.notes.append(
            tr("The MH mailbox %1 was not found: no folders are imported.").arg(mailbox));
    const QString tagsDb = QDir(settingsDir).filePath(QStringLiteral("tagsdb/#mh/") + mailboxName);
    for (FoundFolder &f : profile.folders) {
        const QString tags =
            tagsDb + QLatin1Char('/') + f.destination + QStringLiteral("/.claws_tags");
        if (QFileInfo::exists(tags))
            f.stateFile = tags;
    }
    profile.tags = parseTagsrc(readAll(QDir(settingsDir).filePath(QStringLiteral("tagsrc"))));
    profile.notes.append(tr("%1 keeps every account's mail in one shared inbox: it is "
                            "imported as the local folder \"inbox\", and what each account "
                            "downloaded is recorded so that nothing is fetched again.")
                             .arg(programName(program)));
    profile.notes.append(tr("Passwords are not copied: Poplar asks for each account's password "
                            "once, when it first checks mail, and keeps it in the system "
                            "keychain."));
    return profile;
}

} // namespace poplar::importer
