// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "util/Error.h"

#include <QDeadlineTimer>
#include <QList>
#include <QSqlDatabase>

namespace poplar::store {

/// The full-text index over subject, addresses and body text (SQLite FTS5).
///
/// Messages are indexed after they are stored, in batches (indexPending), so a download never
/// waits for MIME rendering. Chinese, Japanese and Korean text has no spaces between words, so
/// each such character is indexed as a word of its own and a query matches them as a phrase.
class SearchIndex {
public:
    explicit SearchIndex(QSqlDatabase db);

    /// Indexes up to `limit` messages not indexed yet; returns how many it indexed.
    /// Stops early (having indexed at least one) once `deadline` has passed, so a caller on
    /// a thread that must stay responsive, or be able to quit, is never held up for long.
    [[nodiscard]] Result<int> indexPending(int limit = 500,
                                           QDeadlineTimer deadline = QDeadlineTimer::Forever);
    /// Messages matching every word of `query` (prefixes match too), newest first.
    [[nodiscard]] Result<QList<MessageSummary>> search(const QString &query, int limit = 500) const;

    /// The text as the index sees it (exposed for tests).
    [[nodiscard]] static QString tokenize(const QString &text);
    /// An FTS5 MATCH expression for what a user typed; empty when nothing is searchable.
    [[nodiscard]] static QString matchExpression(const QString &query);

private:
    QSqlDatabase m_db;
};

} // namespace poplar::store
