// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18, Evolution end to end: an Evolution home whose "Evo Home" account reads the test
// Dovecot, which still has (left on the server) what Evolution downloaded, under the UIDLs
// Evolution's uid-cache lists. After import-profile evolution, a sync downloads nothing and
// deletes nothing; a second import adds nothing.
#include "CtlTest.h"
#include "EvolutionFixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

class ImportEvolutionTest : public CtlTest {
protected:
    QJsonObject importEvolution(const QString &home)
    {
        const CtlRun r = ctl({QStringLiteral("import-profile"), QStringLiteral("evolution"), home,
                              QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out).object();
    }
};

} // namespace

TEST_F(ImportEvolutionTest, AfterImportASyncDownloadsNothing)
{
    HomeServer home;
    home.host = server().host();
    home.port = server().tlsPort();
    home.socketType = 3;
    home.user = server().user();
    const QString evolutionHome = m_files.filePath(QStringLiteral("evolution-home"));
    const QList<FixtureMessage> messages = writeEvolutionProfile(evolutionHome, home);
    // The server has every message of the Inbox, the one deleted in Evolution too (it kept
    // mail on the server, and deletes there only what is expunged, which that one was not).
    int onServer = 0;
    for (const FixtureMessage &m : messages) {
        if (m.uidl.isEmpty())
            continue;
        ASSERT_FALSE(server().addMessage(m.raw, QString::fromLatin1(m.uidl)).isEmpty());
        ++onServer;
    }
    ASSERT_EQ(onServer, 4);

    const QJsonObject report = importEvolution(evolutionHome);
    EXPECT_EQ(report.value(QStringLiteral("imported")).toInt(), 8);
    const QJsonArray accounts = report.value(QStringLiteral("accounts")).toArray();
    ASSERT_EQ(accounts.size(), 2);
    const QJsonObject evoHome = accounts.at(0).toObject();
    EXPECT_EQ(evoHome.value(QStringLiteral("name")).toString(), QStringLiteral("Evo Home"));
    EXPECT_EQ(evoHome.value(QStringLiteral("uidlsRecorded")).toInt(), 4);
    EXPECT_EQ(evoHome.value(QStringLiteral("security")).toString(), QStringLiteral("tls"));
    const QString id = evoHome.value(QStringLiteral("id")).toString();
    ASSERT_FALSE(id.isEmpty());

    const CtlRun edit =
        ctl({QStringLiteral("account"), QStringLiteral("edit"), id,
             QStringLiteral("--password-command"), passwordCommand(server().password()),
             QStringLiteral("--ca-file"), server().caFile()});
    ASSERT_EQ(edit.exitCode, 0) << edit.err.toStdString();
    const CtlRun sync = ctl({QStringLiteral("sync"), QStringLiteral("--account"), id});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString() << server().logText().toStdString();
    EXPECT_TRUE(sync.out.contains("0 new")) << sync.out.toStdString();
    // Nothing came into the account's Inbox: the mail Evolution downloaded is in the local
    // folder "Inbox", once.
    for (const QJsonValue &row : listJson(QStringLiteral("inbox")))
        EXPECT_NE(row.toObject().value(QStringLiteral("account")).toString(), id);
    EXPECT_EQ(listJson(QStringLiteral("local:Inbox")).size(), 3);
    const QJsonArray deep = listJson(QStringLiteral("local:Projects/2024"));
    ASSERT_EQ(deep.size(), 1);
    EXPECT_EQ(deep.at(0).toObject().value(QStringLiteral("subject")).toString(),
              QStringLiteral("Evo 2024"));
    // Nothing was deleted on the server either.
    EXPECT_EQ(QDir(server().maildir() + QStringLiteral("/cur")).entryList(QDir::Files).size() +
                  QDir(server().maildir() + QStringLiteral("/new")).entryList(QDir::Files).size(),
              onServer);

    const QJsonObject again = importEvolution(evolutionHome);
    EXPECT_EQ(again.value(QStringLiteral("imported")).toInt(), 0);
    EXPECT_EQ(again.value(QStringLiteral("duplicates")).toInt(), 8);
    const CtlRun second = ctl({QStringLiteral("sync"), QStringLiteral("--account"), id});
    EXPECT_TRUE(second.out.contains("0 new")) << second.out.toStdString();
}

} // namespace poplar::test
