// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

namespace poplar::ui {

/// The order of a message list's rows: its ids, and how far each reply is indented.
struct RowOrder {
    QList<qint64> ids;
    QHash<qint64, int> depth; ///< absent for a message that is no reply (or unthreaded)
    /// Flat for now: a pool thread is arranging the threads (RowOrderReader::threadsReady).
    bool threadsPending = false;
};

/// Reads the order a message list shows its folder in: by a column from the cache's
/// indexes, and grouped in conversations when asked. Threading a large folder takes a few
/// hundred milliseconds, so from backgroundFrom() messages it runs on a pool thread with a
/// connection of its own: read() gives the flat order at once and threadsReady() the
/// threaded one later. Every read() makes a result still on its way stale; stale results
/// are dropped. GUI thread.
class RowOrderReader : public QObject {
    Q_OBJECT

public:
    /// `store` must outlive the reader.
    explicit RowOrderReader(store::MessageStore &store, QObject *parent = nullptr);

    /// The order now; nullopt (and failed()) when the cache cannot be read.
    [[nodiscard]] std::optional<RowOrder> read(const store::FolderRef &list, store::SortKey key,
                                               bool descending, bool threaded);
    /// Drops what a pool thread is still arranging.
    void cancel() { ++m_run; }

    [[nodiscard]] int backgroundFrom() const { return m_backgroundFrom; }
    void setBackgroundFrom(int rows) { m_backgroundFrom = rows; }

Q_SIGNALS:
    /// The threaded order a pool thread arranged for the latest read().
    void threadsReady(const poplar::ui::RowOrder &order);
    /// The cache could not be read; `message` is one line for the status bar.
    void failed(const QString &message);

private:
    void arrangeInBackground(const store::FolderRef &list, store::SortKey key, bool descending);

    store::MessageStore &m_store;
    /// About 20 ms of threading on the GUI thread; larger folders thread in the background.
    int m_backgroundFrom = 5000;
    int m_run = 0; ///< bumped by every read, so a stale result is dropped
};

} // namespace poplar::ui
