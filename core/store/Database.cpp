// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include "store/TextCollator.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

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
        // v11: mail going out (issue 16). The message itself is a row of messages in folder
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
    };
    return steps;
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
    // Before the schema: the v9 upgrade builds indexes in this order.
    const QString storedLanguage = cacheMeta(db, QStringLiteral("collation_locale"));
    const QString sortLanguage = language == SortLanguage::User || storedLanguage.isEmpty()
                                     ? QLocale().name()
                                     : storedLanguage;
    if (Status s = TextCollator::registerOn(db, sortLanguage); !s)
        return s.error();
    if (Status s = database->migrate(); !s)
        return s.error();
    if (Status s = database->keepSortOrder(sortLanguage); !s)
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
    const QString tag = TextCollator(language).tag();
    const QString storedTag = cacheMeta(connection(), QStringLiteral("collation"));
    if (storedTag == tag)
        return {};
    QSqlDatabase db = connection();
    Transaction txn(db);
    if (!txn.active())
        return storageError(QStringLiteral("Cannot start sorting the cache anew"),
                            db.lastError().text());
    // Indexes built in another order (another language, or ICU's rules changed) would send
    // SQLite looking for rows where they are not: rebuild them in this one. A fresh cache
    // has no rows, so this costs nothing there.
    if (!storedTag.isEmpty()) {
        if (Status s = exec(db, QStringLiteral("REINDEX %1").arg(TextCollator::sqlName()),
                            QStringLiteral("Cannot sort the cache anew"));
            !s)
            return s;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO cache_meta(key, value) VALUES "
                                 "('collation', ?), ('collation_locale', ?)"));
    query.addBindValue(tag);
    query.addBindValue(language);
    if (!query.exec())
        return storageError(QStringLiteral("Cannot record the cache's sort order"),
                            query.lastError().text());
    return txn.commit();
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return storageError(QStringLiteral("Cannot read the cache version"),
                            query.lastError().text());
    const int version = query.value(0).toInt();
    query.finish();
    if (version > schemaVersion) {
        return Error{Error::Code::Storage,
                     QStringLiteral("The mail cache %1 was written by a newer Poplar (version %2); "
                                    "this one understands up to version %3")
                         .arg(m_path)
                         .arg(version)
                         .arg(schemaVersion),
                     {}};
    }
    const QStringList &steps = migrations();
    for (int v = version; v < schemaVersion; ++v) {
        Transaction txn(db);
        if (!txn.active())
            return storageError(QStringLiteral("Cannot start a cache upgrade"),
                                db.lastError().text());
        // QSQLITE runs one statement per exec(): split the script on ';'.
        const QStringList statements = steps.at(v).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (Status s = exec(db, statement, QStringLiteral("Cannot upgrade the mail cache")); !s)
                return s;
        }
        if (Status s = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(v + 1),
                            QStringLiteral("Cannot record the cache version"));
            !s)
            return s;
        if (Status s = txn.commit(); !s)
            return s;
    }
    return {};
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = m_db.transaction();
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
