// SPDX-License-Identifier: GPL-3.0-or-later
// A sync whose password comes from the keychain or a password command connects, secures the
// line and reads the server's capabilities while the password is still coming (50-500 ms
// with gpg or a locked keychain), and logs in once it is here. Nothing of this may change
// what the user sees: a line lost meanwhile is opened again, a password that cannot be had
// ends the session with that reason, and a cancel ends it once.
#include "FaultFixture.h"

#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "sync/SyncController.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

using namespace poplar;
using namespace poplar::test;
using poplar::sync::SyncResult;

namespace {

/// A keychain that answers when the test says so (as one that asks to be unlocked does).
class HeldKeychain final : public SecretStore {
public:
    void read(const QString &, ReadCallback done) override { pending = std::move(done); }
    void write(const QString &, const QString &, WriteCallback done) override { done({}); }
    void remove(const QString &, WriteCallback done) override { done({}); }

    void answer(Result<QString> password)
    {
        ASSERT_TRUE(pending) << "nothing asked the keychain";
        std::exchange(pending, {})(std::move(password));
    }

    ReadCallback pending;
};

/// A keychain account's sync from a FakePop3Server, the keychain held by the test.
struct SyncWithHeldKeychain {
    explicit SyncWithHeldKeychain(pop3::Pop3Client::Options options = {})
        : passwords(keychain)
        , controller(cacheDir.filePath(QStringLiteral("cache.sqlite")), passwords, options)
    {
        QObject::connect(&controller, &sync::SyncController::finished, [this](const SyncResult &r) {
            result = r;
            ++finishedCount;
        });
        account = fakeServerAccount(QStringLiteral("early"), QStringLiteral("Early"),
                                    PasswordSource::Keychain);
    }

    void start(const FakePop3Server &server)
    {
        account.port = server.port();
        controller.syncAccount(account);
    }

