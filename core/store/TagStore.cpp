// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/TagStore.h"

#include "store/Database.h"
#include "store/TagKeywords.h"

#include <QCoreApplication>
#include <QSet>
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

/// Runs `q` (prepared, values bound) and reads its first row as a tag, if any. `fromRow` and
/// `failure` are TagStore's own, handed over by its members.
Result<std::optional<Tag>> firstTag(QSqlQuery &q, Tag (*fromRow)(const QSqlQuery &),
                                    Error (*failure)(const QSqlQuery &))
{
    if (!q.exec())
        return failure(q);
    if (!q.next())
        return std::optional<Tag>();
    return std::optional<Tag>(fromRow(q));
}

} // namespace

const QString TagStore::columns = QStringLiteral("id, name, colour, position, keyword");

Tag TagStore::fromRow(const QSqlQuery &q)
{
    Tag t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.colour = q.value(2).toString();
    t.position = q.value(3).toInt();
    t.keyword = q.value(4).toString();
    return t;
}

Error TagStore::failure(const QSqlQuery &q)
{
    return storageError(QCoreApplication::translate("poplar::store::Tag", "Cannot change tags"),
                        q.lastError().text());
}

QString Tag::displayName() const
{
    // Exactly the English name: a default renamed, even only to another case ("later"),
    // shows what the user typed.
    for (const char *stored : defaultNames) {
        if (name == QLatin1String(stored))
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
    if (!q.exec(QStringLiteral("SELECT %1 FROM tags ORDER BY position, id").arg(columns)))
        return failure(q);
    QList<Tag> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

Result<std::optional<Tag>> TagStore::tag(const QString &name) const
{
    QSqlQuery q(m_db);
    // The name as typed first: in Chinese, a tag of the user's named "工作" before the
    // default whose shown name that is.
    q.prepare(QStringLiteral("SELECT %1 FROM tags WHERE name = ? OR name = ? "
                             "ORDER BY name = ? DESC, position, id LIMIT 1")
                  .arg(columns));
    q.addBindValue(name.trimmed());
    q.addBindValue(storedName(name.trimmed()));
    q.addBindValue(name.trimmed());
    return firstTag(q, &TagStore::fromRow, &TagStore::failure);
}

Result<std::optional<Tag>> TagStore::tagById(qint64 tagId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM tags WHERE id = ?").arg(columns));
    q.addBindValue(tagId);
    return firstTag(q, &TagStore::fromRow, &TagStore::failure);
}

Result<std::optional<Tag>> TagStore::tagByKeyword(const QString &keyword) const
{
    QSqlQuery q(m_db);
    // keyword is COLLATE NOCASE: IMAP keywords are case-insensitive.
    q.prepare(
        QStringLiteral("SELECT %1 FROM tags WHERE keyword = ? AND keyword <> ''").arg(columns));
    q.addBindValue(keyword.trimmed());
    return firstTag(q, &TagStore::fromRow, &TagStore::failure);
}

Result<std::optional<Tag>> TagStore::tagForKeyword(const QString &keyword) const
{
    auto byKeyword = tagByKeyword(keyword);
    if (!byKeyword || byKeyword.value())
        return byKeyword;
    return tag(keyword);
}

Result<QString> TagStore::newKeyword(const QString &name, const QString &wanted) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT keyword FROM tags")))
        return failure(q);
    QSet<QString> taken;
    while (q.next())
        taken.insert(q.value(0).toString().toLower());
    const auto isTaken = [&taken](const QString &k) { return taken.contains(k.toLower()); };
    if (tagkeywords::isKeyword(wanted) && !isTaken(wanted))
        return wanted;
    return tagkeywords::unique(tagkeywords::fromName(name), isTaken);
}

Result<Tag> TagStore::ensureTag(const QString &name, const QString &colour, const QString &keyword)
{
    auto found = tag(name);
    if (!found)
        return found.error();
    if (found.value())
        return *found.value();
    auto newOne = newKeyword(name, keyword);
    if (!newOne)
        return newOne.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tags (name, colour, position, keyword) "
                             "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 "
                             "FROM tags), ?)"));
    q.addBindValue(name.trimmed());
    q.addBindValue(colour.isEmpty() ? QStringLiteral("#808080") : colour);
    q.addBindValue(newOne.value());
    if (!q.exec())
        return failure(q);
    auto added = tagById(q.lastInsertId().toLongLong());
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
            return failure(q);
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

Status TagStore::tagByKeywords(qint64 messageId, const QStringList &keywords)
{
    for (const QString &keyword : keywords) {
        if (keyword.trimmed().isEmpty())
            continue;
        auto found = tagForKeyword(keyword);
        if (!found)
            return found.error();
        qint64 tagId = 0;
        if (found.value()) {
            tagId = found.value()->id;
        } else {
            // A rule that names a tag no one has (any more): a tag of that name, whose
            // keyword is the rule's, so the rule finds it again.
            auto added = ensureTag(keyword, {}, keyword);
            if (!added)
                return added.error();
            tagId = added.value().id;
        }
        if (Status s = applyTag({messageId}, tagId, true); !s)
            return s;
    }
    return {};
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
        return failure(q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<QList<qint64>> TagStore::tagIds(qint64 messageId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT tag_id FROM message_tags WHERE message_id = ?"));
    q.addBindValue(messageId);
    return ids(q);
}

Result<QList<qint64>> TagStore::ids(QSqlQuery &q)
{
    if (!q.exec())
        return failure(q);
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

} // namespace poplar::store
