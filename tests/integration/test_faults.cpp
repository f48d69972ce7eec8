// SPDX-License-Identifier: GPL-3.0-or-later
// The real sync (SyncWorker, Pop3Client, cache) against a scripted server that misbehaves
// in the ways Dovecot will not: no CAPA or UIDL, drops, stalls, garbage, one byte at a time.
#include "FaultFixture.h"

#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "sync/AccountSync.h"
#include "sync/SyncController.h"
#include "sync/SyncWorker.h"

#include <QFile>
#include <QFileInfo>
#include <QMultiMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace poplar::test {

// The same maildrop through another port of its server (an account moved from STARTTLS on
// 110 to SSL/TLS on 995): an mbox server that rewrote each message's Status header once it
// was read serves other bytes under the same UIDLs.
Mailbox readOnAnotherPort(const Mailbox &box)
{
    Mailbox rewritten = box;
    for (auto it = rewritten.messages.begin(); it != rewritten.messages.end(); ++it)
        it.value().prepend("Status: RO\r\n");
    return rewritten;
}

class PortMoveTest : public FaultTest {
protected:
    /// The account with its three messages synced from m_server, left there.
    Account syncedLeavingMail()
    {
        m_server.serveMailbox(threeMessages());
        Account a = account();
        a.leaveOnServer = true;
        EXPECT_EQ(sync(a).newMessages, 3);
        return a;
    }
};

TEST_F(PortMoveTest, AnAccountMovedToAnotherPortOfItsServerDownloadsNothingAgain)
{
    Account a = syncedLeavingMail();
    FakePop3Server otherPort;
    otherPort.serveMailbox(readOnAnotherPort(threeMessages()));
    a.port = otherPort.port();
    const SyncResult moved = sync(a);
    ASSERT_TRUE(moved.ok()) << describe(moved);
    EXPECT_EQ(moved.newMessages, 0);
    EXPECT_EQ(stored().size(), 3) << "stored twice";
    EXPECT_FALSE(otherPort.receivedLineStartingWith("RETR")) << transcript(otherPort.received());
    EXPECT_TRUE(otherPort.receivedLineStartingWith("TOP 3 0")) << "taken on trust";

    // Proven once: from now on the names are known on this port.
    const qsizetype before = otherPort.received().size();
    ASSERT_TRUE(sync(a).ok());
    const QByteArrayList again = otherPort.received().mid(before);
    EXPECT_FALSE(again.contains("TOP 1 0")) << transcript(again);
    EXPECT_EQ(stored().size(), 3);
}

TEST_F(PortMoveTest, AnotherPortServingOtherMailUnderTheSameNamesLosesNone)
{
    // Not the same maildrop after all: the headers tell, and its mail is downloaded.
    Account a = syncedLeavingMail();
    FakePop3Server otherPort;
    Mailbox other;
    for (int n = 1; n <= 3; ++n)
        other.messages.insert(n, mail(n, QStringLiteral("on the other port\n")));
    otherPort.serveMailbox(other);
    a.port = otherPort.port();
    const SyncResult r = sync(a);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 3);
    const auto cached = stored();
    EXPECT_EQ(cached.size(), 6);
    for (int n = 1; n <= 3; ++n)
        EXPECT_TRUE(cached.values().contains(other.messages.value(n))) << n;
}

TEST_F(FaultTest, WithoutCapaLogsInWithUserPassInLockStep)
{
    Mailbox box = threeMessages();
    box.capa = false;
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 3);
    EXPECT_EQ(transcript(m_server.received().mid(0, 3)), "CAPA | USER alice | PASS pw");
    EXPECT_FALSE(m_server.pipeliningViolated()) << transcript(m_server.received());
    EXPECT_EQ(stored().size(), 3);
}

