// SPDX-License-Identifier: GPL-3.0-or-later
// How a sync logs in on servers that do not work the way they say: a login method offered
// that fails for this user (APOP without an APOP secret, a SASL mechanism advertised and then
// refused), and LOGIN-DELAY advertised and enforced or not.
#include "FaultFixture.h"

#include "sync/AccountSync.h"

#include <algorithm>

namespace poplar::test {

namespace {

// A greeting with an APOP timestamp (RFC 1939 §7).
constexpr const char *apopGreeting = "+OK FakePop3 ready <1896.697170952@fake.example>";

class LoginFallbackTest : public FaultTest {
protected:
    int logins() const
    {
        int n = 0;
        for (const QByteArray &line : m_server.received()) {
            if (line.startsWith("PASS ") || line.startsWith("APOP ") || line.startsWith("AUTH "))
                ++n;
        }
        return n;
    }
};

} // namespace

TEST_F(LoginFallbackTest, ApopThatFailsFallsBackToUserPassOnTheSameConnection)
{
    Mailbox box = threeMessages();
    box.greeting = apopGreeting;
    box.replies.insert("APOP", "-ERR authentication failed");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r) << "\n" << transcript(m_server.received());
    EXPECT_EQ(r.newMessages, 3);
    EXPECT_EQ(stored().size(), 3);
    EXPECT_EQ(m_server.connectionCount(), 1);
    const QByteArrayList lines = m_server.received();
    auto firstStartingWith = [&](const char *verb) {
        return std::find_if(lines.begin(), lines.end(),
                            [verb](const QByteArray &l) { return l.startsWith(verb); }) -
               lines.begin();
    };
    const qsizetype apop = firstStartingWith("APOP");
    const qsizetype user = firstStartingWith("USER");
    ASSERT_LT(apop, lines.size()) << "APOP, the stronger method on a cleartext line, goes first";
    EXPECT_LT(apop, user) << transcript(lines);
    expectNothingLostMissedOrDoubled();
    m_server.mailbox().append(mail(4));
    ASSERT_TRUE(sync().ok());
    expectNothingLostMissedOrDoubled();
}

TEST_F(LoginFallbackTest, WrongPasswordEverywhereIsAnAuthErrorNamingWhatWasTried)
{
    Mailbox box = threeMessages();
    box.greeting = apopGreeting;
    box.replies.insert("APOP", "-ERR authentication failed");
    box.replies.insert("PASS", "-ERR authentication failed");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Auth) << describe(r);
    EXPECT_TRUE(r.error->detail.contains(QStringLiteral("APOP"))) << describe(r);
    EXPECT_TRUE(r.error->detail.contains(QStringLiteral("USER/PASS"))) << describe(r);
    EXPECT_EQ(logins(), 2);
    EXPECT_TRUE(stored().isEmpty());
}

TEST_F(LoginFallbackTest, ALoginRefusedInTheClearByAServerOfferingStarttlsSaysToChooseIt)
{
    // An account set to no encryption, on a server that takes logins only after STLS and
    // says so in words of its own (GNU Mailutils' pop3d: "-ERR Incorrect state").
    Mailbox box = threeMessages();
    box.stls = true;
    box.replies.insert("PASS", "-ERR Incorrect state");
    m_server.serveMailbox(box);
    SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error->message().contains(QStringLiteral("choose STARTTLS"))) << describe(r);
    EXPECT_TRUE(r.error->message().contains(QStringLiteral("Incorrect state"))) << describe(r);

    // Without STARTTLS on offer, a refused password is only that.
    m_server.mailbox().stls = false;
    r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(r.error->message().contains(QStringLiteral("STARTTLS"))) << describe(r);
}

TEST_F(LoginFallbackTest, SaslMechanismAdvertisedButRefusedFallsBack)
{
    Mailbox box = threeMessages();
    box.sasl = {"CRAM-MD5"};
    box.replies.insert("AUTH", "-ERR mechanism not available for this user");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r) << "\n" << transcript(m_server.received());
    EXPECT_TRUE(m_server.receivedLineStartingWith("AUTH CRAM-MD5"));
    EXPECT_TRUE(m_server.receivedLineStartingWith("PASS"));
    EXPECT_EQ(stored().size(), 3);
}

