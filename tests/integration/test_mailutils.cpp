// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl against GNU Mailutils' pop3d, a second real server beside Dovecot: an mbox
// server with its own UIDLs that rewrites a message's headers once it has been read.
#include "CtlTest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

class MailutilsCliTest : public CtlTestOn<MailutilsTest> {
protected:
    /// Three messages: one with lines POP3 must dot-stuff, one with a body line that starts
    /// with "From " (escaped in the mbox), one in Chinese.
    QList<QByteArray> seedThree()
    {
        const QList<QByteArray> raws{
            makeMessage(QStringLiteral("First"), QStringLiteral("Bob <bob@example.org>"),
                        QStringLiteral("Hello Alice.\n.leading dot\n..two dots\n.\n")),
            makeMessage(QStringLiteral("From line"), QStringLiteral("carol@example.org"),
                        QStringLiteral("From here on, mbox escapes it.\n>From there too.\n"),
                        QStringLiteral("Tue, 03 Nov 2026 10:00:00 +0000")),
            makeMessage(QStringLiteral("你好"), QStringLiteral("Dan <dan@example.org>"),
                        QStringLiteral("中文正文\n"),
                        QStringLiteral("Wed, 04 Nov 2026 10:00:00 +0000")),
        };
        for (const QByteArray &raw : raws)
            EXPECT_TRUE(server().addMessage(raw));
        return raws;
    }

    /// The body of a message as stored, without the headers pop3d may have added.
    static QByteArray bodyOf(const QByteArray &raw)
    {
        const qsizetype blank = raw.indexOf("\r\n\r\n");
        return blank < 0 ? QByteArray() : raw.mid(blank + 4);
    }

    /// Each stored message's body, by subject.
    QMap<QString, QByteArray> storedBodies()
    {
        QMap<QString, QByteArray> out;
        for (const QJsonValue &row : listJson()) {
            const QString id = QString::number(row[QStringLiteral("id")].toInteger());
            const CtlRun r = ctl({QStringLiteral("export"), id});
            EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
            out.insert(row[QStringLiteral("subject")].toString(), bodyOf(r.out));
        }
        return out;
    }

    /// poplarctl sync; the protocol log of it.
    QByteArray syncLogged()
    {
        const QString log = writeFile(QStringLiteral("sync.log"), {});
        const CtlRun r = ctl({QStringLiteral("sync"), QStringLiteral("--log"), log});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString() << r.out.toStdString();
        QFile file(log);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

TEST_F(MailutilsCliTest, SyncsOverTlsAndStarttlsEveryBodyByteForByte)
{
    const QList<QByteArray> raws = seedThree();
    for (const QString &security : {QStringLiteral("tls"), QStringLiteral("starttls")}) {
        m_profile.remove(); // a new profile for each way in
        ASSERT_TRUE(QDir().mkpath(m_profile.path()));
        addAccount(security,
                   security == QStringLiteral("tls") ? server().tlsPort() : server().plainPort());
        const QByteArray log = syncLogged();
        if (security == QStringLiteral("starttls")) {
            EXPECT_TRUE(log.contains("C: STLS")) << log.toStdString();
        }
        const QMap<QString, QByteArray> bodies = storedBodies();
        ASSERT_EQ(bodies.size(), 3) << log.toStdString();
        EXPECT_EQ(bodies.value(QStringLiteral("First")), bodyOf(asSent(raws.at(0))));
        EXPECT_EQ(bodies.value(QStringLiteral("From line")), bodyOf(asSent(raws.at(1))));
        EXPECT_EQ(bodies.value(QStringLiteral("你好")), bodyOf(asSent(raws.at(2))));
    }
}

TEST_F(MailutilsCliTest, MailTheServerRewroteAfterItsFirstReadIsNotDownloadedAgain)
{
    // pop3d adds Status and X-UIDL headers to what it stores once a message is read: LIST's
    // sizes change, the UIDLs do not. The headers prove each one the same message.
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort());
    syncLogged();
    const QByteArray second = syncLogged();
    EXPECT_FALSE(second.contains("C: RETR")) << second.toStdString();
    const QByteArray third = syncLogged();
    EXPECT_FALSE(third.contains("C: RETR")) << third.toStdString();
    EXPECT_FALSE(third.contains("C: TOP")) << "proven once is enough: " << third.toStdString();
    EXPECT_EQ(listJson().size(), 3);
}

TEST_F(MailutilsCliTest, AnAccountMovedFromStarttlsToTlsDownloadsNothingAgain)
{
    seedThree();
    const QString id = addAccount(QStringLiteral("starttls"), server().plainPort());
    syncLogged();
    syncLogged(); // the server has rewritten all three by now
    const CtlRun edit =
        ctl({QStringLiteral("account"), QStringLiteral("edit"), id, QStringLiteral("--security"),
             QStringLiteral("tls"), QStringLiteral("--port"), QString::number(server().tlsPort())});
    ASSERT_EQ(edit.exitCode, 0) << edit.err.toStdString();
    const QByteArray moved = syncLogged();
    EXPECT_FALSE(moved.contains("C: RETR")) << moved.toStdString();
    EXPECT_EQ(listJson().size(), 3) << "stored twice";
    ASSERT_TRUE(server().addMessage(makeMessage(QStringLiteral("Fourth"),
                                                QStringLiteral("Erin <erin@example.org>"),
                                                QStringLiteral("New on the new port.\n"))));
    syncLogged();
    EXPECT_EQ(sortedSubjects(listJson()),
              (QStringList{QStringLiteral("First"), QStringLiteral("Fourth"),
                           QStringLiteral("From line"), QStringLiteral("你好")}));
}

TEST_F(MailutilsCliTest, MailDeletedOnTheServerAfterItIsStoredLeavesTheMboxEmpty)
{
    seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort(), true,
               {QStringLiteral("--leave-on-server"), QStringLiteral("no")});
    const QByteArray log = syncLogged();
    EXPECT_TRUE(log.contains("C: DELE 3")) << log.toStdString();
    EXPECT_EQ(listJson().size(), 3);
    EXPECT_EQ(QFileInfo(server().mbox()).size(), 0) << "QUIT's +OK left mail behind";
    const QByteArray again = syncLogged();
    EXPECT_FALSE(again.contains("C: RETR"));
    EXPECT_EQ(listJson().size(), 3);
}

} // namespace

} // namespace poplar::test
