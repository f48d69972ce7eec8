// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SearchIndex.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchQuery.h"
#include "store/StoreSql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

namespace poplar::store {

namespace {

bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F) ||
           (c >= 0x20000 && c <= 0x2FA1F);
}

} // namespace

SearchIndex::SearchIndex(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString SearchIndex::tokenize(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 4);
    for (const char32_t c : text.toUcs4()) {
        if (isCjk(c)) {
            out += QLatin1Char(' ');
            out += QString::fromUcs4(&c, 1);
            out += QLatin1Char(' ');
        } else {
            out += QString::fromUcs4(&c, 1);
        }
    }
    return out;
}

QString SearchIndex::matchExpression(const QString &query)
{
    return SearchQuery::parse(query).matchExpression();
}

Result<QList<SearchIndex::Pending>> SearchIndex::pending(int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.id, b.raw FROM messages m JOIN message_bodies b ON "
                             "b.message_id = m.id WHERE m.indexed = 0 ORDER BY m.id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return storageError(QStringLiteral("Cannot read messages to index"), q.lastError().text());
    QList<Pending> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toByteArray()});
    return out;
}

Status SearchIndex::add(const QList<Entry> &entries)
{
    Transaction txn(m_db);
    // The words a message had are deleted with its old text (the triggers on search_text).
    QSqlQuery forget(m_db);
    forget.prepare(QStringLiteral("DELETE FROM search_text WHERE id = ?"));
    // Only for a message still stored: words of one purged meanwhile would stay behind.
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO search_text (id, subject, addresses, body) "
                                  "SELECT id, ?, ?, ? FROM messages WHERE id = ?"));
    QSqlQuery mark(m_db);
    mark.prepare(
        QStringLiteral("UPDATE messages SET indexed = ?, has_attachments = ? WHERE id = ?"));
    // Stored in id order: a batch taken newest first and written backwards would split
    // the text table's pages half empty.
    QList<const Entry *> ordered;
    ordered.reserve(entries.size());
    for (const Entry &e : entries)
        ordered.append(&e);
    std::sort(ordered.begin(), ordered.end(),
              [](const Entry *a, const Entry *b) { return a->id < b->id; });
    for (const Entry *entry : std::as_const(ordered)) {
        const Entry &e = *entry;
        forget.addBindValue(e.id);
        insert.addBindValue(tokenize(e.subject));
        insert.addBindValue(tokenize(e.addresses));
        insert.addBindValue(tokenize(e.body));
        insert.addBindValue(e.id);
        mark.addBindValue(e.renderFailed ? 2 : 1);
        mark.addBindValue(e.hasAttachments);
        mark.addBindValue(e.id);
        for (QSqlQuery *q : {&forget, &insert, &mark}) {
            if (!q->exec())
                return storageError(QStringLiteral("Cannot index a message"),
                                    q->lastError().text());
        }
    }
    return txn.commit();
}

namespace {

/// The ids of every indexed message matching a MATCH expression (bound as its one value).
const QString hitIds = QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?");

/// Messages after `key` in newest-first order: older, or as old with a smaller id; undated
/// messages come last of all.
QString afterCondition(const MessageStore::PageKey &key, QVariantList &values)
{
    if (!key.date.isValid()) {
        values.append(key.id);
        return QStringLiteral("(date IS NULL AND id < ?)");
    }
    const qint64 date = key.date.toSecsSinceEpoch();
    values << date << date << key.id;
    return QStringLiteral("(date < ? OR (date = ? AND id < ?) OR date IS NULL)");
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return storageError(QStringLiteral("Cannot search"), q.lastError().text());
    return q;
}

} // namespace

