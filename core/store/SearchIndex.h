// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"
#include "store/MessageSummary.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace poplar::store {

/// The full-text index over subject, addresses and body text (SQLite FTS5). It stores and
/// searches text it is given: producing that text (MIME rendering) belongs to the side that
/// feeds the cache, sync::MessageIndexer, so a message that cannot be rendered never takes
/// the cache with it. Chinese, Japanese and Korean text has no spaces between words, so each
/// such character is indexed as a word of its own and a query matches them as a phrase.
///
/// The index keeps the text it indexed (table search_text), so that a message deleted for
/// good takes its words with it: triggers in the schema do that for every writer. Message
/// ids are never reused, so a new message never meets an old one's words either.
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

    /// One page of a search.
    struct Query {
        QString text;                   ///< what the user typed
        std::optional<FolderRef> scope; ///< one list's messages; none: every message
        int limit = 50;                 ///< hits on this page
        qint64 offset = 0;              ///< hits to skip first (after `after`, if given)
        /// Start after this hit (a previous page's `next`): mail arriving between two pages
        /// shifts nothing, unlike an offset.
        std::optional<MessageStore::PageKey> after;
        /// Count every hit (Page::total): it costs what the hits cost, a page does not, so
        /// the next pages of a search already counted leave it out.
        bool countTotal = true;
    };
    struct Page {
        QList<MessageSummary> messages; ///< newest first: by date (undated last), then id
        qint64 total = -1; ///< every hit in the scope, not only this page's; -1: not counted
        /// Where the next page starts; none when this page holds the last hit.
        std::optional<MessageStore::PageKey> next;
    };
    /// How far indexing is: a search answers from the `indexed` messages.
    struct Progress {
        qint64 indexed = 0;
        qint64 total = 0;
        [[nodiscard]] bool complete() const { return indexed >= total; }
    };

    explicit SearchIndex(QSqlDatabase db);

    /// Up to `limit` stored messages not indexed yet, newest first (so that a search during
    /// a long indexing finds recent mail first), with their raw bytes.
    [[nodiscard]] Result<QList<Pending>> pending(int limit) const;
    /// Indexes `entries` (tokenized here) and marks their messages indexed, in one
    /// transaction; a message indexed before is indexed anew. Entries of messages deleted
    /// meanwhile are dropped.
    [[nodiscard]] Status add(const QList<Entry> &entries);
    /// A page of the messages matching every word of `query.text` (prefixes match too) and
    /// every operator in it (SearchQuery: from:, is:unread, folder:, ...), newest first,
    /// with the number of all of them if asked. A page costs about the same on every page,
    /// and for a word in every message as for a rare one.
    [[nodiscard]] Result<Page> search(const Query &query) const;
    /// How many messages (of `scope`, or in all) match `text`: costs what the hits cost.
    [[nodiscard]] Result<qint64> count(const QString &text,
                                       const std::optional<FolderRef> &scope = {}) const;
    /// The newest `limit` messages matching `query`, in every folder.
    [[nodiscard]] Result<QList<MessageSummary>> search(const QString &query, int limit = 500) const;
    [[nodiscard]] Result<Progress> progress() const;

    /// The text as the index sees it (exposed for tests).
    [[nodiscard]] static QString tokenize(const QString &text);
    /// An FTS5 MATCH expression for what a user typed; empty when nothing is searchable.
    [[nodiscard]] static QString matchExpression(const QString &query);

private:
    QSqlDatabase m_db;
};

} // namespace poplar::store
