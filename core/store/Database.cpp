// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include "store/SortKeys.h"
#include "store/SqliteHandle.h"
#include "store/TagStore.h"
#include "store/TextCollator.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>

#include <atomic>

namespace poplar::store {

namespace {

// Each entry takes the schema from version N to N+1. Never edit a shipped entry: add one.
const QStringList &migrations()
{
    static const QStringList steps{
        QStringLiteral(R"sql(
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    uidl TEXT,
    folder TEXT NOT NULL DEFAULT 'inbox',
    from_name TEXT NOT NULL DEFAULT '',
    from_address TEXT NOT NULL DEFAULT '',
    to_text TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    date INTEGER,
    size INTEGER NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    partial INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL
);
CREATE INDEX messages_by_folder ON messages(folder, date);
CREATE INDEX messages_by_account ON messages(account_id, uidl);
CREATE TABLE message_bodies (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    raw BLOB NOT NULL
);
CREATE TABLE server_uidls (
    account_id TEXT NOT NULL,
    uidl TEXT NOT NULL,
    state TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    PRIMARY KEY (account_id, uidl)
) WITHOUT ROWID;
)sql"),
        // v2: what each server told of its policy (RFC 2449 LOGIN-DELAY, EXPIRE), and when
        // Poplar last logged in, so a check never comes sooner than the server allows.
        QStringLiteral(R"sql(
CREATE TABLE server_policy (
    account_id TEXT PRIMARY KEY,
    last_login INTEGER,
    login_delay INTEGER,
    expire_days INTEGER
) WITHOUT ROWID;
)sql"),
        // v3: server deletions waiting for the next sync, and why (deleted here, or older than
        // the account's limit). Removed once the server confirmed QUIT, or when undone.
        QStringLiteral(R"sql(
CREATE TABLE server_deletions (
    account_id TEXT NOT NULL,
    uidl TEXT NOT NULL,
    reason TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, uidl)
) WITHOUT ROWID;
CREATE INDEX server_uidls_by_age ON server_uidls(account_id, first_seen);
)sql"),
        // v4: threading and list columns, and a full-text index. The index is contentless
        // (it stores no second copy of the text) and filled after messages arrive, off the
        // download's path; `indexed` says which messages it holds.
        QStringLiteral(R"sql(
ALTER TABLE messages ADD COLUMN cc_text TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN refs TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN has_attachments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_unindexed ON messages(indexed) WHERE indexed = 0;
CREATE INDEX messages_by_message_id ON messages(message_id);
CREATE VIRTUAL TABLE messages_fts USING fts5(subject, addresses, body, content='',
    tokenize='unicode61 remove_diacritics 2');
)sql"),
        // v5: each message's SHA-256, so a server that renumbered its UIDLs (a migration)
        // does not get its mailbox stored twice.
        QStringLiteral(R"sql(
ALTER TABLE messages ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX messages_by_sha256 ON messages(account_id, sha256);
)sql"),
        // v6: the message list pages through a folder newest first (keyset on date, id).
        QStringLiteral(R"sql(
CREATE INDEX messages_page ON messages(folder, account_id, date DESC, id DESC);
)sql"),
        // v7: local folders, filled by importing an mbox or a Maildir. Their messages belong
        // to no server (account "local", no UIDL); '' means "not a local message".
        QStringLiteral(R"sql(
ALTER TABLE messages ADD COLUMN local_folder TEXT NOT NULL DEFAULT '';
)sql"),
        // v8: the message list reads a folder's ids in any column's order from an index
        // instead of sorting the folder, and counts its unread messages without reading
        // every row (the partial index holds only unread ones). local_folder is part of each
        // key so that local folders page as cheaply as accounts (it is '' for them). The
        // sender expression must stay exactly as MessageStore spells it, or SQLite will not
        // use the index; the two columns after it let SQLite read the order from the index
        // alone instead of looking up every row in the table.
        QStringLiteral(R"sql(
CREATE INDEX messages_list_date ON messages(folder, account_id, local_folder, date, id);
CREATE INDEX messages_list_size ON messages(folder, account_id, local_folder, size, date, id);
CREATE INDEX messages_list_subject ON messages(folder, account_id, local_folder,
    subject COLLATE NOCASE, date, id);
CREATE INDEX messages_list_sender ON messages(folder, account_id, local_folder,
    (CASE WHEN from_name = '' THEN from_address ELSE from_name END) COLLATE NOCASE, date, id,
    from_name, from_address);
CREATE INDEX messages_unread ON messages(folder, account_id, local_folder) WHERE seen = 0;
)sql"),
        // v9: sender and subject sort in the user's language (TextCollator) instead of by
        // code point with ASCII case folded. cache_meta says which language's order the
        // indexes hold, so that every connection keeps it and a change of language rebuilds
        // them. The Unified Inbox (every account's Inbox) reads its date order from an index
        // that also holds the account, instead of looking up every row to leave local
        // folders out; it replaces v1's (folder, date).
        QStringLiteral(R"sql(
CREATE TABLE cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
DROP INDEX IF EXISTS messages_list_subject;
DROP INDEX IF EXISTS messages_list_sender;
CREATE INDEX messages_list_subject ON messages(folder, account_id, local_folder,
    subject COLLATE poplar_locale, date, id);
CREATE INDEX messages_list_sender ON messages(folder, account_id, local_folder,
    (CASE WHEN from_name = '' THEN from_address ELSE from_name END) COLLATE poplar_locale,
    date, id, from_name, from_address);
DROP INDEX IF EXISTS messages_by_folder;
CREATE INDEX messages_by_folder_date ON messages(folder, date, id, account_id);
)sql"),
        // v10: download records belong to the mailbox they came from (host, port and user),
        // not to the account's number, so an account edited to read another mailbox starts
        // afresh instead of taking that mailbox's messages for known ones. Each record keeps
        // what proves it is still the same message: LIST's size, the bytes received and a key
        // of its headers; and it points at its cached copy by id, so a UIDL can pass to
        // another message (servers that number their UIDLs) without losing track. Mailbox 0
        // holds the records made before: the account's first mailbox takes them over.
        // A queued server deletion names its record, so it follows the message through a
        // rename and never reaches another mailbox's message with the same UIDL.
        QStringLiteral(R"sql(
CREATE TABLE mailboxes (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    user TEXT NOT NULL,
    UNIQUE (account_id, host, port, user)
);
CREATE TABLE downloads (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    mailbox_id INTEGER NOT NULL,
    uidl TEXT,
    state TEXT NOT NULL,
    listed_size INTEGER NOT NULL DEFAULT -1,
    received_size INTEGER NOT NULL DEFAULT -1,
    header_key BLOB,
    message_id INTEGER,
    first_seen INTEGER NOT NULL
);
CREATE UNIQUE INDEX downloads_by_uidl ON downloads(account_id, mailbox_id, uidl);
CREATE INDEX downloads_by_message ON downloads(message_id);
CREATE INDEX downloads_by_age ON downloads(account_id, first_seen);
INSERT INTO downloads (account_id, mailbox_id, uidl, state, received_size, message_id, first_seen)
    SELECT u.account_id, 0, u.uidl, u.state,
        COALESCE((SELECT m.size FROM messages m WHERE m.account_id = u.account_id
                  AND m.uidl = u.uidl ORDER BY m.id DESC LIMIT 1), -1),
        (SELECT m.id FROM messages m WHERE m.account_id = u.account_id AND m.uidl = u.uidl
         ORDER BY m.id DESC LIMIT 1),
        u.first_seen
    FROM server_uidls u;
UPDATE downloads SET state = 'headers-only' WHERE state = 'partial';
ALTER TABLE server_deletions ADD COLUMN download_id INTEGER;
UPDATE server_deletions SET download_id = (SELECT d.id FROM downloads d
    WHERE d.account_id = server_deletions.account_id AND d.uidl = server_deletions.uidl);
DROP INDEX IF EXISTS server_uidls_by_age;
DROP TABLE server_uidls;
)sql"),
        // v11: an ordinary SQLite file, and a search index that forgets.
        // - Sender and subject sort by stored ICU sort keys (BLOBs, compared byte by byte:
        //   SortKeys.h) instead of v9's collation, which no other SQLite has: the stock
        //   sqlite3 shell could not check, vacuum or write the cache. poplar_sort_key is
        //   registered on Poplar's connections only for statements like this one; nothing in
        //   the schema names it. Keys are computed in the language this connection opened
        //   with, and Database::open records it.
        // - Ids are never reused (AUTOINCREMENT), so a new message never inherits anything
        //   of a purged one. SQLite cannot add that to a table: messages is copied into a new
        //   one (its rows only: bodies stay where they are; foreign keys are off meanwhile,
        //   or dropping the old table would delete them).
        // - The full-text index reads its text from search_text (external content), which
        //   keeps exactly what was indexed, so deleting a message deletes its words (a
        //   contentless index, v4's, can delete only given that text, and SQLite 3.40 has no
        //   contentless_delete). Triggers do it for every writer, the sqlite3 shell too.
        //   v4's entries cannot be deleted for want of their text: the index starts afresh
        //   and every message is indexed again, in the background.
        // - Search reads every message newest first: messages_by_date.
        QStringLiteral(R"sql(
CREATE TABLE messages_v11 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    uidl TEXT,
    folder TEXT NOT NULL DEFAULT 'inbox',
    from_name TEXT NOT NULL DEFAULT '',
    from_address TEXT NOT NULL DEFAULT '',
    to_text TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    date INTEGER,
    size INTEGER NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    partial INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL,
    cc_text TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    in_reply_to TEXT NOT NULL DEFAULT '',
    refs TEXT NOT NULL DEFAULT '',
    flagged INTEGER NOT NULL DEFAULT 0,
    has_attachments INTEGER NOT NULL DEFAULT 0,
    indexed INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL DEFAULT '',
    local_folder TEXT NOT NULL DEFAULT '',
    sender_key BLOB NOT NULL DEFAULT x'',
    subject_key BLOB NOT NULL DEFAULT x''
);
INSERT INTO messages_v11 (id, account_id, uidl, folder, from_name, from_address, to_text,
    subject, date, size, seen, partial, received_at, cc_text, message_id, in_reply_to, refs,
    flagged, has_attachments, indexed, sha256, local_folder, sender_key, subject_key)
SELECT id, account_id, uidl, folder, from_name, from_address, to_text,
    subject, date, size, seen, partial, received_at, cc_text, message_id, in_reply_to, refs,
    flagged, has_attachments, 0, sha256, local_folder,
    poplar_sort_key(CASE WHEN from_name = '' THEN from_address ELSE from_name END),
    poplar_sort_key(subject)
FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v11 RENAME TO messages;
CREATE INDEX messages_by_account ON messages(account_id, uidl);
CREATE INDEX messages_unindexed ON messages(indexed) WHERE indexed = 0;
CREATE INDEX messages_by_message_id ON messages(message_id);
CREATE INDEX messages_by_sha256 ON messages(account_id, sha256);
CREATE INDEX messages_page ON messages(folder, account_id, date DESC, id DESC);
CREATE INDEX messages_list_date ON messages(folder, account_id, local_folder, date, id);
CREATE INDEX messages_list_size ON messages(folder, account_id, local_folder, size, date, id);
CREATE INDEX messages_list_subject ON messages(folder, account_id, local_folder, subject_key,
    date, id);
CREATE INDEX messages_list_sender ON messages(folder, account_id, local_folder, sender_key,
    date, id);
CREATE INDEX messages_unread ON messages(folder, account_id, local_folder) WHERE seen = 0;
CREATE INDEX messages_by_folder_date ON messages(folder, date, id, account_id);
CREATE INDEX messages_by_date ON messages(date, id);
DROP TABLE IF EXISTS messages_fts;
CREATE TABLE search_text (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    addresses TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE VIRTUAL TABLE messages_fts USING fts5(subject, addresses, body, content='search_text',
    content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER search_text_added AFTER INSERT ON search_text BEGIN
    INSERT INTO messages_fts (rowid, subject, addresses, body)
        VALUES (new.id, new.subject, new.addresses, new.body);
END;
CREATE TRIGGER search_text_removed AFTER DELETE ON search_text BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, subject, addresses, body)
        VALUES ('delete', old.id, old.subject, old.addresses, old.body);
END;
CREATE TRIGGER search_text_changed AFTER UPDATE ON search_text BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, subject, addresses, body)
        VALUES ('delete', old.id, old.subject, old.addresses, old.body);
    INSERT INTO messages_fts (rowid, subject, addresses, body)
        VALUES (new.id, new.subject, new.addresses, new.body);
END;
CREATE TRIGGER messages_leave_search AFTER DELETE ON messages BEGIN
    DELETE FROM search_text WHERE id = old.id;
END;
)sql"),
        // v12: mail going out (issue 16). The message itself is a row of messages in folder
        // 'outbox' (then 'sent'), its bytes exactly those to send; this is its envelope (Bcc
        // included, which no header holds) and its delivery state. final_dot is set, and
        // committed, before the final "." of an attempt goes out: found set after a crash, it
        // means the server may have the message, so a new attempt is marked maybe_sent and the
        // user is told.
        QStringLiteral(R"sql(
CREATE TABLE outgoing (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL,
    envelope_from TEXT NOT NULL,
    recipients TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    server_text TEXT NOT NULL DEFAULT '',
    final_dot INTEGER NOT NULL DEFAULT 0,
    maybe_sent INTEGER NOT NULL DEFAULT 0,
    queued_at INTEGER NOT NULL,
    sent_at INTEGER
);
CREATE INDEX outgoing_by_state ON outgoing(state, next_attempt);
)sql"),
        // v13: sorting mail as it arrives (issue 17). A server account's message may now be
        // in a named folder of the account (local_folder, as imported mail is), filed there
        // by a rule of filters.sieve in the transaction that stored it; filed_by and
        // filed_by_line name that rule (line 0: no rule). junk is the server's spam verdict
        // and junk_reason the header that gave it. The Unified Inbox leaves filed mail out, and
        // reads that from its index too, as v9 made it read the account.
        QStringLiteral(R"sql(
ALTER TABLE messages ADD COLUMN filed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN filed_by_line INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN junk INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN junk_reason TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS messages_by_folder_date;
CREATE INDEX messages_by_folder_date ON messages(folder, date, id, account_id, local_folder);
)sql"),
        // v14: tags (issue 17). Named and coloured, in the order keys 1-5 reach them; seeded
        // with Thunderbird's five so the keys do what its users expect. A message's tags are
        // rows of message_tags, read by message (the list) and by tag (tag: in a search);
        // they leave with the message when it is purged, as its words do.
        QStringLiteral(R"sql(
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    colour TEXT NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO tags (name, colour, position) VALUES
    ('Important', '#ff0000', 1), ('Work', '#ff9900', 2), ('Personal', '#009900', 3),
    ('To Do', '#3333ff', 4), ('Later', '#993399', 5);
CREATE TABLE message_tags (
    message_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (message_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX message_tags_by_tag ON message_tags(tag_id, message_id);
CREATE TRIGGER messages_leave_tags AFTER DELETE ON messages BEGIN
    DELETE FROM message_tags WHERE message_id = old.id;
END;
)sql"),
        // v15: the adaptive junk classifier (issue 17). junk_trained says how a message has
        // taught bogofilter's word list (0 not, 1 as junk, 2 as good: junk::Training), so a
        // change of mind moves its words to the other side instead of counting them twice.
        QStringLiteral(R"sql(
ALTER TABLE messages ADD COLUMN junk_trained INTEGER NOT NULL DEFAULT 0;
)sql"),
        // v16: each tag's keyword (TagKeywords.h): what a filter's addflag and an IMAP
        // server call it, one atom, so "To Do" can be added by a rule. Thunderbird's
        // $label1..$label5 for the defaults; it never changes, so a renamed tag keeps its
        // rules. Unique in any case among the tags that have one. The other tags get
        // theirs made from their names by TagStore::fillKeywords, which Database::migrate
        // runs right after this step, in the same transaction.
        QStringLiteral(R"sql(
ALTER TABLE tags ADD COLUMN keyword TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
UPDATE tags SET keyword = '$label1' WHERE name = 'Important';
UPDATE tags SET keyword = '$label2' WHERE name = 'Work';
UPDATE tags SET keyword = '$label3' WHERE name = 'Personal';
UPDATE tags SET keyword = '$label4' WHERE name = 'To Do';
UPDATE tags SET keyword = '$label5' WHERE name = 'Later';
CREATE UNIQUE INDEX tags_by_keyword ON tags(keyword) WHERE keyword <> '';
)sql"),
        // v17: what the last full listing of a mailbox proved (ListingSnapshots.h), so that a
        // check of a large mailbox that keeps its mail on the server lists only what came
        // after it (sync/QuickListing.h) instead of 100,000 UIDLs. Goes with its mailbox.
        QStringLiteral(R"sql(
CREATE TABLE listing_snapshots (
    mailbox_id INTEGER PRIMARY KEY REFERENCES mailboxes(id) ON DELETE CASCADE,
    message_count INTEGER NOT NULL,
    octets INTEGER NOT NULL,
    probes BLOB NOT NULL,
    taken INTEGER NOT NULL
);
)sql"),
        // v18: copies are looked up by the first 12 hex digits of their checksum (the rows
        // hold it whole, and each lookup compares it too). An entry of the index is ~22 bytes
        // instead of ~74, and a new message's entry lands at random in it, so a commit
        // rewrites most of its pages: filling a cache to 100,000 messages took 9.6 s with
        // the whole checksum indexed (tests/bench, BM_MessageStore_FillToScale). The index
        // by account and UIDL goes: nothing looks messages up by UIDL since the download
        // records hold them (v10), and what looks them up by account alone uses this one.
        QStringLiteral(R"sql(
DROP INDEX messages_by_sha256;
DROP INDEX messages_by_account;
CREATE INDEX messages_by_digest ON messages(account_id, substr(sha256, 1, 12));
)sql"),
    };
    return steps;
}

// The primary result codes that mean the file itself is broken, not the statement.
bool isDamage(int sqliteCode)
{
    const int primary = sqliteCode & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

Status exec(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return storageError(what, query.lastError().text());
    return {};
}

} // namespace

Error storageError(const QString &what, const QString &sqliteText)
{
    Error error{Error::Code::Storage, what, {}};
    if (!sqliteText.trimmed().isEmpty())
        error.detail += QStringLiteral(": ") + sqliteText.trimmed();
    return error;
}

Result<QString> moveCacheAside(const QString &path, const QDateTime &now)
{
    const QString target = path + QStringLiteral(".damaged-") +
                           now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFile::exists(target))
        return Error{Error::Code::Storage, QStringLiteral("%1 already exists").arg(target), {}};
    // The WAL and shared-memory files belong to the damaged database: they go with it.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!QFile::exists(path + suffix))
            continue;
        if (!QFile::rename(path + suffix, target + suffix)) {
            return Error{Error::Code::Storage,
                         QStringLiteral("Cannot move %1 aside").arg(path + suffix),
                         {}};
        }
    }
    return target;
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Status Database::prepare(const QString &path)
{
    // Unique per thread, as connection names must be.
    const QString name =
        QStringLiteral("poplar-prepare-%1").arg(quintptr(QThread::currentThreadId()), 0, 16);
    auto database = open(path, name);
    if (!database)
        return database.error();
    database.value()->leaveWalOnClose();
    return {};
}

