// SPDX-License-Identifier: GPL-3.0-or-later
// The Outbox in the cache: a message's way from queued to Sent, every state a crash can
// leave it in, and drafts replaced in one step.
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/OutboxStore.h"

#include "accounts/AccountStore.h"
#include "store/DeletionQueue.h"
#include "sync/BulkActions.h"
#include "sync/MessageActions.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

using namespace poplar;
using namespace poplar::store;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
const QByteArray raw = "From: a@example.org\r\nTo: b@example.net\r\nSubject: hi\r\n\r\nbody\r\n";

class OutboxStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("outbox-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_outbox.emplace(m_db->connection());
    }
    void TearDown() override
    {
        m_outbox.reset();
        m_db.reset();
    }

    qint64 enqueue(const QString &account = QStringLiteral("1"))
    {
        HeaderSummary h;
        h.subject = QStringLiteral("hi");
        h.fromAddress = QStringLiteral("a@example.org");
        auto id = m_outbox->enqueue(account, raw, h, "a@example.org",
                                    {"b@example.net", "hidden@example.net"}, t0);
        EXPECT_TRUE(id.ok());
        return id.ok() ? id.value() : 0;
    }
    OutgoingRecord record(qint64 id) { return *m_outbox->record(id).value(); }
    Folder folderOf(qint64 id)
    {
        return MessageStore(m_db->connection()).message(id).value().folder;
    }

    std::unique_ptr<Database> m_db;
    std::optional<OutboxStore> m_outbox;
};

} // namespace

TEST_F(OutboxStoreTest, AQueuedMessageIsInTheOutboxWithItsEnvelopeAndMovesToSentUntouched)
{
    const qint64 id = enqueue();
    EXPECT_EQ(folderOf(id), Folder::Outbox);
    OutgoingRecord r = record(id);
    EXPECT_EQ(r.state, OutgoingState::Queued);
    EXPECT_EQ(r.recipients, (QByteArrayList{"b@example.net", "hidden@example.net"}));
    EXPECT_EQ(r.subject, QStringLiteral("hi"));
    EXPECT_EQ(m_outbox->accountsDue(t0, false).value(), QStringList{QStringLiteral("1")});
    ASSERT_TRUE(m_outbox->markSending(id));
    EXPECT_TRUE(m_outbox->due(QStringLiteral("1"), t0, true).value().isEmpty());
    ASSERT_TRUE(m_outbox->markFinalDot(id));
    ASSERT_TRUE(m_outbox->markSent(id, t0.addSecs(5)));
    r = record(id);
    EXPECT_EQ(r.state, OutgoingState::Sent);
    EXPECT_FALSE(r.maybeSent);
    EXPECT_EQ(r.sentAt, t0.addSecs(5));
    EXPECT_EQ(folderOf(id), Folder::Sent);
    EXPECT_EQ(MessageStore(m_db->connection()).raw(id).value(), raw);
    EXPECT_TRUE(m_outbox->records().value().isEmpty());
    EXPECT_EQ(m_outbox->records(true).value().size(), 1);
}

TEST_F(OutboxStoreTest, TemporaryFailuresWaitTheirTurnUnlessTheUserAsks)
{
    const qint64 id = enqueue();
    ASSERT_TRUE(m_outbox->markSending(id));
    ASSERT_TRUE(m_outbox->markRetry(
        id, t0.addSecs(retryDelaySeconds(1)),
        {Error::Code::ServerRejected, QStringLiteral("later"), QStringLiteral("451 busy")}, false));
    EXPECT_TRUE(m_outbox->due(QStringLiteral("1"), t0, false).value().isEmpty());
    EXPECT_EQ(m_outbox->due(QStringLiteral("1"), t0, true).value().size(), 1);
    EXPECT_EQ(m_outbox->due(QStringLiteral("1"), t0.addSecs(60), false).value().size(), 1);
    EXPECT_EQ(m_outbox->nextAttempt().value(), t0.addSecs(60));
    EXPECT_EQ(record(id).serverText, QStringLiteral("451 busy"));
    EXPECT_EQ(record(id).attempts, 1);
    EXPECT_LT(retryDelaySeconds(1), retryDelaySeconds(2));
    EXPECT_EQ(retryDelaySeconds(50), 3600);
}

TEST_F(OutboxStoreTest, APermanentRefusalIsKeptWithTheServersWordsUntilRetried)
{
    const qint64 id = enqueue();
    ASSERT_TRUE(m_outbox->markSending(id));
    ASSERT_TRUE(m_outbox->markFailed(id, {Error::Code::ServerRejected, QStringLiteral("refused"),
                                          QStringLiteral("554 5.7.1 spam")}));
    EXPECT_EQ(record(id).state, OutgoingState::Failed);
    EXPECT_EQ(folderOf(id), Folder::Outbox);
    EXPECT_TRUE(m_outbox->due(QStringLiteral("1"), t0, true).value().isEmpty());
    ASSERT_TRUE(m_outbox->retry(id));
    EXPECT_EQ(m_outbox->due(QStringLiteral("1"), t0, false).value().size(), 1);
    ASSERT_TRUE(m_outbox->discard(id));
    EXPECT_FALSE(m_outbox->record(id).value().has_value());
    EXPECT_FALSE(MessageStore(m_db->connection()).message(id).ok());
}

