// SPDX-License-Identifier: GPL-3.0-or-later
// The cache is an ordinary SQLite file: the stock library checks, vacuums and writes it with
// nothing of Poplar's registered. And a cache of the schema before (v9, with its collation)
// comes over byte for byte, in the same list order.
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "store/SortKeys.h"
#include "store/SqliteHandle.h"
#include "store/TextCollator.h"
#include "sync/MessageIndexer.h"

#include "OldSchema.h"
#include "TestUtil.h"

#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <map>
#include <string>

using namespace poplar;
using namespace poplar::store;

namespace {

/// Sets the default locale for one test and puts the old one back.
class LocaleScope {
public:
    explicit LocaleScope(const QString &name) { QLocale::setDefault(QLocale(name)); }
    ~LocaleScope() { QLocale::setDefault(m_saved); }

private:
    QLocale m_saved;
};

/// The stock SQLite C library on a file: no collation, no function, nothing of Poplar's.
class StockSqlite {
public:
    explicit StockSqlite(const QString &path)
    {
        m_rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    }
    ~StockSqlite() { sqlite3_close(m_db); }
    StockSqlite(const StockSqlite &) = delete;
    StockSqlite &operator=(const StockSqlite &) = delete;

    [[nodiscard]] bool opened() const { return m_rc == SQLITE_OK; }

    /// The first column of the first row, or the error text after "error: ".
    std::string first(const char *sql)
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK)
            return std::string("error: ") + sqlite3_errmsg(m_db);
        std::string out;
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW) {
            const auto *text = sqlite3_column_text(statement, 0);
            out = text ? reinterpret_cast<const char *>(text) : "NULL";
        } else if (rc != SQLITE_DONE) {
            out = std::string("error: ") + sqlite3_errmsg(m_db);
        }
        sqlite3_finalize(statement);
        return out;
    }
    /// Runs statements; "" on success, else SQLite's words.
    std::string exec(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
            return {};
        std::string out = message ? message : "unknown error";
        sqlite3_free(message);
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
};

IncomingMessage incoming(const QString &uidl, const QString &fromName, const QString &subject,
                         const QDateTime &date)
{
    IncomingMessage m;
    m.accountId = QStringLiteral("1");
    m.uidl = uidl;
    m.raw = test::makeMessage(subject, fromName + QStringLiteral(" <x@example.org>"),
                              QStringLiteral("quarterly figures\n"));
    m.headers.subject = subject;
    m.headers.fromName = fromName;
    m.headers.fromAddress = QStringLiteral("x@example.org");
    m.headers.date = date;
    return m;
}

