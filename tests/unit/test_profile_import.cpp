// SPDX-License-Identifier: GPL-3.0-or-later
// Moving in: a Thunderbird-shaped and a Claws Mail-shaped profile this test writes itself,
// found, read and imported: accounts and settings, folders at their depth, every byte,
// read/flag state, what was downloaded, idempotency, damage, a profile in use left alone.
#include "store/TagStore.h"

#include "ProfileFixtures.h"
#include "ProfileImportTest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::importer;

using namespace poplar::importer::test_support;

TEST_F(ProfileImportTest, FindsTheThunderbirdProfileFromHomeOrRoot)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("home/.thunderbird")), &profileDir);
    auto fromHome =
        ProfileImporter::discover(SourceProgram::Thunderbird, {}, path(QStringLiteral("home")));
    ASSERT_TRUE(fromHome.ok()) << qPrintable(fromHome.error().message());
    EXPECT_EQ(fromHome.value().path, QDir(profileDir).absolutePath());
    auto fromRoot = ProfileImporter::discover(SourceProgram::Thunderbird,
                                              path(QStringLiteral("home/.thunderbird")), {});
    ASSERT_TRUE(fromRoot.ok());
    EXPECT_EQ(fromRoot.value().path, QDir(profileDir).absolutePath());
    auto none =
        ProfileImporter::discover(SourceProgram::Thunderbird, {}, path(QStringLiteral("x")));
    EXPECT_FALSE(none.ok());
}

TEST_F(ProfileImportTest, ReadsThunderbirdAccountsAndTheFolderTree)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok()) << qPrintable(found.error().message());
    const FoundProfile &p = found.value();
    EXPECT_FALSE(p.inUse);
    ASSERT_EQ(p.accounts.size(), 2);

    const Account &home = p.accounts.at(0).settings;
    EXPECT_EQ(p.accounts.at(0).key, QStringLiteral("server1"));
    EXPECT_EQ(home.name, QStringLiteral("Home"));
    EXPECT_EQ(home.host, QStringLiteral("pop.home.example"));
    EXPECT_EQ(home.port, 995);
    EXPECT_EQ(home.security, Security::Tls);
    EXPECT_EQ(home.user, QStringLiteral("alice"));
    EXPECT_EQ(home.emailAddress, QStringLiteral("alice@home.example"));
    EXPECT_EQ(home.passwordSource, PasswordSource::Keychain);
    EXPECT_TRUE(home.passwordCommand.isEmpty());
    EXPECT_TRUE(home.leaveOnServer);
    EXPECT_EQ(home.deleteFromServerAfterDays, 30);
    EXPECT_TRUE(home.deleteFromServerOnLocalDelete);
    EXPECT_EQ(home.checkEveryMinutes, 15);
    EXPECT_EQ(home.identity.name, QStringLiteral("Alice Liddell"));
    EXPECT_EQ(home.identity.replyTo, QStringLiteral("replies@home.example"));
    EXPECT_EQ(home.identity.signature, QStringLiteral("Alice\nin Wonderland"));
    EXPECT_EQ(home.smtp.host, QStringLiteral("smtp.home.example"));
    EXPECT_EQ(home.smtp.port, 465);
    EXPECT_EQ(home.smtp.security, Security::Tls);
    EXPECT_TRUE(home.smtp.user.isEmpty()); // the POP3 user: one password
    EXPECT_TRUE(home.smtp.samePassword);
    ASSERT_EQ(p.accounts.at(0).downloaded.size(), 4);
    EXPECT_EQ(p.accounts.at(0).downloaded.at(0).uidl, QByteArray("tb-0001"));
    EXPECT_EQ(p.accounts.at(0).downloaded.at(0).firstSeen, 1700000100);
    EXPECT_TRUE(p.accounts.at(0).downloaded.at(3).deletePending);

    const Account &work = p.accounts.at(1).settings;
    EXPECT_EQ(work.name, QStringLiteral("Work"));
    EXPECT_EQ(work.port, 1110);
    EXPECT_EQ(work.security, Security::StartTls);
    EXPECT_EQ(work.user, QStringLiteral("bob@work.example"));
    EXPECT_FALSE(work.leaveOnServer);
    EXPECT_EQ(work.deleteFromServerAfterDays, 0);
    EXPECT_EQ(work.checkEveryMinutes, 0);
    EXPECT_FALSE(work.checkOnStartup);
    EXPECT_EQ(work.identity.name, QStringLiteral("Bob \"The Builder\" \u9C8D\u52C3"));
    EXPECT_EQ(work.smtp.host, QStringLiteral("smtp.work.example"));
    EXPECT_EQ(work.smtp.port, 587);
    EXPECT_EQ(work.smtp.security, Security::StartTls);
    EXPECT_EQ(work.smtp.user, QStringLiteral("bob-smtp"));
    EXPECT_FALSE(work.smtp.samePassword);
    EXPECT_TRUE(p.accounts.at(1).downloaded.isEmpty());
    EXPECT_TRUE(std::any_of(p.notes.cbegin(), p.notes.cend(), [](const QString &n) {
        return n.contains(QStringLiteral("Old IMAP"));
    }));

    // Every folder at its depth; Thunderbird's own files are no folders.
    QStringList names;
    for (const FoundFolder &f : p.folders)
        names.append(QStringLiteral("%1@%2").arg(f.destination).arg(f.depth));
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("Home/Inbox@0"), QStringLiteral("Home/Archives@0"),
                           QStringLiteral("Home/Archives/2024@1"),
                           QStringLiteral("Home/Archives/2024/Q1@2"), QStringLiteral("Home/Sent@0"),
                           QStringLiteral("Work/Inbox@0"), QStringLiteral("Work/Trash@0"),
                           QStringLiteral("Archive@0"), QStringLiteral("Archive/2024@1"),
                           QStringLiteral("Trash@0"), QStringLiteral("Unsent Messages@0")}));
    EXPECT_EQ(folderNamed(p, QStringLiteral("Home/Inbox"))->inboxOf, QStringLiteral("server1"));
    EXPECT_EQ(folderNamed(p, QStringLiteral("Work/Inbox"))->inboxOf, QStringLiteral("server2"));
    EXPECT_TRUE(folderNamed(p, QStringLiteral("Home/Archives"))->inboxOf.isEmpty());
    EXPECT_EQ(folderNamed(p, QStringLiteral("Archive"))->format, FolderFormat::None);

    FoundProfile counted = p;
    ProfileImporter::count(counted);
    EXPECT_EQ(folderNamed(counted, QStringLiteral("Home/Inbox"))->messages, 4); // one expunged
    EXPECT_EQ(folderNamed(counted, QStringLiteral("Home/Archives"))->messages, 2);
    EXPECT_EQ(folderNamed(counted, QStringLiteral("Home/Archives/2024/Q1"))->messages, 1);
    EXPECT_EQ(folderNamed(counted, QStringLiteral("Trash"))->messages, 0);
}

