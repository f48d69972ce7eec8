// SPDX-License-Identifier: GPL-3.0-or-later
// The POP3 session without a socket: transcripts of login, capabilities, STARTTLS and the
// pipelined fetch and delete paths, each played with the server's bytes delivered whole,
// one byte at a time, and split in two at every offset of every server turn. The session
// must write the same bytes and reach the same end however the bytes arrive.
#include "pop3/Pop3Client.h"

#include "ScriptedTransport.h"
#include "Transcript.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

using namespace poplar;
using namespace poplar::pop3;
using poplar::test::C;
using poplar::test::connected;
using poplar::test::Delivery;
using poplar::test::S;
using poplar::test::ScriptedTransport;
using poplar::test::serverCloses;
using poplar::test::tlsDone;
using poplar::test::Turn;

namespace {

/// What the session did with the conversation.
struct Outcome {
    bool loggedIn = false;
    std::optional<Error> error;
    QByteArrayList replies; ///< "+OK text|body" of each command's reply, in order
    std::optional<bool> quitOk;
    bool closedByClient = false;
    QStringList mismatches; ///< client turns that did not match, with what was written
};

QByteArray describe(const Reply &r)
{
    const char *kind = r.kind == Reply::Kind::Ok    ? "+OK "
                       : r.kind == Reply::Kind::Err ? "-ERR "
                                                    : "+ ";
    return kind + r.text + (r.body.isEmpty() ? QByteArray() : "|" + r.body);
}

/// Commands a test queues once the session has logged in.
using AfterLogin = std::function<void(Pop3Client &, Outcome &)>;

Account account(Security security = Security::Tls, AuthMethod auth = AuthMethod::Auto)
{
    Account a;
    a.id = QStringLiteral("1");
    a.host = QStringLiteral("pop.example.org");
    a.port = security == Security::Tls ? 995 : 110;
    a.security = security;
    a.user = QStringLiteral("alice");
    a.auth = auth;
    return a;
}

Outcome play(const QList<Turn> &turns, const Account &acct, const QString &password,
             const AfterLogin &afterLogin, const Delivery &delivery)
{
    Outcome out;
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    Pop3Client client(std::move(owned));
    QObject::connect(&client, &Pop3Client::loggedIn, [&] {
        out.loggedIn = true;
        if (afterLogin)
            afterLogin(client, out);
    });
    QObject::connect(&client, &Pop3Client::failed, [&](const Error &e) { out.error = e; });
    client.open(acct, password, {});
    out.mismatches = test::playTranscript(*transport, turns, delivery);
    out.closedByClient = transport->closedByClient();
    return out;
}

/// Plays the conversation every way its bytes can arrive and checks that each run ends as
/// the whole-delivery run does, with every client turn as written in the transcript.
Outcome playEveryWay(const QList<Turn> &turns, const Account &acct, const QString &password,
                     const AfterLogin &afterLogin = {})
{
    const Outcome whole = play(turns, acct, password, afterLogin, {});
    EXPECT_TRUE(whole.mismatches.isEmpty())
        << whole.mismatches.join(QLatin1Char('\n')).toStdString();
    auto same = [&](const Outcome &o, const std::string &how) {
        EXPECT_TRUE(o.mismatches.isEmpty())
            << how << ": " << o.mismatches.join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(o.loggedIn, whole.loggedIn) << how;
        EXPECT_EQ(o.error.has_value(), whole.error.has_value()) << how;
        if (o.error && whole.error) {
            EXPECT_EQ(o.error->message(), whole.error->message()) << how;
        }
        EXPECT_EQ(o.replies, whole.replies) << how;
        EXPECT_EQ(o.quitOk, whole.quitOk) << how;
    };
    same(play(turns, acct, password, afterLogin, {Delivery::Kind::ByteByByte}), "byte by byte");
    int serverTurn = -1;
    for (const Turn &t : turns) {
        if (t.kind != Turn::Kind::Server)
            continue;
        ++serverTurn;
        for (qsizetype at = 1; at < t.bytes.size(); ++at) {
            same(play(turns, acct, password, afterLogin, {Delivery::Kind::Split, serverTurn, at}),
                 "server turn " + std::to_string(serverTurn) + " split at " + std::to_string(at));
            if (::testing::Test::HasFailure())
                return whole; // one report is enough; the rest would repeat it
        }
    }
    return whole;
}

const QByteArray greeting = "+OK POP3 ready\r\n";

TEST(Pop3Session, UserPassInLockStepWithoutPipelining)
{
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C("CAPA\r\n"),
         S("+OK Capability list follows\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n"), C("USER alice\r\n"),
         S("+OK\r\n"), C("PASS secret\r\n"), S("+OK Logged in.\r\n")},
        account(), QStringLiteral("secret"));
    EXPECT_TRUE(o.loggedIn);
    EXPECT_FALSE(o.error);
}

