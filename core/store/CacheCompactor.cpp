// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/CacheCompactor.h"

#include "store/Database.h"
#include "store/SqliteHandle.h"
#include "util/DataSize.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QVariant>

#include <sqlite3.h>

namespace poplar::store {

namespace {

// Beyond the copy itself: SQLite's journal pages, file-system blocks, other programs.
qint64 withMargin(qint64 bytes)
{
    return bytes + bytes / 20 + 8 * 1024 * 1024;
}

Result<qint64> pragmaNumber(const QSqlDatabase &db, const QString &pragma)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(pragma)) || !q.next())
        return storageError(QStringLiteral("Cannot measure the mail cache"), q.lastError().text());
    return q.value(0).toLongLong();
}

} // namespace

CacheCompactor::CacheCompactor(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(std::move(path))
    , m_handle(sql::sqliteHandle(m_db))
{}

QString CacheCompactor::sqliteTempDirectory()
{
    // The order SQLite's unix VFS tries (unixTempFileDir).
    QStringList candidates;
    for (const char *variable : {"SQLITE_TMPDIR", "TMPDIR"}) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty())
            candidates.append(value);
    }
    candidates << QStringLiteral("/var/tmp") << QStringLiteral("/usr/tmp")
               << QStringLiteral("/tmp");
    for (const QString &dir : std::as_const(candidates)) {
        const QFileInfo info(dir);
        if (info.isDir() && info.isWritable())
            return dir;
    }
    return QDir::currentPath();
}

qint64 CacheCompactor::bytesOnDisk() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

Result<CacheCompactor::Space> CacheCompactor::space() const
{
    auto pages = pragmaNumber(m_db, QStringLiteral("page_count"));
    auto freePages = pragmaNumber(m_db, QStringLiteral("freelist_count"));
    auto pageSize = pragmaNumber(m_db, QStringLiteral("page_size"));
    auto autoVacuum = pragmaNumber(m_db, QStringLiteral("auto_vacuum"));
    for (const auto *r : {&pages, &freePages, &pageSize, &autoVacuum}) {
        if (!*r)
            return r->error();
    }
    Space space;
    space.incremental = autoVacuum.value() == 2;
    space.fileBytes = bytesOnDisk();
    space.unusedBytes = freePages.value() * pageSize.value();
    space.liveBytes = (pages.value() - freePages.value()) * pageSize.value();
    return space;
}

Status CacheCompactor::checkRoom(qint64 liveBytes) const
{
    // VACUUM builds the compacted copy in a temporary file, then writes it through the
    // write-ahead log beside the cache: each place needs room for the whole copy.
    const QStorageInfo cacheDisk(QFileInfo(m_path).absolutePath());
    const QStorageInfo tempDisk(sqliteTempDirectory());
    const bool oneDisk = cacheDisk.isValid() && tempDisk.isValid() &&
                         cacheDisk.rootPath() == tempDisk.rootPath() &&
                         cacheDisk.device() == tempDisk.device();
    struct Need {
        const QStorageInfo &disk;
        qint64 bytes;
    };
    QList<Need> needs;
    if (oneDisk)
        needs.append({cacheDisk, withMargin(2 * liveBytes)});
    else
        needs << Need{cacheDisk, withMargin(liveBytes)} << Need{tempDisk, withMargin(liveBytes)};
    for (const Need &need : needs) {
        if (!need.disk.isValid())
            continue; // nothing to measure with: SQLite will say if it runs out
        if (need.disk.bytesAvailable() < need.bytes) {
            return Error{Error::Code::Storage,
                         tr("Compacting the mail cache needs about %1 free on %2; there is %3. "
                            "Nothing was changed.")
                             .arg(dataSizeText(need.bytes), need.disk.rootPath(),
                                  dataSizeText(need.disk.bytesAvailable())),
                         {}};
        }
    }
    return {};
}

Result<CacheCompactor::Outcome> CacheCompactor::compact()
{
    Outcome outcome;
    outcome.bytesBefore = bytesOnDisk();
    const auto run = [this](const QString &sql) -> Status {
        if (m_interrupted)
            return Error{Error::Code::Cancelled, tr("Compacting was stopped"), {}};
        QSqlQuery q(m_db);
        if (q.exec(sql)) {
            while (q.next()) {
            }
            return {};
        }
        if (m_interrupted)
            return Error{Error::Code::Cancelled, tr("Compacting was stopped"), {}};
        return storageError(tr("Cannot compact the mail cache"), q.lastError().text());
    };
    // What the log holds goes into the file first, so that the free pages are counted right
    // and the log does not hold a second copy of them while VACUUM writes a third.
    if (Status s = run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); !s)
        return s.error();
    // The search index's segments merged into one: smaller, and faster to search.
    {
        QSqlQuery fts(m_db);
        if (fts.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'search_text'")) &&
            fts.next()) {
            fts.finish();
            if (Status s = run(
                    QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')"));
                !s)
                return s.error();
        }
    }
    auto before = space();
    if (!before)
        return before.error();
    if (Status s = checkRoom(before.value().liveBytes); !s)
        return s.error();
    // A cache made before incremental vacuuming was the default gets it with this VACUUM.
    if (Status s = run(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL")); !s)
        return s.error();
    if (Status s = run(QStringLiteral("VACUUM")); !s)
        return s.error();
    // The compacted pages are in the log: copying them into the file is what shrinks it.
    // Another connection reading meanwhile can hold that back; the next checkpoint finishes.
    (void)run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    outcome.bytesAfter = bytesOnDisk();
    return outcome;
}

Result<qint64> CacheCompactor::giveBack(int pages)
{
    if (m_interrupted)
        return Error{Error::Code::Cancelled, tr("Compacting was stopped"), {}};
    QSqlQuery q(m_db);
    // The pragma returns a row per page moved: step through them all, or it stops early.
    if (!q.exec(QStringLiteral("PRAGMA incremental_vacuum(%1)").arg(std::max(pages, 1))))
        return storageError(tr("Cannot compact the mail cache"), q.lastError().text());
    while (q.next()) {
    }
    q.finish();
    auto left = space();
    if (!left)
        return left.error();
    return left.value().unusedBytes;
}

void CacheCompactor::finishGivingBack()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))) {
        while (q.next()) {
        }
    }
}

void CacheCompactor::interrupt()
{
    m_interrupted = true;
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

} // namespace poplar::store