void Database::leaveWalOnClose()
{
    if (sqlite3 *handle = sql::sqliteHandle(connection()))
        sqlite3_db_config(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const QString &connectionName,
                                                 SortLanguage language)
{
    if (QSqlDatabase::contains(connectionName))
        return Error{Error::Code::Storage,
                     QStringLiteral("Internal error: cache connection %1 is already open")
                         .arg(connectionName),
                     {}};
    std::unique_ptr<Database> database(new Database(path, connectionName));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        return storageError(QStringLiteral("Cannot open the mail cache %1").arg(path),
                            db.lastError().text());
    }
    if (Status s = database->configure(); !s)
        return s.error();
    const QString storedLanguage = cacheMeta(db, QStringLiteral("collation_locale"));
    const QString sortLanguage = language == SortLanguage::User || storedLanguage.isEmpty()
                                     ? QLocale().name()
                                     : storedLanguage;
    auto version = database->userVersion();
    if (!version)
        return version.error();
    if (version.value() < firstWithSortKeys) {
        // Schema 9's indexes (built by the v9 step, too) compare with this collation until
        // the v11 step drops them.
        if (Status s = TextCollator::registerOn(db, sortLanguage); !s)
            return s.error();
    }
    // Upgrades and writes compute sort keys with it.
    if (Status s = sortkeys::registerFunction(db, sortLanguage); !s)
        return s.error();
    if (Status s = database->migrate(version.value()); !s)
        return s.error();
    // The upgrade to v11 keyed every message in sortLanguage; afterwards keys follow the
    // cache's language, re-keyed in the background when it changes.
    if (Status s = version.value() < firstWithSortKeys
                       ? sortkeys::switchLanguage(db, sortLanguage, true)
                       : database->keepSortOrder(sortLanguage);
        !s)
        return s.error();
    return database;
}