TEST(Pop3Session, UserAndPassArePipelinedWhenTheServerPipelines)
{
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\n.\r\n"),
         C("USER alice\r\nPASS secret\r\n"), S("+OK\r\n+OK Logged in.\r\n")},
        account(), QStringLiteral("secret"));
    EXPECT_TRUE(o.loggedIn);
}

TEST(Pop3Session, AServerWithoutCapaGetsUserPass)
{
    const Outcome o =
        playEveryWay({connected(), S(greeting), C("CAPA\r\n"), S("-ERR what?\r\n"),
                      C("USER alice\r\n"), S("+OK\r\n"), C("PASS secret\r\n"), S("+OK\r\n")},
                     account(), QStringLiteral("secret"));
    EXPECT_TRUE(o.loggedIn);
}

TEST(Pop3Session, StartTlsSecuresTheLineBeforeAnyCredentialAndAsksForCapabilitiesAgain)
{
    // Bytes after STLS's +OK in the same read came in the clear: an attacker's injection.
    // They must never be read as the server's answer to anything.
    const Outcome o =
        playEveryWay({connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nUSER\r\nSTLS\r\n.\r\n"),
                      C("STLS\r\n"), S("+OK Begin TLS\r\n"), tlsDone(), C("CAPA\r\n"),
                      S("+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\n.\r\n"),
                      C("USER alice\r\nPASS secret\r\n"), S("+OK\r\n+OK\r\n")},
                     account(Security::StartTls), QStringLiteral("secret"));
    EXPECT_TRUE(o.loggedIn);
}

TEST(Pop3Session, BytesInjectedAfterStlsEndTheSessionBeforeAnyCredential)
{
    // A man in the middle appends a fake CAPA answer, offering nothing secure, to STLS's +OK.
    // Nothing a server may send follows that +OK before the handshake: the session must not
    // read it as an answer, and must send nothing more in the clear.
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    Pop3Client client(std::move(owned));
    std::optional<Error> error;
    QObject::connect(&client, &Pop3Client::failed, [&](const Error &e) { error = e; });
    client.open(account(Security::StartTls), QStringLiteral("secret"), {});
    transport->acceptConnection();
    transport->serverSends(greeting);
    transport->serverSends("+OK\r\nUSER\r\nSTLS\r\n.\r\n");
    EXPECT_EQ(transport->takeWritten(), "CAPA\r\nSTLS\r\n");
    transport->serverSends("+OK Begin TLS\r\n+OK\r\nUSER\r\n.\r\n");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, Error::Code::Protocol);
    EXPECT_TRUE(transport->takeWritten().isEmpty());
    EXPECT_FALSE(transport->allWritten().contains("USER"));
    EXPECT_FALSE(transport->allWritten().contains("secret"));
}

TEST(Pop3Session, NoStartTlsOfferedStopsBeforeAnyCredential)
{
    const Outcome o =
        playEveryWay({connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nUSER\r\nUIDL\r\n.\r\n")},
                     account(Security::StartTls), QStringLiteral("secret"));
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Insecure);
    EXPECT_FALSE(o.loggedIn);
}

TEST(Pop3Session, ARefusedStlsStopsBeforeAnyCredential)
{
    const Outcome o =
        playEveryWay({connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nUSER\r\nSTLS\r\n.\r\n"),
                      C("STLS\r\n"), S("-ERR [SYS/TEMP] no TLS today\r\n")},
                     account(Security::StartTls), QStringLiteral("secret"));
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Insecure);
}

