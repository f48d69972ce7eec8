// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Capabilities.h"
#include "pop3/LoginMethod.h"
#include "pop3/SaslSession.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::pop3;

namespace {

bool allSasl(const QByteArray &)
{
    return true;
}

Capabilities caps(const QByteArray &body)
{
    return Capabilities::parse(body);
}

const QByteArray dovecot =
    "CAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nUSER\r\n"
    "SASL PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256\r\n";

TEST(Capabilities, ReadsWhatServersAdvertise)
{
    const Capabilities c = caps("TOP\r\nUIDL\r\nPIPELINING\r\nSTLS\r\nsasl plain xoauth2\r\n"
                                "LOGIN-DELAY 900\r\nEXPIRE 0\r\nIMPLEMENTATION Gpop\r\n");
    EXPECT_TRUE(c.known);
    EXPECT_TRUE(c.top && c.uidl && c.pipelining && c.stls);
    EXPECT_FALSE(c.user);
    EXPECT_TRUE(c.offersSasl("XOAUTH2"));
    EXPECT_TRUE(c.offersSasl("plain"));
    EXPECT_EQ(c.loginDelaySeconds, 900);
    EXPECT_EQ(c.expireDays, 0);
    EXPECT_EQ(c.implementation, QByteArray("Gpop"));
    EXPECT_FALSE(caps("EXPIRE NEVER\r\n").expireDays.has_value());
}

TEST(ChooseLogin, AutoPrefersScramThenProtectedPlainNeverChallengeResponseOverTls)
{
    EXPECT_EQ(chooseLogin(AuthMethod::Auto, caps(dovecot), true, true, allSasl).value(),
              (LoginMethod{LoginMethod::Kind::Sasl, "SCRAM-SHA-256"}));
    const Capabilities noScram = caps("USER\r\nSASL PLAIN CRAM-MD5\r\n");
    // Over TLS the password is protected: plain USER/PASS rather than CRAM-MD5 or APOP.
    EXPECT_EQ(chooseLogin(AuthMethod::Auto, noScram, true, true, allSasl).value().kind,
              LoginMethod::Kind::UserPass);
    // In the clear the challenge-response methods keep the password off the wire.
    EXPECT_EQ(chooseLogin(AuthMethod::Auto, noScram, false, true, allSasl).value(),
              (LoginMethod{LoginMethod::Kind::Sasl, "CRAM-MD5"}));
    EXPECT_EQ(chooseLogin(AuthMethod::Auto, caps("USER\r\n"), false, true, allSasl).value().kind,
              LoginMethod::Kind::Apop);
    EXPECT_EQ(chooseLogin(AuthMethod::Auto, Capabilities{}, true, true, allSasl).value().kind,
              LoginMethod::Kind::UserPass);
}

TEST(ChooseLogin, ServerWithoutUserCommandGetsSaslPlain)
{
    EXPECT_EQ(chooseLogin(AuthMethod::Auto, caps("SASL PLAIN\r\n"), true, false, allSasl).value(),
              (LoginMethod{LoginMethod::Kind::Sasl, "PLAIN"}));
}

TEST(ChooseLogin, AnExplicitMethodTheServerLacksIsAClearError)
{
    auto r = chooseLogin(AuthMethod::CramMd5, caps("USER\r\nSASL PLAIN\r\n"), true, false, allSasl);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, Error::Code::Config);
    EXPECT_TRUE(r.error().detail.contains(QStringLiteral("CRAM-MD5")));
    EXPECT_TRUE(r.error().detail.contains(QStringLiteral("PLAIN")));
    EXPECT_FALSE(chooseLogin(AuthMethod::Apop, caps(dovecot), false, false, allSasl).ok());
}

TEST(ChooseLogin, OAuthUsesWhicheverOAuthMechanismTheServerHas)
{
    EXPECT_EQ(chooseLogin(AuthMethod::XOAuth2, caps("SASL OAUTHBEARER\r\n"), true, false, allSasl)
                  .value(),
              (LoginMethod{LoginMethod::Kind::OAuth, "OAUTHBEARER"}));
    EXPECT_EQ(chooseLogin(AuthMethod::XOAuth2, caps("SASL XOAUTH2 PLAIN\r\n"), true, false, allSasl)
                  .value(),
              (LoginMethod{LoginMethod::Kind::OAuth, "XOAUTH2"}));
    EXPECT_FALSE(
        chooseLogin(AuthMethod::XOAuth2, caps("SASL PLAIN\r\n"), true, false, allSasl).ok());
}

