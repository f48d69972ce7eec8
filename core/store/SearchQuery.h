// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace poplar::store {

/// What a user typed in a search box, taken apart: plain words (each matching as a word
/// prefix: "repo" finds "report"), quoted phrases (matching those words in that order), and
/// operators that narrow the search:
///   from:X  to:X (To and Cc)  subject:X   (X a word or a "quoted phrase")
///   has:attachment   is:unread  is:read  is:flagged   tag:NAME (tag:"To Do")
///   folder:NAME (inbox, trash, sent, drafts, outbox, junk, or a folder filters file into)
///   before:YYYY-MM-DD (earlier than that day)  after:YYYY-MM-DD (that day or later),
///   days in the local time zone.
/// Operator names are case-insensitive. Something that looks like an operator but is not
/// one ("is:purple", "http://x", "before:tuesday") is searched as words.
struct SearchQuery {
    /// FTS5 phrases for the whole text: every word, phrase and the words of from:, to: and
    /// subject:, each restricted to its column where it has one. Joined with AND.
    QStringList matchTerms;
    /// SQL conditions on messages' columns, each with its values in `values` in order.
    QStringList conditions;
    QVariantList values;

    [[nodiscard]] bool isEmpty() const { return matchTerms.isEmpty() && conditions.isEmpty(); }
    /// The FTS5 MATCH expression, empty when there are no words.
    [[nodiscard]] QString matchExpression() const;

    [[nodiscard]] static SearchQuery parse(const QString &text);
    /// One word or phrase as an FTS5 phrase: letters and digits only (never FTS syntax),
    /// CJK characters spaced as the index stores them; `prefix` adds "*". Empty when
    /// nothing in it is searchable.
    [[nodiscard]] static QString phrase(const QString &text, bool prefix);
};

} // namespace poplar::store
