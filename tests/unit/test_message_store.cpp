// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "store/ServerPolicyStore.h"
#include "store/SqliteHandle.h"
#include "sync/MessageIndexer.h"

#include "OldSchema.h"
#include "TestUtil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <functional>

using namespace poplar;
using namespace poplar::store;

namespace {

IncomingMessage incoming(const QString &account, const QString &uidl, const QString &subject,
                         const QDateTime &date)
{
    IncomingMessage m;
    m.accountId = account;
    m.uidl = uidl;
    m.raw =
        test::makeMessage(subject, QStringLiteral("Bob <bob@example.org>"), QStringLiteral("body"));
    m.headers.subject = subject;
    m.headers.fromName = QStringLiteral("Bob");
    m.headers.fromAddress = QStringLiteral("bob@example.org");
    m.headers.date = date;
    return m;
}

class MessageStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("store-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
    }
    void TearDown() override
    {
        m_store.reset();
        m_db.reset();
    }

    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
};

TEST_F(MessageStoreTest, SchemaVersionIsRecorded)
{
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), Database::schemaVersion);
}

TEST_F(MessageStoreTest, StoresRawBytesExactlyAndListsNewestFirst)
{
    const QDateTime older = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const QDateTime newer = older.addDays(1);
    IncomingMessage a =
        incoming(QStringLiteral("1"), QStringLiteral("u1"), QStringLiteral("old"), older);
    a.raw += QByteArray("\x00\xff binary tail\r\n", 16);
    auto idA = m_store->insert(a);
    auto idB = m_store->insert(
        incoming(QStringLiteral("1"), QStringLiteral("u2"), QStringLiteral("new"), newer));
    ASSERT_TRUE(idA.ok()) << qPrintable(idA.error().message());
    ASSERT_TRUE(idB.ok());

    auto raw = m_store->raw(idA.value());
    ASSERT_TRUE(raw.ok());
    EXPECT_EQ(raw.value(), a.raw);

    auto rows = m_store->messages(Folder::Inbox);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), 2);
    EXPECT_EQ(rows.value().at(0).subject, QStringLiteral("new"));
    EXPECT_EQ(rows.value().at(1).date, older);
    EXPECT_EQ(rows.value().at(1).size, a.raw.size());
    EXPECT_EQ(rows.value().at(1).fromAddress, QStringLiteral("bob@example.org"));
}

TEST_F(MessageStoreTest, UidlsStayKnownAfterLocalDeleteAndAreKeptPerAccount)
{
    auto id = m_store->insert(
        incoming(QStringLiteral("1"), QStringLiteral("u1"), QStringLiteral("s"), {}));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(m_store->moveToFolder(id.value(), Folder::Trash).ok());
    EXPECT_EQ(m_store->messages(Folder::Inbox).value().size(), 0);
    EXPECT_EQ(m_store->messages(Folder::Trash).value().size(), 1);
    EXPECT_TRUE(m_store->knownUidls(QStringLiteral("1")).value().contains(QStringLiteral("u1")));
    EXPECT_TRUE(m_store->knownUidls(QStringLiteral("2")).value().isEmpty());

    ASSERT_TRUE(m_store->markDeletedOnServer(QStringLiteral("1"), {QStringLiteral("u1")}).ok());
    EXPECT_TRUE(m_store->knownUidls(QStringLiteral("1")).value().contains(QStringLiteral("u1")));
}

TEST_F(MessageStoreTest, RolledBackBatchLeavesNothing)
{
    {
        Transaction txn(m_db->connection());
        ASSERT_TRUE(m_store
                        ->insert(incoming(QStringLiteral("1"), QStringLiteral("u1"),
                                          QStringLiteral("s"), {}))
                        .ok());
        // no commit: the guard rolls back
    }
    EXPECT_TRUE(m_store->messages(Folder::Inbox).value().isEmpty());
    EXPECT_TRUE(m_store->knownUidls(QStringLiteral("1")).value().isEmpty());
}

TEST_F(MessageStoreTest, MissingMessageIsNotFound)
{
    auto raw = m_store->raw(42);
    ASSERT_FALSE(raw.ok());
    EXPECT_EQ(raw.error().code, Error::Code::NotFound);
    EXPECT_FALSE(m_store->moveToFolder(42, Folder::Trash).ok());
}