Result<qint64> SearchIndex::count(const QString &text, const std::optional<FolderRef> &scope) const
{
    const SearchQuery parsed = SearchQuery::parse(text);
    if (parsed.isEmpty())
        return qint64(0);
    const QString match = parsed.matchExpression();
    // Words cost what their hits cost: read from the word lists, and (for a list or an
    // operator) each hit's row looked up by its id. The index holds only stored messages (a
    // purge deletes their words), so words alone are answered by the word lists.
    QVariantList values;
    QStringList where;
    if (scope)
        where.append(sql::listCondition(*scope, values));
    where += parsed.conditions;
    values += parsed.values;
    QString sql;
    if (match.isEmpty()) {
        sql = QStringLiteral("SELECT count(*) FROM messages");
    } else if (where.isEmpty()) {
        sql = QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?");
    } else {
        // CROSS JOIN: the hits drive, each looked up by id; SQLite would otherwise walk the
        // whole list and test every message against the hits (slower by half).
        sql = QStringLiteral("SELECT count(*) FROM (SELECT rowid AS hit FROM messages_fts "
                             "WHERE messages_fts MATCH ?) AS hits CROSS JOIN messages "
                             "ON messages.id = hits.hit");
    }
    if (!match.isEmpty())
        values.prepend(match);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    auto q = run(m_db, sql, values);
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Result<SearchIndex::Page> SearchIndex::search(const Query &query) const
{
    Page page;
    page.total = query.countTotal ? 0 : -1;
    const SearchQuery parsed = SearchQuery::parse(query.text);
    const QString match = parsed.matchExpression();
    if (parsed.isEmpty() || query.limit <= 0)
        return page;
    if (query.countTotal) {
        auto total = count(query.text, query.scope);
        if (!total)
            return total.error();
        page.total = total.value();
        if (page.total == 0)
            return page;
    }

    // The list walked newest first from an index ("+id" keeps SQLite from looking each hit
    // up and sorting them all), each message tested against the hits (gathered once into a
    // temporary index), until the page is full: a word in every message stops after the
    // page, a rare one costs a walk over index entries, never a sort of every hit.
    QVariantList values;
    QStringList where;
    if (query.scope)
        where.append(sql::listCondition(*query.scope, values));
    where += parsed.conditions;
    values += parsed.values;
    if (!match.isEmpty()) {
        where.append(QStringLiteral("+id IN (") + hitIds + QLatin1Char(')'));
        values.append(match);
    }
    if (query.after)
        where.append(afterCondition(*query.after, values));
    // One more than the page: whether there is a next page, without counting.
    values << query.limit + 1 << std::max<qint64>(query.offset, 0);
    auto q = run(m_db,
                 QStringLiteral("SELECT %1 FROM messages WHERE %2 ORDER BY date DESC, id DESC "
                                "LIMIT ? OFFSET ?")
                     .arg(sql::summaryColumns, where.join(QStringLiteral(" AND "))),
                 values);
    if (!q)
        return q.error();
    while (q.value().next())
        page.messages.append(sql::summaryFromRow(q.value()));
    if (page.messages.size() > query.limit) {
        page.messages.resize(query.limit);
        const MessageSummary &last = page.messages.constLast();
        page.next = MessageStore::PageKey{last.date, last.id};
    }
    return page;
}

Result<QList<MessageSummary>> SearchIndex::search(const QString &query, int limit) const
{
    Query q;
    q.text = query;
    q.limit = limit;
    auto page = search(q);
    if (!page)
        return page.error();
    return std::move(page).value().messages;
}

Result<SearchIndex::Progress> SearchIndex::progress() const
{
    // The unindexed are few but while indexing, and have an index of their own.
    auto q = run(m_db,
                 QStringLiteral("SELECT (SELECT count(*) FROM messages), "
                                "(SELECT count(*) FROM messages WHERE indexed = 0)"),
                 {});
    if (!q)
        return q.error();
    Progress progress;
    if (q.value().next()) {
        progress.total = q.value().value(0).toLongLong();
        progress.indexed = progress.total - q.value().value(1).toLongLong();
    }
    return progress;
}

} // namespace poplar::store
