// SPDX-License-Identifier: GPL-3.0-or-later
// `poplarctl filters run` on mail already here with a rule that deletes on the server
// (addflag "\\Deleted"), against the private Dovecot: the dry run says which messages would
// leave the server, in words and in JSON; the run queues them in the visible queue
// (`poplarctl pending`), and the next sync deletes them there like the user's own deletes.
// An account that does not leave mail on the server has nothing to queue.
#include "CtlTest.h"

#include "filters/FilterScript.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

class FiltersRunCliTest : public CtlTest {
protected:
    /// Messages in the Dovecot maildrop.
    int onServer()
    {
        int n = 0;
        for (const char *sub : {"new", "cur"})
            n += int(QDir(server().maildir() + QLatin1Char('/') + QLatin1String(sub))
                         .entryList(QDir::Files)
                         .size());
        return n;
    }

    void seed()
    {
        const QList<std::pair<QString, QString>> messages{
            {QStringLiteral("Big sale"), QStringLiteral("shop@ads.example")},
            {QStringLiteral("Old sale"), QStringLiteral("deals@ads.example")},
            {QStringLiteral("Hello"), QStringLiteral("friend@people.example")}};
        for (const auto &[subject, from] : messages)
            EXPECT_FALSE(
                server().addMessage(makeMessage(subject, from, QStringLiteral("Hi.\n"))).isEmpty());
    }

    /// filters.sieve as the Filters dialog writes a rule "Ads" (From contains @ads.example)
    /// that deletes on the server.
    void writeDeletingRule()
    {
        filters::FilterScript script;
        filters::FilterRule rule;
        rule.name = QStringLiteral("Ads");
        rule.conditions = {filters::FilterCondition{filters::FilterCondition::Field::From,
                                                    filters::FilterCondition::Match::Contains,
                                                    {},
                                                    QStringLiteral("@ads.example")}};
        rule.actions = {{filters::FilterAction::Kind::DeleteOnServer, {}}};
        script.rules = {rule};
        QFile f(m_profile.filePath(QStringLiteral("filters.sieve")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(filters::FilterScriptCodec::write(script).toUtf8());
    }

    QJsonArray runJson(const QStringList &extra = {})
    {
        return jsonOf(
            QStringList{QStringLiteral("filters"), QStringLiteral("run"), QStringLiteral("inbox")} +
            extra);
    }

    QJsonArray pending() { return jsonOf({QStringLiteral("pending")}); }

    static QStringList subjectsOf(const QJsonArray &rows) { return sortedSubjects(rows); }
};

} // namespace

TEST_F(FiltersRunCliTest, RunNowQueuesTheRulesServerDeletionsAndTheNextSyncMakesThem)
{
    seed();
    addAccount(QStringLiteral("tls"), server().tlsPort()); // leaves mail on the server
    CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    ASSERT_EQ(onServer(), 3);
    writeDeletingRule();

    // The dry run, in words: each message, and how many in all.
    const CtlRun dry = ctl({QStringLiteral("filters"), QStringLiteral("run"),
                            QStringLiteral("inbox"), QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_EQ(dry.out.count("would be deleted from the server at the next sync"), 2)
        << dry.out.toStdString();
    EXPECT_FALSE(dry.out.contains("Hello")) << dry.out.toStdString();
    EXPECT_TRUE(dry.err.contains("would be queued for deletion from the server"))
        << dry.err.toStdString();
    {
        // Where both streams show together, the summary (stderr) follows the lines it sums
        // up (stdout), even when stdout is not a terminal and so is buffered.
        TestProcess both;
        both.setProcessChannelMode(QProcess::MergedChannels);
        both.start(QStringLiteral(POPLARCTL_PATH),
                   {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("filters"),
                    QStringLiteral("run"), QStringLiteral("inbox"), QStringLiteral("--dry-run")});
        both.closeWriteChannel();
        ASSERT_TRUE(both.waitForFinished(60'000));
        const QByteArray text = both.readAll();
        EXPECT_GT(text.indexOf("message(s) would change"),
                  text.lastIndexOf("would be deleted from the server at the next sync"))
            << text.toStdString();
    }

    // In JSON: a field beside the ones that were there.
    const QJsonArray wouldDelete = runJson({QStringLiteral("--dry-run")});
    EXPECT_EQ(subjectsOf(wouldDelete),
              (QStringList{QStringLiteral("Big sale"), QStringLiteral("Old sale")}));
    for (const QJsonValue &move : wouldDelete) {
        EXPECT_TRUE(move[QStringLiteral("deleteOnServer")].toBool());
        EXPECT_EQ(move[QStringLiteral("toFolder")].toString(), QStringLiteral("inbox"));
        EXPECT_TRUE(move[QStringLiteral("filedBy")].isNull());
        EXPECT_FALSE(move[QStringLiteral("markSeen")].toBool());
    }
    EXPECT_TRUE(pending().isEmpty()); // a dry run queues nothing
    EXPECT_EQ(onServer(), 3);

    // The run queues them where the user's own deletes wait; nothing leaves yet.
    const QJsonArray ran = runJson();
    EXPECT_EQ(ran.size(), 2);
    const QJsonArray queued = pending();
    EXPECT_EQ(subjectsOf(queued),
              (QStringList{QStringLiteral("Big sale"), QStringLiteral("Old sale")}));
    for (const QJsonValue &p : queued)
        EXPECT_EQ(p[QStringLiteral("reason")].toString(), QStringLiteral("deleted-here"));
    EXPECT_EQ(onServer(), 3);
    // Queued once: a second run has nothing to do.
    EXPECT_TRUE(runJson({QStringLiteral("--dry-run")}).isEmpty());

    // The next sync deletes them on the server; the local copies stay.
    sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    EXPECT_EQ(onServer(), 1);
    EXPECT_TRUE(pending().isEmpty());
    EXPECT_EQ(subjectsOf(listJson()),
              (QStringList{QStringLiteral("Big sale"), QStringLiteral("Hello"),
                           QStringLiteral("Old sale")}));
}

TEST_F(FiltersRunCliTest, AnAccountThatDoesNotLeaveMailOnTheServerHasNothingToQueue)
{
    seed();
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--leave-on-server"), QStringLiteral("no")});
    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    EXPECT_EQ(onServer(), 0); // the sync deleted what it downloaded whole
    writeDeletingRule();
    EXPECT_TRUE(runJson({QStringLiteral("--dry-run")}).isEmpty());
    EXPECT_TRUE(runJson().isEmpty());
    EXPECT_TRUE(pending().isEmpty());
}

} // namespace poplar::test
