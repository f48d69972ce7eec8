// SPDX-License-Identifier: GPL-3.0-or-later
// The SMTP submission session without a socket: transcripts of the greeting, EHLO,
// STARTTLS, AUTH, pipelined and lock-step transactions, refusals and drops, each played
// with the server's bytes delivered whole, one byte at a time, and split in two at every
// offset of every server turn. The session must write the same bytes and end the same way
// however the bytes arrive.
#include "smtp/SmtpClient.h"

#include "pop3/SaslSession.h"

#include "ScriptedTransport.h"
#include "Transcript.h"

#include <gtest/gtest.h>

#include <optional>

using namespace poplar;
using namespace poplar::smtp;
using poplar::test::C;
using poplar::test::connected;
using poplar::test::Delivery;
using poplar::test::S;
using poplar::test::ScriptedTransport;
using poplar::test::serverCloses;
using poplar::test::tlsDone;
using poplar::test::Turn;

namespace {

struct Outcome {
    bool ready = false;
    std::optional<Error> error;
    QList<SendOutcome> sent;
    bool closed = false;
    bool finalDotUnanswered = false;
    int hookCalls = 0;
    QStringList mismatches;
};

/// What a test does once the session is ready: by default, send one message and quit.
struct Plan {
    Envelope envelope{"alice@example.org", {"bob@example.net"}};
    QByteArray message = "Subject: hi\r\n\r\nHello\r\n";
    int messages = 1;
    bool hookSucceeds = true;
};

Endpoint endpoint(Security security = Security::Tls)
{
    return {QStringLiteral("smtp.example.org"),
            quint16(security == Security::Tls ? 465 : 587),
            security,
            {},
            {}};
}

SmtpClient::Login login(AuthMethod method = AuthMethod::Auto)
{
    return {true, method, QStringLiteral("alice"), QStringLiteral("secret")};
}

Outcome play(const QList<Turn> &turns, const Endpoint &ep, const SmtpClient::Login &credentials,
             const Plan &plan, const Delivery &delivery)
{
    Outcome out;
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    SmtpClient client(std::move(owned));
    int left = plan.messages;
    auto sendNext = [&] {
        if (left-- > 0) {
            client.send(plan.envelope, plan.message, [&] {
                ++out.hookCalls;
                return plan.hookSucceeds;
            });
        } else {
            client.quit();
        }
    };
    QObject::connect(&client, &SmtpClient::ready, [&] {
        out.ready = true;
        sendNext();
    });
    QObject::connect(&client, &SmtpClient::messageDone, [&](const SendOutcome &o) {
        out.sent.append(o);
        sendNext();
    });
    QObject::connect(&client, &SmtpClient::closed, [&] { out.closed = true; });
    QObject::connect(&client, &SmtpClient::failed, [&](const Error &e) {
        out.error = e;
        out.finalDotUnanswered = client.finalDotUnanswered();
    });
    SmtpClient::Options options;
    client.open(ep, credentials, options);
    out.mismatches = test::playTranscript(*transport, turns, delivery);
    return out;
}

Outcome playEveryWay(const QList<Turn> &turns, const Endpoint &ep = endpoint(),
                     const SmtpClient::Login &credentials = login(), const Plan &plan = {})
{
    const Outcome whole = play(turns, ep, credentials, plan, {});
    EXPECT_TRUE(whole.mismatches.isEmpty())
        << whole.mismatches.join(QLatin1Char('\n')).toStdString();
    auto same = [&](const Outcome &o, const std::string &how) {
        EXPECT_TRUE(o.mismatches.isEmpty())
            << how << ": " << o.mismatches.join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(o.ready, whole.ready) << how;
        EXPECT_EQ(o.error.has_value(), whole.error.has_value()) << how;
        if (o.error && whole.error) {
            EXPECT_EQ(o.error->message(), whole.error->message()) << how;
        }
        EXPECT_EQ(o.sent.size(), whole.sent.size()) << how;
        EXPECT_EQ(o.closed, whole.closed) << how;
        EXPECT_EQ(o.hookCalls, whole.hookCalls) << how;
    };
    same(play(turns, ep, credentials, plan, {Delivery::Kind::ByteByByte}), "byte by byte");
    int serverTurn = -1;
    for (const Turn &t : turns) {
        if (t.kind != Turn::Kind::Server)
            continue;
        ++serverTurn;
        for (qsizetype at = 1; at < t.bytes.size(); ++at) {
            same(play(turns, ep, credentials, plan, {Delivery::Kind::Split, serverTurn, at}),
                 "server turn " + std::to_string(serverTurn) + " split at " + std::to_string(at));
            if (::testing::Test::HasFailure())
                return whole;
        }
    }
    return whole;
}

const QByteArray greeting = "220 smtp.example.org ESMTP ready\r\n";
const QByteArray ehlo = "EHLO [127.0.0.1]\r\n";
const QByteArray plainAuth = "AUTH PLAIN " + QByteArray("\0alice\0secret", 13).toBase64() + "\r\n";

} // namespace

