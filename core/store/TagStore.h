// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace poplar::store {

/// A tag the user can put on messages (issue 17): named, coloured, and placed so that keys
/// 1-5 reach the first five, as in Thunderbird.
struct Tag {
    qint64 id = 0;
    QString name;   ///< as stored; the five defaults are stored in English
    QString colour; ///< "#rrggbb"
    int position = 0;

    /// The name to show: a default tag's name in the user's language, any other as stored.
    [[nodiscard]] QString displayName() const;
};

/// The tags table and which messages carry which tag, through one thread's connection.
/// A message's tags leave with it when it is purged (a trigger of the v14 schema).
class TagStore {
public:
    explicit TagStore(QSqlDatabase db);

    /// Every tag, by position.
    [[nodiscard]] Result<QList<Tag>> tags() const;
    /// The tag with this name, stored or shown ("Work" or, in Chinese, "工作"), any case.
    [[nodiscard]] Result<std::optional<Tag>> tag(const QString &name) const;
    /// The tag with this name, added after the others when there is none, in `colour`
    /// ("#rrggbb"; empty: grey); a tag already there keeps its colour. In the caller's
    /// transaction.
    [[nodiscard]] Result<Tag> ensureTag(const QString &name, const QString &colour = {});
    /// Puts the tag on these messages, or takes it off, all in one transaction of its own.
    [[nodiscard]] Status setTag(const QList<qint64> &messageIds, qint64 tagId, bool on);
    /// The same in the caller's transaction (a message being stored, filters run on it).
    [[nodiscard]] Status applyTag(const QList<qint64> &messageIds, qint64 tagId, bool on);
    /// Tags a message with each of these names, adding the tags not yet known (a filter's
    /// addflag keywords), in the caller's transaction.
    [[nodiscard]] Status tagByNames(qint64 messageId, const QStringList &names);
    /// The names of a message's tags, by position.
    [[nodiscard]] Result<QStringList> tagNames(qint64 messageId) const;

    /// The stored name of a default tag given its shown name (its translation); otherwise
    /// `name` itself.
    [[nodiscard]] static QString storedName(const QString &name);

private:
    QSqlDatabase m_db;
};

} // namespace poplar::store