TEST_F(ProfileImportTest, ImportsThunderbirdByteForByteAndTwiceAddsNothing)
{
    QString profileDir;
    const auto messages = test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok());

    const ProfileImportReport dry = import(found.value(), true);
    EXPECT_EQ(dry.imported, 12);
    EXPECT_TRUE(m_accounts->accounts().isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 0);

    const ProfileImportReport report = import(found.value());
    EXPECT_EQ(report.imported, 12);
    EXPECT_EQ(report.deleted, 1);
    EXPECT_EQ(report.duplicates, 0);
    EXPECT_EQ(report.skipped, 0);
    EXPECT_TRUE(report.warnings.isEmpty()) << qPrintable(report.warnings.join(QLatin1Char('\n')));
    ASSERT_EQ(report.accounts.size(), 2);
    EXPECT_TRUE(report.accounts.at(0).added);
    EXPECT_EQ(report.accounts.at(0).uidlsRecorded, 4);
    EXPECT_EQ(report.accounts.at(0).linked, 2);

    const QList<Account> accounts = m_accounts->accounts();
    ASSERT_EQ(accounts.size(), 2);
    const QString homeId = report.accounts.at(0).accountId;
    const QString workId = report.accounts.at(1).accountId;
    Account expectedHome = found.value().accounts.at(0).settings;
    expectedHome.id = homeId;
    EXPECT_EQ(*m_accounts->account(homeId), expectedHome);

    for (const test::FixtureMessage &m : messages) {
        const Stored s = stored(m.subject);
        if (m.deleted) {
            EXPECT_EQ(s.copies, 0) << qPrintable(m.subject);
            continue;
        }
        ASSERT_EQ(s.copies, 1) << qPrintable(m.subject);
        EXPECT_EQ(s.raw, m.raw) << qPrintable(m.subject);
        EXPECT_EQ(s.seen, m.read) << qPrintable(m.subject);
        EXPECT_EQ(s.flagged, m.flagged) << qPrintable(m.subject);
        if (m.folder == QLatin1String("inbox:server1")) {
            EXPECT_EQ(s.account, homeId);
            EXPECT_TRUE(s.localFolder.isEmpty());
            EXPECT_EQ(s.uidl, QString::fromLatin1(m.uidl));
        } else if (m.folder == QLatin1String("inbox:server2")) {
            EXPECT_EQ(s.account, workId);
        } else {
            EXPECT_EQ(s.account, store::MessageStore::localAccountId());
            EXPECT_EQ(s.localFolder, m.folder);
        }
    }
    auto local = m_store->localFolders();
    ASSERT_TRUE(local.ok());
    EXPECT_EQ(local.value(),
              (QStringList{QStringLiteral("Archive/2024"), QStringLiteral("Home/Archives"),
                           QStringLiteral("Home/Archives/2024"),
                           QStringLiteral("Home/Archives/2024/Q1"), QStringLiteral("Home/Sent")}));
    // Tags carried over: Thunderbird's first label is the first default tag, a tag of the
    // user's own keeps its keyword; the report counts them.
    auto tagged =
        store::TagStore(m_db->connection()).tagNames(stored(QStringLiteral("Flagged news")).id);
    ASSERT_TRUE(tagged.ok());
    EXPECT_EQ(tagged.value(), (QStringList{QStringLiteral("Important"), QStringLiteral("todo")}));
    EXPECT_TRUE(std::any_of(report.notes.cbegin(), report.notes.cend(), [](const QString &n) {
        return n.contains(QStringLiteral("Important (1)")) &&
               n.contains(QStringLiteral("todo (1)"));
    }));

    // What Thunderbird downloaded: linked where X-UIDL names the message, else known only.
    const QString d =
        QStringLiteral("SELECT count(*) FROM downloads WHERE account_id = '%1' AND ").arg(homeId);
    EXPECT_EQ(count(d + QStringLiteral("uidl = 'tb-0001' AND state = 'stored' AND message_id = %1 "
                                       "AND first_seen = 1700000100")
                            .arg(stored(QStringLiteral("Welcome home")).id)),
              1);
    EXPECT_EQ(count(d + QStringLiteral("uidl = 'tb-0003' AND state = 'stored' AND message_id = %1")
                            .arg(stored(QStringLiteral("CRLF message")).id)),
              1);
    EXPECT_EQ(count(d + QStringLiteral("uidl IN ('tb-0002', 'tb-0004') AND state = "
                                       "'headers-only' AND message_id IS NULL")),
              2);
    EXPECT_EQ(count(d + QStringLiteral("uidl = 'other-0001'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM mailboxes WHERE account_id = '%1' AND "
                                   "host = 'pop.home.example' AND port = 995 AND user = 'alice'")
                        .arg(homeId)),
              1);

    // Twice: nothing more.
    const qint64 rows = count(QStringLiteral("SELECT count(*) FROM messages"));
    const qint64 records = count(QStringLiteral("SELECT count(*) FROM downloads"));
    const ProfileImportReport again = import(found.value());
    EXPECT_EQ(again.imported, 0);
    EXPECT_EQ(again.duplicates, 12);
    EXPECT_FALSE(again.accounts.at(0).added);
    EXPECT_EQ(again.accounts.at(0).accountId, homeId);
    EXPECT_EQ(m_accounts->accounts().size(), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), rows);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM downloads")), records);
    EXPECT_EQ(count(d + QStringLiteral("uidl = 'tb-0001' AND state = 'stored'")), 1);
}