TEST(Pop3Session, ApopWithoutAnApopSecretFallsBackToUserPass)
{
    const QByteArray stamp = "<1896.697170952@dbc.mtview.ca.us>";
    const QByteArray digest =
        QCryptographicHash::hash(stamp + "secret", QCryptographicHash::Md5).toHex();
    const Outcome o =
        playEveryWay({connected(), S("+OK POP3 server ready " + stamp + "\r\n"), C("CAPA\r\n"),
                      S("+OK\r\nUSER\r\nUIDL\r\n.\r\n"), C("APOP alice " + digest + "\r\n"),
                      S("-ERR authentication failed\r\n"), C("USER alice\r\n"), S("+OK\r\n"),
                      C("PASS secret\r\n"), S("+OK\r\n")},
                     account(Security::None), QStringLiteral("secret"));
    EXPECT_TRUE(o.loggedIn);
    EXPECT_FALSE(o.error);
}

TEST(Pop3Session, CramMd5AnswersTheServersChallenge)
{
    // RFC 2195 §2: the response is "user HMAC-MD5(password, challenge)" in hex, base64'd.
    const QByteArray challenge = "<1896.697170952@postoffice.example.net>";
    const QByteArray response =
        ("alice " +
         QMessageAuthenticationCode::hash(challenge, "secret", QCryptographicHash::Md5).toHex())
            .toBase64();
    const Outcome o =
        playEveryWay({connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nSASL CRAM-MD5\r\n.\r\n"),
                      C("AUTH CRAM-MD5\r\n"), S("+ " + challenge.toBase64() + "\r\n"),
                      C(response + "\r\n"), S("+OK Authenticated\r\n")},
                     account(Security::None, AuthMethod::CramMd5), QStringLiteral("secret"));
    EXPECT_TRUE(o.loggedIn);
    EXPECT_FALSE(o.error);
}

TEST(Pop3Session, SaslPlainSendsItsInitialResponseWithTheCommand)
{
    const QByteArray initial = QByteArray("\0alice\0secret", 13).toBase64();
    const Outcome o =
        playEveryWay({connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nSASL PLAIN\r\n.\r\n"),
                      C("AUTH PLAIN " + initial + "\r\n"), S("+OK\r\n")},
                     account(Security::Tls, AuthMethod::Plain), QStringLiteral("secret"));
    EXPECT_TRUE(o.loggedIn);
}

TEST(Pop3Session, ScramWithoutTheServersSignatureIsRefused)
{
    // A server (or whoever sits in its place) that answers the client's proof with +OK and
    // never sends its own signature has proven nothing.
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    Pop3Client client(std::move(owned));
    std::optional<Error> error;
    bool loggedIn = false;
    QObject::connect(&client, &Pop3Client::failed, [&](const Error &e) { error = e; });
    QObject::connect(&client, &Pop3Client::loggedIn, [&] { loggedIn = true; });
    client.open(account(Security::Tls, AuthMethod::ScramSha256), QStringLiteral("secret"), {});
    transport->acceptConnection();
    transport->serverSends(greeting);
    ASSERT_EQ(transport->takeWritten(), QByteArray("CAPA\r\n"));
    transport->serverSends("+OK\r\nUSER\r\nSASL SCRAM-SHA-256\r\n.\r\n");
    const QByteArray first = transport->takeWritten();
    ASSERT_TRUE(first.startsWith("AUTH SCRAM-SHA-256 ")) << first.toStdString();
    const QByteArray clientFirst = QByteArray::fromBase64(first.mid(19).trimmed());
    const qsizetype r = clientFirst.indexOf("r=");
    ASSERT_GE(r, 0) << clientFirst.toStdString();
    const QByteArray nonce = clientFirst.mid(r + 2).split(',').first();
    const QByteArray serverFirst =
        "r=" + nonce + "srvnonce,s=" + QByteArray("saltsalt").toBase64() + ",i=4096";
    transport->serverSends("+ " + serverFirst.toBase64() + "\r\n");
    const QByteArray clientFinal = transport->takeWritten();
    ASSERT_FALSE(clientFinal.isEmpty());
    transport->serverSends("+OK Logged in\r\n");
    EXPECT_FALSE(loggedIn);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, Error::Code::Insecure) << error->message().toStdString();
    EXPECT_TRUE(transport->takeWritten().isEmpty()) << "no other method is tried";
}

TEST(Pop3Session, AWrongPasswordIsAnAuthErrorNamingTheUser)
{
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nUSER\r\n.\r\n"), C("USER alice\r\n"),
         S("+OK\r\n"), C("PASS wrong\r\n"), S("-ERR [AUTH] Authentication failed.\r\n")},
        account(Security::Tls, AuthMethod::User), QStringLiteral("wrong"));
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Auth);
    EXPECT_TRUE(o.error->detail.contains(QStringLiteral("alice")));
    EXPECT_TRUE(o.error->serverText.contains(QStringLiteral("Authentication failed.")));
}

