// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <atomic>

struct sqlite3;

namespace poplar::store {

/// Gives the space that deleted mail left inside the cache back to the disk, two ways:
///
/// - compact(): SQLite's VACUUM, the safe way: the write-ahead log is emptied first, the
///   disk must have room for the copy VACUUM makes (SQLite's temporary file, and the log it
///   writes through), and the log is emptied again afterwards so that the file really
///   shrinks. Readers on other connections go on meanwhile; every writer waits until it is
///   done, so it is for when nothing else writes (`poplarctl compact`, Poplar's start).
///   It also turns on incremental vacuuming in a cache made before it was the default.
/// - giveBack(): in a cache with incremental vacuuming (every cache Poplar makes, and every
///   one compacted once), a few pages at a time, each step a short transaction: the window
///   and the sync write between steps.
///
/// Runs on the thread that owns the connection; interrupt() may be called from any thread.
class CacheCompactor {
    Q_DECLARE_TR_FUNCTIONS(poplar::store::CacheCompactor)

public:
    /// The space in the cache: what it takes on disk, and how much of that is unused.
    struct Space {
        qint64 fileBytes = 0;     ///< the file and its write-ahead log
        qint64 unusedBytes = 0;   ///< free pages: what compacting gives back (about)
        qint64 liveBytes = 0;     ///< pages in use: what the compacted copy takes
        bool incremental = false; ///< giveBack() works (auto_vacuum is incremental)
    };
    struct Outcome {
        qint64 bytesBefore = 0;
        qint64 bytesAfter = 0;
    };

    /// `db` is an open connection to the cache at `path` (Database::connection()).
    CacheCompactor(QSqlDatabase db, QString path);

    [[nodiscard]] Result<Space> space() const;
    /// Compacts. Fails, changing nothing, when the disk has no room for it (the error says
    /// how much is needed where) or when another connection is writing for too long.
    [[nodiscard]] Result<Outcome> compact();
    /// Moves up to `pages` pages from the end of the file into free ones and cuts the end
    /// off, in one short transaction; returns the unused bytes left. Needs incremental
    /// vacuuming (Space::incremental).
    [[nodiscard]] Result<qint64> giveBack(int pages);
    /// After the last giveBack(): empties the write-ahead log, so that the file shrinks now
    /// (another connection reading can hold that back until its next checkpoint).
    void finishGivingBack();
    /// Stops a compact() in progress as soon as SQLite can (it then fails, Cancelled, and
    /// the cache stays as it was).
    void interrupt();

    /// The directory SQLite puts VACUUM's temporary copy in (it follows SQLITE_TMPDIR and
    /// TMPDIR, then /var/tmp, /usr/tmp, /tmp).
    [[nodiscard]] static QString sqliteTempDirectory();

private:
    [[nodiscard]] Status checkRoom(qint64 liveBytes) const;
    [[nodiscard]] qint64 bytesOnDisk() const;

    QSqlDatabase m_db;
    QString m_path;
    sqlite3 *m_handle = nullptr;
    std::atomic<bool> m_interrupted{false};
};

} // namespace poplar::store
