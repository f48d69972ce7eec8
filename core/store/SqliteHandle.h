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

namespace poplar::store::sql {

/// A statement prepared on the raw connection, for the few hot paths where QtSql's binding
/// (a QVariant and a UTF-16 copy per value) costs more than SQLite's work: the cache writer
/// binds 30 values a message. Reset after each step, finalized with the object, which must
/// go before its connection closes.
class Statement {
public:
    Statement(sqlite3 *db, const QString &sql)
        : m_db(db)
    {
        const QByteArray text = sql.toUtf8();
        if (!db || sqlite3_prepare_v3(db, text.constData(), int(text.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    [[nodiscard]] bool prepared() const { return m_stmt != nullptr; }
    /// A null QString binds SQL NULL, an empty one ''.
    void bind(int index, const QString &text)
    {
        if (text.isNull()) {
            sqlite3_bind_null(m_stmt, index);
            return;
        }
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    /// Bytes as a BLOB, never NULL; they must outlive step().
    void bindBlob(int index, const QByteArray &bytes)
    {
        static const char empty = 0;
        sqlite3_bind_blob64(m_stmt, index, bytes.isEmpty() ? &empty : bytes.constData(),
                            sqlite3_uint64(bytes.size()), SQLITE_STATIC);
    }
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, bool value) { sqlite3_bind_int(m_stmt, index, value ? 1 : 0); }
    void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
    /// Runs it to completion; false on an error, which error() then words.
    [[nodiscard]] bool run()
    {
        const int rc = m_stmt ? sqlite3_step(m_stmt) : SQLITE_MISUSE;
        m_error = rc == SQLITE_DONE || rc == SQLITE_ROW ? QString() : errorText();
        if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
        return m_error.isNull();
    }
    [[nodiscard]] QString error() const { return m_error.isNull() ? errorText() : m_error; }

private:
    QString errorText() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no connection");
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

} // namespace poplar::store::sql
