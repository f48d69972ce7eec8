// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SearchIndex.h"

#include "store/Database.h"
#include "store/MessageStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

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
                             "b.message_id = m.id WHERE m.indexed = 0 LIMIT ?"));
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
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO messages_fts (rowid, subject, addresses, body) VALUES (?, ?, ?, ?)"));
    QSqlQuery mark(m_db);
    mark.prepare(
        QStringLiteral("UPDATE messages SET indexed = ?, has_attachments = ? WHERE id = ?"));
    for (const Entry &e : entries) {
        insert.addBindValue(e.id);
        insert.addBindValue(tokenize(e.subject));
        insert.addBindValue(tokenize(e.addresses));
        insert.addBindValue(tokenize(e.body));
        mark.addBindValue(e.renderFailed ? 2 : 1);
        mark.addBindValue(e.hasAttachments);
        mark.addBindValue(e.id);
        if (!insert.exec())
            return storageError(QStringLiteral("Cannot index a message"),
                                insert.lastError().text());
        if (!mark.exec())
            return storageError(QStringLiteral("Cannot index a message"), mark.lastError().text());
    }
    return txn.commit();
}

Result<QList<MessageSummary>> SearchIndex::search(const QString &query, int limit) const
{
    const QString match = matchExpression(query);
    if (match.isEmpty())
        return QList<MessageSummary>{};
    // The index keeps entries of purged messages (it is contentless); the join drops them.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? LIMIT ?"));
    q.addBindValue(match);
    q.addBindValue(limit * 2);
    if (!q.exec())
        return storageError(QStringLiteral("Cannot search"), q.lastError().text());
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    MessageStore store(m_db);
    QList<MessageSummary> out;
    for (const qint64 id : std::as_const(ids)) {
        auto summary = store.message(id);
        if (summary)
            out.append(summary.value());
        else if (summary.error().code != Error::Code::NotFound)
            return summary.error();
    }
    std::sort(out.begin(), out.end(), [](const MessageSummary &a, const MessageSummary &b) {
        return a.date != b.date ? a.date > b.date : a.id > b.id;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace poplar::store
