// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace poplar::store {

/// One SQLite connection to the cache, owned by the thread that opened it (QtSql's rule).
/// Opening sets WAL, a busy timeout and foreign keys, and brings the schema up to date.
/// The connection is closed and removed when the object dies; it must die on its thread.
class Database {
public:
    /// Whose language sender and subject sort by (see SortKeys.h). The cache keeps one
    /// language for all its connections: a sync started from a cron job with LANG=C keys
    /// new mail in the cache's language, not in C's.
    enum class SortLanguage {
        Stored, ///< the cache's (the user's locale when the cache is new)
        User,   ///< QLocale()'s; if the cache's was another, its keys are marked for
                ///< re-keying in the background (sortkeys::refresh): the GUI's choice
    };

    /// Opens (creating if needed) the cache at `path`. `connectionName` must be unique per
    /// thread; ":memory:" as path gives a private in-memory cache for tests.
    [[nodiscard]] static Result<std::unique_ptr<Database>>
    open(const QString &path, const QString &connectionName,
         SortLanguage language = SortLanguage::Stored);
    /// Creates the cache at `path`, or upgrades it, on a connection of its own that it closes
    /// again, leaving the WAL to the next: for a thread that readies the cache for another
    /// (a new cache's schema takes tens of milliseconds to write).
    [[nodiscard]] static Status prepare(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    [[nodiscard]] QSqlDatabase connection() const;
    /// Closing this connection, even as the last one, neither checkpoints nor deletes the
    /// WAL: the next connection to open the cache reads its valid frames (a few, after a
    /// checkpoint) and uses the file again. For a process that is about to exit.
    void leaveWalOnClose();
    [[nodiscard]] const QString &path() const { return m_path; }

    /// The schema version this build writes (PRAGMA user_version).
    static constexpr int schemaVersion = 18;
    /// The first version whose lists sort by stored keys (SortKeys.h) instead of the
    /// poplar_locale collation.
    static constexpr int firstWithSortKeys = 11;
    /// The first version whose tags have keywords. Its step leaves most of them to
    /// TagStore::fillKeywords, which migrate() runs after it: a test that builds a cache
    /// from migrationScript() up to it or beyond must run that too.
    static constexpr int firstWithTagKeywords = 16;
    /// The SQL that takes a cache from `toVersion - 1` to `toVersion` (for tests that build
    /// an old cache), or empty.
    [[nodiscard]] static QString migrationScript(int toVersion);

private:
    Database(QString path, QString connectionName);
    Status configure();
    [[nodiscard]] Result<int> userVersion() const;
    Status migrate(int version);
    /// Marks the stored sort keys for re-keying if they are in another order than
    /// `language`'s (another language, or ICU's rules changed).
    Status keepSortOrder(const QString &language);

    QString m_path;
    QString m_connectionName;
};

/// Rolls back unless commit() was called: every multi-statement write goes through one.
/// Immediate by default: the window's import failed 1 time in 12 as a deferred one, while
/// the window's other connections wrote.
class Transaction {
public:
    /// Deferred: the write lock is taken at the first write. Immediate: it is taken at the
    /// start (waiting as long as the busy timeout allows). A transaction that reads before it
    /// writes must be Immediate when other connections write meanwhile: a deferred one cannot
    /// take the lock at all once another connection has committed since its first read
    /// (SQLite answers "database is locked" at once; the busy timeout does not help).
    enum class Lock { Deferred, Immediate };

    explicit Transaction(QSqlDatabase db, Lock lock = Lock::Immediate);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    [[nodiscard]] bool active() const { return m_active; }
    /// How many Immediate transactions of this process are beginning now, that is waiting
    /// for the write lock, or about to: a long change gives way to them between its
    /// transactions (sync::BulkActions).
    [[nodiscard]] static int writersWaiting();
    /// Why it could not begin (SQLite's words), when it is not active.
    [[nodiscard]] const QString &beginError() const { return m_beginError; }
    [[nodiscard]] Status commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_beginError;
};

/// Renames a damaged cache (and its -wal/-shm files) to "<path>.damaged-<UTC time>", so a
/// fresh cache can start without anything being overwritten. Returns the new name.
[[nodiscard]] Result<QString> moveCacheAside(const QString &path, const QDateTime &now);

/// A value from the cache's cache_meta table ("collation_locale", say), or empty when it
/// has none (or the cache predates the table).
[[nodiscard]] QString cacheMeta(const QSqlDatabase &db, const QString &key);

/// A Storage error that names what failed and SQLite's own words.
[[nodiscard]] Error storageError(const QString &what, const QString &sqliteText);

} // namespace poplar::store
