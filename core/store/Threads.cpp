// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Threads.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace poplar::store {

namespace {

/// The ids written in a header, in their order ("<a@x> <b@y>" gives a@x, b@y). A
/// References tail cut mid-id has no '<' before its first one: that part is skipped.
QStringList idsIn(const QString &header)
{
    static const QRegularExpression id(QStringLiteral("<([^<>\\s]+)>"));
    QStringList ids;
    for (auto it = id.globalMatch(header); it.hasNext();)
        ids.append(it.next().captured(1));
    return ids;
}

/// Oldest first, undated first, then by id: the order replies show under their parent.
bool earlier(const ThreadLink *a, const ThreadLink *b)
{
    if (a->date.isValid() != b->date.isValid())
        return !a->date.isValid();
    if (a->date != b->date)
        return a->date < b->date;
    return a->id < b->id;
}

} // namespace

ThreadedOrder arrangeInThreads(const QList<qint64> &order, const QList<ThreadLink> &links)
{
    QHash<qint64, const ThreadLink *> byId;
    QHash<QString, qint64> byMessageId;
    byId.reserve(links.size());
    byMessageId.reserve(links.size());
    for (const ThreadLink &link : links) {
        byId.insert(link.id, &link);
        // The first copy of a duplicated Message-ID takes the replies.
        if (!link.messageId.isEmpty() && !byMessageId.contains(link.messageId))
            byMessageId.insert(link.messageId, link.id);
    }

    // Each message's parent: the nearest id it names that is in the list.
    QHash<qint64, qint64> parent;
    parent.reserve(links.size());
    for (const ThreadLink &link : links) {
        QStringList candidates = idsIn(link.referencesTail);
        std::reverse(candidates.begin(), candidates.end());
        candidates += idsIn(link.inReplyTo);
        for (const QString &candidate : std::as_const(candidates)) {
            const qint64 target = byMessageId.value(candidate, 0);
            if (target != 0 && target != link.id) {
                parent.insert(link.id, target);
                break;
            }
        }
    }
    // Break loops (a names b, b names a): walking up from each message, a parent already on
    // the path is cut, so the message before it becomes a root.
    QHash<qint64, qint64> rootOf;
    rootOf.reserve(links.size());
    for (const ThreadLink &link : links) {
        QList<qint64> path{link.id};
        QSet<qint64> onPath{link.id};
        qint64 at = link.id;
        qint64 root = 0;
        while (true) {
            if (const auto known = rootOf.constFind(at); known != rootOf.cend()) {
                root = *known;
                break;
            }
            const auto up = parent.constFind(at);
            if (up == parent.cend()) {
                root = at;
                break;
            }
            if (onPath.contains(*up)) {
                parent.remove(at);
                root = at;
                break;
            }
            at = *up;
            path.append(at);
            onPath.insert(at);
        }
        for (qint64 id : std::as_const(path))
            rootOf.insert(id, root);
    }

    QHash<qint64, QList<const ThreadLink *>> children;
    for (auto it = parent.cbegin(); it != parent.cend(); ++it)
        children[it.value()].append(byId.value(it.key()));
    for (auto &list : children)
        std::sort(list.begin(), list.end(), earlier);

    // Only ids of `order` are placed: a list's rows must stay exactly its messages.
    const QSet<qint64> listed(order.cbegin(), order.cend());
    ThreadedOrder result;
    result.ids.reserve(order.size());
    QSet<qint64> placed;
    QList<std::pair<qint64, int>> stack;
    for (qint64 id : order) {
        const qint64 root = rootOf.value(id, id);
        if (placed.contains(id) || placed.contains(root))
            continue;
        stack.append({root, 0});
        while (!stack.isEmpty()) {
            const auto [at, depth] = stack.takeLast();
            int childDepth = depth;
            if (listed.contains(at) && !placed.contains(at)) {
                placed.insert(at);
                result.ids.append(at);
                if (depth > 0)
                    result.depth.insert(at, depth);
                childDepth = depth + 1;
            }
            const QList<const ThreadLink *> replies = children.value(at);
            for (auto it = replies.crbegin(); it != replies.crend(); ++it)
                stack.append({(*it)->id, childDepth});
        }
        if (!placed.contains(id)) { // not reachable from its root: cannot happen, but a row
            placed.insert(id);      // must never go missing
            result.ids.append(id);
        }
    }
    return result;
}

} // namespace poplar::store