TEST_F(MessageStoreTest, RemoveAccountDropsItsMessagesOnly)
{
    ASSERT_TRUE(
        m_store
            ->insert(incoming(QStringLiteral("1"), QStringLiteral("u1"), QStringLiteral("a"), {}))
            .ok());
    ASSERT_TRUE(
        m_store
            ->insert(incoming(QStringLiteral("2"), QStringLiteral("u1"), QStringLiteral("b"), {}))
            .ok());
    ASSERT_TRUE(m_store->removeAccount(QStringLiteral("1")).ok());
    auto rows = m_store->messages(Folder::Inbox).value();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.at(0).accountId, QStringLiteral("2"));
    EXPECT_TRUE(m_store->knownUidls(QStringLiteral("1")).value().isEmpty());
}

TEST(Database, FileThatIsNotACacheGivesAClearErrorAndIsNotOverwritten)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    const QByteArray junk(4096, 'J');
    f.write(junk);
    f.close();
    auto db = Database::open(path, QStringLiteral("junk-test"));
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, Error::Code::CacheDamaged);
    EXPECT_TRUE(db.error().detail.contains(QStringLiteral("damaged")))
        << qPrintable(db.error().detail);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), junk);
    f.close();

    // The user's way out: move it aside (kept, not overwritten) and start a fresh cache.
    auto aside = moveCacheAside(path, QDateTime(QDate(2026, 11, 27), QTime(4, 50), Qt::UTC));
    ASSERT_TRUE(aside.ok());
    EXPECT_TRUE(aside.value().endsWith(QStringLiteral("cache.sqlite.damaged-20261127-045000")));
    QFile kept(aside.value());
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), junk);
    auto fresh = Database::open(path, QStringLiteral("junk-test-fresh"));
    EXPECT_TRUE(fresh.ok());
}

TEST(Database, CacheFromANewerVersionIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        auto db = Database::open(path, QStringLiteral("newer-a"));
        ASSERT_TRUE(db.ok());
        QSqlQuery q(db.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    auto db = Database::open(path, QStringLiteral("newer-b"));
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().detail.contains(QStringLiteral("newer Poplar")));
}

TEST(Database, FileCacheUsesWal)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("c.sqlite")), QStringLiteral("wal-test"));
    ASSERT_TRUE(db.ok());
    QSqlQuery q(db.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("wal"));
}

} // namespace

namespace {

TEST(ServerPolicyStore, RemembersTheLastLoginAndWhenTheNextIsAllowed)
{
    auto db =
        poplar::store::Database::open(QStringLiteral(":memory:"), QStringLiteral("policy-test"));
    ASSERT_TRUE(db.ok());
    poplar::store::ServerPolicyStore policies(db.value()->connection());
    auto empty = policies.load(QStringLiteral("1"));
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE(empty.value().lastLogin.isValid());
    EXPECT_FALSE(empty.value().nextLoginAllowed().isValid());

    const QDateTime login = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    ASSERT_TRUE(policies.save(QStringLiteral("1"), {login, 900, 0}).ok());
    auto read = policies.load(QStringLiteral("1"));
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value().lastLogin, login);
    EXPECT_EQ(read.value().expireDays, 0);
    EXPECT_EQ(read.value().nextLoginAllowed(), login.addSecs(900));

    ASSERT_TRUE(policies.save(QStringLiteral("1"), {login, std::nullopt, std::nullopt}).ok());
    EXPECT_FALSE(policies.load(QStringLiteral("1")).value().nextLoginAllowed().isValid());
}

} // namespace

