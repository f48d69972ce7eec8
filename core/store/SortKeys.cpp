// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SortKeys.h"

#include "store/Database.h"
#include "store/SqliteHandle.h"
#include "store/TextCollator.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <memory>
#include <optional>

namespace poplar::store::sortkeys {

namespace {

const QString functionName = QStringLiteral("poplar_sort_key");
// cache_meta keys: the ids from rekeyNext to rekeyLast may hold keys of an older language.
const QString rekeyNext = QStringLiteral("rekey_next");
const QString rekeyLast = QStringLiteral("rekey_last");

/// One connection's collators, by locale (the connection is used by one thread at a time).
struct KeyFunction {
    QString defaultLocale;
    QHash<QString, std::shared_ptr<TextCollator>> collators;

    const TextCollator &collator(const QString &locale)
    {
        std::shared_ptr<TextCollator> &held = collators[locale];
        if (!held)
            held = std::make_shared<TextCollator>(locale);
        return *held;
    }
};

QString textArgument(sqlite3_value *value)
{
    const auto *chars = static_cast<const char16_t *>(sqlite3_value_text16(value));
    const int bytes = sqlite3_value_bytes16(value);
    return chars ? QString::fromUtf16(chars, bytes / 2) : QString();
}

void computeKey(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    auto *function = static_cast<KeyFunction *>(sqlite3_user_data(context));
    if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_zeroblob(context, 0);
        return;
    }
    const QString locale = argc >= 2 && sqlite3_value_type(argv[1]) != SQLITE_NULL
                               ? textArgument(argv[1])
                               : function->defaultLocale;
    const QByteArray key = function->collator(locale).sortKey(textArgument(argv[0]));
    sqlite3_result_blob(context, key.constData(), int(key.size()), SQLITE_TRANSIENT);
}

void destroyFunction(void *function)
{
    delete static_cast<KeyFunction *>(function);
}

Status exec(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return storageError(what, q.lastError().text());
    return {};
}

std::optional<qint64> metaNumber(const QSqlDatabase &db, const QString &key)
{
    const QString text = cacheMeta(db, key);
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

Status setMeta(const QSqlDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO cache_meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    return exec(q, QStringLiteral("Cannot record the cache's sort order"));
}

Status clearRekey(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM cache_meta WHERE key IN (?, ?)"));
    q.addBindValue(rekeyNext);
    q.addBindValue(rekeyLast);
    return exec(q, QStringLiteral("Cannot record the cache's sort order"));
}

} // namespace

QString keyOf(const QString &text)
{
    return QStringLiteral("%1(%2, (SELECT value FROM cache_meta WHERE key = 'collation_locale'))")
        .arg(functionName, text);
}

Status registerFunction(const QSqlDatabase &db, const QString &defaultLocale)
{
    sqlite3 *connection = sql::sqliteHandle(db);
    if (!connection)
        return storageError(QStringLiteral("The cache connection is not an open SQLite one"), {});
    auto function = std::make_unique<KeyFunction>();
    function->defaultLocale = defaultLocale;
    const QByteArray name = functionName.toUtf8();
    const int rc = sqlite3_create_function_v2(connection, name.constData(), -1,
                                              SQLITE_UTF16 | SQLITE_DETERMINISTIC, function.get(),
                                              computeKey, nullptr, nullptr, destroyFunction);
    // SQLite calls destroyFunction even when registering fails: it owns the object now.
    function.release();
    if (rc != SQLITE_OK)
        return storageError(QStringLiteral("Cannot set up sorting by the language's order"),
                            QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}

Status switchLanguage(const QSqlDatabase &db, const QString &localeName, bool keysAreCurrent)
{
    Transaction txn(db);
    if (!txn.active())
        return storageError(QStringLiteral("Cannot record the cache's sort order"),
                            db.lastError().text());
    if (Status s = setMeta(db, QStringLiteral("collation"), TextCollator(localeName).tag()); !s)
        return s;
    if (Status s = setMeta(db, QStringLiteral("collation_locale"), localeName); !s)
        return s;
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM messages")) || !last.next())
        return storageError(QStringLiteral("Cannot record the cache's sort order"),
                            last.lastError().text());
    const qint64 lastId = last.value(0).toLongLong();
    last.finish();
    if (keysAreCurrent || lastId == 0) {
        if (Status s = clearRekey(db); !s)
            return s;
    } else {
        // Every key so far, also those a refresh toward another language had done.
        if (Status s = setMeta(db, rekeyNext, QStringLiteral("0")); !s)
            return s;
        if (Status s = setMeta(db, rekeyLast, QString::number(lastId)); !s)
            return s;
    }
    return txn.commit();
}

Result<bool> refreshPending(const QSqlDatabase &db)
{
    return metaNumber(db, rekeyLast).has_value();
}

Result<RefreshProgress> refresh(const QSqlDatabase &db, int rows)
{
    // Immediate: it reads before it writes, while the window and the sync write too.
    Transaction txn(db, Transaction::Lock::Immediate);
    if (!txn.active())
        return storageError(QStringLiteral("Cannot sort the cache anew"), txn.beginError());
    // Read inside the transaction: another connection may have switched the language again.
    const std::optional<qint64> next = metaNumber(db, rekeyNext);
    const std::optional<qint64> last = metaNumber(db, rekeyLast);
    if (!next || !last)
        return RefreshProgress{};
    QSqlQuery upper(db);
    upper.prepare(QStringLiteral("SELECT max(id) FROM (SELECT id FROM messages WHERE id >= ? "
                                 "AND id <= ? ORDER BY id LIMIT ?)"));
    upper.addBindValue(*next);
    upper.addBindValue(*last);
    upper.addBindValue(std::max(rows, 1));
    if (Status s = exec(upper, QStringLiteral("Cannot sort the cache anew")); !s)
        return s.error();
    const qint64 batchEnd =
        upper.next() && !upper.value(0).isNull() ? upper.value(0).toLongLong() : *last;
    upper.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE messages SET sender_key = %1, subject_key = %2 "
                                  "WHERE id >= ? AND id <= ?")
                       .arg(keyOf(senderText), keyOf(QStringLiteral("subject"))));
    update.addBindValue(*next);
    update.addBindValue(batchEnd);
    if (Status s = exec(update, QStringLiteral("Cannot sort the cache anew")); !s)
        return s.error();
    RefreshProgress progress;
    if (batchEnd >= *last) {
        if (Status s = clearRekey(db); !s)
            return s.error();
    } else {
        if (Status s = setMeta(db, rekeyNext, QString::number(batchEnd + 1)); !s)
            return s.error();
        progress.remaining = *last - batchEnd;
    }
    if (Status s = txn.commit(); !s)
        return s.error();
    return progress;
}

} // namespace poplar::store::sortkeys