    /// Starts the sync; whether `server` was asked for its capabilities (the line is up and
    /// secured) before the keychain answered.
    [[nodiscard]] bool startUntilCapa(const FakePop3Server &server)
    {
        start(server);
        return spinUntil([&server] { return server.receivedLineStartingWith("CAPA"); }, 5'000);
    }

    /// The keychain answers; the sync then ends once, with the three messages of
    /// threeMessages() downloaded over `server`'s `connections`-th line.
    void answerAndExpectThree(const FakePop3Server &server, int connections)
    {
        keychain.answer(QStringLiteral("pw"));
        ASSERT_TRUE(finishedOnce());
        ASSERT_TRUE(result->ok()) << describe(*result);
        EXPECT_EQ(result->newMessages, 3);
        EXPECT_EQ(server.connectionCount(), connections);
    }

    /// Spins a while longer, so that a second finished() would have come.
    [[nodiscard]] bool finishedOnce()
    {
        if (!spinUntil([this] { return finishedCount > 0; }, 15'000))
            return false;
        spinUntil([] { return false; }, 300);
        return finishedCount == 1;
    }

    // What the controller reports into is declared before it: its destructor cancels what
    // still runs, and that reports.
    std::optional<SyncResult> result;
    int finishedCount = 0;
    Account account;
    QTemporaryDir cacheDir;
    HeldKeychain keychain;
    PasswordProvider passwords;
    sync::SyncController controller;
};

bool loginSent(const QByteArrayList &lines)
{
    for (const QByteArray &line : lines) {
        if (line.startsWith("USER") || line.startsWith("PASS") || line.startsWith("AUTH") ||
            line.startsWith("APOP"))
            return true;
    }
    return false;
}

TEST(PasswordLater, TheLineIsReadyBeforeThePasswordComesAndTheLoginFollowsIt)
{
    FakePop3Server server;
    server.serveMailbox(threeMessages());
    SyncWithHeldKeychain sync;
    ASSERT_TRUE(sync.startUntilCapa(server)) << "the session waited for its password to connect";
    spinUntil([] { return false; }, 200); // time enough for a login that should not come
    EXPECT_FALSE(loginSent(server.received())) << transcript(server.received());
    EXPECT_FALSE(sync.result.has_value());

    sync.answerAndExpectThree(server, 1); // the early line is the one that logged in
    EXPECT_TRUE(server.received().contains("PASS pw")) << transcript(server.received());
}

TEST(PasswordLater, ALineTheServerDropsBeforeThePasswordIsOpenedAgainWithIt)
{
    // A server that closes a line idle before the login: nothing was asked of it yet, so
    // the user hears nothing of it; the sync connects again once the password is here.
    FakePop3Server server;
    FakePop3Server::Mailbox box = threeMessages();
    box.dropAfterCapa = {1};
    server.serveMailbox(box);
    SyncWithHeldKeychain sync;
    ASSERT_TRUE(sync.startUntilCapa(server));
    spinUntil([] { return false; }, 300); // the drop reaches the session
    EXPECT_FALSE(sync.result.has_value()) << "a lost early line was reported";

    sync.answerAndExpectThree(server, 2);
}

TEST(PasswordLater, AFailureThatLastsIsReportedOnceThePasswordIsHere)
{
    // The early line is refused and so is the one opened with the password: the second
    // refusal is the sync's error, reported once.
    FakePop3Server server;
    FakePop3Server::Mailbox box = threeMessages();
    box.greeting = "-ERR [SYS/TEMP] Too many connections";
    server.serveMailbox(box);
    SyncWithHeldKeychain sync;
    sync.start(server);
    ASSERT_TRUE(spinUntil([&] { return server.connectionCount() == 1; }, 5'000));
    spinUntil([] { return false; }, 300);
    EXPECT_FALSE(sync.result.has_value());

    sync.keychain.answer(QStringLiteral("pw"));
    ASSERT_TRUE(sync.finishedOnce());
    ASSERT_TRUE(sync.result->error);
    EXPECT_TRUE(sync.result->error->message().contains(QStringLiteral("Too many connections")))
        << sync.result->error->message().toStdString();
    EXPECT_EQ(server.connectionCount(), 2);
    EXPECT_FALSE(loginSent(server.received()));
}

TEST(PasswordLater, APasswordThatCannotBeHadEndsTheSessionWithItsReasonBeforeAnyLogin)
{
    FakePop3Server server;
    server.serveMailbox(threeMessages());
    SyncWithHeldKeychain sync;
    ASSERT_TRUE(sync.startUntilCapa(server));

    sync.keychain.answer(Error{Error::Code::Config, QStringLiteral("The keychain is locked"), {}});
    ASSERT_TRUE(sync.finishedOnce());
    ASSERT_TRUE(sync.result->error);
    EXPECT_TRUE(sync.result->error->message().contains(QStringLiteral("The keychain is locked")))
        << sync.result->error->message().toStdString();
    EXPECT_EQ(sync.result->newMessages, 0);
    EXPECT_FALSE(loginSent(server.received())) << transcript(server.received());
    EXPECT_EQ(server.connectionCount(), 1);
}

TEST(PasswordLater, StoppedWhileThePasswordComesTheSyncEndsOnceAndNeverLogsIn)
{
    FakePop3Server server;
    server.serveMailbox(threeMessages());
    SyncWithHeldKeychain sync;
    ASSERT_TRUE(sync.startUntilCapa(server));

    sync.controller.cancel(sync.account.id);
    ASSERT_TRUE(spinUntil([&] { return sync.finishedCount > 0; }, 5'000));
    ASSERT_TRUE(sync.result->error);
    EXPECT_EQ(sync.result->error->code, Error::Code::Cancelled);
    EXPECT_FALSE(sync.controller.isSyncing(sync.account.id));
    // The keychain answers after all: nothing follows.
    sync.keychain.answer(QStringLiteral("pw"));
    EXPECT_TRUE(sync.finishedOnce());
    EXPECT_FALSE(loginSent(server.received())) << transcript(server.received());
    EXPECT_EQ(server.connectionCount(), 1);
}

TEST(PasswordLater, ALineHeldTooLongForThePasswordIsClosedWithQuitAndOpenedAgain)
{
    // A password that takes long is a person typing it: the server is not kept waiting.
    FakePop3Server server;
    server.serveMailbox(threeMessages());
    pop3::Pop3Client::Options options;
    options.passwordWaitMs = 200;
    SyncWithHeldKeychain sync(options);
    sync.start(server);
    ASSERT_TRUE(spinUntil([&] { return server.receivedLineStartingWith("QUIT"); }, 5'000))
        << "the early line was held: " << transcript(server.received());
    EXPECT_EQ(server.received(), (QByteArrayList{"CAPA", "QUIT"}));
    EXPECT_FALSE(sync.result.has_value());

    sync.answerAndExpectThree(server, 2);
}

TEST(PasswordLater, AnAccountThatAsksTheUserConnectsOnlyOnceTheAnswerIsIn)
{
    // Typing takes seconds: no line is opened for it.
    FakePop3Server server;
    server.serveMailbox(threeMessages());
    SyncWithHeldKeychain sync;
    sync.account.passwordSource = PasswordSource::Ask;
    PasswordProvider::AnswerCallback answer;
    sync.passwords.setPrompt(
        [&](const Account &, const QString &, PasswordProvider::AnswerCallback done) {
            answer = std::move(done);
        });
    sync.start(server);
    ASSERT_TRUE(spinUntil([&] { return bool(answer); }, 5'000));
    spinUntil([] { return false; }, 300);
    EXPECT_EQ(server.connectionCount(), 0);

    answer(PasswordProvider::Answer{QStringLiteral("pw"), false});
    ASSERT_TRUE(sync.finishedOnce());
    ASSERT_TRUE(sync.result->ok()) << describe(*sync.result);
    EXPECT_EQ(server.connectionCount(), 1);
}

TEST(PasswordLater, QuittingWhilePasswordsAreStillComingEndsEachSyncOnce)
{
    // The window closes while the keychain and a prompt are still answering. The sync still
    // asking is reported stopped, once (the controller's destructor used to crash walking a
    // set it was emptying); the one already on the line ends with the sync thread, as a
    // running sync does, without a login.
    FakePop3Server server;
    server.serveMailbox(threeMessages());
    QStringList stopped;
    {
        auto sync = std::make_unique<SyncWithHeldKeychain>();
        PasswordProvider::AnswerCallback neverAnswered;
        sync->passwords.setPrompt(
            [&](const Account &, const QString &, PasswordProvider::AnswerCallback done) {
                neverAnswered = std::move(done);
            });
        QObject::connect(&sync->controller, &sync::SyncController::finished,
                         [&stopped](const SyncResult &r) {
                             if (r.error && r.error->code == Error::Code::Cancelled)
                                 stopped.append(r.accountId);
                         });
        sync->start(server); // the keychain account
        Account asks = sync->account;
        asks.id = QStringLiteral("asks");
        asks.passwordSource = PasswordSource::Ask;
        sync->controller.syncAccount(asks);
        ASSERT_TRUE(spinUntil([&] { return bool(neverAnswered); }, 5'000));
        ASSERT_TRUE(spinUntil([&] { return server.receivedLineStartingWith("CAPA"); }, 5'000));
        sync.reset();
    }
    EXPECT_EQ(stopped, QStringList{QStringLiteral("asks")});
    EXPECT_FALSE(loginSent(server.received())) << transcript(server.received());
}

} // namespace
