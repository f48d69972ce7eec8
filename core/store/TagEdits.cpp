// SPDX-License-Identifier: GPL-3.0-or-later
// TagStore's edits: what the Edit Tags dialog does (add, rename, recolour, reorder, remove),
// and the keywords the v16 upgrade gives the tags it finds.
#include "store/Database.h"
#include "store/TagStore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace poplar::store {

namespace {

Error refused(const QString &why)
{
    return Error{Error::Code::Config, why, {}};
}

Error noSuchTag(qint64 tagId)
{
    return Error{Error::Code::NotFound,
                 QCoreApplication::translate("poplar::store::Tag", "There is no tag %1").arg(tagId),
                 {}};
}

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            return true;
    }
    return false;
}

/// One transaction of an edit's own, or the reason it could not begin.
Status begin(Transaction &txn, const QSqlDatabase &db)
{
    if (txn.active())
        return {};
    return storageError(QCoreApplication::translate("poplar::store::Tag", "Cannot change tags"),
                        txn.beginError().isEmpty() ? db.lastError().text() : txn.beginError());
}

} // namespace

bool TagStore::isColour(const QString &colour)
{
    static const QRegularExpression pattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return pattern.match(colour).hasMatch();
}

Result<QString> TagStore::nameProblem(const QString &name, qint64 exceptId) const
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return QCoreApplication::translate("poplar::store::Tag", "A tag needs a name");
    if (hasControl(wanted))
        return QCoreApplication::translate(
            "poplar::store::Tag",
            "A tag's name cannot hold control characters such as line breaks or tabs");
    auto all = tags();
    if (!all)
        return all.error();
    for (const Tag &t : all.value()) {
        if (t.id == exceptId)
            continue;
        // Against the shown name too: in Chinese, "工作" is the default Work.
        if (wanted.compare(t.name, Qt::CaseInsensitive) == 0 ||
            wanted.compare(t.displayName(), Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate("poplar::store::Tag",
                                               "There is already a tag named \"%1\"")
                .arg(t.displayName());
    }
    return QString();
}

Result<Tag> TagStore::addTag(const QString &name, const QString &colour)
{
    if (!isColour(colour))
        return refused(QCoreApplication::translate("poplar::store::Tag",
                                                   "\"%1\" is not a colour of the form #rrggbb")
                           .arg(colour));
    Transaction txn(m_db);
    if (Status s = begin(txn, m_db); !s)
        return s.error();
    auto problem = nameProblem(name);
    if (!problem)
        return problem.error();
    if (!problem.value().isEmpty())
        return refused(problem.value());
    auto added = ensureTag(name.trimmed(), colour.toLower());
    if (!added)
        return added.error();
    if (Status s = txn.commit(); !s)
        return s.error();
    return added;
}

Status TagStore::renameTag(qint64 tagId, const QString &name)
{
    Transaction txn(m_db);
    if (Status s = begin(txn, m_db); !s)
        return s;
    auto existing = tagById(tagId);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return noSuchTag(tagId);
    auto problem = nameProblem(name, tagId);
    if (!problem)
        return problem.error();
    if (!problem.value().isEmpty())
        return refused(problem.value());
    QSqlQuery q(m_db);
    // The keyword stays: the rules that add this tag name it by its keyword.
    q.prepare(QStringLiteral("UPDATE tags SET name = ? WHERE id = ?"));
    q.addBindValue(name.trimmed());
    q.addBindValue(tagId);
    if (!q.exec())
        return failure(q);
    return txn.commit();
}

Status TagStore::setColour(qint64 tagId, const QString &colour)
{
    if (!isColour(colour))
        return refused(QCoreApplication::translate("poplar::store::Tag",
                                                   "\"%1\" is not a colour of the form #rrggbb")
                           .arg(colour));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE tags SET colour = ? WHERE id = ?"));
    q.addBindValue(colour.toLower());
    q.addBindValue(tagId);
    if (!q.exec())
        return failure(q);
    if (q.numRowsAffected() == 0)
        return noSuchTag(tagId);
    return {};
}

Status TagStore::moveTag(qint64 tagId, int steps)
{
    Transaction txn(m_db);
    if (Status s = begin(txn, m_db); !s)
        return s;
    auto all = tags();
    if (!all)
        return all.error();
    QList<qint64> order;
    for (const Tag &t : all.value())
        order.append(t.id);
    const qsizetype from = order.indexOf(tagId);
    if (from < 0)
        return noSuchTag(tagId);
    const qsizetype to = std::clamp<qsizetype>(from + steps, 0, order.size() - 1);
    order.move(from, to);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE tags SET position = ? WHERE id = ?"));
    for (qsizetype i = 0; i < order.size(); ++i) {
        q.addBindValue(int(i + 1));
        q.addBindValue(order.at(i));
        if (!q.exec())
            return failure(q);
    }
    return txn.commit();
}

Status TagStore::removeTag(qint64 tagId)
{
    Transaction txn(m_db);
    if (Status s = begin(txn, m_db); !s)
        return s;
    QSqlQuery q(m_db);
    // The foreign key's cascade does this too, but only on a connection with foreign keys
    // on; said here, it does not depend on a pragma.
    q.prepare(QStringLiteral("DELETE FROM message_tags WHERE tag_id = ?"));
    q.addBindValue(tagId);
    if (!q.exec())
        return failure(q);
    q.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?"));
    q.addBindValue(tagId);
    if (!q.exec())
        return failure(q);
    if (q.numRowsAffected() == 0)
        return noSuchTag(tagId);
    return txn.commit();
}

Result<qint64> TagStore::messageCount(qint64 tagId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM message_tags WHERE tag_id = ?"));
    q.addBindValue(tagId);
    if (!q.exec() || !q.next())
        return failure(q);
    return q.value(0).toLongLong();
}

Result<QList<qint64>> TagStore::someMessages(qint64 tagId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT message_id FROM message_tags WHERE tag_id = ? LIMIT ?"));
    q.addBindValue(tagId);
    q.addBindValue(limit);
    return ids(q);
}

Status TagStore::fillKeywords()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name FROM tags WHERE keyword = '' "
                               "ORDER BY position, id")))
        return failure(q);
    QList<std::pair<qint64, QString>> missing;
    while (q.next())
        missing.append({q.value(0).toLongLong(), q.value(1).toString()});
    QSqlQuery set(m_db);
    set.prepare(QStringLiteral("UPDATE tags SET keyword = ? WHERE id = ?"));
    for (const auto &[id, name] : std::as_const(missing)) {
        auto keyword = newKeyword(name, {});
        if (!keyword)
            return keyword.error();
        set.addBindValue(keyword.value());
        set.addBindValue(id);
        if (!set.exec())
            return failure(set);
    }
    return {};
}

} // namespace poplar::store