TEST(Pop3Session, AMailboxInUseIsTemporary)
{
    const Outcome o = playEveryWay({connected(), S(greeting), C("CAPA\r\n"),
                                    S("+OK\r\nUSER\r\n.\r\n"), C("USER alice\r\n"), S("+OK\r\n"),
                                    C("PASS secret\r\n"), S("-ERR [IN-USE] Mailbox locked\r\n")},
                                   account(), QStringLiteral("secret"));
    ASSERT_TRUE(o.error);
    EXPECT_TRUE(o.error->temporary);
    EXPECT_EQ(o.error->responseCode, QByteArray("IN-USE"));
}

TEST(Pop3Session, ARefusingGreetingEndsTheSession)
{
    const Outcome o = playEveryWay({connected(), S("-ERR [SYS/TEMP] too busy\r\n")}, account(),
                                   QStringLiteral("secret"));
    ASSERT_TRUE(o.error);
    EXPECT_TRUE(o.error->temporary);
    EXPECT_FALSE(o.loggedIn);
}

/// A session opened before its password, on a scripted line, with what it signalled.
struct EarlySession {
    explicit EarlySession(const Account &acct)
    {
        auto owned = std::make_unique<ScriptedTransport>();
        transport = owned.get();
        client = std::make_unique<Pop3Client>(std::move(owned));
        QObject::connect(client.get(), &Pop3Client::readyForPassword, [this] { ++ready; });
        QObject::connect(client.get(), &Pop3Client::loggedIn, [this] { loggedIn = true; });
        QObject::connect(client.get(), &Pop3Client::failed, [this](const Error &e) { error = e; });
        client->openBeforePassword(acct, {});
    }

    ScriptedTransport *transport = nullptr;
    std::unique_ptr<Pop3Client> client;
    int ready = 0;
    bool loggedIn = false;
    std::optional<Error> error;
};

TEST(Pop3Session, OpenedBeforeItsPasswordItSecuresTheLineThenWaitsAtTheLogin)
{
    EarlySession early(account(Security::StartTls));
    early.transport->acceptConnection();
    early.transport->serverSends(greeting);
    EXPECT_EQ(early.transport->takeWritten(), QByteArray("CAPA\r\n"));
    early.transport->serverSends("+OK\r\nUSER\r\nSTLS\r\n.\r\n");
    EXPECT_EQ(early.transport->takeWritten(), QByteArray("STLS\r\n"));
    early.transport->serverSends("+OK Begin TLS\r\n");
    EXPECT_EQ(early.ready, 0) << "ready before the line was secured";
    early.transport->acceptTls();
    EXPECT_EQ(early.transport->takeWritten(), QByteArray("CAPA\r\n"));
    early.transport->serverSends("+OK\r\nUSER\r\nPIPELINING\r\n.\r\n");
    EXPECT_EQ(early.ready, 1);
    EXPECT_TRUE(early.transport->takeWritten().isEmpty()) << "wrote without a password";

    early.client->providePassword(QStringLiteral("secret"));
    EXPECT_EQ(early.transport->takeWritten(), QByteArray("USER alice\r\nPASS secret\r\n"));
    early.transport->serverSends("+OK\r\n+OK Logged in.\r\n");
    EXPECT_TRUE(early.loggedIn);
    EXPECT_FALSE(early.error);
    early.client->providePassword(QStringLiteral("another"));
    EXPECT_TRUE(early.transport->takeWritten().isEmpty()) << "a second password counted";
}

TEST(Pop3Session, APasswordGivenBeforeTheLineIsReadyIsUsedAtTheLogin)
{
    EarlySession early(account());
    early.client->providePassword(QStringLiteral("secret"));
    early.transport->acceptConnection();
    early.transport->serverSends(greeting);
    EXPECT_EQ(early.transport->takeWritten(), QByteArray("CAPA\r\n"));
    early.transport->serverSends("+OK\r\nUSER\r\n.\r\n");
    EXPECT_EQ(early.transport->takeWritten(), QByteArray("USER alice\r\n"));
    early.transport->serverSends("+OK\r\n");
    EXPECT_EQ(early.transport->takeWritten(), QByteArray("PASS secret\r\n"));
    early.transport->serverSends("+OK\r\n");
    EXPECT_TRUE(early.loggedIn);
    EXPECT_EQ(early.ready, 0) << "it waited for nothing";
}