TEST_F(ProfileImportTest, OnlyWhatIsTickedIsImported)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok());
    FoundProfile p = found.value();
    p.accounts[0].wanted = false; // Home: its Inbox becomes a local folder
    for (FoundFolder &f : p.folders)
        f.wanted = f.destination.startsWith(QLatin1String("Home/Inbox")) ||
                   f.destination == QLatin1String("Work/Inbox");
    const ProfileImportReport report = import(p);
    EXPECT_EQ(report.imported, 6);
    ASSERT_EQ(m_accounts->accounts().size(), 1);
    EXPECT_EQ(m_accounts->accounts().at(0).name, QStringLiteral("Work"));
    EXPECT_EQ(stored(QStringLiteral("Welcome home")).localFolder, QStringLiteral("Home/Inbox"));
    EXPECT_EQ(stored(QStringLiteral("Welcome home")).account,
              store::MessageStore::localAccountId());
    EXPECT_EQ(stored(QStringLiteral("Old archive")).copies, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM downloads")), 0);
}

TEST_F(ProfileImportTest, ATruncatedMboxImportsWhatCameBeforeAndSaysWhere)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    const QString archives = profileDir + QStringLiteral("/Mail/pop.home.example/Archives");
    QFile f(archives);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    const QByteArray whole = f.readAll();
    const qsizetype second = whole.indexOf("\nFrom - ") + 1;
    ASSERT_GT(second, 0);
    ASSERT_TRUE(f.resize(second + (whole.size() - second) / 2)); // mid-way into message 2
    f.close();
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok());
    const ProfileImportReport report = import(found.value());
    EXPECT_EQ(stored(QStringLiteral("Old archive")).copies, 1);
    EXPECT_EQ(stored(QStringLiteral("Archived multipart")).copies, 0);
    ASSERT_EQ(report.warnings.size(), 1);
    EXPECT_TRUE(report.warnings.at(0).contains(QStringLiteral("message 2")))
        << qPrintable(report.warnings.at(0));
    EXPECT_TRUE(report.warnings.at(0).contains(QStringLiteral("byte %1").arg(second)))
        << qPrintable(report.warnings.at(0));
    EXPECT_EQ(report.imported, 11);
    EXPECT_EQ(report.skipped, 1);
}

