// SPDX-License-Identifier: GPL-3.0-or-later
// The adaptive junk classifier end to end, against the private Dovecot.
//
// The test the issue asks for: 50 junk messages (pharmacy, lottery, loans, crypto, casino
// offers from their own senders) and 50 good ones (project minutes, invoices, reviews,
// planning, family mail) are downloaded, then marked Junk and Not Junk through the code the
// window and `poplarctl junk` use (junk::JunkTraining: bogofilter's word list in the
// profile). Then 10 NEW junk and 10 NEW good messages, never seen by the word list, arrive
// at the server, and a sync must file each new junk message straight into the account's
// Junk folder (with the classifier's reason) and leave each good one in the Inbox.
//
// And: a bogofilter that is missing or hangs costs the sync nothing but the verdicts: the
// sync ends, mail arrives in the Inbox, and the sync says why the filter did not run.
#include "CtlTest.h"
#include "JunkCorpus.h"

#include "junk/JunkClassifier.h"
#include "junk/JunkTraining.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

class JunkCliTest : public CtlTest {
protected:
    [[nodiscard]] QString cachePath() const
    {
        return m_profile.filePath(QStringLiteral("cache.sqlite"));
    }

    CtlRun ctlWithEnvironment(const QStringList &args, const QProcessEnvironment &env)
    {
        TestProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(POPLARCTL_PATH),
                QStringList{QStringLiteral("--profile"), m_profile.path()} + args);
        p.closeWriteChannel();
        if (!p.waitForFinished(120'000)) {
            p.kill();
            p.waitForFinished();
            ADD_FAILURE() << "poplarctl did not finish";
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

    /// Subject -> row of every message of the account in `folder` ("inbox" or "Junk").
    QHash<QString, QJsonObject> bySubject(const QString &account, const QString &folder)
    {
        const CtlRun r = ctl({QStringLiteral("list"), QStringLiteral("--account"), account,
                              QStringLiteral("--folder"), folder, QStringLiteral("--format"),
                              QStringLiteral("json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &row : QJsonDocument::fromJson(r.out).array())
            out.insert(row[QStringLiteral("subject")].toString(), row.toObject());
        return out;
    }

    /// Marks these messages through junk::JunkTraining, as the window does.
    void mark(const QList<qint64> &ids, bool junk)
    {
        auto db = store::Database::open(cachePath(), QStringLiteral("junk-cli-trainer"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        const junk::JunkClassifier classifier(junk::JunkClassifier::wordListDirFor(cachePath()));
        auto outcome = junk::JunkTraining(db.value()->connection(), classifier).mark(ids, junk);
        ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error().message());
        ASSERT_FALSE(outcome.value().trainingError)
            << qPrintable(outcome.value().trainingError->message());
        EXPECT_EQ(outcome.value().marked.size(), ids.size());
        EXPECT_EQ(outcome.value().learned, ids.size());
    }

    /// A word list in the profile, so the next sync consults the classifier.
    void trainOnce(const QString &account)
    {
        ASSERT_FALSE(server().addMessage(junkMail(900)).isEmpty());
        ASSERT_EQ(ctl({QStringLiteral("sync")}).exitCode, 0);
        const auto inbox = bySubject(account, QStringLiteral("inbox"));
        ASSERT_TRUE(inbox.contains(junkSubject(900)));
        mark({inbox.value(junkSubject(900))[QStringLiteral("id")].toInteger()}, true);
    }

    /// A bogofilter that never answers and never reads: started, and then killed by Poplar.
    /// Each start adds a line to the file "started".
    QString hangingBogofilter()
    {
        const QString started = m_files.filePath(QStringLiteral("started"));
        const QString path =
            writeFile(QStringLiteral("bogofilter"),
                      "#!/bin/sh\necho started >> '" + started.toUtf8() + "'\nexec sleep 600\n");
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ExeOwner);
        return path;
    }

    /// Syncs with POPLAR_BOGOFILTER set to `program`; `arriving` (by default three new
    /// messages, of which one junk) must all arrive in the Inbox and the sync must say the
    /// filter did not run.
    void expectMailInTheInboxWith(const QString &program,
                                  const QList<QByteArray> &arriving = {goodMail(70), goodMail(71),
                                                                       junkMail(70)})
    {
        const QString account = addAccount(QStringLiteral("tls"), server().tlsPort());
        trainOnce(account);
        for (const QByteArray &raw : arriving)
            ASSERT_FALSE(server().addMessage(raw).isEmpty());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POPLAR_BOGOFILTER"), program);
        const CtlRun sync = ctlWithEnvironment({QStringLiteral("sync")}, env);
        EXPECT_EQ(sync.exitCode, 0) << sync.err.toStdString();
        EXPECT_TRUE(sync.err.contains("junk filter did not run")) << sync.err.toStdString();
        const auto inbox = bySubject(account, QStringLiteral("inbox"));
        EXPECT_EQ(inbox.size(), arriving.size()); // the one trainOnce() marked is in Junk
        for (const QByteArray &raw : arriving) {
            const QString subject = QString::fromUtf8(raw.mid(
                raw.indexOf("Subject: ") + 9,
                raw.indexOf("\r\n", raw.indexOf("Subject: ")) - raw.indexOf("Subject: ") - 9));
            EXPECT_TRUE(inbox.contains(subject)) << qPrintable(subject);
        }
    }

    /// Lines of the file the hanging bogofilter writes at each start.
    int hangingStarts()
    {
        QFile f(m_files.filePath(QStringLiteral("started")));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return int(f.readAll().count('\n'));
    }
};

TEST_F(JunkCliTest, AfterTrainingOn50JunkAnd50GoodNewMailIsFiledAsItArrives)
{
    constexpr int trained = 50;
    constexpr int arriving = 10;
    for (int n = 0; n < trained; ++n) {
        ASSERT_FALSE(server().addMessage(junkMail(n)).isEmpty());
        ASSERT_FALSE(server().addMessage(goodMail(n)).isEmpty());
    }
    const QString account = addAccount(QStringLiteral("tls"), server().tlsPort());
    const CtlRun first = ctl({QStringLiteral("sync")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    // Untrained: no word list, so the classifier is not consulted and all of it is in the Inbox.
    EXPECT_FALSE(
        junk::JunkClassifier(junk::JunkClassifier::wordListDirFor(cachePath())).isTrained());
    const auto inbox = bySubject(account, QStringLiteral("inbox"));
    ASSERT_EQ(inbox.size(), 2 * trained);

    QList<qint64> junkIds;
    QList<qint64> goodIds;
    for (int n = 0; n < trained; ++n) {
        junkIds.append(inbox.value(junkSubject(n))[QStringLiteral("id")].toInteger());
        goodIds.append(inbox.value(goodSubject(n))[QStringLiteral("id")].toInteger());
    }
    mark(junkIds, true);
    mark(goodIds, false);
    EXPECT_EQ(bySubject(account, QStringLiteral("Junk")).size(), trained);

    for (int n = trained; n < trained + arriving; ++n) {
        ASSERT_FALSE(server().addMessage(junkMail(n)).isEmpty());
        ASSERT_FALSE(server().addMessage(goodMail(n)).isEmpty());
    }
    const CtlRun second = ctl({QStringLiteral("sync")});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_FALSE(second.err.contains("junk filter")) << second.err.toStdString();

    const auto junkFolder = bySubject(account, QStringLiteral("Junk"));
    const auto inboxAfter = bySubject(account, QStringLiteral("inbox"));
    for (int n = trained; n < trained + arriving; ++n) {
        ASSERT_TRUE(junkFolder.contains(junkSubject(n))) << qPrintable(junkSubject(n));
        EXPECT_FALSE(inboxAfter.contains(junkSubject(n))) << qPrintable(junkSubject(n));
        const QJsonObject row = junkFolder.value(junkSubject(n));
        EXPECT_TRUE(row[QStringLiteral("junk")].toBool());
        EXPECT_TRUE(junk::JunkClassifier::spamicityIn(row[QStringLiteral("junkReason")].toString()))
            << qPrintable(row[QStringLiteral("junkReason")].toString());
        EXPECT_TRUE(inboxAfter.contains(goodSubject(n))) << qPrintable(goodSubject(n));
        EXPECT_FALSE(junkFolder.contains(goodSubject(n))) << qPrintable(goodSubject(n));
    }
    EXPECT_EQ(junkFolder.size(), trained + arriving);
    EXPECT_EQ(inboxAfter.size(), trained + arriving);

    // poplarctl junk trains too: a new good message called junk moves and is learned once.
    const QString id =
        QString::number(inboxAfter.value(goodSubject(trained))[QStringLiteral("id")].toInteger());
    const CtlRun marked = ctl({QStringLiteral("junk"), id, QStringLiteral("yes")});
    EXPECT_EQ(marked.exitCode, 0) << marked.err.toStdString();
    EXPECT_TRUE(bySubject(account, QStringLiteral("Junk")).contains(goodSubject(trained)));
}

TEST_F(JunkCliTest, AMissingBogofilterLeavesMailInTheInbox)
{
    expectMailInTheInboxWith(m_files.filePath(QStringLiteral("no-such-bogofilter")));
}

TEST_F(JunkCliTest, AHangingBogofilterIsStoppedAndMailArrivesInTheInbox)
{
    expectMailInTheInboxWith(hangingBogofilter());
    EXPECT_EQ(hangingStarts(), 1);
}

TEST_F(JunkCliTest, AHangingBogofilterIsNotAskedAgainInTheSameSync)
{
    // Three messages of 2.5 MB: more than one commit batch (4 MB), so the sync hands the
    // classifier several batches; after the first one's deadline the rest go without.
    QList<QByteArray> large;
    for (int n = 80; n < 83; ++n) {
        QByteArray raw = goodMail(n);
        while (raw.size() < 2'500'000)
            raw += "The quarterly report continues with the figures of every team.\r\n";
        large.append(raw);
    }
    expectMailInTheInboxWith(hangingBogofilter(), large);
    EXPECT_EQ(hangingStarts(), 1);
}

} // namespace
} // namespace poplar::test