TEST(SmtpSession, LogsInWithPlainAndSendsOneMessageInLockStep)
{
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C(ehlo),
         S("250-smtp.example.org\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 1000000\r\n"), C(plainAuth),
         S("235 2.7.0 Authentication successful\r\n"),
         C("MAIL FROM:<alice@example.org> SIZE=22\r\n"), S("250 2.1.0 Ok\r\n"),
         C("RCPT TO:<bob@example.net>\r\n"), S("250 2.1.5 Ok\r\n"), C("DATA\r\n"),
         S("354 End data with <CR><LF>.<CR><LF>\r\n"), C("Subject: hi\r\n\r\nHello\r\n.\r\n"),
         S("250 2.0.0 Ok: queued as 1234\r\n"), C("QUIT\r\n"), S("221 2.0.0 Bye\r\n")});
    EXPECT_TRUE(o.ready);
    EXPECT_FALSE(o.error);
    ASSERT_EQ(o.sent.size(), 1);
    EXPECT_EQ(o.sent.at(0).kind, SendOutcome::Kind::Accepted);
    EXPECT_EQ(o.hookCalls, 1);
    EXPECT_TRUE(o.closed);
}

TEST(SmtpSession, PipelinesMailAndEveryRecipientButWaitsBeforeData)
{
    Plan plan;
    plan.envelope.recipients = {"bob@example.net", "carol@example.net"};
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("250-hi\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n"),
         C(plainAuth), S("235 ok\r\n"),
         C("MAIL FROM:<alice@example.org>\r\nRCPT TO:<bob@example.net>\r\nRCPT "
           "TO:<carol@example.net>\r\n"),
         S("250 ok\r\n250 ok\r\n250 ok\r\n"), C("DATA\r\n"), S("354 go\r\n"),
         C("Subject: hi\r\n\r\nHello\r\n.\r\n"), S("250 queued\r\n"), C("QUIT\r\n"),
         S("221 bye\r\n")},
        endpoint(), login(), plan);
    ASSERT_EQ(o.sent.size(), 1);
    EXPECT_EQ(o.sent.at(0).kind, SendOutcome::Kind::Accepted);
}

TEST(SmtpSession, DotStuffsAndEndsEveryLineWithCrlf)
{
    EXPECT_EQ(dotStuffed(".hidden\n..two\nplain\r\n.\r\nend"),
              "..hidden\r\n...two\r\nplain\r\n..\r\nend\r\n");
    EXPECT_EQ(withCrlf("a\nb\rc\r\n"), "a\r\nb\r\nc\r\n");
    Plan plan;
    plan.message = "Subject: dots\r\n\r\n.\r\n..\r\n";
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("250 hi\r\n"), C("MAIL FROM:<alice@example.org>\r\n"),
         S("250 ok\r\n"), C("RCPT TO:<bob@example.net>\r\n"), S("250 ok\r\n"), C("DATA\r\n"),
         S("354 go\r\n"), C("Subject: dots\r\n\r\n..\r\n...\r\n.\r\n"), S("250 ok\r\n"),
         C("QUIT\r\n"), S("221 bye\r\n")},
        endpoint(), {false, AuthMethod::Auto, {}, {}}, plan);
    ASSERT_EQ(o.sent.size(), 1);
    EXPECT_EQ(o.sent.at(0).kind, SendOutcome::Kind::Accepted);
}

