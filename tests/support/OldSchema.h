// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A cache as an older Poplar left it, for the upgrade tests: the schema steps run one after
// the other, as each release ran its own.

#include "store/Database.h"
#include "store/SortKeys.h"
#include "store/SqliteHandle.h"
#include "store/TextCollator.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <memory>

#include <sqlite3.h>

namespace poplar::test {

/// Runs schema steps 1..version on `db` and records that version. The caller registers
/// what those steps call (the v9 collation, the v11 sort-key function).
inline void writeSchemaUpTo(const QSqlDatabase &db, int version)
{
    sqlite3 *handle = store::sql::sqliteHandle(db);
    ASSERT_NE(handle, nullptr);
    for (int v = 1; v <= version; ++v) {
        char *error = nullptr;
        const int rc =
            sqlite3_exec(handle, store::Database::migrationScript(v).toUtf8().constData(), nullptr,
                         nullptr, &error);
        EXPECT_EQ(rc, SQLITE_OK) << "v" << v << ": " << (error ? error : "");
        sqlite3_free(error);
        if (rc != SQLITE_OK)
            return;
    }
    QSqlQuery q(db);
    EXPECT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
}

/// A cache file at `path` as the build of schema `version` left it: a new connection
/// `name` (`db`), with what the old steps call registered (the v9 collation and the v11
/// sort-key function, in en_US), and steps 1..version written. The caller closes the
/// connection and removes it.
inline void writeOldCache(QSqlDatabase &db, const QString &path, const QString &name, int version)
{
    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    ASSERT_TRUE(db.open());
    ASSERT_TRUE(store::TextCollator::registerOn(db, QStringLiteral("en_US")).ok());
    ASSERT_TRUE(store::sortkeys::registerFunction(db, QStringLiteral("en_US")).ok());
    ASSERT_NO_FATAL_FAILURE(writeSchemaUpTo(db, version));
}

/// The cache at `path` opened as this build opens it, which upgrades it, on a connection
/// `name`; fails the test (and returns null) unless it opens at this build's schema version.
/// The old cache's writer must be closed and removed first.
inline std::unique_ptr<store::Database> openUpgraded(const QString &path, const QString &name)
{
    auto db = store::Database::open(path, name);
    if (!db) {
        ADD_FAILURE() << qPrintable(db.error().message());
        return nullptr;
    }
    QSqlQuery version(db.value()->connection());
    EXPECT_TRUE(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
    EXPECT_EQ(version.value(0).toInt(), store::Database::schemaVersion);
    return std::move(db).value();
}

} // namespace poplar::test
