// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "junk/JunkClassifier.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace poplar::junk {

/// What marking messages as junk or not junk did.
struct TrainingOutcome {
    /// Messages now marked as the user said (in Junk, or out of it to the Inbox).
    QList<qint64> marked;
    /// Messages whose words the word list now counts on the side the user chose (those it
    /// counted there already included).
    qsizetype learned = 0;
    /// Set when the word list could not learn (bogofilter missing, failing or too slow):
    /// the messages were marked and moved all the same, and can be marked again later.
    std::optional<Error> trainingError;
};

/// "Junk" and "Not Junk" as the user says them (J / Shift+J, `poplarctl junk`): each
/// message received from a server is moved to its account's Junk folder or back to the
/// Inbox, and bogofilter's word list learns it. How each message taught the word list is
/// kept in the cache (messages.junk_trained), so a change of mind unregisters it from the
/// other side first (-Ns, -Sn) and a message marked twice is counted once. Imported mail and
/// what the user wrote are left alone. Nothing is ever deleted, here or on the server.
///
/// Many messages go to bogofilter in a few calls (its mailbox mode), each bounded in time.
/// Blocks: the window runs it on a worker thread, with a connection of that thread's own.
class JunkTraining {
    Q_DECLARE_TR_FUNCTIONS(poplar::junk::JunkTraining)

public:
    JunkTraining(QSqlDatabase db, const JunkClassifier &classifier)
        : m_db(std::move(db))
        , m_classifier(classifier)
    {}

    [[nodiscard]] Result<TrainingOutcome> mark(const QList<qint64> &ids, bool junk);

    /// Messages handed to bogofilter in one call (and held in memory at once).
    static constexpr qsizetype chunkSize = 500;

private:
    [[nodiscard]] Status markChunk(const QList<qint64> &ids, bool junk, TrainingOutcome &outcome);

    QSqlDatabase m_db;
    const JunkClassifier &m_classifier;
};

} // namespace poplar::junk