namespace {

// A cache as the first release wrote it (schema v1), with one message, must open in this
// build with its message intact, listable and searchable.
TEST(Database, UpgradesAVersion1CacheKeepingItsMail)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1-writer"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        for (
            const char *sql :
            {"CREATE TABLE messages (id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, uidl TEXT, "
             "folder TEXT NOT NULL DEFAULT 'inbox', from_name TEXT NOT NULL DEFAULT '', "
             "from_address TEXT NOT NULL DEFAULT '', to_text TEXT NOT NULL DEFAULT '', subject "
             "TEXT NOT NULL DEFAULT '', date INTEGER, size INTEGER NOT NULL, seen INTEGER NOT NULL "
             "DEFAULT 0, partial INTEGER NOT NULL DEFAULT 0, received_at INTEGER NOT NULL)",
             "CREATE TABLE message_bodies (message_id INTEGER PRIMARY KEY REFERENCES messages(id) "
             "ON DELETE CASCADE, raw BLOB NOT NULL)",
             "CREATE TABLE server_uidls (account_id TEXT NOT NULL, uidl TEXT NOT NULL, state TEXT "
             "NOT NULL, first_seen INTEGER NOT NULL, PRIMARY KEY (account_id, uidl)) WITHOUT ROWID",
             "INSERT INTO messages (id, account_id, uidl, subject, size, received_at) VALUES (7, "
             "'1', 'u7', 'Old timer', 120, 1700000000)",
             "INSERT INTO message_bodies VALUES (7, CAST('Subject: Old timer\r\n\r\nkept safe\r\n' "
             "AS BLOB))",
             "INSERT INTO server_uidls VALUES ('1', 'u7', 'stored', 1700000000)",
             "PRAGMA user_version = 1"}) {
            ASSERT_TRUE(q.exec(QString::fromLatin1(sql))) << sql;
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1-writer"));

    auto db = Database::open(path, QStringLiteral("v1-upgrade"));
    ASSERT_TRUE(db.ok()) << db.error().message().toStdString();
    MessageStore store(db.value()->connection());
    auto rows = store.messages(Folder::Inbox);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), 1);
    EXPECT_EQ(rows.value().at(0).subject, QStringLiteral("Old timer"));
    EXPECT_TRUE(store.knownUidls(QStringLiteral("1")).value().contains(QStringLiteral("u7")));
    SearchIndex index(db.value()->connection());
    ASSERT_EQ(sync::MessageIndexer(db.value()->connection()).indexPending().value(), 1);
    EXPECT_EQ(index.search(QStringLiteral("kept")).value().size(), 1);
}

} // namespace

namespace {

TEST(MessageStorePaging, PagesThroughAFolderNewestFirstWithoutGapsOrRepeats)
{
    auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("paging-test"));
    ASSERT_TRUE(db.ok());
    MessageStore store(db.value()->connection());
    Transaction txn(db.value()->connection());
    const QDateTime base = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    QList<qint64> expected; // the order the list must show
    for (int i = 0; i < 250; ++i) {
        IncomingMessage m = incoming(
            QStringLiteral("1"), QStringLiteral("u%1").arg(i), QStringLiteral("s%1").arg(i),
            i % 10 == 0 ? QDateTime() : base.addSecs(i / 3)); // ties and undated
        auto id = store.insert(m);
        ASSERT_TRUE(id.ok());
    }
    ASSERT_TRUE(store
                    .insert(incoming(QStringLiteral("2"), QStringLiteral("x"),
                                     QStringLiteral("other"), base))
                    .ok());
    ASSERT_TRUE(txn.commit().ok());
    for (const MessageSummary &s : store.messages(Folder::Inbox, QStringLiteral("1")).value())
        expected.append(s.id);
    ASSERT_EQ(expected.size(), 250);

    QList<qint64> paged;
    std::optional<MessageStore::PageKey> after;
    for (;;) {
        auto page = store.page(Folder::Inbox, QStringLiteral("1"), 40, after);
        ASSERT_TRUE(page.ok()) << page.error().message().toStdString();
        if (page.value().isEmpty())
            break;
        for (const MessageSummary &s : page.value())
            paged.append(s.id);
        after = MessageStore::PageKey{page.value().last().date, page.value().last().id};
    }
    EXPECT_EQ(paged, expected);
    EXPECT_EQ(store.count(Folder::Inbox, QStringLiteral("1")).value(), 250);
}

} // namespace

TEST_F(MessageStoreTest, UnreadCountCoversEveryInboxButNotTrashOrReadMail)
{
    const QDateTime date = QDateTime::currentDateTimeUtc();
    QList<qint64> ids;
    int n = 0;
    for (const QString &account :
         {QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("b")}) {
        auto id = m_store->insert(
            incoming(account, QStringLiteral("u%1").arg(++n), QStringLiteral("s"), date));
        ASSERT_TRUE(id.ok());
        ids.append(id.value());
    }
    EXPECT_EQ(m_store->unreadInInboxes().value(), 4);
    ASSERT_TRUE(m_store->setSeen(ids[0], true).ok());
    ASSERT_TRUE(m_store->moveToFolder(ids[2], Folder::Trash).ok());
    EXPECT_EQ(m_store->unreadInInboxes().value(), 2);
}