TEST(SmtpSession, StartTlsSecuresTheLineBeforeAnyCredentialAndSaysEhloAgain)
{
    const Outcome o = playEveryWay({connected(),
                                    S(greeting),
                                    C(ehlo),
                                    S("250-hi\r\n250 STARTTLS\r\n"),
                                    C("STARTTLS\r\n"),
                                    S("220 go ahead\r\n"),
                                    tlsDone(),
                                    C(ehlo),
                                    S("250-hi\r\n250 AUTH PLAIN\r\n"),
                                    C(plainAuth),
                                    S("235 ok\r\n"),
                                    C("MAIL FROM:<alice@example.org>\r\n"),
                                    S("250 ok\r\n"),
                                    C("RCPT TO:<bob@example.net>\r\n"),
                                    S("250 ok\r\n"),
                                    C("DATA\r\n"),
                                    S("354 go\r\n"),
                                    C("Subject: hi\r\n\r\nHello\r\n.\r\n"),
                                    S("250 ok\r\n"),
                                    C("QUIT\r\n"),
                                    S("221 bye\r\n")},
                                   endpoint(Security::StartTls));
    EXPECT_FALSE(o.error);
    ASSERT_EQ(o.sent.size(), 1);
}

TEST(SmtpSession, NoStartTlsOfferedStopsBeforeAnyCredentialOrMessage)
{
    const Outcome o = playEveryWay({connected(), S(greeting), C(ehlo),
                                    S("250-hi\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n")},
                                   endpoint(Security::StartTls));
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Insecure);
    EXPECT_FALSE(o.ready);
    EXPECT_TRUE(o.sent.isEmpty());
}

TEST(SmtpSession, BytesInjectedAfterStartTlsAreNeverRead)
{
    // A man in the middle appends a fake EHLO answer to the 220; it came in the clear and
    // must be dropped: after the handshake the session asks again.
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    SmtpClient client(std::move(owned));
    std::optional<Error> error;
    bool ready = false;
    QObject::connect(&client, &SmtpClient::failed, [&](const Error &e) { error = e; });
    QObject::connect(&client, &SmtpClient::ready, [&] { ready = true; });
    client.open(endpoint(Security::StartTls), login(), {});
    transport->acceptConnection();
    transport->serverSends(greeting);
    transport->serverSends("250-hi\r\n250 STARTTLS\r\n");
    EXPECT_EQ(transport->takeWritten(), ehlo + "STARTTLS\r\n");
    transport->serverSends("220 go\r\n250-hi\r\n250 AUTH PLAIN\r\n");
    EXPECT_FALSE(error);
    EXPECT_TRUE(transport->takeWritten().isEmpty()) << "nothing in the clear after 220";
    transport->acceptTls();
    EXPECT_EQ(transport->takeWritten(), ehlo);
    EXPECT_FALSE(ready);
    EXPECT_FALSE(transport->allWritten().contains("AUTH"));
}

TEST(SmtpSession, RefusesToLogInOverCleartextUnlessTheAccountSaysNone)
{
    // security=none: the account allows it; CRAM-MD5 comes before PLAIN on a clear line.
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    SmtpClient client(std::move(owned));
    client.open(endpoint(Security::None), login(), {});
    transport->acceptConnection();
    transport->serverSends(greeting);
    transport->serverSends("250-hi\r\n250 AUTH PLAIN CRAM-MD5\r\n");
    EXPECT_EQ(transport->takeWritten(), ehlo + "AUTH CRAM-MD5\r\n");
}