TEST_F(FaultTest, WithoutUidlMessagesAreKnownByTheirHeadersAndNeverStoredTwice)
{
    Mailbox box = threeMessages();
    box.uidl = false;
    m_server.serveMailbox(box);

    Account keep = account();
    keep.leaveOnServer = true; // so the second session sees the same three messages
    const SyncResult first = sync(keep);
    ASSERT_TRUE(first.ok()) << describe(first);
    EXPECT_EQ(first.newMessages, 3);
    EXPECT_TRUE(m_server.receivedLineStartingWith("TOP 1 0"));
    const SyncResult second = sync(keep);
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(second.newMessages, 0);
    EXPECT_EQ(stored().size(), 3);
}

TEST_F(FaultTest, ServerThatRenamedEveryUidlDoesNotGetItsMailboxStoredTwice)
{
    m_server.serveMailbox(threeMessages());
    Account keep = account();
    keep.leaveOnServer = true;
    ASSERT_TRUE(sync(keep).ok());
    // A server migration: same messages, new UIDLs.
    for (int n = 1; n <= 3; ++n)
        m_server.mailbox().uidls.insert(n, "migrated-" + QByteArray::number(n));

    const SyncResult r = sync(keep);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 0);
    const auto cached = stored();
    EXPECT_EQ(cached.size(), 3);
    EXPECT_TRUE(cached.contains(QStringLiteral("migrated-2")))
        << cached.keys().join(QLatin1Char(' ')).toStdString();
    // And the third session downloads nothing at all.
    const SyncResult third = sync(keep);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third.newMessages, 0);
    EXPECT_EQ(stored().size(), 3);
}

TEST_F(FaultTest, WithoutUidlOrTopIsAClearErrorAndTouchesNothing)
{
    Mailbox box = threeMessages();
    box.uidl = false;
    box.replies.insert("TOP", "-ERR unknown command");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::ServerRejected);
    EXPECT_TRUE(r.error->detail.contains(QStringLiteral("neither UIDL nor TOP"))) << describe(r);
    EXPECT_TRUE(stored().isEmpty());
    EXPECT_FALSE(m_server.receivedLineStartingWith("RETR"));
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE"));
}

TEST_F(FaultTest, WithoutPipeliningOneCommandAtATime)
{
    m_server.serveMailbox(threeMessages());

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(stored().size(), 3);
    EXPECT_FALSE(m_server.pipeliningViolated()) << transcript(m_server.received());
    EXPECT_EQ(m_server.maxCommandsInFlight(), 1);
}

TEST_F(FaultTest, WithPipeliningRetrsGoBackToBack)
{
    Mailbox box = threeMessages();
    box.pipelining = true;
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(stored().size(), 3);
    int mostRetrsInFlight = 0;
    for (qsizetype i = 0; i < m_server.received().size(); ++i) {
        if (m_server.received().at(i).startsWith("RETR"))
            mostRetrsInFlight = std::max(mostRetrsInFlight, m_server.inFlightOnArrival().at(i));
    }
    EXPECT_GT(mostRetrsInFlight, 1) << "each RETR waited for the previous answer";
}

namespace {

/// How many commands the server had unanswered when QUIT arrived, QUIT included; 0 if none.
int unansweredAtQuit(const FakePop3Server &server)
{
    const qsizetype at = server.received().lastIndexOf("QUIT");
    return at < 0 ? 0 : server.inFlightOnArrival().at(at);
}

} // namespace

TEST_F(FaultTest, LeftOnTheServerQuitFollowsTheLastRetrWithoutWaitingForTheCache)
{
    // Nothing will be deleted, so QUIT needs no commit before it: it goes out behind the
    // last RETR, and the server does its QUIT work while the last batch is committed.
    Mailbox box = threeMessages();
    box.pipelining = true;
    box.slowRetr = 3; // still being answered when QUIT arrives, if QUIT came early
    m_server.serveMailbox(box);
    Account a = account();
    a.leaveOnServer = true;

    const SyncResult r = sync(a);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(stored().size(), 3);
    expectNothingLostMissedOrDoubled();
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE"));
    EXPECT_GT(unansweredAtQuit(m_server), 1) << transcript(m_server.received());
}