TEST_F(MessageStoreTest, PurgingOneMessageKeepsItsDownloadRecord)
{
    auto id = m_store->insert(incoming(QStringLiteral("a"), QStringLiteral("u1"),
                                       QStringLiteral("s"), QDateTime::currentDateTimeUtc()));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(m_store->purgeMessage(id.value()).ok());
    EXPECT_EQ(m_store->message(id.value()).error().code, Error::Code::NotFound);
    EXPECT_TRUE(m_store->knownUidls(QStringLiteral("a")).value().contains(QStringLiteral("u1")));
    EXPECT_EQ(m_store->purgeMessage(id.value()).error().code, Error::Code::NotFound);
}

TEST_F(MessageStoreTest, OrderedIdsFollowEachListOrderAndScope)
{
    const QDateTime base = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    // Senders: one with only an address (the address is what sorts), mixed case.
    struct Row {
        QString name, address, subject;
        QDateTime date;
    };
    const QList<Row> rows{
        {QStringLiteral("carol"), QStringLiteral("c@x"), QStringLiteral("Beta"), base},
        {QString(), QStringLiteral("alice@x"), QStringLiteral("alpha"), base.addSecs(60)},
        {QStringLiteral("Bob"), QStringLiteral("b@x"), QStringLiteral("beta"), QDateTime()},
    };
    QList<qint64> ids;
    for (const Row &r : rows) {
        IncomingMessage m =
            incoming(QStringLiteral("1"), QStringLiteral("u%1").arg(ids.size()), r.subject, r.date);
        m.headers.fromName = r.name;
        m.headers.fromAddress = r.address;
        m.raw.append(QByteArray(ids.size() * 10, 'x')); // sizes grow with the index
        ids.append(m_store->insert(m).value());
    }
    // Elsewhere: another account, a local folder, Trash.
    IncomingMessage local =
        incoming(MessageStore::localAccountId(), QString(), QStringLiteral("local"), base);
    local.localFolder = QStringLiteral("Archive");
    const qint64 localId = m_store->insert(local).value();
    const qint64 otherId =
        m_store
            ->insert(incoming(QStringLiteral("2"), QStringLiteral("x"), QStringLiteral("o"), base))
            .value();
    const qint64 trashedLocal = m_store->insert(local).value();
    ASSERT_TRUE(m_store->moveToFolder(trashedLocal, Folder::Trash).ok());

    const FolderRef inbox{QStringLiteral("1"), Folder::Inbox, {}};
    auto order = [&](SortKey key, bool descending) {
        return m_store->orderedIds(inbox, key, descending).value();
    };
    EXPECT_EQ(order(SortKey::Sender, false), (QList<qint64>{ids[1], ids[2], ids[0]}));
    // Equal subjects but for case: the older one first (an undated one is oldest of all).
    EXPECT_EQ(order(SortKey::Subject, false), (QList<qint64>{ids[1], ids[2], ids[0]}));
    EXPECT_EQ(order(SortKey::Size, true), (QList<qint64>{ids[2], ids[1], ids[0]}));
    EXPECT_EQ(order(SortKey::Date, true), (QList<qint64>{ids[1], ids[0], ids[2]}));

    EXPECT_EQ(
        m_store->orderedIds({QStringLiteral("2"), Folder::Inbox, {}}, SortKey::Date, true).value(),
        QList<qint64>{otherId});
    const QString localAccount = MessageStore::localAccountId();
    EXPECT_EQ(m_store
                  ->orderedIds({localAccount, Folder::Inbox, QStringLiteral("Archive")},
                               SortKey::Date, true)
                  .value(),
              QList<qint64>{localId});
    // The local account's Trash holds every local folder's deleted mail.
    EXPECT_EQ(m_store->orderedIds({localAccount, Folder::Trash, {}}, SortKey::Date, true).value(),
              QList<qint64>{trashedLocal});

    EXPECT_EQ(m_store->unreadCount(inbox).value(), 3);
    ASSERT_TRUE(m_store->setSeen(ids[0], true).ok());
    EXPECT_EQ(m_store->unreadCount(inbox).value(), 2);
    EXPECT_EQ(m_store->unreadIds(inbox).value(), (QSet<qint64>{ids[1], ids[2]}));
    EXPECT_EQ(m_store->unreadAmong({ids[0], ids[1], otherId}).value(), 2);

    auto summaries = m_store->summaries({ids[2], 999'999, ids[0]});
    ASSERT_TRUE(summaries.ok());
    ASSERT_EQ(summaries.value().size(), 2); // the unknown id is skipped
    QSet<QString> subjects;
    for (const MessageSummary &s : summaries.value())
        subjects.insert(s.subject);
    EXPECT_EQ(subjects, (QSet<QString>{QStringLiteral("Beta"), QStringLiteral("beta")}));
}

TEST_F(MessageStoreTest, SentSortsByTheRecipientsItShows)
{
    // Drafts, the Outbox and Sent show the recipients in the first column (the sender is
    // the user every time): sorting by that column sorts by them, in the user's language.
    const QDateTime base = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    QList<qint64> ids;
    for (const QString &to : {QStringLiteral("Zoë <z@x>"), QStringLiteral("adam <a@x>"),
                              QStringLiteral("Émile <e@x>")}) {
        IncomingMessage m = incoming(QStringLiteral("1"), QString(), QStringLiteral("s"),
                                     base.addSecs(60 * ids.size()));
        m.folder = Folder::Sent;
        m.headers.fromName = QStringLiteral("Me");
        m.headers.fromAddress = QStringLiteral("me@x");
        m.headers.toText = to;
        ids.append(m_store->insert(m).value());
    }
    const FolderRef sent{QStringLiteral("1"), Folder::Sent, {}};
    EXPECT_EQ(m_store->orderedIds(sent, SortKey::Sender, false).value(),
              (QList<qint64>{ids[1], ids[2], ids[0]}));
    EXPECT_EQ(m_store->orderedIds(sent, SortKey::Sender, true).value(),
              (QList<qint64>{ids[0], ids[2], ids[1]}));
    // In Trash the column shows the sender again, and sorts by it.
    ASSERT_TRUE(m_store->moveToFolder(ids[0], Folder::Trash).ok());
    IncomingMessage received =
        incoming(QStringLiteral("1"), QStringLiteral("r"), QStringLiteral("s"), base);
    received.headers.fromName = QStringLiteral("Nora");
    const qint64 fromNora = m_store->insert(received).value();
    ASSERT_TRUE(m_store->moveToFolder(fromNora, Folder::Trash).ok());
    EXPECT_EQ(m_store->orderedIds({QStringLiteral("1"), Folder::Trash, {}}, SortKey::Sender, false)
                  .value(),
              (QList<qint64>{ids[0], fromNora})); // "Me" before "Nora"
}

TEST_F(MessageStoreTest, ListOrdersAreReadFromAnIndexNotSorted)
{
    // The same statements orderedIds runs; a "TEMP B-TREE" would mean sorting the folder.
    for (const QString &order :
         {QStringLiteral("sender_key DESC, date DESC, id DESC"),
          QStringLiteral("subject_key, date, id"), QStringLiteral("size DESC, date DESC, id DESC"),
          QStringLiteral("date DESC, id DESC")}) {
        QSqlQuery q(m_db->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM messages WHERE "
                                          "folder = 'inbox' AND account_id = '1' AND "
                                          "local_folder = '' ORDER BY %1")
                               .arg(order)));
        QString plan;
        while (q.next())
            plan += q.value(3).toString() + QLatin1Char('\n');
        EXPECT_TRUE(plan.contains(QLatin1String("COVERING INDEX messages_list_")))
            << qPrintable(plan);
        EXPECT_FALSE(plan.contains(QLatin1String("TEMP B-TREE"))) << qPrintable(plan);
    }
}

