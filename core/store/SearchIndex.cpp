// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SearchIndex.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/StoreSql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace poplar::store {

namespace {

/// Up to this many hits in the whole index, a search looks each one up and sorts them (the
/// cost follows the hits: a rare word is instant). Above it, a search walks the messages
/// newest first, from an index, and keeps the hits until the page is full (the cost follows
/// the page: a word in every message stops after the page). The ids of the hits become a
/// temporary index either way.
constexpr qint64 lookUpHitsUpTo = 4000;

bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F) ||
           (c >= 0x20000 && c <= 0x2FA1F);
}

} // namespace

SearchIndex::SearchIndex(QSqlDatabase db)
    : m_db(std::move(db))
    , m_lookUpHitsUpTo(lookUpHitsUpTo)
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
    QStringList terms;
    for (const QString &word : query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString spaced = tokenize(word).simplified();
        QString cleaned;
        for (const QChar c : spaced) {
            if (c.isLetterOrNumber() || c == QLatin1Char(' '))
                cleaned += c;
            else
                cleaned += QLatin1Char(' '); // FTS5 would split there too; never pass syntax
        }
        cleaned = cleaned.simplified();
        if (cleaned.isEmpty())
            continue;
        // A quoted phrase, matching word prefixes: "repo" finds "report".
        terms.append(QLatin1Char('"') + cleaned + QStringLiteral("\"*"));
    }
    return terms.join(QStringLiteral(" AND "));
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
    for (const Entry &e : entries) {
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

/// The hits' condition: "+id" keeps SQLite from looking each hit up by id, so it walks an
/// index in date order instead.
QString hitCondition(bool walkInOrder)
{
    return (walkInOrder ? QStringLiteral("+id IN (") : QStringLiteral("id IN (")) + hitIds +
           QLatin1Char(')');
}

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

Result<qint64> SearchIndex::countHits(const QString &match, const std::optional<FolderRef> &scope,
                                      bool scanInOrder) const
{
    QVariantList values;
    QString sql;
    if (!scope) {
        // The index holds only stored messages (a purge deletes their words): its count is
        // the answer, read from the word lists alone.
        sql = QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?");
    } else {
        sql = QStringLiteral("SELECT count(*) FROM messages WHERE %1 AND %2")
                  .arg(sql::listCondition(*scope, values), hitCondition(scanInOrder));
    }
    values.append(match);
    auto q = run(m_db, sql, values);
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Result<SearchIndex::Page> SearchIndex::search(const Query &query) const
{
    Page page;
    const QString match = matchExpression(query.text);
    if (match.isEmpty() || query.limit <= 0)
        return page;
    auto everywhere = countHits(match, std::nullopt, false);
    if (!everywhere)
        return everywhere.error();
    if (everywhere.value() == 0)
        return page;
    const bool walkInOrder = everywhere.value() > m_lookUpHitsUpTo;
    if (query.scope) {
        auto inScope = countHits(match, query.scope, walkInOrder);
        if (!inScope)
            return inScope.error();
        page.total = inScope.value();
    } else {
        page.total = everywhere.value();
    }
    if (page.total == 0)
        return page;

    QVariantList values;
    QStringList where;
    if (query.scope)
        where.append(sql::listCondition(*query.scope, values));
    where.append(hitCondition(walkInOrder));
    values.append(match);
    if (query.after)
        where.append(afterCondition(*query.after, values));
    // One more than the page: whether there is a next page, without counting again.
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
