// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QHash>
#include <QList>
#include <QString>

namespace poplar::store {
class MessageStore;
}

namespace poplar::ui {

/// The message summaries a list holds in memory: read from the cache a block of rows at a
/// time as a view paints them, at most `capacity` kept, the least recently used dropped
/// first. So a list's memory follows the rows shown, not the folder's size. GUI thread.
class SummaryCache {
public:
    /// `store` must outlive the cache.
    SummaryCache(store::MessageStore &store, int blockRows, int capacity);

    /// The summary of `ids[row]`, reading the block of `ids` around it if it is not held.
    /// A message gone from the cache comes back with only its id (and is held so, so that
    /// painting does not ask again). A read error is put in `error`.
    [[nodiscard]] const store::MessageSummary &at(const QList<qint64> &ids, qsizetype row,
                                                  QString *error);
    /// A message's summary, read alone if it is not held; nullptr if it is gone.
    [[nodiscard]] const store::MessageSummary *find(qint64 id);
    /// The summary held for this id, without reading; nullptr if none is.
    [[nodiscard]] store::MessageSummary *held(qint64 id);
    /// Holds this summary (newer than what was held for its id).
    void remember(const store::MessageSummary &summary);
    void remove(qint64 id) { m_held.remove(id); }
    void clear() { m_held.clear(); }
    [[nodiscard]] int size() const { return int(m_held.size()); }

private:
    struct Entry {
        store::MessageSummary summary;
        quint64 used = 0; ///< when it was last asked for, for the eviction
    };

    /// Makes room for `incoming` more summaries by dropping the least recently used.
    void evictIfFull(qsizetype incoming);

    store::MessageStore &m_store;
    int m_blockRows;
    int m_capacity;
    // By id: rows move when mail arrives or goes, the ids stay.
    QHash<qint64, Entry> m_held;
    quint64 m_clock = 0;
};

} // namespace poplar::ui
