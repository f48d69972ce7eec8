// SPDX-License-Identifier: GPL-3.0-or-later
// Moving in from Evolution: a home this test writes itself (sources key files, uid-cache,
// the Maildir++ "On This Computer" store with folders.db), found, read and imported:
// accounts and settings, folders at their depth, every byte, read/flag state, labels as
// tags, what was downloaded, idempotency, the profile left unchanged.
#include "importer/EvolutionMaildir.h"
#include "importer/EvolutionProfile.h"
#include "store/TagStore.h"

#include "EvolutionFixture.h"
#include "ProfileImportTest.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::importer;
using namespace poplar::importer::test_support;

TEST(EvolutionProfile, ReadsKeyFilesAsGLibWritesThem)
{
    const KeyFile k = parseKeyFile("# comment\n[Data Source]\nDisplayName=Evo\\sHome\\\\x\n"
                                   "DisplayName[de]=Evo Heim\n\n[Pop Backend]\r\nKeepOnServer="
                                   "true\r\n");
    EXPECT_EQ(k.value(QStringLiteral("Data Source")).value(QStringLiteral("DisplayName")),
              QStringLiteral("Evo Home\\x"));
    EXPECT_EQ(k.value(QStringLiteral("Data Source")).size(), 1);
    EXPECT_EQ(k.value(QStringLiteral("Pop Backend")).value(QStringLiteral("KeepOnServer")),
              QStringLiteral("true"));
}

TEST(EvolutionProfile, NamesFoldersAsCamelsMaildirStoreDoes)
{
    EXPECT_EQ(EvolutionProfile::folderName(QStringLiteral(".Projects")),
              QStringLiteral("Projects"));
    EXPECT_EQ(EvolutionProfile::folderName(QStringLiteral(".Projects.2024")),
              QStringLiteral("Projects/2024"));
    EXPECT_EQ(EvolutionProfile::folderName(QStringLiteral("..Sub")), QStringLiteral("Inbox/Sub"));
    EXPECT_EQ(EvolutionProfile::folderName(QStringLiteral(".v1_2E0_5Fbeta")),
              QStringLiteral("v1.0_beta"));
    EXPECT_EQ(EvolutionProfile::folderName(QStringLiteral(".a_zz")), QStringLiteral("a_zz"));

    QString uid;
    QString flags;
    EvolutionMaildir::splitName(QStringLiteral("1730.M1P2.host:2,FS"), &uid, &flags);
    EXPECT_EQ(uid, QStringLiteral("1730.M1P2.host"));
    EXPECT_EQ(flags, QStringLiteral("FS"));
    EvolutionMaildir::splitName(QStringLiteral("1730.M1P2.host!2,T"), &uid, &flags);
    EXPECT_EQ(uid, QStringLiteral("1730.M1P2.host"));
    EXPECT_EQ(flags, QStringLiteral("T"));
    EvolutionMaildir::splitName(QStringLiteral("1730.M1P2.host"), &uid, &flags);
    EXPECT_TRUE(flags.isEmpty());

    EXPECT_EQ(EvolutionProfile::tagName(QStringLiteral("$Labelimportant")),
              QStringLiteral("Important"));
    EXPECT_EQ(EvolutionProfile::tagName(QStringLiteral("$Labeltodo")), QStringLiteral("To Do"));
    EXPECT_EQ(EvolutionProfile::tagName(QStringLiteral("family")), QStringLiteral("family"));
    EXPECT_TRUE(EvolutionProfile::tagName(QStringLiteral("junk")).isEmpty());
    EXPECT_TRUE(EvolutionProfile::tagName(QStringLiteral("$has_note")).isEmpty());
}

