// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlQuery;

namespace poplar::store {

/// A tag the user can put on messages (issue 17): named, coloured, and placed so that keys
/// 1-5 reach the first five, as in Thunderbird.
struct Tag {
    qint64 id = 0;
    QString name;   ///< as stored; the five defaults are stored in English
    QString colour; ///< "#rrggbb"
    int position = 0;
    /// What filters and IMAP call it (TagKeywords.h): $label1..$label5 for the defaults,
    /// made from the name for the others; it stays when the tag is renamed.
    QString keyword;

    /// The name to show: a default tag's name in the user's language while it has its
    /// English name exactly, any other (a renamed default too) as stored.
    [[nodiscard]] QString displayName() const;
};

/// The tags table and which messages carry which tag, through one thread's connection.
/// A message's tags leave with it when it is purged (a trigger of the v14 schema), and a
/// tag's leave the messages when it is removed (the foreign key's cascade).
class TagStore {
public:
    explicit TagStore(QSqlDatabase db);

    /// Every tag, by position.
    [[nodiscard]] Result<QList<Tag>> tags() const;
    /// The tag with this name, stored or shown ("Work" or, in Chinese, "工作"), any case.
    [[nodiscard]] Result<std::optional<Tag>> tag(const QString &name) const;
    /// The tag with this keyword, any case.
    [[nodiscard]] Result<std::optional<Tag>> tagByKeyword(const QString &keyword) const;
    /// The tag a filter's addflag keyword stands for: by keyword, else (rules written before
    /// tags had keywords: addflag "Work") by name. None: a new tag would be made.
    [[nodiscard]] Result<std::optional<Tag>> tagForKeyword(const QString &keyword) const;
    /// The tag with this name, added after the others when there is none, in `colour`
    /// ("#rrggbb"; empty: grey); a tag already there keeps its colour. A new tag takes
    /// `keyword` when it is one atom no tag has (another program's), else one made from its
    /// name. In the caller's transaction.
    [[nodiscard]] Result<Tag> ensureTag(const QString &name, const QString &colour = {},
                                        const QString &keyword = {});
    /// Puts the tag on these messages, or takes it off, all in one transaction of its own.
    [[nodiscard]] Status setTag(const QList<qint64> &messageIds, qint64 tagId, bool on);
    /// The same in the caller's transaction (a message being stored, filters run on it).
    [[nodiscard]] Status applyTag(const QList<qint64> &messageIds, qint64 tagId, bool on);
    /// Tags a message with the tag of each of a filter's addflag keywords (tagForKeyword),
    /// adding one named as the keyword when none is found. In the caller's transaction.
    [[nodiscard]] Status tagByKeywords(qint64 messageId, const QStringList &keywords);
    /// Tags a message with each of these tag names, adding the tags not yet known (an
    /// import, `poplarctl tag`). In the caller's transaction.
    [[nodiscard]] Status tagByNames(qint64 messageId, const QStringList &names);
    /// The names of a message's tags, by position.
    [[nodiscard]] Result<QStringList> tagNames(qint64 messageId) const;
    /// The ids of a message's tags.
    [[nodiscard]] Result<QList<qint64>> tagIds(qint64 messageId) const;

    // Editing (the Edit Tags dialog). Each change is one transaction of its own; a name or
    // colour that cannot be used is refused with an Error of code Config saying why.

    /// Why `name` cannot name a tag (the tag `exceptId` aside), in words; empty when it can.
    /// Names are unique in any case, against the names shown for the defaults too.
    [[nodiscard]] Result<QString> nameProblem(const QString &name, qint64 exceptId = 0) const;
    /// A new tag after the others, with a keyword made from its name.
    [[nodiscard]] Result<Tag> addTag(const QString &name, const QString &colour);
    /// Its keyword stays, so the rules that add it keep adding it.
    [[nodiscard]] Status renameTag(qint64 tagId, const QString &name);
    [[nodiscard]] Status setColour(qint64 tagId, const QString &colour);
    /// Moves the tag `steps` places up (negative) or down the order, as far as it goes; the
    /// positions are numbered 1..n again.
    [[nodiscard]] Status moveTag(qint64 tagId, int steps);
    /// Removes the tag, and so takes it off every message that has it.
    [[nodiscard]] Status removeTag(qint64 tagId);
    /// How many messages carry the tag.
    [[nodiscard]] Result<qint64> messageCount(qint64 tagId) const;
    /// Up to `limit` of the messages that carry the tag (taking it off them in slices).
    [[nodiscard]] Result<QList<qint64>> someMessages(qint64 tagId, int limit) const;

    /// Gives every tag that has no keyword one made from its name (the v16 upgrade), in the
    /// caller's transaction.
    [[nodiscard]] Status fillKeywords();

    /// The stored name of a default tag given its shown name (its translation); otherwise
    /// `name` itself.
    [[nodiscard]] static QString storedName(const QString &name);
    /// Whether `colour` is one the tags table holds: "#rrggbb".
    [[nodiscard]] static bool isColour(const QString &colour);

private:
    /// The columns every query for whole tags selects, in the order fromRow() reads them.
    static const QString columns;
    [[nodiscard]] static Tag fromRow(const QSqlQuery &q);
    [[nodiscard]] static Error failure(const QSqlQuery &q);
    /// Runs a prepared query whose rows are ids and gives them, in order.
    [[nodiscard]] static Result<QList<qint64>> ids(QSqlQuery &q);
    /// `wanted` when it is one atom no tag has, else a keyword made from `name`, unique.
    [[nodiscard]] Result<QString> newKeyword(const QString &name, const QString &wanted) const;
    [[nodiscard]] Result<std::optional<Tag>> tagById(qint64 tagId) const;

    QSqlDatabase m_db;
};

} // namespace poplar::store
