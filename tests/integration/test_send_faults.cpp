// SPDX-License-Identifier: GPL-3.0-or-later
// The Outbox against a scripted SMTP server, for what a real server will not do: 4xx then
// 250, a 5xx, a drop after the final dot, a stall after it. The sending runs as in the GUI:
// an OutboxController with its worker thread; the server runs in the test's thread.
#include "FakeSmtpServer.h"
#include "TestUtil.h"

#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "smtp/OutboxController.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/OutboxStore.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>

namespace poplar::test {

namespace {

class SendFaultsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_account.id = QStringLiteral("1");
        m_account.name = QStringLiteral("Test");
        m_account.emailAddress = QStringLiteral("alice@example.org");
        m_account.host = QStringLiteral("127.0.0.1");
        m_account.user = QStringLiteral("alice");
        m_account.passwordSource = PasswordSource::Command;
        m_account.passwordCommand = QStringLiteral("echo secret");
        m_account.smtp.host = QStringLiteral("127.0.0.1");
        m_account.smtp.port = m_server.port();
        m_account.smtp.security = Security::None; // the scripted server has no TLS
        m_message.from = {QStringLiteral("Alice"), QStringLiteral("alice@example.org")};
        m_message.to = {{{}, QStringLiteral("bob@example.net")}};
        m_message.subject = QStringLiteral("Fault test");
        m_message.body = QStringLiteral("Hello.\n");
    }

    smtp::SmtpClient::Options fastTimeouts() const
    {
        smtp::SmtpClient::Options o;
        o.connectTimeoutMs = 5000;
        o.replyTimeoutMs = 5000;
        o.dataTimeoutMs = 1500;
        return o;
    }

    /// Submits the message and waits until the controller is idle; returns its id.
    qint64 submit(smtp::OutboxController &outbox)
    {
        qint64 id = 0;
        bool idle = false;
        auto c1 = QObject::connect(&outbox, &smtp::OutboxController::submitted,
                                   [&](quint64, qint64 messageId) { id = messageId; });
        auto c2 = QObject::connect(&outbox, &smtp::OutboxController::idle, [&] { idle = true; });
        outbox.submit(m_account, m_message);
        EXPECT_TRUE(spinUntil([&] { return idle; }, 30'000));
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        return id;
    }

    void sendWaiting(smtp::OutboxController &outbox)
    {
        bool idle = false;
        auto c = QObject::connect(&outbox, &smtp::OutboxController::idle, [&] { idle = true; });
        outbox.sendWaiting({m_account}, true);
        EXPECT_TRUE(spinUntil([&] { return idle; }, 30'000));
        QObject::disconnect(c);
    }

    store::OutgoingRecord record(qint64 id)
    {
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                        QStringLiteral("faults-check"));
        EXPECT_TRUE(db.ok());
        return *store::OutboxStore(db.value()->connection()).record(id).value();
    }

    QString cachePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    QTemporaryDir m_dir;
    FakeSmtpServer m_server;
    Account m_account;
    mime::OutgoingMessage m_message;
    KeychainSecretStore m_secrets; // never asked: the password comes from a command
    PasswordProvider m_passwords{m_secrets};
};

} // namespace

TEST_F(SendFaultsTest, ATemporaryRefusalWaitsAndTheNextAttemptDelivers)
{
    m_server.setDataReplies({"451 4.3.0 Try again later"});
    smtp::OutboxController outbox(cachePath(), m_passwords, fastTimeouts());
    std::optional<bool> permanent;
    QObject::connect(&outbox, &smtp::OutboxController::messageNotSent,
                     [&](qint64, const Error &, bool p) { permanent = p; });
    const qint64 id = submit(outbox);
    ASSERT_GT(id, 0);
    ASSERT_TRUE(permanent.has_value());
    EXPECT_FALSE(*permanent);
    store::OutgoingRecord r = record(id);
    EXPECT_EQ(r.state, store::OutgoingState::Queued);
    EXPECT_TRUE(r.serverText.contains(QStringLiteral("451")));
    EXPECT_GT(r.nextAttempt, r.queuedAt);
    EXPECT_TRUE(m_server.delivered().isEmpty());

    sendWaiting(outbox);
    ASSERT_EQ(m_server.delivered().size(), 1);
    r = record(id);
    EXPECT_EQ(r.state, store::OutgoingState::Sent);
    EXPECT_FALSE(r.maybeSent);
    EXPECT_EQ(r.attempts, 2);
}

TEST_F(SendFaultsTest, APermanentRefusalIsKeptWithTheServersWordsAndNotRetried)
{
    m_server.setDataReplies({"554 5.7.1 Message rejected as spam"});
    smtp::OutboxController outbox(cachePath(), m_passwords, fastTimeouts());
    const qint64 id = submit(outbox);
    store::OutgoingRecord r = record(id);
    EXPECT_EQ(r.state, store::OutgoingState::Failed);
    EXPECT_TRUE(r.serverText.contains(QStringLiteral("rejected as spam")));
    const int connections = m_server.connections();
    sendWaiting(outbox);
    EXPECT_EQ(m_server.connections(), connections) << "nothing due: no connection";
    EXPECT_TRUE(m_server.delivered().isEmpty());
}

TEST_F(SendFaultsTest, ADropAfterTheFinalDotIsRetriedAndAnnounced)
{
    m_server.setDataReplies({FakeSmtpServer::Drop});
    smtp::OutboxController outbox(cachePath(), m_passwords, fastTimeouts());
    const qint64 id = submit(outbox);
    store::OutgoingRecord r = record(id);
    EXPECT_EQ(r.state, store::OutgoingState::Queued);
    EXPECT_TRUE(r.maybeSent);
    std::optional<bool> twice;
    QObject::connect(&outbox, &smtp::OutboxController::messageSent,
                     [&](qint64, bool maybeTwice) { twice = maybeTwice; });
    sendWaiting(outbox);
    ASSERT_TRUE(twice.has_value());
    EXPECT_TRUE(*twice) << "the user is told it may have arrived twice";
    EXPECT_EQ(m_server.delivered().size(), 2);
    EXPECT_EQ(record(id).state, store::OutgoingState::Sent);
    EXPECT_TRUE(record(id).maybeSent);
}

TEST_F(SendFaultsTest, AStallAfterTheFinalDotTimesOutAndCountsAsMaybeSent)
{
    m_server.setDataReplies({FakeSmtpServer::Stall});
    smtp::OutboxController outbox(cachePath(), m_passwords, fastTimeouts());
    const qint64 id = submit(outbox);
    store::OutgoingRecord r = record(id);
    EXPECT_EQ(r.state, store::OutgoingState::Queued);
    EXPECT_TRUE(r.maybeSent);
    EXPECT_FALSE(r.lastError.isEmpty());
    sendWaiting(outbox);
    EXPECT_EQ(record(id).state, store::OutgoingState::Sent);
}

TEST_F(SendFaultsTest, AServerDownLeavesEverythingQueuedUntouched)
{
    smtp::OutboxController outbox(cachePath(), m_passwords, fastTimeouts());
    m_account.smtp.port = 1; // nothing listens there
    const qint64 first = submit(outbox);
    const qint64 second = submit(outbox);
    EXPECT_EQ(record(first).state, store::OutgoingState::Queued);
    EXPECT_EQ(record(second).state, store::OutgoingState::Queued);
    EXPECT_FALSE(record(second).maybeSent);
    m_account.smtp.port = m_server.port();
    sendWaiting(outbox);
    EXPECT_EQ(m_server.delivered().size(), 2);
    EXPECT_EQ(m_server.connections(), 1) << "both in one session";
}

} // namespace poplar::test