TEST(SmtpSession, LoginWaitsForTheServersPromptsAndFallsBackAfterARejection)
{
    const QByteArray user = QByteArray("alice").toBase64();
    const QByteArray pass = QByteArray("secret").toBase64();
    const Outcome o = playEveryWay({connected(),
                                    S(greeting),
                                    C(ehlo),
                                    S("250-hi\r\n250 AUTH PLAIN LOGIN\r\n"),
                                    C(plainAuth),
                                    S("535 5.7.8 Authentication failed\r\n"),
                                    C("AUTH LOGIN\r\n"),
                                    S("334 VXNlcm5hbWU6\r\n"),
                                    C(user + "\r\n"),
                                    S("334 UGFzc3dvcmQ6\r\n"),
                                    C(pass + "\r\n"),
                                    S("235 ok\r\n"),
                                    C("MAIL FROM:<alice@example.org>\r\n"),
                                    S("250 ok\r\n"),
                                    C("RCPT TO:<bob@example.net>\r\n"),
                                    S("250 ok\r\n"),
                                    C("DATA\r\n"),
                                    S("354 go\r\n"),
                                    C("Subject: hi\r\n\r\nHello\r\n.\r\n"),
                                    S("250 ok\r\n"),
                                    C("QUIT\r\n"),
                                    S("221 bye\r\n")});
    EXPECT_TRUE(o.ready);
    ASSERT_EQ(o.sent.size(), 1);
}

TEST(SmtpSession, AWrongPasswordIsAnAuthErrorNamingEveryMethodTried)
{
    const Outcome o =
        playEveryWay({connected(), S(greeting), C(ehlo), S("250-hi\r\n250 AUTH PLAIN\r\n"),
                      C(plainAuth), S("535 5.7.8 Authentication credentials invalid\r\n")});
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Auth);
    EXPECT_TRUE(o.error->serverText.contains(QStringLiteral("credentials invalid")));
}

TEST(SmtpSession, XOAuth2SendsTheTokenAndReadsTheErrorReport)
{
    const QByteArray token =
        pop3::oauthInitialResponse("XOAUTH2", QStringLiteral("alice"), QStringLiteral("secret"),
                                   QStringLiteral("smtp.example.org"), 465);
    const QByteArray report = QByteArray(R"({"status":"401"})").toBase64();
    const Outcome o =
        playEveryWay({connected(), S(greeting), C(ehlo), S("250-hi\r\n250 AUTH XOAUTH2 PLAIN\r\n"),
                      C("AUTH XOAUTH2 " + token + "\r\n"), S("334 " + report + "\r\n"), C("\r\n"),
                      S("535 5.7.8 no\r\n")},
                     endpoint(), login(AuthMethod::XOAuth2));
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Auth);
    EXPECT_TRUE(o.error->serverText.contains(QStringLiteral("401")));
}

TEST(SmtpSession, ARefusedRecipientStopsTheMessageAndTellsWhoAndWhy)
{
    Plan plan;
    plan.envelope.recipients = {"bob@example.net", "nobody@example.net"};
    const Outcome o =
        playEveryWay({connected(), S(greeting), C(ehlo), S("250-hi\r\n250 PIPELINING\r\n"),
                      C("MAIL FROM:<alice@example.org>\r\nRCPT TO:<bob@example.net>\r\nRCPT "
                        "TO:<nobody@example.net>\r\n"),
                      S("250 ok\r\n250 ok\r\n550 5.1.1 <nobody@example.net>: user unknown\r\n"),
                      C("RSET\r\n"), S("250 ok\r\n"), C("QUIT\r\n"), S("221 bye\r\n")},
                     endpoint(), {false, AuthMethod::Auto, {}, {}}, plan);
    ASSERT_EQ(o.sent.size(), 1);
    EXPECT_EQ(o.sent.at(0).kind, SendOutcome::Kind::Permanent);
    ASSERT_EQ(o.sent.at(0).rejected.size(), 1);
    EXPECT_EQ(o.sent.at(0).rejected.at(0).address, "nobody@example.net");
    EXPECT_TRUE(o.sent.at(0).serverText.contains(QStringLiteral("user unknown")));
    EXPECT_EQ(o.hookCalls, 0);
}