TEST_F(FaultTest, AQueuedDeletionKeepsQuitBehindTheCommitsAndTheDele)
{
    Mailbox box = threeMessages();
    box.pipelining = true;
    m_server.serveMailbox(box);
    Account a = account();
    a.leaveOnServer = true;
    ASSERT_TRUE(sync(a).ok());
    {
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                        QStringLiteral("fault-test-queue"));
        ASSERT_TRUE(db);
        const auto kept = store::MessageStore(db.value()->connection())
                              .messages(store::Folder::Inbox, m_accountId);
        ASSERT_TRUE(kept && kept.value().size() == 3);
        const auto first = std::find_if(kept.value().cbegin(), kept.value().cend(),
                                        [](const auto &m) { return m.uidl == uid(1); });
        ASSERT_NE(first, kept.value().cend());
        ASSERT_TRUE(store::DeletionQueue(db.value()->connection())
                        .enqueue(m_accountId, uid(1), QDateTime::currentDateTimeUtc(), first->id)
                        .ok());
    }
    m_server.mailbox().append(mail(4));
    m_server.mailbox().slowRetr = 4;

    const SyncResult r = sync(a);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 1);
    EXPECT_EQ(r.deletedOnServer, 1);
    const qsizetype dele = m_server.received().indexOf("DELE 1");
    ASSERT_GE(dele, 0) << transcript(m_server.received());
    EXPECT_EQ(m_server.inFlightOnArrival().at(dele), 1) << "DELE before every answer was in";
    EXPECT_GT(m_server.received().lastIndexOf("QUIT"), dele);
    EXPECT_EQ(m_server.mailbox().deleted, QList<QByteArray>{mail(1)});
}

TEST_F(FaultTest, DeletingWhatWasDownloadedKeepsQuitBehindTheCommitsAndTheDeles)
{
    Mailbox box = threeMessages();
    box.pipelining = true;
    box.slowRetr = 3;
    m_server.serveMailbox(box);

    const SyncResult r = sync(); // account(): not left on the server
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.deletedOnServer, 3);
    const qsizetype dele = m_server.received().indexOf("DELE 1");
    ASSERT_GE(dele, 0) << transcript(m_server.received());
    EXPECT_EQ(m_server.inFlightOnArrival().at(dele), 1) << "DELE before every answer was in";
    expectNothingLostMissedOrDoubled();
}

/// A SyncController for a first sync of an account that asks for its password, which
/// `prompt` answers (by default "pw", at once).
struct FirstSync {
    static void answerAtOnce(const Account &, const QString &,
                             PasswordProvider::AnswerCallback answer)
    {
        answer(PasswordProvider::Answer{QStringLiteral("pw"), false});
    }

    explicit FirstSync(const QString &cachePath, PasswordProvider::Prompt prompt = answerAtOnce)
        : passwords(secrets)
        , controller(cachePath, passwords)
    {
        passwords.setPrompt(std::move(prompt));
        QObject::connect(&controller, &sync::SyncController::finished,
                         [this](const SyncResult &r) { result = r; });
        account = fakeServerAccount(QStringLiteral("first"), QStringLiteral("First"),
                                    PasswordSource::Ask);
        account.leaveOnServer = false; // a DELE that must not happen can happen
    }

    /// Syncs the account from the server at `port`.
    void start(quint16 port)
    {
        account.port = port;
        controller.syncAccount(account);
    }
    void start(const FakePop3Server &server) { start(server.port()); }

    // Declared before the controller, whose destructor cancels what still runs, which reports.
    std::optional<SyncResult> result;
    KeychainSecretStore secrets; // unused: the account asks
    PasswordProvider passwords;
    sync::SyncController controller;
    Account account;
};