TEST(OrdinarySqliteFile, TheStockLibraryChecksVacuumsAndWritesACachePoplarWrote)
{
    const LocaleScope chinese(QStringLiteral("zh_CN"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    qint64 purged = 0;
    qint64 kept = 0;
    {
        auto db =
            Database::open(path, QStringLiteral("poplar-writer"), Database::SortLanguage::User);
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        MessageStore store(db.value()->connection());
        const QDateTime day = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        int n = 0;
        for (const QString &s :
             {QStringLiteral("李明的报告"), QStringLiteral("Ärger im Büro"),
              QStringLiteral("arger"), QStringLiteral("Zoo"), QStringLiteral("王芳"), QString()}) {
            auto id = store.insert(incoming(QStringLiteral("u%1").arg(n), s, s, day.addSecs(n)));
            ASSERT_TRUE(id.ok());
            (n == 0 ? purged : kept) = id.value();
            ++n;
        }
        while (sync::MessageIndexer(db.value()->connection()).indexPending().value() > 0) {
        }
        ASSERT_TRUE(store.purgeMessage(purged).ok());
    }

    StockSqlite stock(path);
    ASSERT_TRUE(stock.opened());
    EXPECT_EQ(stock.first("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%poplar%'"), "0")
        << "nothing in the schema may need Poplar";
    EXPECT_EQ(stock.first("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(stock.first("PRAGMA quick_check"), "ok");
    EXPECT_EQ(stock.exec("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"), "");
    // Writes through the sorted indexes: a read flag, a subject's key, a new row.
    EXPECT_EQ(stock.exec("UPDATE messages SET seen = 1"), "");
    EXPECT_EQ(stock.exec(QStringLiteral("UPDATE messages SET subject_key = x'01' WHERE id = %1")
                             .arg(kept)
                             .toUtf8()
                             .constData()),
              "");
    EXPECT_EQ(stock.exec("INSERT INTO messages (account_id, folder, size, received_at) "
                         "VALUES ('local', 'inbox', 0, 0)"),
              "");
    // A delete in the shell takes the message's words out of the index too (triggers).
    ASSERT_EQ(stock.first("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'quarterly'"),
              "5");
    EXPECT_EQ(
        stock.exec(
            QStringLiteral("DELETE FROM messages WHERE id = %1").arg(kept).toUtf8().constData()),
        "");
    EXPECT_EQ(stock.first("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'quarterly'"),
              "4");
    EXPECT_EQ(stock.exec("VACUUM"), "");
    EXPECT_EQ(stock.first("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(stock.exec("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"), "");
}

/// A v9 message: its columns as that schema had them.
struct OldMessage {
    qint64 id;
    QString account;
    QString folder;
    QString localFolder;
    QString fromName;
    QString fromAddress;
    QString subject;
    QVariant date;
    QByteArray raw;
    bool seen;
    bool partial;
};

QList<OldMessage> oldMessages()
{
    const QStringList subjects{QStringLiteral("Ärger im Büro"), QStringLiteral("arger"),
                               QStringLiteral("Arger"),         QStringLiteral("Zebra"),
                               QStringLiteral("zebra"),         QStringLiteral("résumé"),
                               QStringLiteral("resume"),        QStringLiteral("李明"),
                               QStringLiteral("王芳"),          QString(),
                               QStringLiteral("Éclair"),        QStringLiteral("eclair"),
                               QStringLiteral("Straße"),        QStringLiteral("Strasse"),
                               QStringLiteral("123 numbers"),   QStringLiteral("😀 emoji")};
    const QStringList names{QStringLiteral("Zoë"),  QString(),
                            QStringLiteral("anna"), QStringLiteral("Anna"),
                            QStringLiteral("Ödön"), QStringLiteral("张伟")};
    QList<OldMessage> out;
    qint64 id = 3; // ids with gaps, as purges leave them
    for (int i = 0; i < 64; ++i) {
        id += 1 + i % 3;
        OldMessage m;
        m.id = id;
        m.account = i % 11 == 0 ? QStringLiteral("2") : QStringLiteral("1");
        m.folder = i % 7 == 0 ? QStringLiteral("trash") : QStringLiteral("inbox");
        m.localFolder = QString();
        if (i % 13 == 0) {
            m.account = QStringLiteral("local");
            m.localFolder = QStringLiteral("Archive");
        }
        m.fromName = names.at(i % names.size());
        m.fromAddress = QStringLiteral("p%1@example.org").arg(i % 5);
        m.subject = subjects.at(i % subjects.size());
        m.date = i % 10 == 3 ? QVariant() : QVariant(qint64(1'700'000'000 + (i % 4) * 3600));
        // Bytes of every kind: NUL, 8-bit, bare LF and CR, one large message.
        QByteArray raw = test::makeMessage(m.subject, QStringLiteral("a@example.org"),
                                           QStringLiteral("body %1\n").arg(i));
        raw.append('\0');
        raw.append("\xff\xfe\r\n\n\r bare", 10);
        if (i == 5)
            raw.append(QByteArray(1024 * 1024, '\x80'));
        m.raw = raw;
        m.seen = i % 2;
        m.partial = i % 17 == 0;
        out.append(m);
    }
    return out;
}

/// Builds a cache exactly as the v9 schema had it (the same migration steps, the collation
/// registered), filled with `messages`; returns the list orders that schema gave.
std::map<QString, QList<qint64>> writeVersion9Cache(const QString &path,
                                                    const QList<OldMessage> &messages)
{
    std::map<QString, QList<qint64>> orders;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v9-writer"));
        db.setDatabaseName(path);
        EXPECT_TRUE(db.open());
        EXPECT_TRUE(TextCollator::registerOn(db, QStringLiteral("de_DE")).ok());
        test::writeSchemaUpTo(db, 9);
        EXPECT_TRUE(db.transaction()); // one commit, not one fsync per row
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO cache_meta (key, value) VALUES ('collation', ?), "
                                 "('collation_locale', 'de_DE')"));
        q.addBindValue(TextCollator(QStringLiteral("de_DE")).tag());
        EXPECT_TRUE(q.exec());
        QSqlQuery row(db);
        row.prepare(QStringLiteral(
            "INSERT INTO messages (id, account_id, uidl, folder, from_name, from_address, "
            "subject, date, size, seen, partial, received_at, indexed, local_folder) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1700000000, 1, ?)"));
        QSqlQuery body(db);
        body.prepare(QStringLiteral("INSERT INTO message_bodies (message_id, raw) VALUES (?, ?)"));
        QSqlQuery uidl(db);
        uidl.prepare(QStringLiteral("INSERT INTO server_uidls VALUES (?, ?, ?, 1700000000)"));
        // v4's contentless index, as the old indexer filled it.
        QSqlQuery fts(db);
        fts.prepare(QStringLiteral(
            "INSERT INTO messages_fts (rowid, subject, addresses, body) VALUES (?, ?, '', '')"));
        for (const OldMessage &m : messages) {
            const QString uidlText = QStringLiteral("uidl-%1").arg(m.id);
            row.addBindValue(m.id);
            row.addBindValue(m.account);
            row.addBindValue(m.localFolder.isEmpty() ? QVariant(uidlText) : QVariant());
            row.addBindValue(m.folder);
            row.addBindValue(m.fromName.isNull() ? QStringLiteral("") : m.fromName);
            row.addBindValue(m.fromAddress);
            row.addBindValue(m.subject.isNull() ? QStringLiteral("") : m.subject);
            row.addBindValue(m.date.isValid() ? m.date : QVariant(QMetaType(QMetaType::LongLong)));
            row.addBindValue(qint64(m.raw.size()));
            row.addBindValue(m.seen);
            row.addBindValue(m.partial);
            row.addBindValue(m.localFolder.isNull() ? QStringLiteral("") : m.localFolder);
            EXPECT_TRUE(row.exec()) << qPrintable(row.lastError().text());
            body.addBindValue(m.id);
            body.addBindValue(m.raw);
            EXPECT_TRUE(body.exec()) << qPrintable(body.lastError().text());
            if (m.localFolder.isEmpty()) {
                uidl.addBindValue(m.account);
                uidl.addBindValue(uidlText);
                uidl.addBindValue(m.partial ? QStringLiteral("partial") : QStringLiteral("stored"));
                EXPECT_TRUE(uidl.exec()) << qPrintable(uidl.lastError().text());
            }
            fts.addBindValue(m.id);
            fts.addBindValue(m.subject.isNull() ? QStringLiteral("") : m.subject);
            EXPECT_TRUE(fts.exec()) << qPrintable(fts.lastError().text());
        }
        EXPECT_TRUE(db.commit());
        // The orders v9's indexes gave the list (MessageStore::orderedIds of that version).
        const QString sender =
            QStringLiteral("(CASE WHEN from_name = '' THEN from_address ELSE from_name END)");
        const std::map<QString, QString> sorts{
            {QStringLiteral("subject"), QStringLiteral("subject COLLATE poplar_locale, date, id")},
            {QStringLiteral("subject desc"),
             QStringLiteral("subject COLLATE poplar_locale DESC, date DESC, id DESC")},
            {QStringLiteral("sender"), sender + QStringLiteral(" COLLATE poplar_locale, date, id")},
            {QStringLiteral("sender desc"),
             sender + QStringLiteral(" COLLATE poplar_locale DESC, date DESC, id DESC")},
        };
        for (const auto &[name, order] : sorts) {
            QSqlQuery ordered(db);
            EXPECT_TRUE(ordered.exec(QStringLiteral("SELECT id FROM messages WHERE folder = "
                                                    "'inbox' AND account_id = '1' AND "
                                                    "local_folder = '' ORDER BY %1")
                                         .arg(order)));
            while (ordered.next())
                orders[name].append(ordered.value(0).toLongLong());
        }
        row.finish();
        body.finish();
        uidl.finish();
        fts.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v9-writer"));
    return orders;
}

// Every window, worker and poplarctl command opens connections; opening one must not be a
// write transaction (a 64 KB page through the WAL and an fsync) when nothing changes.
TEST(OrdinarySqliteFile, OpeningAnExistingCacheWritesNothing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        auto db = Database::open(path, QStringLiteral("poplar-first"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        ASSERT_TRUE(MessageStore(db.value()->connection())
                        .insert(incoming(QStringLiteral("u1"), QStringLiteral("Hello"),
                                         QStringLiteral("Ann"),
                                         QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC)))
                        .ok());
    } // the last connection closes: the WAL goes into the file
    ASSERT_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));

    auto again = Database::open(path, QStringLiteral("poplar-again"));
    ASSERT_TRUE(again.ok()) << qPrintable(again.error().message());
    QSqlQuery q(again.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA auto_vacuum")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 2) << "incremental vacuum stays on";
    q.finish();
    // A WAL with no frame is empty (or its 32-byte header alone): nothing was written.
    EXPECT_LT(QFileInfo(path + QStringLiteral("-wal")).size(), 64)
        << "opening the cache wrote to it";
}

TEST(OrdinarySqliteFile, AConnectionThatLeavesItsWalLosesNothingAndTheNextOneFoldsItIn)
{
    // poplarctl exits right after its sync: its last connection leaves the WAL as it is
    // instead of copying it into the file and deleting it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const QString wal = path + QStringLiteral("-wal");
    {
        auto db = Database::open(path, QStringLiteral("poplar-leaving"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        db.value()->leaveWalOnClose();
        ASSERT_TRUE(MessageStore(db.value()->connection())
                        .insert(incoming(QStringLiteral("u1"), QStringLiteral("Ann"),
                                         QStringLiteral("Kept"),
                                         QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC)))
                        .ok());
    }
    EXPECT_GT(QFileInfo(wal).size(), 64) << "the WAL was folded in and deleted";
    {
        auto db = Database::open(path, QStringLiteral("poplar-next"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        auto rows = MessageStore(db.value()->connection()).messages(Folder::Inbox, {});
        ASSERT_TRUE(rows.ok()) << qPrintable(rows.error().message());
        ASSERT_EQ(rows.value().size(), 1);
        EXPECT_EQ(rows.value().first().subject, QStringLiteral("Kept"));
    } // an ordinary last connection: the WAL goes into the file
    EXPECT_FALSE(QFileInfo::exists(wal));
    sqlite3 *raw = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    sqlite3_stmt *count = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT count(*) FROM messages", -1, &count, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(count, 0), 1) << "the message is in the file itself";
    sqlite3_finalize(count);
    sqlite3_close(raw);
}

TEST(CacheUpgrade, AVersion9CacheKeepsEveryMessageByteForByteAndItsListOrder)
{
    const LocaleScope german(QStringLiteral("de_DE"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v9.sqlite"));
    const QList<OldMessage> messages = oldMessages();
    const std::map<QString, QList<qint64>> before = writeVersion9Cache(path, messages);
    ASSERT_EQ(before.size(), 4u);
    ASSERT_GT(before.at(QStringLiteral("subject")).size(), 30);

    auto db = Database::open(path, QStringLiteral("v9-upgrade"));
    ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
    QSqlDatabase connection = db.value()->connection();
    MessageStore store(connection);
    QSqlQuery version(connection);
    ASSERT_TRUE(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
    EXPECT_EQ(version.value(0).toInt(), Database::schemaVersion);

    qint64 largest = 0;
    for (const OldMessage &m : messages) {
        largest = std::max(largest, m.id);
        auto raw = store.raw(m.id);
        ASSERT_TRUE(raw.ok()) << m.id;
        EXPECT_EQ(raw.value(), m.raw) << "message " << m.id << " is not byte for byte the same";
        const MessageSummary s = store.message(m.id).value();
        EXPECT_EQ(s.accountId, m.account);
        EXPECT_EQ(s.subject, m.subject.isNull() ? QString(QStringLiteral("")) : m.subject);
        EXPECT_EQ(s.fromName, m.fromName.isNull() ? QString(QStringLiteral("")) : m.fromName);
        EXPECT_EQ(s.folder, m.folder == QLatin1String("trash") ? Folder::Trash : Folder::Inbox);
        EXPECT_EQ(s.date.isValid(), m.date.isValid());
        EXPECT_EQ(s.seen, m.seen);
        EXPECT_EQ(s.partial, m.partial);
        EXPECT_EQ(s.size, m.raw.size());
    }

    const FolderRef inbox{QStringLiteral("1"), Folder::Inbox, {}};
    EXPECT_EQ(store.orderedIds(inbox, SortKey::Subject, false).value(),
              before.at(QStringLiteral("subject")));
    EXPECT_EQ(store.orderedIds(inbox, SortKey::Subject, true).value(),
              before.at(QStringLiteral("subject desc")));
    EXPECT_EQ(store.orderedIds(inbox, SortKey::Sender, false).value(),
              before.at(QStringLiteral("sender")));
    EXPECT_EQ(store.orderedIds(inbox, SortKey::Sender, true).value(),
              before.at(QStringLiteral("sender desc")));

    // Nothing of the collation is left, and the download records are untouched.
    QSqlQuery schema(connection);
    ASSERT_TRUE(schema.exec(QStringLiteral(
                    "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%poplar_locale%'")) &&
                schema.next());
    EXPECT_EQ(schema.value(0).toInt(), 0);
    EXPECT_EQ(store.knownUidls(QStringLiteral("1")).value().size(),
              std::count_if(messages.cbegin(), messages.cend(),
                            [](const OldMessage &m) { return m.account == QLatin1String("1"); }));

    // The search index starts afresh (v4's entries could never be deleted) and fills again.
    SearchIndex index(connection);
    EXPECT_EQ(index.progress().value().indexed, 0);
    while (sync::MessageIndexer(connection).indexPending().value() > 0) {
    }
    EXPECT_TRUE(index.progress().value().complete());
    EXPECT_EQ(index.search(QStringLiteral("Zebra"), 500).value().size(),
              std::count_if(messages.cbegin(), messages.cend(), [](const OldMessage &m) {
                  return m.subject.compare(QLatin1String("zebra"), Qt::CaseInsensitive) == 0;
              }));

    // Ids go on after the largest, and are never handed out again.
    IncomingMessage fresh;
    fresh.accountId = QStringLiteral("1");
    fresh.uidl = QStringLiteral("fresh");
    fresh.raw = test::makeMessage(QStringLiteral("Fresh"), QStringLiteral("a@example.org"),
                                  QStringLiteral("new\n"));
    const qint64 freshId = store.insert(fresh).value();
    EXPECT_GT(freshId, largest);
    ASSERT_TRUE(store.purgeMessage(freshId).ok());
    fresh.uidl = QStringLiteral("fresher");
    EXPECT_GT(store.insert(fresh).value(), freshId);
}

} // namespace

TEST(CacheUpgrade, AnUpgradeThatFailsPartWayLeavesTheCacheAsItWas)
{
    // A version 13 cache whose messages table already has the column the last step adds:
    // step 14 succeeds, step 15 fails. The upgrade is one transaction, so step 14's change
    // is gone too and the cache still says 13: the next Poplar upgrades from a known state.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v13.sqlite"));
    {
        QSqlDatabase db;
        ASSERT_NO_FATAL_FAILURE(test::writeOldCache(db, path, QStringLiteral("v13-writer"), 13));
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(
            QStringLiteral("ALTER TABLE messages ADD COLUMN junk_trained INTEGER DEFAULT 0")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v13-writer"));
    ASSERT_TRUE(Database::migrationScript(14).contains(QLatin1String("CREATE")))
        << "the test expects step 14 to create something";

    auto db = Database::open(path, QStringLiteral("v13-upgrade"));
    ASSERT_FALSE(db.ok()) << "step 15 should have failed on the column that is already there";

    QSqlDatabase check =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v13-check"));
    check.setDatabaseName(path);
    ASSERT_TRUE(check.open());
    {
        QSqlQuery q(check);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        EXPECT_EQ(q.value(0).toInt(), 13);
        // What step 14 created was rolled back with the rest.
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                          "('tags', 'message_tags')")) &&
                    q.next());
        EXPECT_EQ(q.value(0).toInt(), 0);
    }
    check.close();
    QSqlDatabase::removeDatabase(QStringLiteral("v13-check"));
}
