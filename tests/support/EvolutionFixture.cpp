// SPDX-License-Identifier: GPL-3.0-or-later
#include "EvolutionFixture.h"

#include "ProfileFixtures.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace poplar::test {

namespace {

QByteArray evoMessage(const QString &subject, bool crlf = false)
{
    QByteArray raw = "Return-Path: <sender@evo.example>\nFrom: Sender <sender@evo.example>\n"
                     "To: erin@evo.example\nSubject: " +
                     subject.toUtf8() + "\nDate: Thu, 05 Nov 2026 09:00:00 +0000\nMessage-ID: <" +
                     QUuid::createUuidV5(QUuid(), subject).toByteArray(QUuid::WithoutBraces) +
                     "@evo.example>\n\nWritten by Evolution's Maildir store.\nFrom here on.\n";
    if (crlf)
        raw.replace("\n", "\r\n");
    return raw;
}

struct Placed {
    QString dir;  ///< under mail/local: "" (the Inbox), ".Projects", ...
    QString file; ///< "cur/1700000001.1.host:2,S"
    QString uid;  ///< the file name before the info
    QStringList labels;
};

void writeFoldersDb(const QString &path, EvolutionStoreDb kind,
                    const QHash<QString, QList<Placed>> &byFolder)
{
    const QString connection =
        QStringLiteral("evolution-fixture-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot write %s", qPrintable(path));
        QSqlQuery q(db);
        const QString columns = QStringLiteral(
            "uid TEXT, flags INTEGER, msg_type INTEGER, dirty INTEGER, size INTEGER, "
            "dsent NUMERIC, dreceived NUMERIC, subject TEXT, mail_from TEXT, mail_to TEXT, "
            "mail_cc TEXT, mlist TEXT, part TEXT, labels TEXT, usertags TEXT, cinfo TEXT, "
            "bdata TEXT, userheaders TEXT, preview TEXT, PRIMARY KEY (uid)");
        const bool current = kind == EvolutionStoreDb::Current;
        q.exec(QStringLiteral("CREATE TABLE folders (folder_name TEXT PRIMARY KEY, version "
                              "INTEGER, flags INTEGER, nextuid INTEGER, time NUMERIC, "
                              "saved_count INTEGER, unread_count INTEGER, deleted_count INTEGER, "
                              "junk_count INTEGER, visible_count INTEGER, jnd_count INTEGER, "
                              "bdata TEXT%1)")
                   .arg(current ? QStringLiteral(", folder_id INTEGER") : QString()));
        int id = 0;
        QStringList names = byFolder.keys();
        names.sort();
        for (const QString &name : std::as_const(names)) {
            ++id;
            const QString table = current ? QStringLiteral("messages_%1").arg(id) : name;
            q.prepare(current ? QStringLiteral("INSERT INTO folders (folder_name, version, "
                                               "folder_id) VALUES (?, 3, ?)")
                              : QStringLiteral("INSERT INTO folders (folder_name, version) "
                                               "VALUES (?, 3)"));
            q.addBindValue(name);
            if (current)
                q.addBindValue(id);
            if (!q.exec())
                qFatal("folders.db: %s", qPrintable(q.lastError().text()));
            if (!q.exec(QStringLiteral("CREATE TABLE \"%1\" (%2)").arg(table, columns)))
                qFatal("folders.db: %s", qPrintable(q.lastError().text()));
            for (const Placed &p : byFolder.value(name)) {
                q.prepare(QStringLiteral("INSERT INTO \"%1\" (uid, flags, labels, usertags) "
                                         "VALUES (?, 0, ?, '')")
                              .arg(table));
                q.addBindValue(p.uid);
                q.addBindValue(p.labels.join(QLatin1Char(' ')));
                if (!q.exec())
                    qFatal("folders.db: %s", qPrintable(q.lastError().text()));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

} // namespace

QString evolutionHomeUid()
{
    return QStringLiteral("1730790000.4242.7@laptop");
}

QList<QByteArray> evolutionHomeUidls()
{
    return {"evo-0001", "evo-0002", "evo-0003", "evo-0004"};
}

QList<FixtureMessage> writeEvolutionProfile(const QString &home, const HomeServer &server,
                                            EvolutionStoreDb kind)
{
    const QString sources = home + QStringLiteral("/.config/evolution/sources/");
    const QString homeUid = evolutionHomeUid();
    const QByteArray security = server.socketType == 3   ? "ssl-on-alternate-port"
                                : server.socketType == 2 ? "starttls-on-standard-port"
                                                         : "none";
    writeFixtureFile(sources + homeUid + QStringLiteral(".source"),
                     "[Data Source]\nDisplayName=Evo\\sHome\nEnabled=true\nParent=\n\n"
                     "[Mail Account]\nBackendName=pop\nIdentityUid=evo-home-identity\n"
                     "ArchiveFolder=\nNeedsInitialSetup=false\n\n"
                     "[Authentication]\nHost=" +
                         server.host.toUtf8() +
                         "\nMethod=none\nPort=" + QByteArray::number(server.port) +
                         "\nProxyUid=system-proxy\n"
                         "RememberPassword=true\nUser=" +
                         server.user.toUtf8() +
                         "\nCredentialName=\n\n"
                         "[Security]\nMethod=" +
                         security +
                         "\n\n"
                         "[Pop Backend]\nAutoFetch=true\nDeleteAfterDays=0\nDeleteExpunged=true\n"
                         "DisableExtensions=false\nKeepOnServer=true\nLastCacheExpunge=0\n\n"
                         "[Offline]\nStaySynchronized=true\n\n[Refresh]\nEnabled=true\n"
                         "IntervalMinutes=10\n");
    writeFixtureFile(
        sources + QStringLiteral("evo-home-identity.source"),
        "[Data Source]\nDisplayName=erin@evo.example\nEnabled=true\nParent=" + homeUid.toUtf8() +
            "\n\n[Mail Identity]\nAddress=erin@evo.example\nAliases=\nName=Erin "
            "Evolution\nName[de]=ignored\nOrganization=\nReplyTo=erin-replies@evo.example\n"
            "SignatureUid=none\n\n"
            "[Mail Submission]\nSentFolder=folder://local/Sent\nTransportUid=evo-home-"
            "transport\nRepliesToOriginFolder=false\n");
    writeFixtureFile(
        sources + QStringLiteral("evo-home-transport.source"),
        "[Data Source]\nDisplayName=smtp.evo.example\nEnabled=true\nParent=" + homeUid.toUtf8() +
            "\n\n[Mail Transport]\nBackendName=smtp\n\n"
            "[Authentication]\nHost=smtp.evo.example\nMethod=PLAIN\nPort=587\n"
            "User=erin-smtp\n\n[Security]\nMethod=starttls-on-standard-port\n");
    writeFixtureFile(
        sources + QStringLiteral("frank-work.source"),
        "# written by evolution-source-registry\n"
        "[Data Source]\nDisplayName=Frank's Work\nEnabled=false\n\n"
        "[Mail Account]\nBackendName=pop\nIdentityUid=frank-identity\n\n"
        "[Authentication]\nHost=pop.frank.example\nMethod=+APOP\nPort=110\nUser=frank\n\n"
        "[Security]\nMethod=starttls-on-standard-port\n\n"
        "[Pop Backend]\nDeleteAfterDays=10\nDeleteExpunged=false\nKeepOnServer=true\n");
    writeFixtureFile(sources + QStringLiteral("frank-identity.source"),
                     "[Data Source]\nDisplayName=frank\nParent=frank-work\n\n"
                     "[Mail Identity]\nAddress=frank@frank.example\nName=Frank\n\n"
                     "[Mail Submission]\nTransportUid=frank-transport\n");
    writeFixtureFile(sources + QStringLiteral("frank-transport.source"),
                     "[Data Source]\nDisplayName=sendmail\nParent=frank-work\n\n"
                     "[Mail Transport]\nBackendName=sendmail\n");
    writeFixtureFile(sources + QStringLiteral("imap-account.source"),
                     "[Data Source]\nDisplayName=Old IMAP\n\n[Mail Account]\nBackendName=imapx\n\n"
                     "[Authentication]\nHost=imap.evo.example\nUser=erin\n");
    writeFixtureFile(sources + QStringLiteral("local.source"),
                     "[Data Source]\nDisplayName=On This Computer\n\n[Mail Account]\n"
                     "BackendName=maildir\n");

    const QString data = home + QStringLiteral("/.local/share/evolution/mail/");
    QByteArray cache;
    for (const QByteArray &uidl : evolutionHomeUidls())
        cache += uidl + '\n';
    writeFixtureFile(data + homeUid + QStringLiteral("/uid-cache"), cache);
    const QString local = data + QStringLiteral("local/");
    writeFixtureFile(local + QStringLiteral("..maildir++"), "maildir++ 1\n");

    QList<FixtureMessage> all;
    QHash<QString, QList<Placed>> byFolder;
    int sequence = 0;
    auto put = [&](const QString &dir, const QString &folder, const QString &subject,
                   const QByteArray &where, const QByteArray &info, const QStringList &labels,
                   const QStringList &tags, const QByteArray &uidl = {}, bool crlf = false) {
        const int n = ++sequence;
        const QString uid = QStringLiteral("17307900%1.M%2P4242.laptop").arg(10 + n).arg(n);
        const QString file = QString::fromLatin1(where) + QLatin1Char('/') + uid +
                             (info.isNull() ? QString() : QString::fromLatin1(":2," + info));
        const QByteArray raw = evoMessage(subject, crlf);
        for (const QByteArray &sub : {QByteArray("cur"), QByteArray("new"), QByteArray("tmp")})
            QDir().mkpath(local + dir + QLatin1Char('/') + QString::fromLatin1(sub));
        writeFixtureFile(local + dir + QLatin1Char('/') + file, raw);
        byFolder[folder].append(Placed{dir, file, uid, labels});
        FixtureMessage m;
        m.folder = folder;
        m.subject = subject;
        m.raw = raw;
        m.read = info.contains('S') && where == "cur";
        m.flagged = info.contains('F');
        m.deleted = info.contains('T');
        m.uidl = uidl;
        m.tags = tags;
        all.append(m);
    };
    const QString inbox = QStringLiteral("Inbox");
    put({}, inbox, QStringLiteral("Evo welcome"), "cur", "S", {}, {}, "evo-0001");
    put({}, inbox, QStringLiteral("Evo flagged"), "cur", "FS",
        {QStringLiteral("$Labelimportant"), QStringLiteral("family"), QStringLiteral("junk")},
        {QStringLiteral("Important"), QStringLiteral("family")}, "evo-0002");
    put({}, inbox, QStringLiteral("Evo unread"), "new", {}, {QStringLiteral("$Labeltodo")},
        {QStringLiteral("To Do")}, "evo-0003", true);
    put({}, inbox, QStringLiteral("Evo deleted"), "cur", "ST", {}, {}, "evo-0004");
    put(QStringLiteral(".Projects"), QStringLiteral("Projects"), QStringLiteral("Evo project"),
        "cur", "RS", {QStringLiteral("$Labelwork")}, {QStringLiteral("Work")});
    put(QStringLiteral(".Projects.2024"), QStringLiteral("Projects/2024"),
        QStringLiteral("Evo 2024"), "cur", "", {}, {});
    put(QStringLiteral("..Sub"), QStringLiteral("Inbox/Sub"), QStringLiteral("Evo inbox sub"),
        "cur", "S", {}, {});
    put(QStringLiteral(".Archive.2023"), QStringLiteral("Archive/2023"),
        QStringLiteral("Evo archive 2023"), "cur", "S", {QStringLiteral("$Labellater")},
        {QStringLiteral("Later")});
    put(QStringLiteral(".v1_2E0_5Fbeta"), QStringLiteral("v1.0_beta"), QStringLiteral("Evo dots"),
        "cur", "S", {}, {});
    writeFixtureFile(local + QStringLiteral(".Projects/.Projects.cmeta"), "cmeta");
    writeFoldersDb(local + QStringLiteral("folders.db"), kind, byFolder);
    return all;
}

} // namespace poplar::test