namespace {

/// Every statement SQLite runs on `db` while `work` runs, with its values filled in.
QStringList statementsOf(QSqlDatabase db, const std::function<void()> &work)
{
    sqlite3 *handle = sql::sqliteHandle(db);
    QStringList statements;
    sqlite3_trace_v2(
        handle, SQLITE_TRACE_STMT,
        [](unsigned, void *context, void *statement, void *) -> int {
            char *expanded = sqlite3_expanded_sql(static_cast<sqlite3_stmt *>(statement));
            if (expanded)
                static_cast<QStringList *>(context)->append(QString::fromUtf8(expanded));
            sqlite3_free(expanded);
            return 0;
        },
        &statements);
    work();
    sqlite3_trace_v2(handle, 0, nullptr, nullptr);
    return statements;
}

} // namespace

TEST_F(MessageStoreTest, NoListQueryOfAnyFolderReadsABodyAndTheDateOrderIsNeverSorted)
{
    // Issue 14: what a list reads is the compact rows; bodies are another table, which no
    // list query may touch. Every kind of folder, every order, every statement a list runs
    // (captured as SQLite runs them, so a new one cannot slip by).
    const QString local = MessageStore::localAccountId();
    const QDateTime when = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(m_store
                        ->insert(incoming(QStringLiteral("1"), QStringLiteral("a%1").arg(i),
                                          QStringLiteral("s%1").arg(i), when.addSecs(i)))
                        .ok());
        ASSERT_TRUE(m_store
                        ->insert(incoming(QStringLiteral("2"), QStringLiteral("b%1").arg(i),
                                          QStringLiteral("t%1").arg(i), when.addSecs(i)))
                        .ok());
        IncomingMessage imported =
            incoming(local, QString(), QStringLiteral("l%1").arg(i), when.addSecs(i));
        imported.localFolder = QStringLiteral("Archive");
        ASSERT_TRUE(m_store->insert(imported).ok());
    }
    IncomingMessage trashedOnly = incoming(local, QString(), QStringLiteral("z"), when);
    trashedOnly.localFolder = QStringLiteral("Zeta");
    ASSERT_TRUE(m_store->insert(trashedOnly).ok());
    QSqlQuery trash(m_db->connection());
    ASSERT_TRUE(trash.exec(QStringLiteral("UPDATE messages SET folder = 'trash' WHERE uidl = 'a0' "
                                          "OR subject IN ('l0', 'z')")));
    // A local folder whose every message is in Trash is still a folder.
    EXPECT_EQ(m_store->localFolders().value(),
              (QStringList{QStringLiteral("Archive"), QStringLiteral("Zeta")}));
    const QList<std::pair<const char *, FolderRef>> folders{
        {"an account's Inbox", {QStringLiteral("1"), Folder::Inbox, {}}},
        {"an account's Trash", {QStringLiteral("1"), Folder::Trash, {}}},
        {"the Unified Inbox", FolderRef::unified()},
        {"a local folder", {local, Folder::Inbox, QStringLiteral("Archive")}},
        {"local Trash", {local, Folder::Trash, {}}},
    };
    for (const auto &[name, folder] : folders) {
        for (const SortKey key :
             {SortKey::Date, SortKey::Sender, SortKey::Subject, SortKey::Size}) {
            for (const bool descending : {true, false}) {
                QList<qint64> ids;
                const QStringList statements = statementsOf(m_db->connection(), [&] {
                    ids = m_store->orderedIds(folder, key, descending).value();
                    ASSERT_TRUE(m_store->summaries(ids).ok());
                    ASSERT_TRUE(m_store->unreadCount(folder).ok());
                    ASSERT_TRUE(m_store->unreadIds(folder).ok());
                    ASSERT_TRUE(m_store->threadLinks(folder).ok());
                    ASSERT_TRUE(m_store->localFolders().ok());
                });
                ASSERT_GE(statements.size(), 5) << name;
                for (const QString &statement : statements) {
                    QSqlQuery q(m_db->connection());
                    ASSERT_TRUE(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + statement))
                        << qPrintable(statement);
                    QString plan;
                    while (q.next())
                        plan += q.value(3).toString() + QLatin1Char('\n');
                    EXPECT_FALSE(plan.contains(QLatin1String("message_bodies")))
                        << name << ": " << qPrintable(statement) << "\n"
                        << qPrintable(plan);
                    EXPECT_FALSE(statement.contains(QLatin1String("raw")))
                        << name << ": " << qPrintable(statement);
                    EXPECT_FALSE(plan.contains(QLatin1String("SCAN messages\n")))
                        << name << ": every row read: " << qPrintable(statement) << "\n"
                        << qPrintable(plan);
                    // Reading each row of the folder is for threading only (its links are in
                    // the rows); anything else reads the index alone, rows by id, or the
                    // unread ones (the partial index holds only them).
                    if (!statement.contains(QLatin1String("in_reply_to")) &&
                        !plan.contains(QLatin1String("USING INDEX messages_unread"))) {
                        EXPECT_FALSE(plan.contains(QLatin1String(" USING INDEX ")))
                            << name << ": every row looked up: " << qPrintable(statement) << "\n"
                            << qPrintable(plan);
                    }
                    // (The local folders' names are a handful, sorted once they are found.)
                    if (key == SortKey::Date && statement.startsWith(QLatin1String("SELECT")) &&
                        statement.contains(QLatin1String("ORDER BY"))) {
                        EXPECT_FALSE(plan.contains(QLatin1String("TEMP B-TREE")))
                            << name << ": " << qPrintable(statement) << "\n"
                            << qPrintable(plan);
                    }
                }
            }
        }
    }
}

