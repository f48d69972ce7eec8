// SPDX-License-Identifier: GPL-3.0-or-later
// filters.sieve end to end: poplarctl sync against the private Dovecot files every message
// where the rules say as it is committed; a broken script leaves mail in the Inbox; a sync
// killed mid-way leaves every message in exactly one folder; filters run on a folder later.
#include "CtlTest.h"

#include "sync/AccountSync.h"

#include "filters/FilterScript.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

// Rules on From, Subject, a header, size and an anyof, each named by a comment.
const QByteArray rules = "require [\"fileinto\", \"imap4flags\"];\n"
                         "\n"
                         "# rule: Invoices\n"
                         "if address :domain :is \"from\" \"shop.example\" {\n"
                         "  fileinto \"Invoices\";\n"
                         "  stop;\n"
                         "}\n"
                         "# rule: Newsletters\n"
                         "if header :contains \"subject\" \"[weekly]\" {\n"
                         "  fileinto \"Newsletters\";\n"
                         "}\n"
                         "# rule: Lists\n"
                         "if header :matches \"list-id\" \"*lists.example*\" {\n"
                         "  fileinto \"Lists\";\n"
                         "}\n"
                         "# rule: Large\n"
                         "if size :over 40K {\n"
                         "  fileinto \"Large\";\n"
                         "}\n"
                         "# rule: Important\n"
                         "if anyof (address :is \"from\" \"boss@work.example\",\n"
                         "          header :contains \"subject\" \"urgent\") {\n"
                         "  addflag \"\\\\Flagged\";\n"
                         "  fileinto \"Important\";\n"
                         "}\n"
                         "# rule: Noise\n"
                         "if header :is \"x-noise\" \"yes\" {\n"
                         "  discard;\n"
                         "}\n";

struct Expected {
    QString subject;
    QString folder;      ///< "inbox" or "trash"
    QString localFolder; ///< where a rule filed it; empty for the folder itself
    QString rule;        ///< the rule that placed it; empty for none
};

QByteArray withHeader(const QByteArray &message, const QByteArray &header)
{
    return header + "\r\n" + message;
}

class FiltersCliTest : public CtlTest {
protected:
    /// One message per rule, one for each branch of the anyof, and one no rule matches.
    QList<Expected> seedOnePerRule(const QString &tag = {})
    {
        auto subject = [&](const char *text) { return QString::fromLatin1(text) + tag; };
        QString big;
        for (int i = 0; i < 1200; ++i)
            big += QStringLiteral("A long line of a large message, number %1.\n").arg(i);
        const QList<std::pair<QByteArray, Expected>> messages{
            {makeMessage(subject("Your invoice"), QStringLiteral("Shop <billing@shop.example>"),
                         QStringLiteral("Pay.\n")),
             {subject("Your invoice"), QStringLiteral("inbox"), QStringLiteral("Invoices"),
              QStringLiteral("Invoices")}},
            {makeMessage(subject("[Weekly] news"), QStringLiteral("news@paper.example"),
                         QStringLiteral("News.\n")),
             {subject("[Weekly] news"), QStringLiteral("inbox"), QStringLiteral("Newsletters"),
              QStringLiteral("Newsletters")}},
            {withHeader(makeMessage(subject("List post"), QStringLiteral("dev@people.example"),
                                    QStringLiteral("Patch.\n")),
                        "List-Id: Developers <dev.lists.example>"),
             {subject("List post"), QStringLiteral("inbox"), QStringLiteral("Lists"),
              QStringLiteral("Lists")}},
            {makeMessage(subject("Holiday photos"), QStringLiteral("aunt@family.example"), big),
             {subject("Holiday photos"), QStringLiteral("inbox"), QStringLiteral("Large"),
              QStringLiteral("Large")}},
            {makeMessage(subject("Meeting"), QStringLiteral("Boss <boss@work.example>"),
                         QStringLiteral("Now.\n")),
             {subject("Meeting"), QStringLiteral("inbox"), QStringLiteral("Important"),
              QStringLiteral("Important")}},
            {makeMessage(subject("Urgent: the server"), QStringLiteral("ops@work.example"),
                         QStringLiteral("Down.\n")),
             {subject("Urgent: the server"), QStringLiteral("inbox"), QStringLiteral("Important"),
              QStringLiteral("Important")}},
            {withHeader(makeMessage(subject("Noise"), QStringLiteral("bot@spam.example"),
                                    QStringLiteral("Buy.\n")),
                        "X-Noise: yes"),
             {subject("Noise"), QStringLiteral("trash"), QString(), QStringLiteral("Noise")}},
            {makeMessage(subject("Hello"), QStringLiteral("friend@people.example"),
                         QStringLiteral("Hi.\n")),
             {subject("Hello"), QStringLiteral("inbox"), QString(), QString()}},
        };
        QList<Expected> expected;
        for (const auto &[raw, where] : messages) {
            EXPECT_FALSE(server().addMessage(raw).isEmpty());
            expected.append(where);
        }
        return expected;
    }