TEST_F(ProfileImportTest, AProfileInUseIsReadWithoutBeingChanged)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    ASSERT_TRUE(
        QFile::link(QStringLiteral("127.0.0.1:+4242"), profileDir + QStringLiteral("/lock")));
    const auto before = snapshot(path(QStringLiteral("tb")));
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, {},
                                           path(QStringLiteral("nohome"))); // not there
    EXPECT_FALSE(found.ok());
    found = ProfileImporter::discover(SourceProgram::Thunderbird, path(QStringLiteral("tb")), {});
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(found.value().inUse);
    FoundProfile p = found.value();
    ProfileImporter::count(p);
    EXPECT_EQ(import(p).imported, 12);
    EXPECT_EQ(snapshot(path(QStringLiteral("tb"))), before);
}

TEST_F(ProfileImportTest, ImportsClawsMailAccountsFoldersAndMarks)
{
    const auto messages = test::writeClawsProfile(path(QStringLiteral("home")));
    auto found = ProfileImporter::discover(SourceProgram::Claws, {}, path(QStringLiteral("home")));
    ASSERT_TRUE(found.ok()) << qPrintable(found.error().message());
    const FoundProfile &p = found.value();
    ASSERT_EQ(p.accounts.size(), 2);
    const Account &carol = p.accounts.at(0).settings;
    EXPECT_EQ(carol.name, QStringLiteral("Carol at Claws"));
    EXPECT_EQ(carol.host, QStringLiteral("pop.claws.example"));
    EXPECT_EQ(carol.port, 995);
    EXPECT_EQ(carol.security, Security::Tls);
    EXPECT_EQ(carol.user, QStringLiteral("carol"));
    EXPECT_EQ(carol.emailAddress, QStringLiteral("carol@claws.example"));
    EXPECT_EQ(carol.identity.name, QStringLiteral("Carol Claws"));
    EXPECT_EQ(carol.identity.replyTo, QStringLiteral("carol-replies@claws.example"));
    EXPECT_TRUE(carol.leaveOnServer);
    EXPECT_EQ(carol.deleteFromServerAfterDays, 14);
    EXPECT_EQ(carol.sizeLimitKb, 2048);
    EXPECT_EQ(carol.smtp.host, QStringLiteral("smtp.claws.example"));
    EXPECT_EQ(carol.smtp.port, 587);
    EXPECT_EQ(carol.smtp.security, Security::StartTls);
    EXPECT_TRUE(carol.smtp.login);
    ASSERT_EQ(p.accounts.at(0).downloaded.size(), 2);
    EXPECT_EQ(p.accounts.at(0).downloaded.at(1).uidl, QByteArray("c-0002"));
    const Account &dave = p.accounts.at(1).settings;
    EXPECT_EQ(dave.auth, AuthMethod::Apop);
    EXPECT_EQ(dave.security, Security::StartTls);
    EXPECT_EQ(dave.port, 110);
    EXPECT_TRUE(dave.leaveOnServer);
    EXPECT_EQ(dave.deleteFromServerAfterDays, 0);
    EXPECT_FALSE(dave.canSend());

    QStringList names;
    for (const FoundFolder &f : p.folders)
        names.append(QStringLiteral("%1@%2").arg(f.destination).arg(f.depth));
    EXPECT_EQ(names, (QStringList{QStringLiteral("Archive@0"), QStringLiteral("Archive/2024@1"),
                                  QStringLiteral("inbox@0"), QStringLiteral("queue@0")}));

    const ProfileImportReport report = import(p);
    EXPECT_EQ(report.imported, messages.size());
    for (const test::FixtureMessage &m : messages) {
        const Stored s = stored(m.subject);
        ASSERT_EQ(s.copies, 1) << qPrintable(m.subject);
        EXPECT_EQ(s.raw, m.raw) << qPrintable(m.subject);
        EXPECT_EQ(s.localFolder, m.folder) << qPrintable(m.subject);
        EXPECT_EQ(s.seen, m.read) << qPrintable(m.subject);
        EXPECT_EQ(s.flagged, m.flagged) << qPrintable(m.subject);
    }
    const QString carolId = report.accounts.at(0).accountId;
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM downloads WHERE account_id = '%1' AND "
                                   "uidl IN ('c-0001', 'c-0002') AND first_seen IN (1700000000, "
                                   "1700000100)")
                        .arg(carolId)),
              2);
    EXPECT_EQ(import(p).imported, 0);
    EXPECT_EQ(m_accounts->accounts().size(), 2);
}