TEST_F(MessageStoreTest, CopiesAreFoundByTheFirstDigitsOfTheirChecksumAndComparedWhole)
{
    // Twins during a sync and copies during an import are looked up through the short index
    // on the checksum's first digits; a row that shares those digits but not the checksum is
    // not a copy.
    const QDateTime when = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const IncomingMessage original =
        incoming(QStringLiteral("1"), QStringLiteral("u1"), QStringLiteral("Original"), when);
    const IncomingMessage decoy =
        incoming(QStringLiteral("1"), QStringLiteral("u2"), QStringLiteral("Decoy"), when);
    IncomingMessage imported =
        incoming(MessageStore::localAccountId(), QString(), QStringLiteral("Imported"), when);
    imported.localFolder = QStringLiteral("Archive");
    ASSERT_TRUE(m_store->insert(decoy).ok()); // first: a scan would meet it first
    const qint64 id = m_store->insert(original).value();
    const qint64 importedId = m_store->insert(imported).value();
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE messages SET sha256 = substr((SELECT sha256 FROM "
                                      "messages WHERE id = %1), 1, 12) || substr(sha256, 13) "
                                      "WHERE uidl = 'u2'")
                           .arg(id)));

    const QStringList statements = statementsOf(m_db->connection(), [&] {
        const auto twin = m_store->findTwin(QStringLiteral("1"), original.raw, QString());
        ASSERT_TRUE(twin.ok() && twin.value().has_value());
        EXPECT_EQ(twin.value()->id, id);
        EXPECT_EQ(twin.value()->uidl, QStringLiteral("u1"));
        EXPECT_EQ(m_store->findCopy(QStringLiteral("1"), QString(), original.raw).value(), id);
        EXPECT_EQ(m_store->findCopy(QStringLiteral("1"), QString(), imported.raw).value(),
                  std::nullopt)
            << "another account's copy";
        EXPECT_EQ(
            m_store
                ->findCopy(MessageStore::localAccountId(), QStringLiteral("Archive"), imported.raw)
                .value(),
            importedId);
        EXPECT_TRUE(m_store->inLocalFolder(QStringLiteral("Archive"), imported.raw).value());
        EXPECT_FALSE(m_store->inLocalFolder(QStringLiteral("Other"), imported.raw).value());
    });
    ASSERT_EQ(statements.size(), 6);
    for (const QString &statement : statements) {
        QSqlQuery plan(m_db->connection());
        ASSERT_TRUE(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + statement));
        QString steps;
        while (plan.next())
            steps += plan.value(3).toString() + QLatin1Char('\n');
        EXPECT_TRUE(steps.contains(QLatin1String("USING INDEX messages_by_digest")))
            << qPrintable(statement) << "\n"
            << qPrintable(steps);
    }
}