    void writeFilters(const QByteArray &script)
    {
        QFile f(m_profile.filePath(QStringLiteral("filters.sieve")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_EQ(f.write(script), script.size());
    }

    /// Every message in the cache: subject -> (folder, local folder, rule), read directly.
    QMultiMap<QString, Expected> placements()
    {
        QMultiMap<QString, Expected> out;
        auto db = store::Database::open(m_profile.filePath(QStringLiteral("cache.sqlite")),
                                        QStringLiteral("filters-check"));
        EXPECT_TRUE(db.ok());
        if (!db.ok())
            return out;
        QSqlQuery q(db.value()->connection());
        EXPECT_TRUE(
            q.exec(QStringLiteral("SELECT subject, folder, local_folder, filed_by FROM messages")));
        while (q.next()) {
            out.insert(q.value(0).toString(), {q.value(0).toString(), q.value(1).toString(),
                                               q.value(2).toString(), q.value(3).toString()});
        }
        return out;
    }

    void expectPlaced(const QList<Expected> &expected)
    {
        const auto stored = placements();
        EXPECT_EQ(stored.size(), expected.size());
        for (const Expected &e : expected) {
            const QList<Expected> copies = stored.values(e.subject);
            ASSERT_EQ(copies.size(), 1)
                << "stored " << copies.size() << " times: " << e.subject.toStdString();
            EXPECT_EQ(copies.front().folder, e.folder) << e.subject.toStdString();
            EXPECT_EQ(copies.front().localFolder, e.localFolder) << e.subject.toStdString();
            EXPECT_EQ(copies.front().rule, e.rule) << e.subject.toStdString();
        }
    }

    QJsonArray listJson(const QStringList &args)
    {
        return jsonOf(QStringList{QStringLiteral("list")} + args);
    }

    static QStringList subjects(const QJsonArray &rows) { return sortedSubjects(rows); }

    /// Starts a sync that stops at fault point `point` and SIGKILLs it there; returns
    /// whether it got there.
    bool syncAndKillAt(const QString &point)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POPLAR_FAULT_POINT"), point);
        p.setProcessEnvironment(env);
        p.setReadChannel(QProcess::StandardError);
        p.start(QStringLiteral(POPLARCTL_PATH),
                {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("sync")});
        if (!p.waitForStarted(10'000))
            return false;
        const QByteArray marker = "poplar fault point: " + point.toUtf8();
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60'000 && p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(50);
            err += p.readAllStandardError();
            if (err.contains(marker)) {
                p.kill();
                p.waitForFinished(10'000);
                return true;
            }
        }
        p.kill();
        p.waitForFinished(10'000);
        return false;
    }
};

} // namespace

TEST_F(FiltersCliTest, SyncFilesEveryMessageWhereTheRulesSay)
{
    const QList<Expected> expected = seedOnePerRule();
    writeFilters(rules);
    const QString account = addAccount(QStringLiteral("tls"), server().tlsPort());

    const CtlRun check = ctl({QStringLiteral("filters"), QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 0) << check.err.toStdString();
    EXPECT_TRUE(check.out.contains("6 rule")) << check.out.toStdString();

    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    expectPlaced(expected);

    // poplarctl shows the same: the Inbox holds only what no rule filed, each folder its own.
    EXPECT_EQ(subjects(listJson({})), QStringList{QStringLiteral("Hello")});
    const QJsonArray important =
        listJson({QStringLiteral("--account"), account, QStringLiteral("--folder"),
                  QStringLiteral("Important")});
    EXPECT_EQ(subjects(important),
              (QStringList{QStringLiteral("Meeting"), QStringLiteral("Urgent: the server")}));
    for (const QJsonValue &row : important) {
        EXPECT_TRUE(row[QStringLiteral("flagged")].toBool());
        EXPECT_EQ(row[QStringLiteral("localFolder")].toString(), QStringLiteral("Important"));
        EXPECT_EQ(row[QStringLiteral("filedBy")][QStringLiteral("rule")].toString(),
                  QStringLiteral("Important"));
        EXPECT_EQ(row[QStringLiteral("filedBy")][QStringLiteral("line")].toInt(), 21);
        EXPECT_FALSE(row[QStringLiteral("junk")].toBool());
    }
    const QJsonArray trash = listJson({QStringLiteral("--folder"), QStringLiteral("trash")});
    EXPECT_EQ(subjects(trash), QStringList{QStringLiteral("Noise")});
    EXPECT_TRUE(listJson({})[0][QStringLiteral("filedBy")].isNull());
}

TEST_F(FiltersCliTest, ABrokenScriptSaysWhereAndMailStillArrivesInTheInbox)
{
    const QList<Expected> seeded = seedOnePerRule();
    writeFilters("require \"fileinto\";\n"
                 "if header :contains \"subject\" \"invoice\" {\n"
                 "  fileinto \"Invoices\"\n"
                 "}\n");
    addAccount(QStringLiteral("tls"), server().tlsPort());

    const CtlRun check = ctl({QStringLiteral("filters"), QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_TRUE(check.err.contains("filters.sieve, line 4")) << check.err.toStdString();

    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    EXPECT_TRUE(sync.err.contains("filters.sieve, line 4")) << sync.err.toStdString();
    QList<Expected> inInbox;
    for (const Expected &e : seeded)
        inInbox.append({e.subject, QStringLiteral("inbox"), QString(), QString()});
    expectPlaced(inInbox);
}

TEST_F(FiltersCliTest, ASyncKilledMidWayLeavesEveryMessageInExactlyOneFolder)
{
    writeFilters(rules);
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--leave-on-server"), QStringLiteral("no")});
    QList<Expected> expected;
    // Killed inside the first commit (written, not committed); inside the second, when the
    // first batch is committed and filed (so more than a batch of messages: a seed gives at
    // least 6); and between two messages received.
    const int pastOneBatch = sync::AccountSync::batchMessages / 6 + 1;
    const QList<std::pair<QString, int>> moments{{QStringLiteral("commit:1"), 5},
                                                 {QStringLiteral("commit:2"), pastOneBatch},
                                                 {QStringLiteral("retrieved:5"), 2}};
    for (int round = 0; round < moments.size(); ++round) {
        const auto &[moment, copies] = moments.at(round);
        for (int copy = 0; copy < copies; ++copy)
            expected += seedOnePerRule(QStringLiteral(" #%1.%2").arg(round).arg(copy));
        EXPECT_TRUE(syncAndKillAt(moment)) << "never reached " << moment.toStdString();
        // Whatever is stored is stored once, already in its folder.
        const auto stored = placements();
        for (const Expected &e : std::as_const(expected)) {
            const QList<Expected> copies = stored.values(e.subject);
            ASSERT_LE(copies.size(), 1) << e.subject.toStdString();
            if (!copies.isEmpty()) {
                EXPECT_EQ(copies.front().localFolder, e.localFolder) << e.subject.toStdString();
                EXPECT_EQ(copies.front().folder, e.folder) << e.subject.toStdString();
            }
        }
    }
    const CtlRun clean = ctl({QStringLiteral("sync")});
    ASSERT_EQ(clean.exitCode, 0) << clean.err.toStdString();
    expectPlaced(expected); // every message once, none missing, each where its rule says
}

TEST_F(FiltersCliTest, RunOnAFolderListsThenMovesWhatTheRulesPlace)
{
    const QList<Expected> expected = seedOnePerRule();
    const QString account = addAccount(QStringLiteral("tls"), server().tlsPort());
    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    EXPECT_EQ(subjects(listJson({})).size(), expected.size() - 0); // no rules yet: all here

    writeFilters(rules);
    const CtlRun dry =
        ctl({QStringLiteral("filters"), QStringLiteral("run"), QStringLiteral("inbox"),
             QStringLiteral("--dry-run"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    const QJsonArray wouldMove = QJsonDocument::fromJson(dry.out).array();
    EXPECT_EQ(wouldMove.size(), expected.size() - 1); // all but "Hello"
    for (const QJsonValue &move : wouldMove) {
        if (move[QStringLiteral("subject")].toString() == QLatin1String("Your invoice")) {
            EXPECT_EQ(move[QStringLiteral("toLocalFolder")].toString(), QStringLiteral("Invoices"));
            EXPECT_EQ(move[QStringLiteral("filedBy")][QStringLiteral("line")].toInt(), 4);
        }
    }
    EXPECT_EQ(subjects(listJson({})).size(), expected.size()); // a dry run changes nothing

    const CtlRun run =
        ctl({QStringLiteral("filters"), QStringLiteral("run"), QStringLiteral("inbox")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    expectPlaced(expected);
    // Run again: nothing left to move.
    const CtlRun again =
        ctl({QStringLiteral("filters"), QStringLiteral("run"), QStringLiteral("inbox"),
             QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_TRUE(QJsonDocument::fromJson(again.out).array().isEmpty()) << again.out.toStdString();
    Q_UNUSED(account)
}

} // namespace poplar::test

namespace poplar::test {

TEST_F(FiltersCliTest, ServerSpamVerdictsGoToJunkAndJunkCommandMovesThemBack)
{
    const QByteArray spam = withHeader(makeMessage(QStringLiteral("Cheap pills"),
                                                   QStringLiteral("Shop <billing@shop.example>"),
                                                   QStringLiteral("Buy.\n")),
                                       "X-Spam-Flag: YES");
    const QByteArray flagged =
        withHeader(makeMessage(QStringLiteral("You won"), QStringLiteral("lottery@prize.example"),
                               QStringLiteral("Claim.\n")),
                   "X-Spam-Status: Yes, score=12.0 required=5.0");
    const QByteArray ham =
        withHeader(makeMessage(QStringLiteral("Lunch?"), QStringLiteral("friend@people.example"),
                               QStringLiteral("Noon.\n")),
                   "X-Spam-Flag: NO");
    for (const QByteArray &raw : {spam, flagged, ham})
        ASSERT_FALSE(server().addMessage(raw).isEmpty());
    writeFilters(rules); // the Invoices rule would file the first: the verdict comes first
    const QString account = addAccount(QStringLiteral("tls"), server().tlsPort());
    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();

    const QJsonArray junk = listJson(
        {QStringLiteral("--account"), account, QStringLiteral("--folder"), QStringLiteral("Junk")});
    EXPECT_EQ(subjects(junk),
              (QStringList{QStringLiteral("Cheap pills"), QStringLiteral("You won")}));
    for (const QJsonValue &row : junk) {
        EXPECT_TRUE(row[QStringLiteral("junk")].toBool());
        EXPECT_TRUE(row[QStringLiteral("filedBy")].isNull());
        EXPECT_TRUE(
            row[QStringLiteral("junkReason")].toString().startsWith(QStringLiteral("X-Spam-")));
    }
    const QJsonArray inbox = listJson({});
    ASSERT_EQ(subjects(inbox), QStringList{QStringLiteral("Lunch?")});
    EXPECT_FALSE(inbox[0][QStringLiteral("junk")].toBool());

    // Not junk: back to the Inbox. Junk: to Junk, marked by the user.
    const QString spamId = QString::number(junk[0][QStringLiteral("id")].toInteger());
    const QString hamId = QString::number(inbox[0][QStringLiteral("id")].toInteger());
    ASSERT_EQ(ctl({QStringLiteral("junk"), spamId, QStringLiteral("no")}).exitCode, 0);
    ASSERT_EQ(ctl({QStringLiteral("junk"), hamId, QStringLiteral("yes")}).exitCode, 0);
    EXPECT_EQ(subjects(listJson({})), QStringList{junk[0][QStringLiteral("subject")].toString()});
    const QJsonArray after = listJson(
        {QStringLiteral("--account"), account, QStringLiteral("--folder"), QStringLiteral("Junk")});
    EXPECT_EQ(subjects(after).size(), 2);
    EXPECT_TRUE(subjects(after).contains(QStringLiteral("Lunch?")));
    EXPECT_EQ(ctl({QStringLiteral("junk"), hamId, QStringLiteral("maybe")}).exitCode, 2);
}

TEST_F(FiltersCliTest, TagsComeFromAddflagAndTheTagCommandAndAreListedAndSearched)
{
    ASSERT_FALSE(
        server()
            .addMessage(makeMessage(QStringLiteral("Project plan"),
                                    QStringLiteral("boss@work.example"), QStringLiteral("Plan.\n")))
            .isEmpty());
    ASSERT_FALSE(server()
                     .addMessage(makeMessage(QStringLiteral("Lunch?"),
                                             QStringLiteral("friend@people.example"),
                                             QStringLiteral("Noon.\n")))
                     .isEmpty());
    writeFilters("require \"imap4flags\";\n"
                 "if address :domain :is \"from\" \"work.example\" {\n"
                 "  addflag \"Work\";\n"    // by name: a rule written before keywords
                 "  addflag \"$label4\";\n" // To Do, by its keyword
                 "}\n");
    addAccount(QStringLiteral("tls"), server().tlsPort());
    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();

    auto tagsBySubject = [&] {
        QMap<QString, QJsonArray> out;
        for (const QJsonValue &row : listJson({}))
            out.insert(row[QStringLiteral("subject")].toString(),
                       row[QStringLiteral("tags")].toArray());
        return out;
    };
    QMap<QString, QJsonArray> tags = tagsBySubject();
    EXPECT_EQ(tags.value(QStringLiteral("Project plan")),
              (QJsonArray{QStringLiteral("Work"), QStringLiteral("To Do")}));
    EXPECT_EQ(tags.value(QStringLiteral("Lunch?")), QJsonArray{});

    QString lunchId;
    for (const QJsonValue &row : listJson({}))
        if (row[QStringLiteral("subject")].toString() == QLatin1String("Lunch?"))
            lunchId = QString::number(row[QStringLiteral("id")].toInteger());
    ASSERT_FALSE(lunchId.isEmpty());
    ASSERT_EQ(ctl({QStringLiteral("tag"), lunchId, QStringLiteral("Personal")}).exitCode, 0);
    ASSERT_EQ(ctl({QStringLiteral("tag"), lunchId, QStringLiteral("important")}).exitCode, 0);
    ASSERT_EQ(ctl({QStringLiteral("tag"), lunchId, QStringLiteral("$label5")}).exitCode, 0);
    tags = tagsBySubject();
    EXPECT_EQ(tags.value(QStringLiteral("Lunch?")),
              (QJsonArray{QStringLiteral("Important"), QStringLiteral("Personal"),
                          QStringLiteral("Later")})); // $label5: Later's keyword

    const CtlRun search =
        ctl({QStringLiteral("search"), QStringLiteral("tag:personal"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--wait-for-index")});
    ASSERT_EQ(search.exitCode, 0) << search.err.toStdString();
    EXPECT_EQ(subjects(QJsonDocument::fromJson(search.out).array()),
              QStringList{QStringLiteral("Lunch?")});

    ASSERT_EQ(ctl({QStringLiteral("tag"), lunchId, QStringLiteral("Personal"),
                   QStringLiteral("--remove")})
                  .exitCode,
              0);
    ASSERT_EQ(
        ctl({QStringLiteral("tag"), lunchId, QStringLiteral("$LABEL5"), QStringLiteral("--remove")})
            .exitCode,
        0);
    EXPECT_EQ(tagsBySubject().value(QStringLiteral("Lunch?")),
              QJsonArray{QStringLiteral("Important")});
    // Taking off a tag that does not exist fails; a bad id is a usage error.
    EXPECT_EQ(
        ctl({QStringLiteral("tag"), lunchId, QStringLiteral("Nope"), QStringLiteral("--remove")})
            .exitCode,
        1);
    EXPECT_NE(ctl({QStringLiteral("tag"), QStringLiteral("x"), QStringLiteral("Work")}).exitCode,
              0);
}

} // namespace poplar::test

namespace poplar::test {

namespace {

/// Messages in the Dovecot maildrop.
int onServerCount(DovecotServer &server)
{
    int n = 0;
    for (const char *sub : {"new", "cur"})
        n += int(QDir(server.maildir() + QLatin1Char('/') + QLatin1String(sub))
                     .entryList(QDir::Files)
                     .size());
    return n;
}

} // namespace

namespace {

/// filters.sieve as the dialog writes it: one rule "Ads" (From contains @ads.example) with
/// one action of `kind`.
QByteArray adsRule(filters::FilterAction::Kind kind)
{
    filters::FilterScript script;
    filters::FilterRule rule;
    rule.name = QStringLiteral("Ads");
    rule.conditions = {filters::FilterCondition{filters::FilterCondition::Field::From,
                                                filters::FilterCondition::Match::Contains,
                                                {},
                                                QStringLiteral("@ads.example")}};
    rule.actions = {{kind, {}}};
    script.rules = {rule};
    return filters::FilterScriptCodec::write(script).toUtf8();
}

} // namespace

// The Filters dialog's "Delete from the server" (addflag "\\Deleted"): a sync stores the
// message and puts its server copy in the visible deletion queue (poplarctl pending, the
// window's bar), where the user can still keep it; the next sync deletes it on the server.
// A message no rule asks about stays on the server.
TEST_F(FiltersCliTest, ARuleThatDeletesOnTheServerGoesThroughTheVisibleQueue)
{
    EXPECT_FALSE(
        server()
            .addMessage(makeMessage(QStringLiteral("Big sale"), QStringLiteral("shop@ads.example"),
                                    QStringLiteral("Buy.\n")))
            .isEmpty());
    EXPECT_FALSE(server()
                     .addMessage(makeMessage(QStringLiteral("Hello"),
                                             QStringLiteral("friend@people.example"),
                                             QStringLiteral("Hi.\n")))
                     .isEmpty());
    writeFilters(adsRule(filters::FilterAction::Kind::DeleteOnServer));
    addAccount(QStringLiteral("tls"), server().tlsPort());

    // Without the rule's file nothing would be queued: the first sync queues only "Big sale".
    CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    const CtlRun pending =
        ctl({QStringLiteral("pending"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(pending.exitCode, 0) << pending.err.toStdString();
    const QJsonArray queued = QJsonDocument::fromJson(pending.out).array();
    ASSERT_EQ(queued.size(), 1) << pending.out.toStdString();
    EXPECT_EQ(queued.at(0).toObject().value(QStringLiteral("reason")).toString(),
              QStringLiteral("deleted-here"));
    EXPECT_EQ(queued.at(0).toObject().value(QStringLiteral("subject")).toString(),
              QStringLiteral("Big sale"));
    EXPECT_EQ(onServerCount(server()), 2);
    // The local copy stays where mail goes: the Inbox.
    EXPECT_EQ(subjects(listJson({})),
              (QStringList{QStringLiteral("Big sale"), QStringLiteral("Hello")}));

    sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    EXPECT_EQ(onServerCount(server()), 1); // "Hello" is still there
    const CtlRun after =
        ctl({QStringLiteral("pending"), QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_TRUE(QJsonDocument::fromJson(after.out).array().isEmpty()) << after.out.toStdString();
    EXPECT_EQ(subjects(listJson({})),
              (QStringList{QStringLiteral("Big sale"), QStringLiteral("Hello")}));
}

// The same mail and account with no rule: two syncs delete nothing on the server.
TEST_F(FiltersCliTest, WithoutTheRuleNothingIsDeletedOnTheServer)
{
    for (const QString &subject : {QStringLiteral("Big sale"), QStringLiteral("Hello")})
        EXPECT_FALSE(server()
                         .addMessage(makeMessage(subject, QStringLiteral("shop@ads.example"),
                                                 QStringLiteral("Buy.\n")))
                         .isEmpty());
    writeFilters(adsRule(filters::FilterAction::Kind::MarkRead));
    addAccount(QStringLiteral("tls"), server().tlsPort());
    for (int i = 0; i < 2; ++i) {
        const CtlRun sync = ctl({QStringLiteral("sync")});
        ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    }
    EXPECT_EQ(onServerCount(server()), 2);
    const CtlRun pending =
        ctl({QStringLiteral("pending"), QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_TRUE(QJsonDocument::fromJson(pending.out).array().isEmpty());
}

} // namespace poplar::test
