// SPDX-License-Identifier: GPL-3.0-or-later
// Sending through poplarctl to a real SMTP server (aiosmtpd on 127.0.0.1): replies and
// forwards of a message in the cache, Bcc, the Outbox while offline, and STARTTLS stripped
// by a man in the middle.
#include "SmtpCtlTest.h"

#include "StartTlsStripper.h"
#include "mime/MessageRenderer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

const QByteArray original = "From: Bob Example <bob@example.net>\r\n"
                            "To: Alice <alice@example.org>, team@example.net\r\n"
                            "Cc: carol@example.net\r\n"
                            "Subject: RE: Re: Plans for Friday\r\n"
                            "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
                            "Message-ID: <orig-2@example.net>\r\n"
                            "References: <orig-1@example.org>\r\n"
                            "MIME-Version: 1.0\r\n"
                            "Content-Type: text/plain; charset=utf-8\r\n"
                            "Content-Transfer-Encoding: 8bit\r\n"
                            "\r\n"
                            "Shall we meet at the café at noon?\r\n"
                            ".A line that starts with a dot.\r\n";

QByteArray header(const QByteArray &raw, const char *name)
{
    return mime::MessageRenderer::headerValues(raw, name).value(0).trimmed();
}

/// Runs poplarctl while this thread's event loop serves the proxy.
SendRun runServing(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(POPLARCTL_PATH), args);
    p.closeWriteChannel();
    QDeadlineTimer deadline(90'000);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        p.waitForFinished(10);
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        ADD_FAILURE() << "poplarctl did not finish";
    }
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class SendCliTest : public SmtpCtlTest {};