TEST(SyncControllerCache, OpensWhileThePasswordIsStillBeingAsked)
{
    // A password command or the keychain takes milliseconds to seconds; the sync thread
    // creates (or opens) the cache meanwhile instead of idling until the password is in.
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    bool asked = false;
    FirstSync first(cache, [&](const Account &, const QString &, PasswordProvider::AnswerCallback) {
        asked = true; // and never answered
    });
    first.start(1);
    ASSERT_TRUE(asked);
    EXPECT_TRUE(spinUntil([&] { return QFileInfo(cache).size() > 0; }, 5'000))
        << "the cache waited for the password";
    auto db = store::Database::open(cache, QStringLiteral("opened-early"));
    ASSERT_TRUE(db) << db.error().message().toStdString();
    QSqlQuery version(db.value()->connection());
    ASSERT_TRUE(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
    EXPECT_EQ(version.value(0).toInt(), store::Database::schemaVersion) << "created whole";
    first.controller.cancel(first.account.id);
    ASSERT_TRUE(first.result && first.result->error);
    EXPECT_EQ(first.result->error->code, Error::Code::Cancelled);
}

TEST(SyncControllerCache, AFirstSyncLogsInAndListsWhileItsNewCacheIsWritten)
{
    // Writing a new cache's schema takes 40 ms: the first sync connects, logs in and sends
    // its listing meanwhile. Here the cache is an empty file (a new database to SQLite)
    // whose lock the test holds, so it cannot be written before the server has the listing.
    FakePop3Server server;
    FakePop3Server::Mailbox box = threeMessages();
    box.pipelining = true; // UIDL and LIST go out together
    server.serveMailbox(box);
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        QFile empty(cache);
        ASSERT_TRUE(empty.open(QIODevice::WriteOnly));
    }
    FirstSync first(cache);
    {
        QSqlDatabase holder =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock-holder"));
        holder.setDatabaseName(cache);
        ASSERT_TRUE(holder.open());
        QSqlQuery lock(holder);
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")))
            << lock.lastError().text().toStdString();
        first.start(server);
        EXPECT_TRUE(spinUntil([&] { return server.receivedLineStartingWith("LIST"); }, 5'000))
            << "the session waited for its cache: " << transcript(server.received());
        EXPECT_TRUE(server.receivedLineStartingWith("UIDL"));
        EXPECT_EQ(QFileInfo(cache).size(), 0) << "the cache was written under the lock";
        EXPECT_FALSE(server.receivedLineStartingWith("RETR"));
        EXPECT_FALSE(first.result.has_value());
        lock.exec(QStringLiteral("ROLLBACK"));
        holder.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("lock-holder"));
    ASSERT_TRUE(spinUntil([&] { return first.result.has_value(); }, 15'000));
    ASSERT_TRUE(first.result->ok()) << describe(*first.result);
    EXPECT_EQ(first.result->newMessages, 3);
    auto db = store::Database::open(cache, QStringLiteral("first-sync-reader"));
    ASSERT_TRUE(db) << db.error().message().toStdString();
    store::MessageStore messages(db.value()->connection());
    auto rows = messages.messages(store::Folder::Inbox, QStringLiteral("first"));
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows.value().size(), 3);
    for (const store::MessageSummary &m : rows.value()) {
        const int n = m.uidl.mid(QStringLiteral("uid-").size()).toInt();
        EXPECT_EQ(messages.raw(m.id).value(), mail(n)) << m.uidl.toStdString();
    }
    EXPECT_EQ(server.mailbox().deleted.size(), 3) << "deleted once stored, as the account says";
}

TEST(SyncControllerCache, ANewCacheThatCannotBeWrittenEndsTheFirstSyncBeforeAnyRetrOrDele)
{
    // The session has logged in when it learns: it says why and leaves the mail where it is.
    FakePop3Server server;
    FakePop3Server::Mailbox box = threeMessages();
    box.pipelining = true;
    server.serveMailbox(box);
    QTemporaryDir dir;
    FirstSync first(dir.filePath(QStringLiteral("no-such-folder/cache.sqlite")));
    first.start(server);
    ASSERT_TRUE(spinUntil([&] { return first.result.has_value(); }, 15'000));
    ASSERT_FALSE(first.result->ok());
    EXPECT_EQ(first.result->error->code, Error::Code::Storage) << describe(*first.result);
    EXPECT_TRUE(first.result->error->message().contains(QStringLiteral("cache")))
        << describe(*first.result);
    EXPECT_TRUE(server.receivedLineStartingWith("UIDL")) << "it learnt before connecting";
    EXPECT_FALSE(server.receivedLineStartingWith("RETR")) << transcript(server.received());
    EXPECT_FALSE(server.receivedLineStartingWith("DELE"));
    EXPECT_FALSE(server.receivedLineStartingWith("QUIT"));
    EXPECT_TRUE(server.mailbox().deleted.isEmpty());
}

TEST_F(FaultTest, OneByteAtATimeStoresEveryMessageByteExact)
{
    Mailbox box = threeMessages();
    box.byteByByte = true; // greeting, every reply and every body
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r);
    const auto kept = stored();
    ASSERT_EQ(kept.size(), 3);
    for (int n = 1; n <= 3; ++n)
        EXPECT_EQ(kept.value(uid(n)), mail(n)) << "message " << n;
}

TEST_F(FaultTest, DropMidRetrKeepsWhatWasCommittedAndResumesWithoutDuplicates)
{
    Mailbox box = threeMessages();
    box.pipelining = true; // RETR 3 is in flight too when the line drops
    box.dropInRetr = 2;
    box.dropAfterBytes = 100;
    m_server.serveMailbox(box);

    const SyncResult first = sync();
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error->code, Error::Code::Network) << describe(first);
    EXPECT_EQ(stored().keys(), QStringList{uid(1)});
    EXPECT_EQ(knownUidls(), QSet<QString>{uid(1)});
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE")) << transcript(m_server.received());

    m_server.mailbox().dropInRetr = 0; // healthy from now on
    const qsizetype firstLines = m_server.received().size();
    const SyncResult second = sync();
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(second.newMessages, 2);
    EXPECT_FALSE(m_server.received().mid(firstLines).contains("RETR 1"));
    const auto kept = stored();
    EXPECT_EQ(kept.size(), 3);
    for (int n = 1; n <= 3; ++n)
        EXPECT_EQ(kept.value(uid(n)), mail(n)) << "message " << n;
}

// Promise 1: "the next sync finishes the job". With leave-on-server off, the message the
// dropped session committed must also go from the server once a later sync completes.
TEST_F(FaultTest, ResyncAfterDropAlsoDeletesWhatTheDroppedSessionCommitted)
{
    Mailbox box = threeMessages();
    box.dropInRetr = 2;
    box.dropAfterBytes = 100;
    m_server.serveMailbox(box);
    ASSERT_FALSE(sync().ok());
    m_server.mailbox().dropInRetr = 0;

    const SyncResult second = sync();
    ASSERT_TRUE(second.ok()) << describe(second);
    EXPECT_EQ(stored().size(), 3);
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty())
        << "left on the server: " << transcript(m_server.mailbox().uidls.values())
        << "; the client sent: " << transcript(m_server.received());
}

TEST_F(FaultTest, TenMegabyteLineKeepsOnlyThatMessagesHeaders)
{
    m_options.limits.maxBlock = 1024 * 1024;
    Mailbox box = threeMessages();
    QByteArray huge = mail(2);
    const qsizetype bodyStart = huge.indexOf("\r\n\r\n") + 4;
    huge.insert(bodyStart, QByteArray(10 * 1024 * 1024, 'x') + "\r\n");
    box.messages.insert(2, huge);
    box.listedSizes.insert(2, 1000); // LIST gives no warning of what comes
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 3);
    ASSERT_EQ(r.warnings.size(), 1) << describe(r);
    EXPECT_TRUE(r.warnings.at(0).contains(QStringLiteral("Message 2"))) << describe(r);
    const auto kept = stored();
    EXPECT_EQ(kept.keys(), (QStringList{uid(1), uid(2), uid(3)}));
    EXPECT_EQ(kept.value(uid(2)), huge.left(bodyStart)) << "its headers show it at once";
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE 2")) << "only its headers are here";
    // Never transferred again by itself.
    const SyncResult again = sync();
    ASSERT_TRUE(again.ok()) << describe(again);
    EXPECT_EQ(m_server.mailbox().retrieved.value(huge), 1);
}

TEST_F(FaultTest, GarbageInsteadOfAStatusLineIsAProtocolError)
{
    Mailbox box = threeMessages();
    box.replies.insert("UIDL", "HTTP/1.1 400 Bad Request");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Protocol) << describe(r);
    EXPECT_TRUE(r.error->message().contains(QStringLiteral("HTTP/1.1 400 Bad Request")))
        << describe(r);
    EXPECT_TRUE(stored().isEmpty());
    EXPECT_FALSE(m_server.receivedLineStartingWith("RETR"));
}

TEST_F(FaultTest, InUseAtPassIsATemporaryError)
{
    Mailbox box = threeMessages();
    box.replies.insert("PASS", "-ERR [IN-USE] mailbox locked");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error->temporary) << describe(r);
    EXPECT_TRUE(r.error->detail.contains(QStringLiteral("another program"))) << describe(r);
    EXPECT_TRUE(r.error->serverText.contains(QStringLiteral("mailbox locked"))) << describe(r);
}

TEST_F(FaultTest, AuthCodeAtPassIsAnAuthError)
{
    Mailbox box = threeMessages();
    box.replies.insert("PASS", "-ERR [AUTH] bad");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Auth) << describe(r);
    EXPECT_FALSE(r.error->temporary);
}

