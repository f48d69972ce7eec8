// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageRenderer.h"
#include "util/Error.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>

namespace poplar::sync {

/// Feeds the search index: renders stored messages that are not indexed yet and hands
/// their text to store::SearchIndex. Messages are indexed after they are stored, in batches,
/// so a download never waits for MIME rendering. A message whose body cannot be rendered is
/// indexed by its headers and marked, and the others are indexed as before.
class MessageIndexer {
public:
    explicit MessageIndexer(QSqlDatabase db, mime::RenderLimits limits = {});

    /// Indexes up to `limit` messages not indexed yet; returns how many it indexed.
    /// Stops early (having indexed at least one) once `deadline` has passed, so a caller on
    /// a thread that must stay responsive, or be able to quit, is never held up for long.
    [[nodiscard]] Result<int> indexPending(int limit = 500,
                                           QDeadlineTimer deadline = QDeadlineTimer::Forever);

private:
    QSqlDatabase m_db;
    mime::RenderLimits m_limits;
};

} // namespace poplar::sync
