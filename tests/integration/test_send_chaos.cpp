// SPDX-License-Identifier: GPL-3.0-or-later
// Promise 7 under fire: poplarctl send killed with SIGKILL at random moments, and at chosen
// ones (POPLAR_FAULT_POINT), then one clean "outbox --send". Every message the cache took
// must reach the server at least once, one that the cache never took must not reach it,
// and a message may arrive twice only when Poplar says so (mayHaveBeenSentAlready).
#include "SmtpCtlTest.h"

#include "mime/MessageRenderer.h"
#include "store/Database.h"
#include "store/OutboxStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

#include <gtest/gtest.h>

#include <random>

namespace poplar::test {

namespace {

class SendChaosTest : public SmtpCtlTest {
protected:
    QProcess *startSend(const QString &account, const QString &subject, const QString &bodyFile,
                        const QByteArray &faultPoint = {})
    {
        auto *p = new QProcess;
        if (!faultPoint.isEmpty()) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("POPLAR_FAULT_POINT"), QString::fromLatin1(faultPoint));
            p->setProcessEnvironment(env);
        }
        p->start(QStringLiteral(POPLARCTL_PATH),
                 {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("send"),
                  QStringLiteral("--account"), account, QStringLiteral("--to"),
                  QStringLiteral("bob@example.net"), QStringLiteral("--subject"), subject,
                  QStringLiteral("--body-file"), bodyFile});
        EXPECT_TRUE(p->waitForStarted(10'000));
        return p;
    }

    /// Waits until the process says it reached its fault point, then kills it.
    void killAtFaultPoint(QProcess *p)
    {
        QByteArray err;
        QDeadlineTimer deadline(60'000);
        while (!err.contains("poplar fault point") && !deadline.hasExpired() &&
               p->state() != QProcess::NotRunning) {
            p->waitForReadyRead(100);
            err += p->readAllStandardError();
        }
        EXPECT_TRUE(err.contains("poplar fault point")) << err.toStdString();
        p->kill();
        p->waitForFinished(10'000);
        delete p;
    }

    /// Subject -> how many copies the server received.
    QMap<QString, int> receivedBySubject()
    {
        QMap<QString, int> out;
        for (const SmtpServer::Message &m : smtp().received())
            ++out[mime::MessageRenderer::headers(m.raw).subject];
        return out;
    }

    /// What the cache holds of outgoing mail, read directly (no poplarctl runs).
    QMap<QString, store::OutgoingRecord> cached()
    {
        QMap<QString, store::OutgoingRecord> out;
        auto db = store::Database::open(m_profile.filePath(QStringLiteral("cache.sqlite")),
                                        QStringLiteral("send-chaos-check"));
        EXPECT_TRUE(db.ok());
        if (!db.ok())
            return out;
        for (const store::OutgoingRecord &r :
             store::OutboxStore(db.value()->connection()).records(true).value())
            out.insert(r.subject, r);
        return out;
    }

    void sendWhatWaits()
    {
        const SendRun r = ctl({QStringLiteral("outbox"), QStringLiteral("--send")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
};

} // namespace

TEST_F(SendChaosTest, KilledAtRandomMomentsNothingIsLostAndNothingDoubledUnannounced)
{
    const QString account = addAccount();
    QString body;
    for (int i = 0; i < 3000; ++i)
        body += QStringLiteral("Line %1 of a message long enough to be killed while it goes out.\n")
                    .arg(i);
    const QString bodyFile = writeFile(QStringLiteral("body.txt"), body.toUtf8());
    const quint32 seed = QRandomGenerator::global()->generate();
    std::mt19937 rng(seed);
    // How long one whole send takes here: the kills fall anywhere from the start to the end.
    QElapsedTimer clock;
    clock.start();
    {
        std::unique_ptr<QProcess> p(startSend(account, QStringLiteral("Calibration"), bodyFile));
        ASSERT_TRUE(p->waitForFinished(60'000));
        ASSERT_EQ(p->exitCode(), 0) << p->readAllStandardError().toStdString();
    }
    const int wholeSendMs = std::max(1, int(clock.elapsed()));
    std::uniform_int_distribution<int> delay(0, wholeSendMs);
    int killed = 0;
    int runs = 0;
    QStringList subjects;
    // 30 kills: a run that ends before its moment came is not one (it sent, and is checked
    // like the others); give up only after far more runs than 30 kills should need.
    while (killed < 30 && runs < 300) {
        const QString subject = QStringLiteral("Chaos %1").arg(runs++);
        subjects.append(subject);
        std::unique_ptr<QProcess> p(startSend(account, subject, bodyFile));
        if (!p->waitForFinished(delay(rng))) {
            p->kill(); // SIGKILL: no chance to clean up
            p->waitForFinished(10'000);
            ++killed;
        }
        // A kill may leave a message in the Outbox; the next send or the final run sends it.
    }
    ASSERT_EQ(killed, 30) << "runs: " << runs << " (seed " << seed << ")";
    sendWhatWaits();

    const QMap<QString, int> received = receivedBySubject();
    const QMap<QString, store::OutgoingRecord> inCache = cached();
    int announced = 0;
    for (const QString &subject : subjects) {
        const int copies = received.value(subject);
        if (!inCache.contains(subject)) {
            // Killed before the Outbox had it: the command never took it, and nothing went.
            EXPECT_EQ(copies, 0) << subject.toStdString() << " (seed " << seed << ")";
            continue;
        }
        const store::OutgoingRecord &r = inCache.value(subject);
        EXPECT_EQ(r.state, store::OutgoingState::Sent) << subject.toStdString();
        EXPECT_GE(copies, 1) << subject.toStdString() << " lost (seed " << seed << ")";
        if (copies > 1) {
            EXPECT_TRUE(r.maybeSent)
                << subject.toStdString() << " doubled unannounced (seed " << seed << ")";
        }
        announced += r.maybeSent;
    }
    RecordProperty("killed", killed);
    RecordProperty("announced", announced);
    std::printf("send chaos: seed %u, a whole send %d ms, %d runs, %d killed, %d in the cache, "
                "%d announced as maybe sent twice\n",
                seed, wholeSendMs, runs, killed, int(inCache.size()), announced);
}

TEST_F(SendChaosTest, KilledAfterTheFinalDotTheMessageGoesAgainAndTheUserIsTold)
{
    const QString account = addAccount();
    const QString bodyFile = writeFile(QStringLiteral("b.txt"), "Once or twice.\n");
    killAtFaultPoint(
        startSend(account, QStringLiteral("After the dot"), bodyFile, "smtp-after-final-dot:1"));
    // The server has it: it answered 250 to a client that was already asleep.
    QDeadlineTimer wait(10'000);
    while (smtp().received().isEmpty() && !wait.hasExpired())
        QThread::msleep(20);
    ASSERT_EQ(smtp().received().size(), 1);
    const SendRun r = ctl({QStringLiteral("outbox"), QStringLiteral("--send")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("may have been sent already")) << r.err.toStdString();
    EXPECT_EQ(smtp().received().size(), 2);
    const QJsonArray all = outboxJson(true);
    ASSERT_EQ(all.size(), 1);
    EXPECT_TRUE(all.at(0).toObject().value(QStringLiteral("mayHaveBeenSentAlready")).toBool());
    EXPECT_EQ(all.at(0).toObject().value(QStringLiteral("state")).toString(),
              QStringLiteral("sent"));
}

TEST_F(SendChaosTest, KilledOnceQueuedTheMessageGoesOnceAtTheNextConnection)
{
    const QString account = addAccount();
    const QString bodyFile = writeFile(QStringLiteral("b.txt"), "Exactly once.\n");
    killAtFaultPoint(startSend(account, QStringLiteral("Queued"), bodyFile, "outbox-queued:1"));
    EXPECT_TRUE(smtp().received().isEmpty());
    const QJsonArray waiting = outboxJson();
    ASSERT_EQ(waiting.size(), 1);
    sendWhatWaits();
    EXPECT_EQ(smtp().received().size(), 1);
    const QJsonArray all = outboxJson(true);
    ASSERT_EQ(all.size(), 1);
    EXPECT_FALSE(all.at(0).toObject().value(QStringLiteral("mayHaveBeenSentAlready")).toBool());
}

} // namespace poplar::test