TEST_F(FaultTest, SysPermAtPassIsNotTemporary)
{
    Mailbox box = threeMessages();
    box.replies.insert("PASS", "-ERR [SYS/PERM] account disabled");
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(r.error->temporary) << describe(r);
    EXPECT_NE(r.error->code, Error::Code::Auth) << "the password is not the problem";
    EXPECT_TRUE(r.error->serverText.contains(QStringLiteral("account disabled")));
}

TEST_F(FaultTest, StartTlsWithoutStlsStopsBeforeAnyCredential)
{
    m_server.serveMailbox(threeMessages()); // CAPA answers, without STLS

    const SyncResult r = sync(account(Security::StartTls));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Insecure) << describe(r);
    EXPECT_FALSE(sentCredentials()) << transcript(m_server.received());
}

TEST_F(FaultTest, StartTlsWithoutCapaStopsBeforeAnyCredential)
{
    Mailbox box = threeMessages();
    box.capa = false; // knowing nothing is no reason to send the password in the clear
    m_server.serveMailbox(box);

    const SyncResult r = sync(account(Security::StartTls));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Insecure) << describe(r);
    EXPECT_FALSE(sentCredentials()) << transcript(m_server.received());
}

TEST_F(FaultTest, GreetingThatNeverComesTimesOut)
{
    // The greeting is part of connecting: connectTimeoutMs (1.5 s) bounds it, not this.
    m_options.replyTimeoutMs = 30'000;
    Mailbox box = threeMessages();
    box.greeting.clear();
    m_server.serveMailbox(box);

    startSync(account());
    const SyncResult r = waitForResult(10'000);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Network) << describe(r);
    EXPECT_TRUE(r.error->detail.contains(QStringLiteral("timed out")) ||
                r.error->detail.contains(QStringLiteral("did not answer")))
        << describe(r);
    EXPECT_FALSE(r.error->detail.contains(QStringLiteral("30 seconds")))
        << "the text names the reply timeout, but the wait was the connect timeout: "
        << describe(r);
    EXPECT_TRUE(m_server.received().isEmpty()) << transcript(m_server.received());
}

TEST_F(FaultTest, XOAuth2SendsUserAndBearerToken)
{
    Mailbox box = threeMessages();
    box.sasl = {"XOAUTH2"};
    m_server.serveMailbox(box);

    const SyncResult r =
        sync(account(Security::None, AuthMethod::XOAuth2), QStringLiteral("tok123"));
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 3);
    const QByteArray prefix = "AUTH XOAUTH2 ";
    const QByteArrayList &lines = m_server.received();
    const auto auth = std::find_if(lines.cbegin(), lines.cend(),
                                   [&](const QByteArray &l) { return l.startsWith(prefix); });
    ASSERT_NE(auth, lines.cend()) << transcript(lines);
    EXPECT_EQ(QByteArray::fromBase64(auth->mid(prefix.size())),
              QByteArray("user=alice\x01"
                         "auth=Bearer tok123\x01\x01"));
    EXPECT_FALSE(m_server.receivedLineStartingWith("PASS"));
}