TEST(Pop3Session, ALineClosedWhileThePasswordComesIsAFailureAndNothingFollowsIt)
{
    EarlySession early(account());
    early.transport->acceptConnection();
    early.transport->serverSends(greeting);
    (void)early.transport->takeWritten();
    early.transport->serverSends("+OK\r\nUSER\r\n.\r\n");
    ASSERT_EQ(early.ready, 1);
    early.transport->serverCloses();
    ASSERT_TRUE(early.error);
    EXPECT_EQ(early.error->code, Error::Code::Network);
    early.client->providePassword(QStringLiteral("secret"));
    EXPECT_TRUE(early.transport->takeWritten().isEmpty());
    EXPECT_FALSE(early.loggedIn);
}

// The commands AccountSync sends after login, pipelined as it queues them all at once.
AfterLogin fetchAndDelete()
{
    return [](Pop3Client &client, Outcome &out) {
        auto record = [&out](const Reply &r) { out.replies.append(describe(r)); };
        client.command("UIDL", ReplyShape::MultiLine, record);
        client.command("LIST", ReplyShape::MultiLine, record);
        client.command("RETR 1", ReplyShape::MultiLine, record, 30);
        client.command("RETR 2", ReplyShape::MultiLine, record, 40);
        client.command("DELE 1", ReplyShape::StatusLine, record);
        client.command("DELE 2", ReplyShape::StatusLine, record);
        client.quit([&out](bool ok) { out.quitOk = ok; });
    };
}

const QByteArray message1 = "Subject: one\r\n\r\n..leading dot\r\n";
const QByteArray message2 = "Subject: two\r\n\r\nline\r\n.\r\n";

TEST(Pop3Session, PipelinedFetchAndDeleteGoOutTogetherAndEveryReplyReachesItsCommand)
{
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\n.\r\n"),
         C("USER alice\r\nPASS secret\r\n"), S("+OK\r\n+OK\r\n"),
         C("UIDL\r\nLIST\r\nRETR 1\r\nRETR 2\r\nDELE 1\r\nDELE 2\r\nQUIT\r\n"),
         S("+OK\r\n1 a1\r\n2 b2\r\n.\r\n+OK 2 messages\r\n1 33\r\n2 28\r\n.\r\n"
           "+OK 33 octets\r\n" +
           message1 + ".\r\n+OK\r\n" + QByteArray("Subject: two\r\n\r\nline\r\n..\r\n") +
           ".\r\n+OK deleted\r\n+OK deleted\r\n+OK Bye\r\n")},
        account(), QStringLiteral("secret"), fetchAndDelete());
    ASSERT_FALSE(o.error) << o.error->message().toStdString();
    ASSERT_EQ(o.replies.size(), 6);
    EXPECT_EQ(o.replies.at(0), "+OK |1 a1\r\n2 b2\r\n");
    EXPECT_EQ(o.replies.at(2), "+OK 33 octets|Subject: one\r\n\r\n.leading dot\r\n");
    EXPECT_EQ(o.replies.at(3), "+OK |" + message2);
    EXPECT_EQ(o.replies.at(5), "+OK deleted");
    EXPECT_EQ(o.quitOk, true);
    EXPECT_TRUE(o.closedByClient);
}

TEST(Pop3Session, WithoutPipeliningEachCommandWaitsForTheAnswerBefore)
{
    const Outcome o =
        playEveryWay({connected(),          S(greeting),
                      C("CAPA\r\n"),        S("+OK\r\nUSER\r\nUIDL\r\n.\r\n"),
                      C("USER alice\r\n"),  S("+OK\r\n"),
                      C("PASS secret\r\n"), S("+OK\r\n"),
                      C("UIDL\r\n"),        S("+OK\r\n1 a1\r\n2 b2\r\n.\r\n"),
                      C("LIST\r\n"),        S("+OK\r\n1 33\r\n2 28\r\n.\r\n"),
                      C("RETR 1\r\n"),      S("+OK\r\n" + message1 + ".\r\n"),
                      C("RETR 2\r\n"),      S("+OK\r\nSubject: two\r\n\r\nline\r\n..\r\n.\r\n"),
                      C("DELE 1\r\n"),      S("+OK\r\n"),
                      C("DELE 2\r\n"),      S("+OK\r\n"),
                      C("QUIT\r\n"),        S("+OK\r\n")},
                     account(), QStringLiteral("secret"), fetchAndDelete());
    ASSERT_FALSE(o.error) << o.error->message().toStdString();
    EXPECT_EQ(o.replies.size(), 6);
    EXPECT_EQ(o.quitOk, true);
}

