// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/TagStore.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <array>

namespace poplar::store {

namespace {

// The defaults the v14 schema seeds, stored in English so that a profile moves between
// languages; shown translated.
constexpr std::array defaultNames{
    QT_TRANSLATE_NOOP("poplar::store::Tag", "Important"),
    QT_TRANSLATE_NOOP("poplar::store::Tag", "Work"),
    QT_TRANSLATE_NOOP("poplar::store::Tag", "Personal"),
    QT_TRANSLATE_NOOP("poplar::store::Tag", "To Do"),
    QT_TRANSLATE_NOOP("poplar::store::Tag", "Later"),
};

Tag tagFromRow(const QSqlQuery &q)
{
    Tag t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.colour = q.value(2).toString();
    t.position = q.value(3).toInt();
    return t;
}

Error tagError(const QSqlQuery &q)
{
    return storageError(QCoreApplication::translate("poplar::store::Tag", "Cannot change tags"),
                        q.lastError().text());
}

} // namespace

QString Tag::displayName() const
{
    for (const char *stored : defaultNames) {
        if (name.compare(QLatin1String(stored), Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate("poplar::store::Tag", stored);
    }
    return name;
}

QString TagStore::storedName(const QString &name)
{
    for (const char *stored : defaultNames) {
        if (name.compare(QCoreApplication::translate("poplar::store::Tag", stored),
                         Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(stored);
    }
    return name;
}

TagStore::TagStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<QList<Tag>> TagStore::tags() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, colour, position FROM tags "
                               "ORDER BY position, id")))
        return tagError(q);
    QList<Tag> out;
    while (q.next())
        out.append(tagFromRow(q));
    return out;
}

Result<std::optional<Tag>> TagStore::tag(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, colour, position FROM tags WHERE name = ? "
                             "OR name = ?"));
    q.addBindValue(name.trimmed());
    q.addBindValue(storedName(name.trimmed()));
    if (!q.exec())
        return tagError(q);
    if (!q.next())
        return std::optional<Tag>();
    return std::optional<Tag>(tagFromRow(q));
}

Result<Tag> TagStore::ensureTag(const QString &name, const QString &colour)
{
    auto found = tag(name);
    if (!found)
        return found.error();
    if (found.value())
        return *found.value();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tags (name, colour, position) "
                             "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 "
                             "FROM tags))"));
    q.addBindValue(name.trimmed());
    q.addBindValue(colour.isEmpty() ? QStringLiteral("#808080") : colour);
    if (!q.exec())
        return tagError(q);
    auto added = tag(name);
    if (!added)
        return added.error();
    if (!added.value())
        return storageError(QCoreApplication::translate("poplar::store::Tag", "Cannot change tags"),
                            name);
    return *added.value();
}

Status TagStore::applyTag(const QList<qint64> &messageIds, qint64 tagId, bool on)
{
    QSqlQuery q(m_db);
    // Only stored messages: a row for a purged one would never be cleaned.
    q.prepare(on ? QStringLiteral("INSERT OR IGNORE INTO message_tags (message_id, tag_id) "
                                  "SELECT id, ? FROM messages WHERE id = ?")
                 : QStringLiteral("DELETE FROM message_tags WHERE tag_id = ? AND message_id = ?"));
    for (const qint64 id : messageIds) {
        q.addBindValue(tagId);
        q.addBindValue(id);
        if (!q.exec())
            return tagError(q);
    }
    return {};
}

Status TagStore::setTag(const QList<qint64> &messageIds, qint64 tagId, bool on)
{
    Transaction txn(m_db);
    if (!txn.active())
        return storageError(QCoreApplication::translate("poplar::store::Tag", "Cannot change tags"),
                            m_db.lastError().text());
    if (Status s = applyTag(messageIds, tagId, on); !s)
        return s;
    return txn.commit();
}

Status TagStore::tagByNames(qint64 messageId, const QStringList &names)
{
    for (const QString &name : names) {
        if (name.trimmed().isEmpty())
            continue;
        auto t = ensureTag(name);
        if (!t)
            return t.error();
        if (Status s = applyTag({messageId}, t.value().id, true); !s)
            return s;
    }
    return {};
}

Result<QStringList> TagStore::tagNames(qint64 messageId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.name FROM message_tags m JOIN tags t ON t.id = m.tag_id "
                             "WHERE m.message_id = ? ORDER BY t.position, t.id"));
    q.addBindValue(messageId);
    if (!q.exec())
        return tagError(q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace poplar::store