Status Database::configure()
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    // The first read tells a cache from a file that is not one ("file is not a database").
    if (!query.exec(QStringLiteral("PRAGMA schema_version")) || !query.next()) {
        Error error = storageError(
            QStringLiteral("The mail cache %1 is damaged or is not a Poplar cache").arg(m_path),
            query.lastError().text());
        error.code = Error::Code::CacheDamaged;
        return error;
    }
    query.finish();
    const QStringList pragmas{
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // FULL: a committed message survives power loss, because DELE may follow the commit.
        QStringLiteral("PRAGMA synchronous = FULL"),
        // Raw messages are most of what the cache holds: 64 KB pages store a 20 KB message in
        // one page instead of a chain of five, and every byte goes through the WAL and the
        // checkpoint with a sixteenth of the per-page work. Takes effect in a new cache only.
        QStringLiteral("PRAGMA page_size = 65536"),
    };
    for (const QString &pragma : pragmas) {
        if (Status s = exec(db, pragma, QStringLiteral("Cannot configure the mail cache")); !s)
            return s;
    }
    // Space freed by deleted mail can go back to the disk in short steps
    // (CacheCompactor::giveBack) while Poplar runs, instead of one VACUUM that holds every
    // writer. Takes effect in a new cache, or at an older one's next VACUUM. Asked only when
    // the cache does not have it yet: setting it again is a write transaction of its own (the
    // database header through the WAL, and an fsync) at every opening of every connection.
    constexpr int incrementalVacuum = 2;
    if (!query.exec(QStringLiteral("PRAGMA auto_vacuum")) || !query.next())
        return storageError(QStringLiteral("Cannot configure the mail cache"),
                            query.lastError().text());
    const bool hasIncrementalVacuum = query.value(0).toInt() == incrementalVacuum;
    query.finish();
    if (!hasIncrementalVacuum) {
        if (Status s = exec(db, QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"),
                            QStringLiteral("Cannot configure the mail cache"));
            !s)
            return s;
    }
    if (m_path != QLatin1String(":memory:")) {
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
            query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            return storageError(QStringLiteral("Cannot switch the mail cache to WAL mode"),
                                query.lastError().text());
        }
    }
    return {};
}