TEST(SmtpSession, TemporaryAndPermanentRefusalsAfterTheDataAreTold)
{
    for (const auto &[reply, kind] :
         {std::pair{QByteArray("451 4.3.0 try later\r\n"), SendOutcome::Kind::Temporary},
          std::pair{QByteArray("554 5.7.1 spam\r\n"), SendOutcome::Kind::Permanent}}) {
        const Outcome o = playEveryWay(
            {connected(), S(greeting), C(ehlo), S("250 hi\r\n"),
             C("MAIL FROM:<alice@example.org>\r\n"), S("250 ok\r\n"),
             C("RCPT TO:<bob@example.net>\r\n"), S("250 ok\r\n"), C("DATA\r\n"), S("354 go\r\n"),
             C("Subject: hi\r\n\r\nHello\r\n.\r\n"), S(reply), C("QUIT\r\n"), S("221 bye\r\n")},
            endpoint(), {false, AuthMethod::Auto, {}, {}});
        ASSERT_EQ(o.sent.size(), 1);
        EXPECT_EQ(o.sent.at(0).kind, kind);
    }
}

TEST(SmtpSession, ADropAfterTheFinalDotIsTheOneCaseThatMayHaveBeenSent)
{
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("250 hi\r\n"), C("MAIL FROM:<alice@example.org>\r\n"),
         S("250 ok\r\n"), C("RCPT TO:<bob@example.net>\r\n"), S("250 ok\r\n"), C("DATA\r\n"),
         S("354 go\r\n"), C("Subject: hi\r\n\r\nHello\r\n.\r\n"), serverCloses()},
        endpoint(), {false, AuthMethod::Auto, {}, {}});
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Network);
    EXPECT_TRUE(o.finalDotUnanswered);
    EXPECT_EQ(o.hookCalls, 1);

    // A drop before DATA's answer: nothing can have been accepted.
    const Outcome before = playEveryWay({connected(), S(greeting), C(ehlo), S("250 hi\r\n"),
                                         C("MAIL FROM:<alice@example.org>\r\n"), S("250 ok\r\n"),
                                         C("RCPT TO:<bob@example.net>\r\n"), S("250 ok\r\n"),
                                         C("DATA\r\n"), serverCloses()},
                                        endpoint(), {false, AuthMethod::Auto, {}, {}});
    ASSERT_TRUE(before.error);
    EXPECT_FALSE(before.finalDotUnanswered);
}

TEST(SmtpSession, AHookThatCannotRecordStopsBeforeTheFinalDot)
{
    Plan plan;
    plan.hookSucceeds = false;
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("250 hi\r\n"), C("MAIL FROM:<alice@example.org>\r\n"),
         S("250 ok\r\n"), C("RCPT TO:<bob@example.net>\r\n"), S("250 ok\r\n"), C("DATA\r\n"),
         S("354 go\r\n"), C("Subject: hi\r\n\r\nHello\r\n")},
        endpoint(), {false, AuthMethod::Auto, {}, {}}, plan);
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Storage);
    EXPECT_FALSE(o.finalDotUnanswered);
}

TEST(SmtpSession, SizeAndUtf8LimitsRefuseBeforeAnythingIsSent)
{
    Plan plan;
    plan.message = QByteArray(2000, 'x');
    plan.messages = 1;
    const Outcome big =
        playEveryWay({connected(), S(greeting), C(ehlo), S("250-hi\r\n250 SIZE 1000\r\n"),
                      C("QUIT\r\n"), S("221 bye\r\n")},
                     endpoint(), {false, AuthMethod::Auto, {}, {}}, plan);
    ASSERT_EQ(big.sent.size(), 1);
    EXPECT_EQ(big.sent.at(0).kind, SendOutcome::Kind::Permanent);

    Plan utf8;
    utf8.envelope.recipients = {"李@例子.中国"};
    const Outcome noUtf8 = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("250 hi\r\n"), C("QUIT\r\n"), S("221 bye\r\n")},
        endpoint(), {false, AuthMethod::Auto, {}, {}}, utf8);
    ASSERT_EQ(noUtf8.sent.size(), 1);
    EXPECT_EQ(noUtf8.sent.at(0).kind, SendOutcome::Kind::Permanent);

    const Outcome withUtf8 = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("250-hi\r\n250-SMTPUTF8\r\n250 8BITMIME\r\n"),
         C("MAIL FROM:<alice@example.org> SMTPUTF8\r\n"), S("250 ok\r\n"),
         C("RCPT TO:<" + QByteArray("李@例子.中国") + ">\r\n"), S("250 ok\r\n"), C("DATA\r\n"),
         S("354 go\r\n"), C("Subject: hi\r\n\r\nHello\r\n.\r\n"), S("250 ok\r\n"), C("QUIT\r\n"),
         S("221 bye\r\n")},
        endpoint(), {false, AuthMethod::Auto, {}, {}}, utf8);
    ASSERT_EQ(withUtf8.sent.size(), 1);
    EXPECT_EQ(withUtf8.sent.at(0).kind, SendOutcome::Kind::Accepted);
}