TEST_F(ProfileImportTest, ReadsEvolutionAccounts)
{
    test::writeEvolutionProfile(path(QStringLiteral("home")));
    auto found =
        ProfileImporter::discover(SourceProgram::Evolution, {}, path(QStringLiteral("home")));
    ASSERT_TRUE(found.ok()) << qPrintable(found.error().message());
    const FoundProfile &p = found.value();
    EXPECT_EQ(p.program, SourceProgram::Evolution);
    ASSERT_EQ(p.accounts.size(), 2);

    const FoundAccount &home = p.accounts.at(0);
    EXPECT_EQ(home.key, test::evolutionHomeUid());
    const Account &erin = home.settings;
    EXPECT_EQ(erin.name, QStringLiteral("Evo Home"));
    EXPECT_EQ(erin.host, QStringLiteral("pop.home.example"));
    EXPECT_EQ(erin.port, 995);
    EXPECT_EQ(erin.security, Security::Tls);
    EXPECT_EQ(erin.user, QStringLiteral("alice"));
    EXPECT_EQ(erin.auth, AuthMethod::Auto);
    EXPECT_EQ(erin.passwordSource, PasswordSource::Keychain);
    EXPECT_TRUE(erin.passwordCommand.isEmpty());
    EXPECT_EQ(erin.emailAddress, QStringLiteral("erin@evo.example"));
    EXPECT_EQ(erin.identity.name, QStringLiteral("Erin Evolution"));
    EXPECT_EQ(erin.identity.replyTo, QStringLiteral("erin-replies@evo.example"));
    EXPECT_TRUE(erin.leaveOnServer);
    EXPECT_EQ(erin.deleteFromServerAfterDays, 0);
    EXPECT_TRUE(erin.deleteFromServerOnLocalDelete);
    EXPECT_EQ(erin.smtp.host, QStringLiteral("smtp.evo.example"));
    EXPECT_EQ(erin.smtp.port, 587);
    EXPECT_EQ(erin.smtp.security, Security::StartTls);
    EXPECT_TRUE(erin.smtp.login);
    EXPECT_EQ(erin.smtp.user, QStringLiteral("erin-smtp"));
    EXPECT_FALSE(erin.smtp.samePassword);
    QList<QByteArray> uidls;
    for (const KnownUidl &k : home.downloaded)
        uidls.append(k.uidl);
    EXPECT_EQ(uidls, test::evolutionHomeUidls());

    const FoundAccount &work = p.accounts.at(1);
    const Account &frank = work.settings;
    EXPECT_EQ(frank.name, QStringLiteral("Frank's Work"));
    EXPECT_EQ(frank.auth, AuthMethod::Apop);
    EXPECT_EQ(frank.security, Security::StartTls);
    EXPECT_EQ(frank.port, 110);
    EXPECT_TRUE(frank.leaveOnServer);
    EXPECT_EQ(frank.deleteFromServerAfterDays, 10);
    EXPECT_FALSE(frank.deleteFromServerOnLocalDelete);
    EXPECT_FALSE(frank.canSend()); // sendmail: nothing Poplar sends through
    EXPECT_TRUE(work.downloaded.isEmpty());
    EXPECT_EQ(work.notes.size(), 1); // switched off in Evolution
    EXPECT_TRUE(std::any_of(p.notes.cbegin(), p.notes.cend(), [](const QString &n) {
        return n.contains(QStringLiteral("\"Old IMAP\""));
    }));
    EXPECT_FALSE(std::any_of(p.notes.cbegin(), p.notes.cend(), [](const QString &n) {
        return n.contains(QStringLiteral("On This Computer\" is not imported"));
    }));
}