TEST_F(LoginFallbackTest, AResponseCodeEndsTheWalk)
{
    // [IN-USE] says the mailbox is locked: another method would fare no better, and trying
    // one would only look like a password guess to the server.
    Mailbox box = threeMessages();
    box.greeting = apopGreeting;
    box.replies.insert("APOP", "-ERR [IN-USE] mailbox locked");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error->temporary) << describe(r);
    EXPECT_FALSE(m_server.receivedLineStartingWith("PASS"));
}

TEST_F(LoginFallbackTest, AnExplicitMethodIsNotWalkedPast)
{
    Mailbox box = threeMessages();
    box.greeting = apopGreeting;
    box.replies.insert("APOP", "-ERR authentication failed");
    m_server.serveMailbox(box);

    const SyncResult r = sync(account(Security::None, AuthMethod::Apop));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Auth);
    EXPECT_FALSE(m_server.receivedLineStartingWith("PASS"));
}

TEST_F(LoginFallbackTest, ShortLoginDelayNotEnforcedIsWaitedOutWithACountdown)
{
    Mailbox box = threeMessages();
    box.extraCapabilities = {"LOGIN-DELAY 2"};
    m_server.serveMailbox(box);
    Account a = account();
    a.leaveOnServer = true;

    ASSERT_TRUE(sync(a).ok());
    QList<int> countdown;
    QObject::connect(&worker(), &sync::SyncWorker::waitingForLogin, &worker(),
                     [&](const QString &, int secondsLeft) { countdown.append(secondsLeft); });
    m_server.mailbox().messages.insert(4, mail(4));
    const SyncResult second = sync(a);
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(second.newMessages, 1);
    ASSERT_FALSE(countdown.isEmpty()) << "the user sees the wait";
    EXPECT_LE(countdown.first(), 2);
    EXPECT_TRUE(std::is_sorted(countdown.rbegin(), countdown.rend()));
    EXPECT_EQ(logins(), 2);
    expectNothingLostMissedOrDoubled();
}

TEST_F(LoginFallbackTest, LongLoginDelayNotEnforcedLogsInAnyway)
{
    Mailbox box = threeMessages();
    box.extraCapabilities = {"LOGIN-DELAY 600"};
    m_server.serveMailbox(box);
    Account a = account();
    a.leaveOnServer = true;

    ASSERT_TRUE(sync(a).ok());
    bool waited = false;
    QObject::connect(&worker(), &sync::SyncWorker::waitingForLogin, &worker(),
                     [&] { waited = true; });
    m_server.mailbox().messages.insert(4, mail(4));
    const SyncResult second = sync(a);
    ASSERT_TRUE(second.ok()) << "Poplar itself never refuses a check the user asked for: "
                             << describe(second);
    EXPECT_EQ(second.newMessages, 1);
    EXPECT_FALSE(waited);
    EXPECT_EQ(stored().size(), 4);
    expectNothingLostMissedOrDoubled();
}

TEST_F(LoginFallbackTest, EnforcedLoginDelaySaysWhenToTryAgain)
{
    Mailbox box = threeMessages();
    box.extraCapabilities = {"LOGIN-DELAY 600"};
    box.enforcedLoginDelayMs = 600'000;
    m_server.serveMailbox(box);
    Account a = account();
    a.leaveOnServer = true;

    ASSERT_TRUE(sync(a).ok());
    const SyncResult second = sync(a);
    ASSERT_FALSE(second.ok());
    EXPECT_TRUE(second.error->temporary) << describe(second);
    EXPECT_NE(second.error->code, Error::Code::Auth) << "the password is not the problem";
    EXPECT_TRUE(second.error->detail.contains(QStringLiteral("10 minutes"))) << describe(second);
    EXPECT_TRUE(second.error->detail.contains(QStringLiteral("next check can run at")))
        << describe(second);
    EXPECT_FALSE(second.error->detail.contains(QStringLiteral(" 0 minutes")));
    EXPECT_EQ(stored().size(), 3) << "nothing stored is touched";
    expectNothingLostMissedOrDoubled();
}

TEST(LoginDelayWords, SecondsMinutesAndHours)
{
    EXPECT_EQ(sync::AccountSync::describeInterval(1), QStringLiteral("1 second"));
    EXPECT_EQ(sync::AccountSync::describeInterval(10), QStringLiteral("10 seconds"));
    EXPECT_EQ(sync::AccountSync::describeInterval(600), QStringLiteral("10 minutes"));
    EXPECT_EQ(sync::AccountSync::describeInterval(3 * 3600), QStringLiteral("3 hours"));
}

} // namespace poplar::test
