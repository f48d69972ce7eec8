// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18 end to end: a Thunderbird profile whose Home account reads the test Dovecot, which
// serves the messages Thunderbird downloaded under the same UIDLs. After import-profile,
// a sync downloads nothing; account edit gives the imported account what a script needs.
#include "CtlTest.h"
#include "ProfileFixtures.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

/// The server's copy: Thunderbird added its X-Mozilla-* and X-UIDL lines when it stored it.
QByteArray serverCopy(const QByteArray &stored)
{
    QByteArray out;
    for (const QByteArray &line : stored.split('\n')) {
        if (line.startsWith("X-Mozilla-") || line.startsWith("X-UIDL:"))
            continue;
        out += line + '\n';
    }
    out.chop(1);
    return out;
}

QStringList maildirNames(const QString &maildir)
{
    QStringList names;
    for (const char *sub : {"cur", "new"}) {
        for (const QString &f :
             QDir(maildir + QLatin1Char('/') + QLatin1String(sub)).entryList(QDir::Files))
            names.append(f.section(QLatin1Char(':'), 0, 0));
    }
    names.sort();
    return names;
}

class ImportProfileTest : public CtlTest {
protected:
    QJsonObject importProfile(const QString &root)
    {
        const CtlRun r = ctl({QStringLiteral("import-profile"), QStringLiteral("thunderbird"), root,
                              QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out).object();
    }
};

} // namespace