QString cacheMeta(const QSqlDatabase &db, const QString &key)
{
    // Absent before v9: a query that fails reads as "nothing stored".
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM cache_meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

Status Database::keepSortOrder(const QString &language)
{
    // Keys of another language (or of other ICU rules) still give the right rows in some
    // order: they are refreshed in the background (sortkeys::refresh), nothing waits here.
    if (cacheMeta(connection(), QStringLiteral("collation")) == TextCollator(language).tag())
        return {};
    return sortkeys::switchLanguage(connection(), language, false);
}

Result<int> Database::userVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return storageError(QStringLiteral("Cannot read the cache version"),
                            query.lastError().text());
    return query.value(0).toInt();
}

Status Database::migrate(int version)
{
    if (version > schemaVersion) {
        return Error{Error::Code::Storage,
                     QStringLiteral("The mail cache %1 was written by a newer Poplar (version %2); "
                                    "this one understands up to version %3")
                         .arg(m_path)
                         .arg(version)
                         .arg(schemaVersion),
                     {}};
    }
    if (version == schemaVersion)
        return {};
    QSqlDatabase db = connection();
    sqlite3 *handle = sql::sqliteHandle(db);
    if (!handle)
        return storageError(QStringLiteral("Cannot upgrade the mail cache"), {});
    // An upgrade may copy a table into a new one: with foreign keys on, dropping the old one
    // would delete every row that refers to it (message bodies). The pragma is ignored in a
    // transaction, so it is set around them, and set back however the upgrade ends.
    if (Status s = exec(db, QStringLiteral("PRAGMA foreign_keys = OFF"),
                        QStringLiteral("Cannot upgrade the mail cache"));
        !s)
        return s;
    const auto foreignKeysBack =
        qScopeGuard([&db] { QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON")); });
    // One transaction for every step: an upgrade happens whole or not at all, and a new
    // cache (every step) costs one fsync instead of one per step (50 ms of a first sync).
    Transaction txn(db);
    if (!txn.active())
        return storageError(QStringLiteral("Cannot start a cache upgrade"), txn.beginError());
    // Read again under the write lock: another Poplar may have upgraded it meanwhile.
    auto current = userVersion();
    if (!current)
        return current.error();
    if (current.value() >= schemaVersion)
        return {}; // done by the other one (a newer one is told apart at the next open)
    const QStringList &steps = migrations();
    for (int v = current.value(); v < schemaVersion; ++v) {
        // sqlite3_exec runs a script of statements (triggers have ';' inside them).
        char *message = nullptr;
        const QByteArray script = steps.at(v).toUtf8();
        if (sqlite3_exec(handle, script.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
            const QString why = QString::fromUtf8(message ? message : sqlite3_errmsg(handle));
            sqlite3_free(message);
            Error error = storageError(QStringLiteral("Cannot upgrade the mail cache"), why);
            if (isDamage(sqlite3_errcode(handle)))
                error.code = Error::Code::CacheDamaged;
            return error;
        }
        if (v + 1 == firstWithTagKeywords) {
            // What SQL cannot do: keywords made from names, unique.
            if (Status s = TagStore(db).fillKeywords(); !s)
                return s;
        }
    }
    if (Status s = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion),
                        QStringLiteral("Cannot record the cache version"));
        !s)
        return s;
    return txn.commit();
}

QString Database::migrationScript(int toVersion)
{
    const QStringList &steps = migrations();
    return toVersion >= 1 && toVersion <= steps.size() ? steps.at(toVersion - 1) : QString();
}

namespace {
/// Immediate transactions between their BEGIN and its answer, in every thread.
std::atomic<int> s_writersWaiting{0};
} // namespace

Transaction::Transaction(QSqlDatabase db, Lock lock)
    : m_db(std::move(db))
{
    if (lock == Lock::Deferred) {
        m_active = m_db.transaction();
        if (!m_active)
            m_beginError = m_db.lastError().text();
        return;
    }
    // QSqlDatabase::commit() and rollback() end it as they end one begun by transaction().
    QSqlQuery begin(m_db);
    s_writersWaiting.fetch_add(1, std::memory_order_relaxed);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    s_writersWaiting.fetch_sub(1, std::memory_order_relaxed);
    if (!m_active)
        m_beginError = begin.lastError().text();
}

int Transaction::writersWaiting()
{
    return s_writersWaiting.load(std::memory_order_relaxed);
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return storageError(QStringLiteral("No transaction to commit"), m_db.lastError().text());
    m_active = false;
    if (!m_db.commit()) {
        const QString why = m_db.lastError().text();
        m_db.rollback();
        return storageError(QStringLiteral("Cannot save to the mail cache"), why);
    }
    return {};
}

} // namespace poplar::store
