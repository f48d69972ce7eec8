// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

namespace poplar::store {

/// The full-text index over subject, addresses and body text (SQLite FTS5). It stores and
/// searches text it is given: producing that text (MIME rendering) belongs to the side that
/// feeds the cache, sync::MessageIndexer, so a message that cannot be rendered never takes
/// the cache with it. Chinese, Japanese and Korean text has no spaces between words, so each
/// such character is indexed as a word of its own and a query matches them as a phrase.
class SearchIndex {
public:
    /// A stored message waiting to be indexed.
    struct Pending {
        qint64 id = 0;
        QByteArray raw;
    };
    /// What the index keeps of one message.
    struct Entry {
        qint64 id = 0;
        QString subject, addresses, body;
        bool hasAttachments = false;
        /// Its body could not be rendered: indexed by its headers only, and marked so
        /// (messages.indexed = 2) that it is not tried again at every start.
        bool renderFailed = false;
    };

    explicit SearchIndex(QSqlDatabase db);

    /// Up to `limit` stored messages not indexed yet, with their raw bytes.
    [[nodiscard]] Result<QList<Pending>> pending(int limit) const;
    /// Indexes `entries` (tokenized here) and marks their messages indexed, in one transaction.
    [[nodiscard]] Status add(const QList<Entry> &entries);
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
