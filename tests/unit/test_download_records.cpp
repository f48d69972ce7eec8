// SPDX-License-Identifier: GPL-3.0-or-later
// Download records: they belong to the mailbox they came from, a cache from before keeps
// every record (and claims it for the account's first mailbox), and renames carry queued
// deletions with them.
#include "OldSchema.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/DownloadRecords.h"
#include "store/MessageStore.h"
#include "store/SqliteHandle.h"
#include "store/TextCollator.h"

#include "TestUtil.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <tuple>

using namespace poplar;
using namespace poplar::store;

namespace {

class DownloadRecordsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                 QStringLiteral("records-test"));
        ASSERT_TRUE(db) << db.error().message().toStdString();
        m_db = std::move(db).value();
    }

    void exec(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        ASSERT_TRUE(q.exec(sql)) << sql.toStdString();
    }

    qint64 insert(qint64 mailbox, const QString &uidl, bool partial = false)
    {
        IncomingMessage m;
        m.accountId = QStringLiteral("a");
        m.mailboxId = mailbox;
        m.uidl = uidl;
        m.raw = test::makeMessage(uidl, QStringLiteral("x@example.org"), QStringLiteral("hi"));
        m.headers.messageId = uidl + QStringLiteral("@example.org");
        m.headerKey = DownloadRecords::headerKey(m.headers);
        m.listedSize = m.raw.size();
        m.partial = partial;
        auto id = MessageStore(m_db->connection()).insert(m);
        EXPECT_TRUE(id);
        return id ? id.value() : 0;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(DownloadRecordsTest, EachMailboxOfAnAccountHasItsOwnRecords)
{
    DownloadRecords records(m_db->connection());
    const qint64 home = records
                            .mailbox(QStringLiteral("a"), {QStringLiteral("Pop.Example.org"), 995,
                                                           QStringLiteral("alice")})
                            .value();
    EXPECT_EQ(records
                  .mailbox(QStringLiteral("a"),
                           {QStringLiteral("pop.example.org"), 995, QStringLiteral("alice")})
                  .value(),
              home)
        << "host names are case-insensitive";
    const qint64 other = records
                             .mailbox(QStringLiteral("a"), {QStringLiteral("pop.example.org"), 1995,
                                                            QStringLiteral("alice")})
                             .value();
    EXPECT_NE(other, home);
    insert(home, QStringLiteral("u1"));
    EXPECT_EQ(records.named(QStringLiteral("a"), home).value().size(), 1);
    EXPECT_TRUE(records.named(QStringLiteral("a"), other).value().isEmpty());
    EXPECT_TRUE(records.hasOtherMailboxes(QStringLiteral("a"), home).value());
    EXPECT_FALSE(records.hasOtherMailboxes(QStringLiteral("b"), home).value());
}

TEST_F(DownloadRecordsTest, TheSameHostAndUserThroughAnotherPortIsFoundAsTheSameMaildrop)
{
    DownloadRecords records(m_db->connection());
    const QString a = QStringLiteral("a");
    const MailboxAddress starttls{QStringLiteral("pop.example.org"), 110, QStringLiteral("alice")};
    const MailboxAddress tls{QStringLiteral("Pop.Example.org"), 995, QStringLiteral("alice")};
    EXPECT_FALSE(records.sameMaildropOnAnotherPort(a, tls).value()) << "nothing read yet";
    const qint64 home = records.mailbox(a, starttls).value();
    EXPECT_FALSE(records.sameMaildropOnAnotherPort(a, starttls).value()) << "read as it is";
    EXPECT_EQ(records.sameMaildropOnAnotherPort(a, tls).value(), home);
    // Another host, another user, another account: another maildrop.
    EXPECT_FALSE(records
                     .sameMaildropOnAnotherPort(
                         a, {QStringLiteral("mail.example.org"), 995, QStringLiteral("alice")})
                     .value());
    EXPECT_FALSE(records
                     .sameMaildropOnAnotherPort(
                         a, {QStringLiteral("pop.example.org"), 995, QStringLiteral("bob")})
                     .value());
    EXPECT_FALSE(records.sameMaildropOnAnotherPort(QStringLiteral("b"), tls).value());

    insert(home, QStringLiteral("u1"));
    ASSERT_TRUE(records.moveMailbox(home, tls));
    EXPECT_EQ(records.mailbox(a, tls).value(), home) << "the records went along";
    EXPECT_EQ(records.named(a, home).value().size(), 1);
    EXPECT_FALSE(records.sameMaildropOnAnotherPort(a, tls).value());
    EXPECT_EQ(records.sameMaildropOnAnotherPort(a, starttls).value(), home) << "and back";
}

TEST_F(DownloadRecordsTest, ARenameCarriesTheQueuedDeletionAndTheMessagesName)
{
    DownloadRecords records(m_db->connection());
    const qint64 box =
        records.mailbox(QStringLiteral("a"), {QStringLiteral("h"), 995, QStringLiteral("u")})
            .value();
    const qint64 id = insert(box, QStringLiteral("old"));
    DeletionQueue queue(m_db->connection());
    ASSERT_TRUE(queue.enqueue(QStringLiteral("a"), QStringLiteral("old"),
                              QDateTime::currentDateTimeUtc(), id));
    const DownloadRecord record = records.named(QStringLiteral("a"), box).value().value("old");
    ASSERT_TRUE(records.rename({{record.id, "new", 123}}));
    const auto named = records.named(QStringLiteral("a"), box).value();
    EXPECT_FALSE(named.contains("old"));
    ASSERT_TRUE(named.contains("new"));
    EXPECT_EQ(named.value("new").listedSize, 123);
    EXPECT_EQ(MessageStore(m_db->connection()).message(id).value().uidl, QStringLiteral("new"));
    const auto queued = queue.queued(QStringLiteral("a")).value();
    ASSERT_EQ(queued.size(), 1);
    EXPECT_EQ(queued.at(0).uidl, QStringLiteral("new"));
    EXPECT_EQ(queued.at(0).downloadId, record.id);
    // A retired record keeps its message but no name, and its queued deletion goes.
    ASSERT_TRUE(records.retire({record.id}));
    EXPECT_TRUE(records.named(QStringLiteral("a"), box).value().isEmpty());
    EXPECT_TRUE(queue.queued(QStringLiteral("a")).value().isEmpty());
    EXPECT_TRUE(MessageStore(m_db->connection()).message(id));
}

TEST_F(DownloadRecordsTest, ACacheFromBeforeMailboxesKeepsEveryRecordForTheAccountsFirstMailbox)
{
    // The cache as version 9 wrote it: records by account, no mailboxes, no sizes or keys,
    // and a queued deletion by UIDL. Built by the shipped upgrade scripts themselves.
    m_db.reset();
    const QString path = m_dir.filePath(QStringLiteral("v9.sqlite"));
    const QByteArray raw = test::makeMessage(QStringLiteral("w"), QStringLiteral("x@example.org"),
                                             QStringLiteral("hi"));
    const qint64 whole = 7;
    const qint64 partial = 8;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v9-records"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        ASSERT_TRUE(TextCollator::registerOn(db, QStringLiteral("en_US")).ok());
        ASSERT_NO_FATAL_FAILURE(test::writeSchemaUpTo(db, 9));
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO messages (id, account_id, uidl, from_address, subject, date, size, "
            "partial, received_at, message_id) VALUES (?, 'a', ?, 'x@example.org', 'hi', "
            "1700000000, ?, ?, 1700000000, ?)"));
        for (const auto &[id, uidl, isPartial] : {std::tuple{whole, QStringLiteral("w"), false},
                                                  std::tuple{partial, QStringLiteral("p"), true}}) {
            q.addBindValue(id);
            q.addBindValue(uidl);
            q.addBindValue(qint64(raw.size()));
            q.addBindValue(isPartial);
            q.addBindValue(uidl + QStringLiteral("@example.org"));
            ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
            QSqlQuery body(db);
            body.prepare(QStringLiteral("INSERT INTO message_bodies VALUES (?, ?)"));
            body.addBindValue(id);
            body.addBindValue(raw);
            ASSERT_TRUE(body.exec());
        }
        ASSERT_TRUE(q.exec(QStringLiteral(
            "INSERT INTO server_uidls VALUES ('a', 'w', 'stored', 1700000000), "
            "('a', 'p', 'partial', 1700000001), ('a', 'purged', 'stored', 1700000002), "
            "('a', 'gone', 'deleted', 1700000003)")));
        ASSERT_TRUE(q.exec(
            QStringLiteral("INSERT INTO server_deletions (account_id, uidl, reason, queued_at) "
                           "VALUES ('a', 'w', 'deleted-here', 1700000100)")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v9-records"));

    auto db = Database::open(path, QStringLiteral("records-upgrade"));
    ASSERT_TRUE(db) << db.error().message().toStdString();
    m_db = std::move(db).value();
    DownloadRecords records(m_db->connection());
    const qint64 box =
        records.mailbox(QStringLiteral("a"), {QStringLiteral("h"), 995, QStringLiteral("u")})
            .value();
    ASSERT_TRUE(records.fillMissingKeys(QStringLiteral("a"), box));
    const auto named = records.named(QStringLiteral("a"), box).value();
    ASSERT_EQ(named.size(), 4);
    EXPECT_EQ(named.value("w").messageId, whole);
    EXPECT_EQ(named.value("w").state, DownloadState::Stored);
    EXPECT_EQ(named.value("w").listedSize, -1);
    EXPECT_EQ(named.value("w").receivedSize,
              MessageStore(m_db->connection()).message(whole).value().size);
    EXPECT_FALSE(named.value("w").headerKey.isEmpty());
    EXPECT_EQ(named.value("p").state, DownloadState::HeadersOnly);
    EXPECT_EQ(named.value("p").messageId, partial);
    EXPECT_EQ(named.value("purged").messageId, 0);
    EXPECT_EQ(named.value("gone").state, DownloadState::DeletedOnServer);
    const auto queued = DeletionQueue(m_db->connection()).queued(QStringLiteral("a")).value();
    ASSERT_EQ(queued.size(), 1);
    EXPECT_EQ(queued.at(0).downloadId, named.value("w").id);
    EXPECT_EQ(queued.at(0).messageId, whole);
    // The account's second mailbox starts afresh.
    const qint64 second =
        records.mailbox(QStringLiteral("a"), {QStringLiteral("h"), 110, QStringLiteral("u")})
            .value();
    EXPECT_TRUE(records.named(QStringLiteral("a"), second).value().isEmpty());
}

TEST_F(DownloadRecordsTest, AHeaderKeyNeedsAMessageId)
{
    HeaderSummary h;
    h.fromAddress = QStringLiteral("a@example.org");
    h.date = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    EXPECT_TRUE(DownloadRecords::headerKey(h).isEmpty());
    h.messageId = QStringLiteral("x@example.org");
    const QByteArray key = DownloadRecords::headerKey(h);
    EXPECT_EQ(key.size(), 16);
    h.fromAddress = QStringLiteral("A@Example.org");
    EXPECT_EQ(DownloadRecords::headerKey(h), key) << "addresses compare without case";
    h.date = h.date.addSecs(1);
    EXPECT_NE(DownloadRecords::headerKey(h), key);
}

} // namespace

TEST_F(DownloadRecordsTest, ARecordWhoseMessageWasPurgedBeforeItHadAKeyIsReadOnce)
{
    // A record from before keys were kept whose cached copy was then purged: nothing can
    // key it, and reading the mailbox must neither loop on it nor drop it (it is what keeps
    // the message from coming back).
    const qint64 purged = insert(1, QStringLiteral("p"));
    const qint64 kept = insert(1, QStringLiteral("k"));
    exec(QStringLiteral("UPDATE downloads SET header_key = NULL"));
    ASSERT_TRUE(MessageStore(m_db->connection()).purgeMessage(purged));
    DownloadRecords records(m_db->connection());
    const auto named = records.named(QStringLiteral("a"), 1);
    ASSERT_TRUE(named) << named.error().message().toStdString();
    ASSERT_EQ(named.value().size(), 2);
    EXPECT_TRUE(named.value().value("p").headerKey.isEmpty());
    EXPECT_FALSE(named.value().value("k").headerKey.isEmpty());
    EXPECT_EQ(named.value().value("k").messageId, kept);
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM downloads WHERE header_key IS NULL")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0) << "the purged record is marked as looked for";
}

TEST_F(DownloadRecordsTest, AMessageWithoutAMessageIdIsRecordedAsLookedFor)
{
    IncomingMessage m;
    m.accountId = QStringLiteral("a");
    m.mailboxId = 1;
    m.uidl = QStringLiteral("n");
    m.raw = "From: x@example.org\r\nSubject: no id\r\n\r\nbody\r\n";
    m.listedSize = m.raw.size();
    ASSERT_TRUE(MessageStore(m_db->connection()).insert(m));
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT header_key IS NULL, length(header_key) FROM "
                                      "downloads WHERE uidl = 'n'")));
    ASSERT_TRUE(q.next());
    EXPECT_FALSE(q.value(0).toBool()) << "NULL would be looked up again at every check";
    EXPECT_EQ(q.value(1).toInt(), 0);
}