TEST_F(SendCliTest, AReplyReachesTheServerThreadedQuotedAndAsSentInSent)
{
    const QString account = addAccount();
    const qint64 id = importMessage(original);
    ASSERT_GT(id, 0);
    const SendRun r = ctl({QStringLiteral("reply"), QString::number(id),
                           QStringLiteral("--account"), account, QStringLiteral("--body-file"),
                           writeFile(QStringLiteral("reply.txt"), "Noon suits me.\n")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const qint64 sentId = idFrom(r);
    const auto received = smtp().received();
    ASSERT_EQ(received.size(), 1);
    const QByteArray raw = received.at(0).raw;
    EXPECT_EQ(received.at(0).to, QStringList{QStringLiteral("bob@example.net")});
    EXPECT_EQ(received.at(0).from, smtp().user());

    const mime::RenderedMessage shown = mime::MessageRenderer::render(raw);
    EXPECT_EQ(shown.headers.subject, QStringLiteral("Re: Plans for Friday"));
    EXPECT_EQ(header(raw, "In-Reply-To"), "<orig-2@example.net>");
    EXPECT_EQ(header(raw, "References"), "<orig-1@example.org> <orig-2@example.net>");
    EXPECT_EQ(shown.headers.from.name, QStringLiteral("Alice Liddell"));
    EXPECT_EQ(shown.headers.from.address, smtp().user());
    EXPECT_TRUE(shown.text.contains(QStringLiteral("Noon suits me.")));
    EXPECT_TRUE(shown.text.contains(QStringLiteral("> Shall we meet at the café at noon?")))
        << shown.text.toStdString();
    EXPECT_TRUE(shown.text.contains(QStringLiteral("> .A line that starts with a dot.")));
    EXPECT_TRUE(shown.text.contains(QStringLiteral("Bob Example <bob@example.net>")));

    // Sent holds the very bytes the server received.
    const QJsonArray sent = listJson(QStringLiteral("sent"));
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.at(0).toObject().value(QStringLiteral("id")).toInteger(), sentId);
    EXPECT_EQ(exported(sentId), raw);
    EXPECT_TRUE(outboxJson().isEmpty());
}

TEST_F(SendCliTest, ReplyAllOverImplicitTlsLeavesTheUserOut)
{
    const QString account = addAccount(smtp().tlsPort(), QStringLiteral("tls"));
    const qint64 id = importMessage(original);
    const SendRun r = ctl({QStringLiteral("reply"), QString::number(id), QStringLiteral("--all"),
                           QStringLiteral("--account"), account, QStringLiteral("--body-file"),
                           writeFile(QStringLiteral("r.txt"), "All right.\n")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto received = smtp().received();
    ASSERT_EQ(received.size(), 1);
    QStringList to = received.at(0).to;
    to.sort();
    EXPECT_EQ(to,
              (QStringList{QStringLiteral("bob@example.net"), QStringLiteral("carol@example.net"),
                           QStringLiteral("team@example.net")}));
}

TEST_F(SendCliTest, AForwardAsAttachmentCarriesTheOriginalByteForByte)
{
    const QString account = addAccount();
    const qint64 id = importMessage(original);
    const SendRun r =
        ctl({QStringLiteral("forward"), QString::number(id), QStringLiteral("--to"),
             QStringLiteral("Dave <dave@example.net>"), QStringLiteral("--as-attachment"),
             QStringLiteral("--account"), account});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto received = smtp().received();
    ASSERT_EQ(received.size(), 1);
    const QByteArray raw = received.at(0).raw;
    EXPECT_TRUE(raw.contains(exported(id))) << "the original, byte for byte";
    const mime::RenderedMessage shown = mime::MessageRenderer::render(raw);
    EXPECT_EQ(shown.headers.subject, QStringLiteral("Fwd: RE: Re: Plans for Friday"));
    EXPECT_EQ(received.at(0).to, QStringList{QStringLiteral("dave@example.net")});
}

TEST_F(SendCliTest, SendCarriesAttachmentsAndKeepsBccOutOfTheMessage)
{
    const QString account = addAccount();
    const QString attachment = writeFile(QStringLiteral("报告.txt"), "report body\n");
    const SendRun r =
        ctl({QStringLiteral("send"), QStringLiteral("--account"), account, QStringLiteral("--to"),
             QStringLiteral("bob@example.net"), QStringLiteral("--bcc"),
             QStringLiteral("hidden@example.net"), QStringLiteral("--subject"),
             QStringLiteral("Report 报告"), QStringLiteral("--body-file"),
             writeFile(QStringLiteral("b.txt"), "See attached.\n"), QStringLiteral("--attach"),
             attachment});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto received = smtp().received();
    ASSERT_EQ(received.size(), 1);
    EXPECT_TRUE(received.at(0).to.contains(QStringLiteral("hidden@example.net")));
    EXPECT_FALSE(received.at(0).raw.contains("hidden@example.net"));
    const mime::RenderedMessage shown = mime::MessageRenderer::render(received.at(0).raw);
    EXPECT_EQ(shown.headers.subject, QStringLiteral("Report 报告"));
    ASSERT_EQ(shown.attachments.size(), 1);
    EXPECT_EQ(shown.attachments.at(0).filename, QStringLiteral("报告.txt"));
    EXPECT_EQ(shown.attachments.at(0).data, QByteArray("report body\n"));
}

TEST_F(SendCliTest, OfflineTheMessageWaitsInTheOutboxAndGoesAtTheNextConnection)
{
    quint16 startTls = 0;
    quint16 tls = 0;
    ASSERT_TRUE(SmtpServer::pickPorts(&startTls, &tls));
    smtp().stop();
    const QString account = addAccount(startTls);
    const SendRun r =
        ctl({QStringLiteral("send"), QStringLiteral("--account"), account, QStringLiteral("--to"),
             QStringLiteral("bob@example.net"), QStringLiteral("--subject"),
             QStringLiteral("While offline"), QStringLiteral("--body-file"),
             writeFile(QStringLiteral("b.txt"), "Later.\n")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("queued")) << r.err.toStdString();
    const qint64 id = idFrom(r);
    QJsonArray waiting = outboxJson();
    ASSERT_EQ(waiting.size(), 1);
    const QJsonObject entry = waiting.at(0).toObject();
    EXPECT_EQ(entry.value(QStringLiteral("id")).toInteger(), id);
    EXPECT_EQ(entry.value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
    EXPECT_FALSE(entry.value(QStringLiteral("error")).toString().isEmpty());
    EXPECT_FALSE(entry.value(QStringLiteral("mayHaveBeenSentAlready")).toBool());
    EXPECT_EQ(listJson(QStringLiteral("outbox")).size(), 1);

    QString error;
    ASSERT_TRUE(smtp().start(&error, startTls, tls)) << error.toStdString();
    // The next connection: a sync (its POP3 server is nowhere, so it exits 1) sends it.
    const SendRun sync = ctl({QStringLiteral("sync")});
    EXPECT_TRUE(sync.out.contains("1 message(s) sent")) << sync.err.toStdString();
    ASSERT_EQ(smtp().received().size(), 1);
    EXPECT_TRUE(outboxJson().isEmpty());
    EXPECT_EQ(exported(id), smtp().received().at(0).raw);
}

TEST_F(SendCliTest, WithStartTlsStrippedNothingIsSentAndNoCredentialCrosses)
{
    StartTlsStripper proxy(smtp().host(), smtp().startTlsPort());
    const QString account = addAccount(proxy.port());
    const SendRun r =
        runServing({QStringLiteral("--profile"), m_profile.path(), QStringLiteral("send"),
                    QStringLiteral("--account"), account, QStringLiteral("--to"),
                    QStringLiteral("bob@example.net"), QStringLiteral("--subject"),
                    QStringLiteral("Secret"), QStringLiteral("--body-file"),
                    writeFile(QStringLiteral("b.txt"), "Confidential words.\n")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(proxy.fromClient().contains("EHLO")) << "the client did talk to the proxy";
    EXPECT_FALSE(proxy.fromClient().contains("AUTH"));
    EXPECT_FALSE(proxy.fromClient().contains("MAIL FROM"));
    EXPECT_FALSE(proxy.fromClient().contains("Confidential"));
    EXPECT_FALSE(proxy.fromClient().contains(smtp().password().toUtf8()));
    EXPECT_FALSE(proxy.fromClient().contains(QByteArray("smtp-s3cret").toBase64()));
    EXPECT_TRUE(smtp().received().isEmpty());
    const QJsonArray waiting = outboxJson();
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_TRUE(waiting.at(0)
                    .toObject()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("STARTTLS")));
}

TEST_F(SendCliTest, AWrongPasswordKeepsTheMessageAndSaysSo)
{
    const QString account =
        addAccount(0, QStringLiteral("starttls"),
                   {QStringLiteral("--smtp-password-command"), QStringLiteral("echo wrong")});
    const SendRun r =
        ctl({QStringLiteral("send"), QStringLiteral("--account"), account, QStringLiteral("--to"),
             QStringLiteral("bob@example.net"), QStringLiteral("--body-file"),
             writeFile(QStringLiteral("b.txt"), "x\n")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("password")) << r.err.toStdString();
    EXPECT_TRUE(smtp().received().isEmpty());
    EXPECT_EQ(outboxJson().size(), 1);
}

} // namespace poplar::test
