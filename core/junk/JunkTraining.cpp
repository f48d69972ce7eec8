// SPDX-License-Identifier: GPL-3.0-or-later
#include "junk/JunkTraining.h"

#include "filters/JunkVerdict.h"
#include "store/Database.h"
#include "store/MessageStore.h"

#include <QSqlError>
#include <QSqlQuery>

#include <map>

namespace poplar::junk {

namespace {

Error queryError(const QString &what, const QSqlQuery &q)
{
    return {Error::Code::Storage, what, q.lastError().text()};
}

} // namespace

Result<TrainingOutcome> JunkTraining::mark(const QList<qint64> &ids, bool junk)
{
    TrainingOutcome outcome;
    for (qsizetype at = 0; at < ids.size(); at += chunkSize) {
        if (Status s = markChunk(ids.mid(at, chunkSize), junk, outcome); !s)
            return s.error();
    }
    return outcome;
}

Status JunkTraining::markChunk(const QList<qint64> &ids, bool junk, TrainingOutcome &outcome)
{
    const Training to = junk ? Training::Junk : Training::Good;
    // Received mail only, as the server sent it; grouped by how it was trained so far.
    std::map<Training, QList<qint64>> idsFrom;
    std::map<Training, QList<QByteArray>> rawsFrom;
    QList<qint64> eligible;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT m.junk_trained, b.raw FROM messages m JOIN message_bodies b ON "
            "b.message_id = m.id WHERE m.id = ? AND m.account_id <> ? AND m.folder IN "
            "('inbox', 'trash')"));
        for (const qint64 id : ids) {
            q.addBindValue(id);
            q.addBindValue(store::MessageStore::localAccountId());
            if (!q.exec())
                return queryError(tr("Cannot read the messages to mark as junk"), q);
            if (!q.next())
                continue;
            const int stored = q.value(0).toInt();
            const Training from = stored == 1   ? Training::Junk
                                  : stored == 2 ? Training::Good
                                                : Training::None;
            eligible.append(id);
            if (from == to) {
                ++outcome.learned; // counted on that side already: not twice
                continue;
            }
            idsFrom[from].append(id);
            rawsFrom[from].append(q.value(1).toByteArray());
        }
    }
    // bogofilter first, outside the transaction: only what it learned is recorded as learned.
    QList<qint64> learned;
    for (const auto &[from, raws] : rawsFrom) {
        if (Status s = m_classifier.train(raws, from, to); !s) {
            if (!outcome.trainingError)
                outcome.trainingError = s.error();
            continue;
        }
        learned += idsFrom[from];
    }
    store::Transaction txn(m_db);
    if (!txn.active())
        return Error{Error::Code::Storage, tr("Cannot mark messages as junk"), txn.beginError()};
    QSqlQuery record(m_db);
    record.prepare(QStringLiteral("UPDATE messages SET junk_trained = ? WHERE id = ?"));
    for (const qint64 id : learned) {
        record.addBindValue(int(to));
        record.addBindValue(id);
        if (!record.exec())
            return queryError(tr("Cannot mark messages as junk"), record);
    }
    store::MessageStore store(m_db);
    for (const qint64 id : eligible) {
        if (Status s = store.setJunk(id, junk, filters::JunkVerdict::byUser(),
                                     filters::JunkVerdict::folderName());
            !s)
            return s;
    }
    if (Status s = txn.commit(); !s)
        return s;
    outcome.learned += learned.size();
    outcome.marked += eligible;
    return {};
}

} // namespace poplar::junk