TEST_F(ProfileImportTest, ImportsEvolutionMailByteForByteWithItsLabels)
{
    const QString home = path(QStringLiteral("home"));
    const auto messages = test::writeEvolutionProfile(home);
    const auto before = snapshot(home);
    auto found = ProfileImporter::discover(SourceProgram::Evolution, home, {});
    ASSERT_TRUE(found.ok()) << qPrintable(found.error().message());
    FoundProfile p = found.value();
    ProfileImporter::count(p);

    QStringList tree;
    for (const FoundFolder &f : p.folders)
        tree.append(QStringLiteral("%1@%2:%3").arg(f.destination).arg(f.depth).arg(f.messages));
    EXPECT_EQ(tree,
              (QStringList{QStringLiteral("Archive@0:0"), QStringLiteral("Archive/2023@1:1"),
                           QStringLiteral("Inbox@0:3"), QStringLiteral("Inbox/Sub@1:1"),
                           QStringLiteral("Projects@0:1"), QStringLiteral("Projects/2024@1:1"),
                           QStringLiteral("v1.0_beta@0:1")}));

    const ProfileImportReport report = import(p);
    EXPECT_EQ(report.imported, 8);
    EXPECT_EQ(report.deleted, 1);
    EXPECT_EQ(report.skipped, 0);
    EXPECT_TRUE(report.warnings.isEmpty()) << qPrintable(report.warnings.join(QLatin1Char('\n')));
    ASSERT_EQ(report.accounts.size(), 2);
    EXPECT_EQ(report.accounts.at(0).uidlsRecorded, 4);
    const QString homeId = report.accounts.at(0).accountId;
    Account expected = p.accounts.at(0).settings;
    expected.id = homeId;
    EXPECT_EQ(*m_accounts->account(homeId), expected);

    store::TagStore tags(m_db->connection());
    for (const test::FixtureMessage &m : messages) {
        const Stored s = stored(m.subject);
        if (m.deleted) {
            EXPECT_EQ(s.copies, 0) << qPrintable(m.subject);
            continue;
        }
        ASSERT_EQ(s.copies, 1) << qPrintable(m.subject);
        EXPECT_EQ(s.raw, m.raw) << qPrintable(m.subject);
        EXPECT_EQ(s.account, store::MessageStore::localAccountId()) << qPrintable(m.subject);
        EXPECT_EQ(s.localFolder, m.folder) << qPrintable(m.subject);
        EXPECT_EQ(s.seen, m.read) << qPrintable(m.subject);
        EXPECT_EQ(s.flagged, m.flagged) << qPrintable(m.subject);
        auto names = tags.tagNames(s.id);
        ASSERT_TRUE(names.ok());
        QStringList want = m.tags;
        QStringList got = names.value();
        want.sort();
        got.sort();
        EXPECT_EQ(got, want) << qPrintable(m.subject);
    }
    auto local = m_store->localFolders();
    ASSERT_TRUE(local.ok());
    EXPECT_TRUE(local.value().contains(QStringLiteral("Projects/2024")));
    EXPECT_TRUE(local.value().contains(QStringLiteral("Inbox/Sub")));

    // Every UIDL of uid-cache is known: never fetched again, never deleted on its account.
    const QString d =
        QStringLiteral("SELECT count(*) FROM downloads WHERE account_id = '%1' AND ").arg(homeId);
    EXPECT_EQ(count(d + QStringLiteral("uidl IN ('evo-0001', 'evo-0002', 'evo-0003', "
                                       "'evo-0004') AND state = 'headers-only'")),
              4);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM server_deletions")), 0);

    // Twice: nothing more; the profile is as it was.
    const qint64 rows = count(QStringLiteral("SELECT count(*) FROM messages"));
    const ProfileImportReport again = import(p);
    EXPECT_EQ(again.imported, 0);
    EXPECT_EQ(again.duplicates, 8);
    EXPECT_EQ(m_accounts->accounts().size(), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), rows);
    EXPECT_EQ(snapshot(home), before);
}

TEST_F(ProfileImportTest, ReadsLabelsFromAFoldersDbBefore3_58)
{
    const QString home = path(QStringLiteral("home"));
    const auto messages = test::writeEvolutionProfile(home, {}, test::EvolutionStoreDb::Before3_58);
    auto found = ProfileImporter::discover(SourceProgram::Evolution, home, {});
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(import(found.value()).imported, 8);
    auto names =
        store::TagStore(m_db->connection()).tagNames(stored(QStringLiteral("Evo project")).id);
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(names.value(), QStringList{QStringLiteral("Work")});
}

TEST_F(ProfileImportTest, NoEvolutionMailIsSaidSo)
{
    auto found =
        ProfileImporter::discover(SourceProgram::Evolution, path(QStringLiteral("none")), {});
    ASSERT_FALSE(found.ok());
    EXPECT_TRUE(found.error().message().contains(QStringLiteral("Evolution")));
}
