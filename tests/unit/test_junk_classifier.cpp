// SPDX-License-Identifier: GPL-3.0-or-later
// The adaptive junk classifier (bogofilter) and its training: what the word list counts
// when the user changes their mind, how a missing or hanging bogofilter fails, and how the
// viewer words its verdict.
#include "JunkCorpus.h"
#include "TestUtil.h"
#include "filters/JunkVerdict.h"
#include "filters/MessageSorter.h"
#include "junk/JunkClassifier.h"
#include "junk/JunkTraining.h"
#include "store/Database.h"
#include "store/MessageStore.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace poplar::junk {
namespace {

using namespace std::chrono_literals;

/// bogoutil's ".MSG_COUNT junk good" line of a word list: how many messages it counts on
/// each side.
std::pair<int, int> messageCounts(const QString &wordListDir)
{
    QProcess bogoutil;
    bogoutil.start(QStringLiteral("bogoutil"),
                   {QStringLiteral("-d"), wordListDir + QStringLiteral("/wordlist.db")});
    bogoutil.closeWriteChannel();
    if (!bogoutil.waitForFinished(30'000)) {
        bogoutil.kill();
        bogoutil.waitForFinished();
        ADD_FAILURE() << "bogoutil did not finish";
        return {-1, -1};
    }
    for (const QByteArray &line : bogoutil.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() >= 3 && fields.at(0) == ".MSG_COUNT")
            return {fields.at(1).toInt(), fields.at(2).toInt()};
    }
    return {0, 0};
}

class JunkTrainingTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                        QStringLiteral("junk-training-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
    }

    qint64 insert(const QByteArray &raw, const QString &accountId = QStringLiteral("acct"))
    {
        store::MessageStore store(m_db->connection());
        store::IncomingMessage m;
        m.accountId = accountId;
        m.uidl = QStringLiteral("u%1").arg(++m_uidl);
        m.raw = raw;
        auto id = store.insert(m);
        EXPECT_TRUE(id.ok()) << qPrintable(id.error().message());
        return id.ok() ? id.value() : 0;
    }

    int trainedAs(qint64 id)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("SELECT junk_trained FROM messages WHERE id = ?"));
        q.addBindValue(id);
        EXPECT_TRUE(q.exec() && q.next());
        return q.value(0).toInt();
    }

    [[nodiscard]] QString wordList() const
    {
        return JunkClassifier::wordListDirFor(m_dir.filePath(QStringLiteral("cache.sqlite")));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    int m_uidl = 0;
};

TEST_F(JunkTrainingTest, AChangeOfMindMovesAMessageToTheOtherSideAndCountsItOnce)
{
    const JunkClassifier classifier(wordList());
    EXPECT_FALSE(classifier.isTrained());
    const qint64 id = insert(test::junkMail(0));
    JunkTraining training(m_db->connection(), classifier);

    auto junk = training.mark({id}, true);
    ASSERT_TRUE(junk.ok()) << qPrintable(junk.error().message());
    ASSERT_FALSE(junk.value().trainingError) << qPrintable(junk.value().trainingError->message());
    EXPECT_TRUE(classifier.isTrained());
    EXPECT_EQ(messageCounts(wordList()), std::make_pair(1, 0));
    EXPECT_EQ(trainedAs(id), int(Training::Junk));

    // Marked junk again: not counted twice.
    ASSERT_TRUE(training.mark({id}, true).ok());
    EXPECT_EQ(messageCounts(wordList()), std::make_pair(1, 0));

    // Not junk after all: out of the junk side (-Sn), onto the good side, once.
    auto good = training.mark({id}, false);
    ASSERT_TRUE(good.ok()) << qPrintable(good.error().message());
    ASSERT_FALSE(good.value().trainingError);
    EXPECT_EQ(messageCounts(wordList()), std::make_pair(0, 1));
    EXPECT_EQ(trainedAs(id), int(Training::Good));

    // And back to junk (-Ns).
    ASSERT_TRUE(training.mark({id}, true).ok());
    EXPECT_EQ(messageCounts(wordList()), std::make_pair(1, 0));
}

TEST_F(JunkTrainingTest, MarkingMovesToJunkAndBackAndLeavesImportedMailAlone)
{
    const JunkClassifier classifier(wordList());
    const qint64 received = insert(test::junkMail(1));
    const qint64 imported = insert(test::junkMail(2), store::MessageStore::localAccountId());
    JunkTraining training(m_db->connection(), classifier);
    auto marked = training.mark({received, imported}, true);
    ASSERT_TRUE(marked.ok());
    EXPECT_EQ(marked.value().marked, QList<qint64>{received});
    store::MessageStore store(m_db->connection());
    auto message = store.message(received);
    ASSERT_TRUE(message.ok());
    EXPECT_TRUE(message.value().junk);
    EXPECT_EQ(message.value().junkReason, filters::JunkVerdict::byUser());
    auto inJunk = store.localFolder(filters::JunkVerdict::folderName(), QStringLiteral("acct"));
    ASSERT_TRUE(inJunk.ok());
    ASSERT_EQ(inJunk.value().size(), 1);
    EXPECT_EQ(inJunk.value().front().id, received);

    ASSERT_TRUE(training.mark({received}, false).ok());
    auto back = store.localFolder(filters::JunkVerdict::folderName(), QStringLiteral("acct"));
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(back.value().isEmpty());
    EXPECT_FALSE(store.message(received).value().junk);
    EXPECT_EQ(messageCounts(wordList()), std::make_pair(0, 1));
}