TEST(MessageStoreUpgrade, AVersion17CacheFindsItsCopiesThroughTheShortIndex)
{
    // ...and loses the index by account and UIDL, whose work the short one does.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v17.sqlite"));
    const QByteArray raw = test::makeMessage(
        QStringLiteral("Kept"), QStringLiteral("a@example.org"), QStringLiteral("body"));
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
    {
        QSqlDatabase db;
        ASSERT_NO_FATAL_FAILURE(test::writeOldCache(db, path, QStringLiteral("v17-writer"), 17));
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO messages (id, account_id, uidl, size, "
                                          "received_at, sha256) VALUES (7, '1', 'u', %1, 0, '%2')")
                               .arg(raw.size())
                               .arg(sha256)));
        ASSERT_TRUE(q.prepare(QStringLiteral("INSERT INTO message_bodies VALUES (7, ?)")));
        q.addBindValue(raw);
        ASSERT_TRUE(q.exec());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v17-writer"));
    const auto db = test::openUpgraded(path, QStringLiteral("v17-reader"));
    ASSERT_TRUE(db);
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT group_concat(name) FROM sqlite_master WHERE name IN "
                                      "('messages_by_sha256', 'messages_by_account', "
                                      "'messages_by_digest')")) &&
                q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("messages_by_digest"));
    MessageStore store(db->connection());
    EXPECT_EQ(store.findCopy(QStringLiteral("1"), QString(), raw).value(), 7);
    EXPECT_EQ(store.raw(7).value(), raw) << "byte-exact";
}
