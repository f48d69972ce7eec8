// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sqlite3 connection under a QSQLITE connection, for what QtSql does not offer (SQL
// functions, scripts of several statements, interrupting a long statement). Internal to
// core/store.

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace poplar::store::sql {

/// Null when `db` is not an open SQLite connection.
inline sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

} // namespace poplar::store::sql