TEST_F(JunkTrainingTest, WithoutBogofilterTheMessageIsMarkedAndNothingCountsAsLearned)
{
    JunkClassifier classifier(wordList());
    classifier.setProgram(m_dir.filePath(QStringLiteral("no-such-bogofilter")));
    const qint64 id = insert(test::junkMail(3));
    auto marked = JunkTraining(m_db->connection(), classifier).mark({id}, true);
    ASSERT_TRUE(marked.ok());
    ASSERT_TRUE(marked.value().trainingError);
    EXPECT_TRUE(marked.value().trainingError->message().contains(QStringLiteral("bogofilter")));
    EXPECT_EQ(marked.value().marked, QList<qint64>{id});
    EXPECT_EQ(trainedAs(id), int(Training::None)); // so a later mark teaches it
}

TEST(JunkClassifier, AMissingBogofilterGivesNoVerdictAndSaysWhy)
{
    QTemporaryDir dir;
    JunkClassifier classifier(dir.filePath(QStringLiteral("bogofilter")));
    classifier.setProgram(dir.filePath(QStringLiteral("no-such-bogofilter")));
    auto scores = classifier.classify({test::junkMail(0)});
    ASSERT_FALSE(scores.ok());
    EXPECT_TRUE(scores.error().message().contains(QStringLiteral("bogofilter")));
}

TEST(JunkClassifier, AHangingBogofilterIsKilledAtItsDeadline)
{
    QTemporaryDir dir;
    const QString fake = dir.filePath(QStringLiteral("bogofilter"));
    QFile script(fake);
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexec sleep 600\n");
    script.close();
    script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    JunkClassifier classifier(dir.filePath(QStringLiteral("words")));
    classifier.setProgram(fake);
    classifier.setTimeouts(300ms, 0us);
    // Larger than a pipe holds, so the write cannot complete either.
    QList<QByteArray> many;
    for (int i = 0; i < 200; ++i)
        many.append(test::junkMail(i));
    auto scores = classifier.classify(many);
    ASSERT_FALSE(scores.ok());
    EXPECT_TRUE(scores.error().message().contains(QStringLiteral("too long")));
}

TEST(JunkClassifier, TheMailboxQuotesFromLinesAndKeepsEachMessageApart)
{
    const QByteArray first = "Subject: a\r\n\r\nFrom here on\r\nline\r\n";
    const QByteArray second = "Subject: b\n\nno final break";
    const QByteArray box = JunkClassifier::mailbox({first, second});
    EXPECT_EQ(box.count("\nFrom poplar "), 1); // the second separator; the first opens it
    EXPECT_TRUE(box.startsWith("From poplar "));
    EXPECT_TRUE(box.contains("\r\n>From here on\r\n"));
    EXPECT_TRUE(box.contains("no final break\n\n"));
}

TEST(JunkClassifier, OnlyTheStartOfALargeMessageIsRead)
{
    QByteArray large = "Subject: big\n\n";
    while (large.size() < 4 * JunkClassifier::classifiedBytes)
        large += "a line of words that goes on\n";
    const QByteArray box = JunkClassifier::mailbox({large});
    EXPECT_LE(box.size(), JunkClassifier::classifiedBytes + 64);
    EXPECT_TRUE(box.endsWith("goes on\n\n")); // cut at a line break
}

TEST(JunkClassifier, TheViewerSaysThatPoplarsFilterFoundItJunkAndHowSure)
{
    const QString reason = JunkClassifier::reasonFor(0.98765);
    EXPECT_EQ(reason, QStringLiteral("bogofilter 0.99"));
    EXPECT_EQ(JunkClassifier::spamicityIn(reason), 0.99);
    EXPECT_EQ(filters::JunkVerdict::describe(reason),
              QStringLiteral("Junk by Poplar's filter (spamicity 0.99)"));
    EXPECT_FALSE(JunkClassifier::spamicityIn(QStringLiteral("X-Spam-Flag: YES")));
}

TEST(JunkClassifier, TheServersVerdictComesFirstThenTheClassifiersThenTheRules)
{
    const filters::MessageSorter sorter(nullptr);
    store::IncomingMessage fromServer;
    fromServer.accountId = QStringLiteral("acct");
    fromServer.raw = "X-Spam-Flag: YES\r\nSubject: s\r\n\r\nbody\r\n";
    sorter.sort(fromServer, JunkScore{JunkScore::Class::Good, 0.01});
    EXPECT_TRUE(fromServer.junk);
    EXPECT_EQ(fromServer.junkReason, QStringLiteral("X-Spam-Flag: YES"));

    store::IncomingMessage scored;
    scored.accountId = QStringLiteral("acct");
    scored.raw = "Subject: s\r\n\r\nbody\r\n";
    sorter.sort(scored, JunkScore{JunkScore::Class::Junk, 0.97});
    EXPECT_TRUE(scored.junk);
    EXPECT_EQ(scored.localFolder, filters::JunkVerdict::folderName());
    EXPECT_EQ(scored.junkReason, QStringLiteral("bogofilter 0.97"));

    store::IncomingMessage unsure = scored;
    unsure.junk = false;
    unsure.localFolder.clear();
    unsure.junkReason.clear();
    sorter.sort(unsure, JunkScore{JunkScore::Class::Unsure, 0.5});
    EXPECT_FALSE(unsure.junk);
    EXPECT_TRUE(unsure.localFolder.isEmpty());
}

} // namespace
} // namespace poplar::junk