TEST(Pop3Session, BareLineFeedsFromTheServerAreReadLikeCrlf)
{
    const Outcome o = playEveryWay(
        {connected(), S("+OK ready\n"), C("CAPA\r\n"), S("+OK\nUSER\nUIDL\nPIPELINING\n.\n"),
         C("USER alice\r\nPASS secret\r\n"), S("+OK\n+OK\n"),
         C("UIDL\r\nLIST\r\nRETR 1\r\nRETR 2\r\nDELE 1\r\nDELE 2\r\nQUIT\r\n"),
         S("+OK\n1 a1\n2 b2\n.\n+OK\n1 30\n2 25\n.\n+OK\nSubject: one\n\none\n.\n"
           "+OK\nSubject: two\n\ntwo\n.\n+OK\n+OK\n+OK\n")},
        account(), QStringLiteral("secret"), fetchAndDelete());
    ASSERT_FALSE(o.error) << o.error->message().toStdString();
    ASSERT_EQ(o.replies.size(), 6);
    EXPECT_EQ(o.replies.at(2), "+OK |Subject: one\n\none\n");
    EXPECT_EQ(o.quitOk, true);
}

TEST(Pop3Session, ALostQuitReplyIsAFailureNotASuccess)
{
    // The server deletes only on QUIT's +OK: without it nothing may be recorded as deleted.
    const Outcome o = playEveryWay(
        {connected(), S(greeting), C("CAPA\r\n"), S("+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\n.\r\n"),
         C("USER alice\r\nPASS secret\r\n"), S("+OK\r\n+OK\r\n"),
         C("UIDL\r\nLIST\r\nRETR 1\r\nRETR 2\r\nDELE 1\r\nDELE 2\r\nQUIT\r\n"),
         S("+OK\r\n1 a1\r\n2 b2\r\n.\r\n+OK\r\n1 33\r\n2 28\r\n.\r\n+OK\r\n" + message1 +
           ".\r\n+OK\r\nSubject: two\r\n\r\nline\r\n..\r\n.\r\n+OK\r\n+OK\r\n"),
         serverCloses()},
        account(), QStringLiteral("secret"), fetchAndDelete());
    EXPECT_FALSE(o.quitOk.has_value());
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Network);
}

TEST(Pop3Session, GarbageInsteadOfAStatusLineIsAProtocolError)
{
    const Outcome o =
        playEveryWay({connected(), S(greeting), C("CAPA\r\n"), S("HTTP/1.1 400 Bad Request\r\n")},
                     account(), QStringLiteral("secret"));
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->code, Error::Code::Protocol);
}

TEST(Pop3Session, PasswordsNeverReachTheProtocolLog)
{
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    Pop3Client client(std::move(owned));
    QByteArrayList log;
    QObject::connect(&client, &Pop3Client::protocolLine,
                     [&](bool fromClient, const QByteArray &line) {
                         log.append((fromClient ? "C: " : "S: ") + line);
                     });
    client.open(account(), QStringLiteral("hunter2"), {});
    transport->acceptConnection();
    transport->serverSends(greeting);
    transport->serverSends("+OK\r\nUSER\r\nPIPELINING\r\n.\r\n");
    transport->serverSends("+OK\r\n+OK\r\n");
    EXPECT_TRUE(transport->allWritten().contains("PASS hunter2"));
    EXPECT_FALSE(log.join('\n').contains("hunter2")) << log.join('\n').toStdString();
    EXPECT_TRUE(log.contains("C: PASS ********")) << log.join('\n').toStdString();
}

} // namespace

/// A session logged in to a server that pipelines, with `options`.
struct PipelinedSession {
    explicit PipelinedSession(const Pop3Client::Options &options)
    {
        auto owned = std::make_unique<ScriptedTransport>();
        transport = owned.get();
        client = std::make_unique<Pop3Client>(std::move(owned));
        QObject::connect(client.get(), &Pop3Client::loggedIn, [this] { loggedIn = true; });
        client->open(account(), QStringLiteral("secret"), options);
        transport->acceptConnection();
        transport->serverSends(greeting);
        transport->serverSends("+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\n.\r\n");
        transport->serverSends("+OK\r\n+OK\r\n");
        (void)transport->takeWritten();
    }
    ScriptedTransport *transport = nullptr;
    std::unique_ptr<Pop3Client> client;
    bool loggedIn = false;
    int answered = 0;
};

