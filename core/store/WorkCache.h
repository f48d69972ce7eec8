// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace poplar::store {

/// A connection's page cache of `kb` while a bulk change runs on it, and the connection's own
/// again afterwards, its memory given back.
///
/// A change deletes or moves rows all over the indexes sorted by subject, sender and size,
/// and with SQLite's 2 MB (31 pages of 64 KB) each changed page went out to the WAL and back
/// many times within one transaction: 2,500 messages deleted in one transaction wrote 37,000
/// pages (2.3 GB) with 2 MB and 7,900 with 32 MB, in a third of the time (sqlite3, a cache of
/// 100,000 messages). Removing an account of 100,000 messages (`poplarctl account remove`):
/// 36 s and 5.0 GB written with 2 MB, 11 s and 2.6 GB with 32 MB.
class WorkCache {
public:
    static constexpr int kb = 32 * 1024;

    explicit WorkCache(QSqlDatabase db);
    ~WorkCache();
    WorkCache(const WorkCache &) = delete;
    WorkCache &operator=(const WorkCache &) = delete;

private:
    QSqlDatabase m_db;
    QString m_idle; ///< the connection's cache_size before, as SQLite gave it
};

} // namespace poplar::store