TEST_F(OutboxStoreTest, ACrashBeforeTheFinalDotRetriesQuietlyAndAfterItTellsTheUser)
{
    const qint64 before = enqueue();
    const qint64 after = enqueue();
    ASSERT_TRUE(m_outbox->markSending(before));
    ASSERT_TRUE(m_outbox->markSending(after));
    ASSERT_TRUE(m_outbox->markFinalDot(after));
    // The process dies here; the next one recovers.
    ASSERT_TRUE(m_outbox->recoverInterrupted());
    EXPECT_EQ(record(before).state, OutgoingState::Queued);
    EXPECT_FALSE(record(before).maybeSent);
    EXPECT_EQ(record(after).state, OutgoingState::Queued);
    EXPECT_TRUE(record(after).maybeSent);
    EXPECT_EQ(m_outbox->due(QStringLiteral("1"), t0, false).value().size(), 2);
    // The mark stays once the message is sent: the user is told it may have gone twice.
    ASSERT_TRUE(m_outbox->markSending(after));
    ASSERT_TRUE(m_outbox->markSent(after, t0));
    EXPECT_TRUE(record(after).maybeSent);
}

TEST_F(OutboxStoreTest, ADraftIsReplacedInOneStep)
{
    HeaderSummary h;
    h.subject = QStringLiteral("draft");
    const qint64 first = m_outbox->saveDraft(QStringLiteral("1"), "v1", h, 0, t0).value();
    const qint64 second = m_outbox->saveDraft(QStringLiteral("1"), "v2", h, first, t0).value();
    MessageStore store(m_db->connection());
    EXPECT_FALSE(store.message(first).ok());
    EXPECT_EQ(store.raw(second).value(), "v2");
    EXPECT_EQ(store.messages(Folder::Drafts).value().size(), 1);
    ASSERT_TRUE(m_outbox->deleteDraft(second));
    EXPECT_TRUE(store.messages(Folder::Drafts).value().isEmpty());
}

TEST_F(OutboxStoreTest, RemovingAnAccountTakesItsOutgoingMailToo)
{
    const qint64 id = enqueue(QStringLiteral("7"));
    ASSERT_TRUE(MessageStore(m_db->connection()).removeAccount(QStringLiteral("7")));
    EXPECT_FALSE(m_outbox->record(id).value().has_value());
}

TEST_F(OutboxStoreTest, ASentDraftLeavesDraftsAsItEntersTheOutbox)
{
    HeaderSummary h;
    h.subject = QStringLiteral("written slowly");
    const qint64 draft = m_outbox->saveDraft(QStringLiteral("1"), "draft", h, 0, t0).value();
    auto id = m_outbox->enqueue(QStringLiteral("1"), "final", h, "a@example.org", {"b@example.net"},
                                t0, draft);
    ASSERT_TRUE(id.ok());
    MessageStore store(m_db->connection());
    EXPECT_TRUE(store.messages(Folder::Drafts).value().isEmpty());
    ASSERT_EQ(store.messages(Folder::Outbox).value().size(), 1);
    EXPECT_EQ(store.raw(id.value()).value(), "final");
}

TEST_F(OutboxStoreTest, OnlyWhatWaitsOrWasRefusedCanBeTriedAgain)
{
    const qint64 id = enqueue();
    ASSERT_TRUE(m_outbox->markSending(id));
    EXPECT_FALSE(m_outbox->retry(id).ok()) << "being sent";
    ASSERT_TRUE(m_outbox->markSent(id, t0));
    EXPECT_FALSE(m_outbox->retry(id).ok()) << "sent: it would go twice";
    EXPECT_EQ(record(id).state, OutgoingState::Sent);
    const qint64 refused = enqueue();
    ASSERT_TRUE(m_outbox->markFailed(refused, Error{Error::Code::ServerRejected, {}, {}}));
    EXPECT_TRUE(m_outbox->retry(refused).ok());
    EXPECT_EQ(record(refused).state, OutgoingState::Queued);
}

TEST_F(OutboxStoreTest, DeletedFromTheOutboxItIsNotSentAndRestoredItGoesBackWhereItWas)
{
    QTemporaryDir dir;
    const AccountStore accounts(dir.filePath(QStringLiteral("poplar.ini")));
    DeletionQueue queue(m_db->connection());
    MessageStore store(m_db->connection());
    sync::MessageActions actions(store, queue, accounts);
    const qint64 waiting = enqueue();
    const qint64 sent = enqueue();
    ASSERT_TRUE(m_outbox->markSending(sent));
    ASSERT_TRUE(m_outbox->markSent(sent, t0));
    HeaderSummary h;
    const qint64 draft = m_outbox->saveDraft(QStringLiteral("1"), "d", h, 0, t0).value();

    for (qint64 id : {waiting, sent, draft})
        ASSERT_TRUE(actions.moveToTrash(id));
    EXPECT_TRUE(m_outbox->due(QStringLiteral("1"), t0, true).value().isEmpty())
        << "deleting a message that waits means not sending it";
    EXPECT_TRUE(m_outbox->accountsDue(t0, true).value().isEmpty());
    EXPECT_TRUE(m_outbox->records().value().isEmpty());

    for (qint64 id : {waiting, sent, draft})
        ASSERT_TRUE(actions.restore(id));
    EXPECT_EQ(folderOf(waiting), Folder::Outbox);
    EXPECT_EQ(folderOf(sent), Folder::Sent);
    EXPECT_EQ(folderOf(draft), Folder::Drafts);
    EXPECT_EQ(m_outbox->due(QStringLiteral("1"), t0, true).value().size(), 1);

    // The same through the window's way of moving many at once.
    sync::BulkActions bulk(m_db->connection(), {});
    ASSERT_TRUE(bulk.moveToTrash({waiting, sent, draft}).ok());
    EXPECT_TRUE(m_outbox->due(QStringLiteral("1"), t0, true).value().isEmpty());
    ASSERT_TRUE(bulk.restore({waiting, sent, draft}).ok());
    EXPECT_EQ(folderOf(waiting), Folder::Outbox);
    EXPECT_EQ(folderOf(sent), Folder::Sent);
    EXPECT_EQ(folderOf(draft), Folder::Drafts);
}