TEST_F(ImportProfileTest, AfterImportASyncDownloadsNothing)
{
    HomeServer home;
    home.host = server().host();
    home.port = server().tlsPort();
    home.socketType = 3;
    home.user = server().user();
    QString profileDir;
    const QString root = m_files.filePath(QStringLiteral("thunderbird"));
    const QList<FixtureMessage> messages = writeThunderbirdProfile(root, &profileDir, home);
    // The server still has what Thunderbird downloaded (left on the server), under the UIDLs
    // popstate.dat lists, and the message deleted in Thunderbird it had not yet deleted there.
    const QHash<QString, QByteArray> onServer{{QStringLiteral("Welcome home"), "tb-0001"},
                                              {QStringLiteral("Flagged news"), "tb-0002"},
                                              {QStringLiteral("CRLF message"), "tb-0003"},
                                              {QStringLiteral("Expunged one"), "tb-0004"}};
    for (const FixtureMessage &m : messages) {
        if (!onServer.contains(m.subject))
            continue;
        ASSERT_FALSE(
            server()
                .addMessage(serverCopy(m.raw), QString::fromLatin1(onServer.value(m.subject)))
                .isEmpty());
    }

    const QJsonObject report = importProfile(root);
    EXPECT_EQ(report.value(QStringLiteral("imported")).toInt(), 12);
    const QJsonArray accounts = report.value(QStringLiteral("accounts")).toArray();
    ASSERT_EQ(accounts.size(), 2);
    const QJsonObject homeAccount = accounts.at(0).toObject();
    EXPECT_EQ(homeAccount.value(QStringLiteral("name")).toString(), QStringLiteral("Home"));
    EXPECT_EQ(homeAccount.value(QStringLiteral("uidlsRecorded")).toInt(), 4);
    EXPECT_EQ(homeAccount.value(QStringLiteral("linked")).toInt(), 2);
    const QString id = homeAccount.value(QStringLiteral("id")).toString();

    // Imported without a password; a script gives it one, and the test CA, and nothing else.
    const CtlRun before = ctl({QStringLiteral("account"), QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    const CtlRun edit =
        ctl({QStringLiteral("account"), QStringLiteral("edit"), id,
             QStringLiteral("--password-command"), passwordCommand(server().password()),
             QStringLiteral("--ca-file"), server().caFile()});
    ASSERT_EQ(edit.exitCode, 0) << edit.err.toStdString();
    const CtlRun after = ctl({QStringLiteral("account"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QJsonObject was = QJsonDocument::fromJson(before.out).array().at(0).toObject();
    QJsonObject now = QJsonDocument::fromJson(after.out).array().at(0).toObject();
    for (const QString &key : now.keys()) {
        if (was.value(key) == now.value(key))
            continue;
        EXPECT_TRUE(key == QLatin1String("passwordSource") ||
                    key == QLatin1String("passwordCommand") || key == QLatin1String("caFile"))
            << qPrintable(key) << " changed";
    }

    // The message deleted in Thunderbird, which Thunderbird was to delete on the server at
    // its next check: told of, not queued (this computer does not hold it).
    EXPECT_EQ(homeAccount.value(QStringLiteral("deletedThere")).toInt(), 1);
    const CtlRun pending =
        ctl({QStringLiteral("pending"), QStringLiteral("--format"), QStringLiteral("json")});
    for (const QJsonValue &row : QJsonDocument::fromJson(pending.out).array())
        EXPECT_NE(row.toObject().value(QStringLiteral("uidl")).toString(),
                  QStringLiteral("tb-0004"));

    const CtlRun sync = ctl({QStringLiteral("sync"), QStringLiteral("--account"), id});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString() << server().logText().toStdString();
    EXPECT_TRUE(sync.out.contains("0 new")) << sync.out.toStdString();
    // Home's Inbox: exactly the four imported messages, none twice.
    const QJsonArray inbox = listJson(QStringLiteral("inbox"));
    int homeRows = 0;
    for (const QJsonValue &row : inbox) {
        if (row.toObject().value(QStringLiteral("account")).toString() == id)
            ++homeRows;
    }
    EXPECT_EQ(homeRows, 4);
    // Thunderbird's policy came along: after 30 days on the server, the messages this
    // computer holds are deleted there; the one only popstate.dat knows of, and the one
    // deleted in Thunderbird, stay (nothing here holds them).
    EXPECT_EQ(maildirNames(server().maildir()),
              (QStringList{QStringLiteral("tb-0002"), QStringLiteral("tb-0004")}));

    // Nested local folders, by their path.
    const QJsonArray deep = listJson(QStringLiteral("local:Home/Archives/2024/Q1"));
    ASSERT_EQ(deep.size(), 1);
    EXPECT_EQ(deep.at(0).toObject().value(QStringLiteral("subject")).toString(),
              QStringLiteral("Deep Q1"));

    // Twice: nothing added, no second account.
    const QJsonObject again = importProfile(root);
    EXPECT_EQ(again.value(QStringLiteral("imported")).toInt(), 0);
    EXPECT_EQ(again.value(QStringLiteral("duplicates")).toInt(), 12);
    EXPECT_FALSE(again.value(QStringLiteral("accounts"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("added"))
                     .toBool());
    const CtlRun second = ctl({QStringLiteral("sync"), QStringLiteral("--account"), id});
    EXPECT_TRUE(second.out.contains("0 new")) << second.out.toStdString();
}

TEST_F(ImportProfileTest, DryRunChangesNothing)
{
    QString profileDir;
    const QString root = m_files.filePath(QStringLiteral("thunderbird"));
    writeThunderbirdProfile(root, &profileDir);
    const CtlRun r =
        ctl({QStringLiteral("import-profile"), QStringLiteral("thunderbird"), root,
             QStringLiteral("--dry-run"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    EXPECT_TRUE(report.value(QStringLiteral("dryRun")).toBool());
    EXPECT_EQ(report.value(QStringLiteral("imported")).toInt(), 12);
    const QJsonArray folders = report.value(QStringLiteral("folders")).toArray();
    ASSERT_FALSE(folders.isEmpty());
    EXPECT_EQ(folders.at(0).toObject().value(QStringLiteral("messages")).toInt(), 4);
    const CtlRun list = ctl({QStringLiteral("account"), QStringLiteral("list")});
    EXPECT_TRUE(list.out.trimmed().isEmpty()) << list.out.toStdString();
    EXPECT_TRUE(listJson(QStringLiteral("inbox")).isEmpty());
}

TEST_F(ImportProfileTest, AccountEditChangesOnlyWhatItIsGiven)
{
    const QString id = addAccount(QStringLiteral("tls"), server().tlsPort(), true,
                                  {QStringLiteral("--smtp-host"), QStringLiteral("smtp.example"),
                                   QStringLiteral("--email"), QStringLiteral("a@example.org")});
    auto accountJson = [&] {
        const CtlRun r = ctl({QStringLiteral("account"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out).array().at(0).toObject();
    };
    const QJsonObject before = accountJson();
    ASSERT_EQ(
        ctl({QStringLiteral("account"), QStringLiteral("edit"), id, QStringLiteral("--name"),
             QStringLiteral("Renamed"), QStringLiteral("--pin-sha256"), QStringLiteral("ab12"),
             QStringLiteral("--delete-from-server-after-days"), QStringLiteral("9")})
            .exitCode,
        0);
    const QJsonObject after = accountJson();
    for (const QString &key : after.keys()) {
        if (key == QLatin1String("name") || key == QLatin1String("pinSha256") ||
            key == QLatin1String("deleteFromServerAfterDays"))
            continue;
        EXPECT_EQ(before.value(key), after.value(key)) << qPrintable(key);
    }
    EXPECT_EQ(after.value(QStringLiteral("name")).toString(), QStringLiteral("Renamed"));
    EXPECT_EQ(after.value(QStringLiteral("deleteFromServerAfterDays")).toInt(), 9);
    EXPECT_EQ(ctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("99"),
                   QStringLiteral("--name"), QStringLiteral("x")})
                  .exitCode,
              1);
    EXPECT_EQ(ctl({QStringLiteral("account"), QStringLiteral("edit"), id, QStringLiteral("--port"),
                   QStringLiteral("0")})
                  .exitCode,
              2);
}

} // namespace poplar::test