TEST(SmtpSession, EightBitMessagesAskForEightBitMimeWhereOffered)
{
    Plan plan;
    plan.message = "Subject: x\r\n\r\n" + QByteArray("你好") + "\r\n";
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("250-hi\r\n250 8BITMIME\r\n"),
         C("MAIL FROM:<alice@example.org> BODY=8BITMIME\r\n"), S("250 ok\r\n"),
         C("RCPT TO:<bob@example.net>\r\n"), S("250 ok\r\n"), C("DATA\r\n"), S("354 go\r\n"),
         C(plan.message + ".\r\n"), S("250 ok\r\n"), C("QUIT\r\n"), S("221 bye\r\n")},
        endpoint(), {false, AuthMethod::Auto, {}, {}}, plan);
    ASSERT_EQ(o.sent.size(), 1);
}

TEST(SmtpSession, AnOldServerGetsHeloAndNoExtensions)
{
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C(ehlo), S("502 what?\r\n"), C("HELO [127.0.0.1]\r\n"),
         S("250 hello\r\n"), C("MAIL FROM:<alice@example.org>\r\n"), S("250 ok\r\n"),
         C("RCPT TO:<bob@example.net>\r\n"), S("250 ok\r\n"), C("DATA\r\n"), S("354 go\r\n"),
         C("Subject: hi\r\n\r\nHello\r\n.\r\n"), S("250 ok\r\n"), C("QUIT\r\n"), S("221 bye\r\n")},
        endpoint(), {false, AuthMethod::Auto, {}, {}});
    ASSERT_EQ(o.sent.size(), 1);
}

TEST(SmtpSession, GarbageAndUnaskedRepliesEndTheSession)
{
    const Outcome garbage = playEveryWay({connected(), S("hello there\r\n")}, endpoint(), login());
    ASSERT_TRUE(garbage.error);
    EXPECT_EQ(garbage.error->code, Error::Code::Protocol);
    // 421 with nothing asked: the server is going away (RFC 5321 §3.8); try again later.
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    SmtpClient client(std::move(owned));
    std::optional<Error> error;
    QObject::connect(&client, &SmtpClient::failed, [&](const Error &e) { error = e; });
    client.open(endpoint(), {false, AuthMethod::Auto, {}, {}}, {});
    transport->acceptConnection();
    transport->serverSends(greeting + "250 hi\r\n");
    EXPECT_FALSE(error);
    transport->serverSends("421 4.3.2 shutting down\r\n");
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->temporary);
}

TEST(SmtpCapabilities, ReadsTheEhloKeywords)
{
    Reply r{250,
            {"smtp.example.org", "PIPELINING", "SIZE 35882577", "AUTH=LOGIN",
             "AUTH LOGIN PLAIN xoauth2", "8BITMIME", "SMTPUTF8", "STARTTLS"}};
    const Capabilities caps = Capabilities::parse(r);
    EXPECT_TRUE(caps.pipelining && caps.eightBitMime && caps.smtpUtf8 && caps.startTls);
    EXPECT_EQ(caps.sizeLimit, 35882577);
    EXPECT_EQ(caps.auth, (QByteArrayList{"LOGIN", "PLAIN", "XOAUTH2"}));
    auto canSasl = [](const QByteArray &) { return true; };
    EXPECT_EQ(smtpMechanisms(AuthMethod::Auto, caps, true, canSasl).value(),
              (QByteArrayList{"PLAIN", "LOGIN"}));
    EXPECT_FALSE(smtpMechanisms(AuthMethod::CramMd5, caps, true, canSasl).ok());
}
