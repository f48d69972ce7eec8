// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace poplar::store {

/// What threading needs of one message: its Message-ID and whom it answers.
struct ThreadLink {
    qint64 id = 0;
    QString messageId;      ///< without angle brackets, as the cache stores it
    QString inReplyTo;      ///< the header as written ("<id>")
    QString referencesTail; ///< the References header's end: its last ids, nearest last
    QDateTime date;         ///< invalid when the message has none
};

/// A list's messages grouped in conversations.
struct ThreadedOrder {
    QList<qint64> ids;        ///< each thread whole, its root first, replies under their parent
    QHash<qint64, int> depth; ///< how far a reply is indented; absent for a thread's root
};

/// Groups `order` (a list's ids in its sort order) into threads: a message hangs under the
/// nearest message it refers to (the last References id present in the list, else
/// In-Reply-To), as Thunderbird and KMail do. Threads come in the order of their first
/// message in `order` (so "newest first" puts the thread with the newest reply on top); a
/// thread's replies go oldest first under their parent. References that would make a loop
/// are ignored, and a missing parent makes its reply a root. Ids in `order` without a link
/// are roots of their own.
[[nodiscard]] ThreadedOrder arrangeInThreads(const QList<qint64> &order,
                                             const QList<ThreadLink> &links);

} // namespace poplar::store