TEST_F(FaultTest, XOAuth2ErrorChallengeIsAnAuthError)
{
    const QByteArray json =
        R"({"status":"401","schemes":"bearer","scope":"https://mail.google.com/"})";
    m_server.setGreeting("+OK ready");
    m_server.setScript({
        {"CAPA", "+OK\r\nUSER\r\nSASL XOAUTH2\r\n."},
        {"AUTH XOAUTH2 *", "+ " + json.toBase64()},
        {"", "-ERR [AUTH] Invalid credentials"}, // the client acknowledges with an empty line
    });

    const SyncResult r =
        sync(account(Security::None, AuthMethod::XOAuth2), QStringLiteral("tok123"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Auth) << describe(r);
    EXPECT_TRUE(r.error->serverText.contains(QStringLiteral("401"))) << describe(r);
    EXPECT_EQ(m_server.received().size(), 3) << transcript(m_server.received());
}

TEST_F(FaultTest, OAuthBearerSendsGs2HeaderAndToken)
{
    Mailbox box = threeMessages();
    box.sasl = {"OAUTHBEARER"};
    m_server.serveMailbox(box);

    const SyncResult r =
        sync(account(Security::None, AuthMethod::OAuthBearer), QStringLiteral("tok123"));
    ASSERT_TRUE(r.ok()) << describe(r);
    const QByteArray prefix = "AUTH OAUTHBEARER ";
    const QByteArrayList &lines = m_server.received();
    const auto auth = std::find_if(lines.cbegin(), lines.cend(),
                                   [&](const QByteArray &l) { return l.startsWith(prefix); });
    ASSERT_NE(auth, lines.cend()) << transcript(lines);
    EXPECT_EQ(QByteArray::fromBase64(auth->mid(prefix.size())),
              "n,a=alice,\x01"
              "host=127.0.0.1\x01"
              "port=" +
                  QByteArray::number(m_server.port()) +
                  "\x01"
                  "auth=Bearer tok123\x01\x01");
}

TEST_F(FaultTest, OAuthBearerErrorChallengeIsAnAuthError)
{
    const QByteArray json = R"({"status":"invalid_token","scope":"pop"})";
    m_server.setGreeting("+OK ready");
    m_server.setScript({
        {"CAPA", "+OK\r\nSASL OAUTHBEARER\r\n."},
        {"AUTH OAUTHBEARER *", "+ " + json.toBase64()},
        {"AQ==", "-ERR [AUTH] Invalid token"}, // RFC 7628 §3.2.3: the client answers %x01
    });

    const SyncResult r =
        sync(account(Security::None, AuthMethod::OAuthBearer), QStringLiteral("tok123"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Auth) << describe(r);
    EXPECT_TRUE(r.error->serverText.contains(QStringLiteral("invalid_token"))) << describe(r);
}

TEST_F(FaultTest, CancelMidDownloadKeepsWhatArrivedAndDeletesNothing)
{
    Mailbox box = threeMessages();
    box.slowRetr = 2; // 16 bytes every 100 ms
    box.slowDelayMs = 100;
    m_server.serveMailbox(box);

    // The first answer after a RETR went out is RETR 1's (the server does not pipeline).
    bool retrSent = false;
    int retrAnswers = 0;
    QObject scope; // disconnects the lambda when the test ends
    QObject::connect(&worker(), &sync::SyncWorker::protocolLine, &scope,
                     [&](const QString &, bool fromClient, const QByteArray &line) {
                         if (fromClient)
                             retrSent = retrSent || line.startsWith("RETR");
                         else if (retrSent)
                             ++retrAnswers;
                     });
    startSync(account());
    ASSERT_TRUE(spinUntil([&] { return retrAnswers >= 1 || m_result; }));
    ASSERT_FALSE(m_result) << describe(*m_result);
    worker().cancel(m_accountId);

    const SyncResult r = waitForResult();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, Error::Code::Cancelled) << describe(r);
    EXPECT_EQ(stored().keys(), QStringList{uid(1)});
    EXPECT_FALSE(m_server.receivedLineStartingWith("DELE")) << transcript(m_server.received());
}

// A session that has just finished waits for its deleteLater; the worker dying before the
// event loop runs again must still close the cache after the session lets go of it.
TEST_F(FaultTest, WorkerDestroyedRightAfterASyncClosesTheCacheCleanly)
{
    m_server.serveMailbox(threeMessages());
    startSync(account());
    worker().cancel(m_accountId); // finishes at once, before any event is processed
    ASSERT_TRUE(m_result.has_value());

    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &, const QString &text) { warnings.append(text); });
    m_worker.reset();
    qInstallMessageHandler(previous);
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join(QLatin1Char('\n')).toStdString();
}

