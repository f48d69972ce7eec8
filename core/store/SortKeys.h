// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QSqlDatabase>
#include <QString>

namespace poplar::store {

/// The stored sort keys of sender and subject (messages.sender_key, messages.subject_key):
/// TextCollator's keys in the cache's language, BLOBs that SQLite compares byte by byte. The
/// list indexes hold them, so the file needs no collation of Poplar's: the stock sqlite3
/// shell can check, vacuum and write it.
namespace sortkeys {

/// The text a message's sender sorts by: its name, or its address when it has none.
inline const QString senderText =
    QStringLiteral("(CASE WHEN from_name = '' THEN from_address ELSE from_name END)");

/// The SQL of a key in the cache's language (cache_meta's collation_locale), read inside
/// the statement that writes it: a write never uses a language another connection has
/// just replaced. `text` is an SQL expression or a bound "?".
[[nodiscard]] QString keyOf(const QString &text);

/// Registers poplar_sort_key(text [, locale]) on this connection: TextCollator::sortKey of
/// `text` in `locale`, or in `defaultLocale` when `locale` is NULL or not given. Statements
/// use it; nothing in the schema may name it, or the file would need Poplar to be written.
[[nodiscard]] Status registerFunction(const QSqlDatabase &db, const QString &defaultLocale);

/// Records that the cache sorts in `localeName` now. Unless `keysAreCurrent` (every stored
/// key was just computed in it), the keys stored so far are marked for refresh(): until
/// then the lists show those rows in the old language's order (never other rows).
[[nodiscard]] Status switchLanguage(const QSqlDatabase &db, const QString &localeName,
                                    bool keysAreCurrent);

/// How much re-keying is left after a step.
struct RefreshProgress {
    qint64 remaining = 0; ///< ids still to look at (an upper bound: ids have gaps)
    [[nodiscard]] bool finished() const { return remaining == 0; }
};

/// Re-keys up to `rows` messages whose keys are in an older language, in one short
/// transaction, so that a background thread can bring a large cache to a new language
/// while the list stays usable and the sync thread writes between batches.
[[nodiscard]] Result<RefreshProgress> refresh(const QSqlDatabase &db, int rows = 500);

/// Whether keys wait for refresh().
[[nodiscard]] Result<bool> refreshPending(const QSqlDatabase &db);

} // namespace sortkeys

} // namespace poplar::store