QByteArray retrs(int from, int to)
{
    QByteArray out;
    for (int n = from; n <= to; ++n)
        out += "RETR " + QByteArray::number(n) + "\r\n";
    return out;
}

TEST(Pop3Session, AFullWindowIsToppedUpOnceHalfOfItIsAnsweredNotAfterEveryReply)
{
    // One write per reply made one TLS record and one wake-up of the server per command.
    Pop3Client::Options options;
    options.pipelineWindow = 4;
    PipelinedSession s(options);
    ASSERT_TRUE(s.loggedIn);
    for (int n = 1; n <= 9; ++n)
        s.client->command(
            "RETR " + QByteArray::number(n), ReplyShape::MultiLine,
            [&s](const Reply &) { ++s.answered; }, 100);
    EXPECT_EQ(s.transport->takeWritten(), retrs(1, 4));
    s.transport->serverSends("+OK\r\nSubject: 1\r\n\r\n.\r\n");
    EXPECT_EQ(s.answered, 1);
    EXPECT_EQ(s.transport->takeWritten(), QByteArray()) << "three still in flight";
    s.transport->serverSends("+OK\r\nSubject: 2\r\n\r\n.\r\n");
    EXPECT_EQ(s.transport->takeWritten(), retrs(5, 6)) << "half answered: topped up at once";
    // Three answers in one read: one write for all the room they make.
    s.transport->serverSends("+OK\r\n\r\n.\r\n+OK\r\n\r\n.\r\n+OK\r\n\r\n.\r\n");
    EXPECT_EQ(s.transport->takeWritten(), retrs(7, 9));
    // The queue is empty: the last answers ask for nothing more, down to none in flight.
    s.transport->serverSends("+OK\r\n\r\n.\r\n+OK\r\n\r\n.\r\n+OK\r\n\r\n.\r\n+OK\r\n\r\n.\r\n");
    EXPECT_EQ(s.answered, 9);
    s.client->quit([](bool) {});
    EXPECT_EQ(s.transport->takeWritten(), "QUIT\r\n") << "nothing in flight: sent at once";
}

TEST(Pop3Session, LargeMessagesAreToppedUpOnceHalfTheBytesInFlightAreAnswered)
{
    Pop3Client::Options options;
    options.pipelineWindow = 64;
    options.pipelineBytes = 400;
    PipelinedSession s(options);
    for (int n = 1; n <= 6; ++n)
        s.client->command(
            "RETR " + QByteArray::number(n), ReplyShape::MultiLine,
            [&s](const Reply &) { ++s.answered; }, 100);
    EXPECT_EQ(s.transport->takeWritten(), retrs(1, 4)) << "400 bytes announced";
    s.transport->serverSends("+OK\r\n\r\n.\r\n");
    EXPECT_EQ(s.transport->takeWritten(), QByteArray()) << "300 bytes still in flight";
    s.transport->serverSends("+OK\r\n\r\n.\r\n");
    EXPECT_EQ(s.transport->takeWritten(), retrs(5, 6));
}

TEST(Pop3Session, WithoutPipeliningTheNextCommandFollowsEachAnswer)
{
    auto owned = std::make_unique<ScriptedTransport>();
    ScriptedTransport *transport = owned.get();
    Pop3Client client(std::move(owned));
    client.open(account(), QStringLiteral("secret"), {});
    transport->acceptConnection();
    transport->serverSends(greeting);
    transport->serverSends("+OK\r\nUSER\r\nUIDL\r\n.\r\n");
    transport->serverSends("+OK\r\n");
    transport->serverSends("+OK\r\n");
    (void)transport->takeWritten();
    for (int n = 1; n <= 3; ++n)
        client.command("RETR " + QByteArray::number(n), ReplyShape::MultiLine, {}, 100);
    EXPECT_EQ(transport->takeWritten(), retrs(1, 1));
    transport->serverSends("+OK\r\n\r\n.\r\n");
    EXPECT_EQ(transport->takeWritten(), retrs(2, 2));
}