TEST_F(FaultTest, MoreThanListAnnouncedIsStoredWholeAndDeletedAsUsual)
{
    Mailbox box = threeMessages();
    box.messages.insert(
        2, mail(2, QString(79, QLatin1Char('y')).append(QLatin1Char('\n')).repeated(62)));
    box.listedSizes.insert(2, 100);
    m_server.serveMailbox(box);

    const SyncResult r = sync();
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(r.newMessages, 3);
    EXPECT_TRUE(r.warnings.isEmpty()) << describe(r);
    EXPECT_EQ(stored().value(uid(2)), box.messages.value(2));
    EXPECT_TRUE(m_server.mailbox().messages.isEmpty());
}

TEST_F(FaultTest, TheLastStretchIsCommittedInSmallerBatchesSoTheEndComesSooner)
{
    // A batch and a half of small messages: one whole batch, then, once the rest fits in
    // one, quarters. What the sync waits for after its last RETR is the last quarter alone.
    constexpr int batch = sync::AccountSync::batchMessages;
    constexpr int quarter = batch / sync::AccountSync::tailDivisor;
    EXPECT_EQ(batchesOfSync(batch + 2 * quarter), (QList<qsizetype>{batch, quarter, quarter}));
}

TEST_F(FaultTest, ALongDownloadCommitsInLargerBatchesOnceItHasReceivedManyMessages)
{
    // Once the cache is large, every commit rewrites nearly every page of its unordered
    // indexes: past growBatchesAfter messages a batch holds growBatchesBy times as many.
    // The last stretch still goes in quarters of an ordinary batch.
    constexpr int batch = sync::AccountSync::batchMessages;
    constexpr int after = sync::AccountSync::growBatchesAfter;
    constexpr int large = batch * sync::AccountSync::growBatchesBy;
    constexpr int quarter = batch / sync::AccountSync::tailDivisor;
    static_assert(after % batch == 0);
    // The batch that reaches `after` messages is the first large one.
    constexpr int total = after - batch + large + 2 * quarter;
    QList<qsizetype> expected(after / batch - 1, batch);
    expected << large << quarter << quarter;
    EXPECT_EQ(batchesOfSync(total), expected);
}

TEST_F(FaultTest, ASyncIntoALargeCacheCommitsInLargerBatchesFromItsFirst)
{
    // What the larger batches save depends on how large the cache's indexes are, not on how
    // much this session brings: new mail into a cache that holds growBatchesAfter messages
    // already goes in large batches from the first.
    constexpr int batch = sync::AccountSync::batchMessages;
    constexpr int after = sync::AccountSync::growBatchesAfter;
    constexpr int large = batch * sync::AccountSync::growBatchesBy;
    constexpr int quarter = batch / sync::AccountSync::tailDivisor;
    batchesOfSync(after);
    EXPECT_EQ(batchesOfSync(large + 2 * quarter, after + 1),
              (QList<qsizetype>{large, quarter, quarter}));
}

} // namespace poplar::test