TEST(ApopTimestamp, FindsTheRfc1939Stamp)
{
    EXPECT_EQ(apopTimestamp("Dovecot ready. <1896.697170952@dbc.mtview.ca.us>"),
              QByteArray("<1896.697170952@dbc.mtview.ca.us>"));
    EXPECT_TRUE(apopTimestamp("ready.").isEmpty());
    EXPECT_TRUE(apopTimestamp("ready <no-at-sign>").isEmpty());
}

TEST(Sasl, GnuSaslRunsTheMechanismsWeOffer)
{
    for (const char *m : {"PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256"})
        EXPECT_TRUE(SaslSession::supports(m)) << m;
}

TEST(Sasl, PlainInitialResponseIsTheRfc4616Message)
{
    auto session = SaslSession::start("PLAIN", QStringLiteral("alice"), QStringLiteral("pw"),
                                      QStringLiteral("host"));
    ASSERT_TRUE(session.ok());
    auto first = session.value()->step({});
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(QByteArray::fromBase64(first.value()), QByteArray("\0alice\0pw", 9));
}

/// The server-first message a SCRAM server would send to `session`'s client-first message.
QByteArray scramServerFirst(SaslSession &session, const QByteArray &iterations)
{
    auto clientFirst = session.step({});
    if (!clientFirst)
        return {};
    const QByteArray message = QByteArray::fromBase64(clientFirst.value());
    const QByteArray nonce = message.mid(message.indexOf(",r=") + 3);
    return ("r=" + nonce + "3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=" + iterations).toBase64();
}

// The iteration count is the server's to choose, and GNU SASL hashes as often as it is told:
// a hostile or broken server kept the sync thread busy for hours (found by the SASL fuzzer).
TEST(Sasl, ScramRefusesAnIterationCountBeyondReason)
{
    for (const char *mechanism : {"SCRAM-SHA-1", "SCRAM-SHA-256"}) {
        for (const char *iterations : {"1000001", "4000000000"}) {
            auto session = SaslSession::start(mechanism, QStringLiteral("alice"),
                                              QStringLiteral("pw"), QStringLiteral("host"));
            ASSERT_TRUE(session.ok());
            EXPECT_FALSE(session.value()->step(scramServerFirst(*session.value(), iterations)).ok())
                << mechanism << " i=" << iterations;
        }
    }
}

TEST(Sasl, ScramTakesTheUsualIterationCounts)
{
    // 4096 is what Dovecot and Cyrus use; leading zeros do not make a count larger.
    for (const char *iterations : {"4096", "000000000004096"}) {
        auto session = SaslSession::start("SCRAM-SHA-256", QStringLiteral("alice"),
                                          QStringLiteral("pw"), QStringLiteral("host"));
        ASSERT_TRUE(session.ok());
        auto clientFinal = session.value()->step(scramServerFirst(*session.value(), iterations));
        ASSERT_TRUE(clientFinal.ok())
            << iterations << ": " << clientFinal.error().message().toStdString();
        EXPECT_TRUE(QByteArray::fromBase64(clientFinal.value()).contains(",p="));
    }
}

TEST(Sasl, OAuthLinesFollowTheirSpecifications)
{
    EXPECT_EQ(QByteArray::fromBase64(oauthInitialResponse("XOAUTH2", QStringLiteral("a@b.c"),
                                                          QStringLiteral("tok"),
                                                          QStringLiteral("h"), 995)),
              QByteArray("user=a@b.c\x01"
                         "auth=Bearer tok\x01\x01"));
    EXPECT_EQ(QByteArray::fromBase64(oauthInitialResponse("OAUTHBEARER", QStringLiteral("a,b=c"),
                                                          QStringLiteral("tok"),
                                                          QStringLiteral("pop.x"), 995)),
              QByteArray("n,a=a=2Cb=3Dc,\x01"
                         "host=pop.x\x01"
                         "port=995\x01"
                         "auth=Bearer tok\x01\x01"));
}

} // namespace