TEST_F(ProfileImportTest, AnAccountWithoutEncryptionIsToldOf)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok());
    FoundProfile p = found.value();
    auto told = [](const ProfileImportReport &r, const QString &name) {
        return std::any_of(r.notes.cbegin(), r.notes.cend(), [&](const QString &n) {
            return n.startsWith(name + QStringLiteral(": it reads mail without encryption"));
        });
    };
    EXPECT_FALSE(told(import(p, true), QStringLiteral("Work")));
    p.accounts[1].settings.security = Security::None; // socketType 0
    EXPECT_TRUE(told(import(p, true), QStringLiteral("Work")));
    EXPECT_FALSE(told(import(p, true), QStringLiteral("Home")));
}

TEST_F(ProfileImportTest, ThunderbirdsMaildirStoreImportsToo)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    // A folder in Thunderbird's maildir store, with a nested one.
    const QString box = profileDir + QStringLiteral("/Mail/Local Folders/Maildir Box");
    const QByteArray flagged = "X-Mozilla-Status: 0005\nSubject: Maildir flagged\n\nFrom here.\n";
    const QByteArray unread = "X-Mozilla-Status: 0000\nSubject: Maildir unread\n\nNew.\n";
    const QByteArray gone = "X-Mozilla-Status: 0009\nSubject: Maildir expunged\n\nGone.\n";
    const QByteArray deep = "X-Mozilla-Status: 0001\r\nSubject: Maildir deep\r\n\r\nDeep.\r\n";
    for (const auto &[file, bytes] :
         {std::pair{box + QStringLiteral("/cur/1700000000.1.host"), flagged},
          std::pair{box + QStringLiteral("/new/1700000001.2.host"), unread},
          std::pair{box + QStringLiteral("/cur/1700000002.3.host"), gone},
          std::pair{box + QStringLiteral(".sbd/Sub/cur/1700000003.4.host"), deep}}) {
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    QDir().mkpath(box + QStringLiteral("/tmp"));
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok());
    FoundProfile p = found.value();
    ProfileImporter::count(p);
    const FoundFolder *folder = folderNamed(p, QStringLiteral("Maildir Box"));
    ASSERT_TRUE(folder);
    EXPECT_EQ(folder->format, FolderFormat::Maildir);
    EXPECT_EQ(folder->messages, 2);
    const FoundFolder *sub = folderNamed(p, QStringLiteral("Maildir Box/Sub"));
    ASSERT_TRUE(sub);
    EXPECT_EQ(sub->depth, 1);

    const ProfileImportReport report = import(p);
    EXPECT_EQ(report.imported, 15);
    const Stored f = stored(QStringLiteral("Maildir flagged"));
    EXPECT_EQ(f.raw, flagged);
    EXPECT_EQ(f.localFolder, QStringLiteral("Maildir Box"));
    EXPECT_TRUE(f.seen && f.flagged);
    const Stored u = stored(QStringLiteral("Maildir unread"));
    EXPECT_EQ(u.raw, unread);
    EXPECT_FALSE(u.seen);
    EXPECT_EQ(stored(QStringLiteral("Maildir expunged")).copies, 0);
    const Stored d = stored(QStringLiteral("Maildir deep"));
    EXPECT_EQ(d.raw, deep);
    EXPECT_EQ(d.localFolder, QStringLiteral("Maildir Box/Sub"));
    EXPECT_EQ(import(p).imported, 0);
}
