// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace poplar::store {

/// Looks a cache file over without changing it: SQLite's own integrity check, then
/// Poplar's promises on top of it (every message has its bytes, every downloaded message
/// has the record that keeps the next sync from downloading it again, a queued server
/// deletion has a message held whole behind it, deleted mail has left the search index),
/// and says what it found in words a user understands. `poplarctl check` prints it; the
/// GUI runs it when the cache will not open. Any thread; opens connections of its own.
class CacheCheck {
    Q_DECLARE_TR_FUNCTIONS(poplar::store::CacheCheck)

public:
    /// One kind of trouble, with how many places have it.
    struct Problem {
        QString code; ///< stable, for scripts: "damaged-file", "missing-bodies", ...
        qint64 count = 0;
        QString text; ///< what it means and what to do, in the user's language
    };

    struct Report {
        QString path;
        bool readable = false; ///< SQLite could read it as a database at all
        int schemaVersion = 0;
        qint64 messages = 0;
        qint64 fileBytes = 0;   ///< the file and its write-ahead log
        qint64 unusedBytes = 0; ///< free pages inside the file: what compacting gives back
        qint64 indexedMessages = 0;
        bool sortKeysPending = false; ///< a change of language is still being applied
        QList<Problem> problems;

        [[nodiscard]] bool healthy() const { return problems.isEmpty(); }
        /// The report as sentences: a verdict, then each problem, then the facts.
        [[nodiscard]] QStringList sentences() const;
    };

    /// Checks the cache at `path`. Never fails: what cannot be read is itself a finding.
    [[nodiscard]] static Report run(const QString &path);
};

} // namespace poplar::store
