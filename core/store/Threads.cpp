// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Threads.h"

#include <QStringView>

#include <algorithm>
#include <limits>
#include <vector>

namespace poplar::store {

namespace {

/// The ids written in a header, nearest last ("<a@x> <b@y>" gives a@x, b@y), handed to
/// `take` from the last one back until it returns true. A References tail cut mid-id has no
/// '<' before its first one: that part is skipped.
template<typename Take> bool lastIdFirst(QStringView header, Take take)
{
    qsizetype end = header.size();
    while (end > 0) {
        const qsizetype close = header.lastIndexOf(u'>', end - 1);
        if (close < 0)
            return false;
        const qsizetype open = header.lastIndexOf(u'<', close);
        if (open < 0)
            return false;
        const QStringView id = header.sliced(open + 1, close - open - 1);
        if (!id.isEmpty() && !id.contains(u' ') && take(id))
            return true;
        end = open;
    }
    return false;
}

constexpr int none = -1;

} // namespace

ThreadedOrder arrangeInThreads(const QList<qint64> &order, const QList<ThreadLink> &links)
{
    // Messages by position in `links`; plain arrays from here on: a 100,000-message folder
    // is threaded in tens of milliseconds.
    const int n = int(links.size());
    QHash<qint64, int> indexOf;
    QHash<QString, int> byMessageId;
    indexOf.reserve(n);
    byMessageId.reserve(n);
    std::vector<qint64> when(size_t(n), 0);
    for (int i = 0; i < n; ++i) {
        const ThreadLink &link = links.at(i);
        indexOf.insert(link.id, i);
        // The first copy of a duplicated Message-ID takes the replies.
        if (!link.messageId.isEmpty() && !byMessageId.contains(link.messageId))
            byMessageId.insert(link.messageId, i);
        // Undated sorts first among replies.
        when[size_t(i)] =
            link.date.isValid() ? link.date.toSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    }

    // Each message's parent: the nearest id it names that is in the list.
    std::vector<int> parent(size_t(n), none);
    QString key;
    for (int i = 0; i < n; ++i) {
        const ThreadLink &link = links.at(i);
        const auto found = [&](QStringView id) {
            key = id.toString();
            const int target = byMessageId.value(key, none);
            if (target == none || target == i)
                return false;
            parent[size_t(i)] = target;
            return true;
        };
        if (!lastIdFirst(link.referencesTail, found))
            lastIdFirst(link.inReplyTo, found);
    }

    // Each message's root. A walk up that meets its own path again is a loop: the parent
    // link that closes it is cut, making that message a root.
    std::vector<int> root(size_t(n), none);
    std::vector<int> walk(size_t(n), 0); // which walk last passed here
    std::vector<int> path;
    for (int start = 0; start < n; ++start) {
        if (root[size_t(start)] != none)
            continue;
        const int walkNo = start + 1;
        path.clear();
        int at = start;
        int top = none;
        while (true) {
            if (root[size_t(at)] != none) {
                top = root[size_t(at)];
                break;
            }
            walk[size_t(at)] = walkNo;
            path.push_back(at);
            const int up = parent[size_t(at)];
            if (up == none) {
                top = at;
                break;
            }
            if (walk[size_t(up)] == walkNo) {
                parent[size_t(at)] = none;
                top = at;
                break;
            }
            at = up;
        }
        for (int i : path)
            root[size_t(i)] = top;
    }

    // Replies by parent, oldest first.
    std::vector<int> firstChild(size_t(n) + 1, 0);
    for (int i = 0; i < n; ++i) {
        if (parent[size_t(i)] != none)
            ++firstChild[size_t(parent[size_t(i)]) + 1];
    }
    for (int i = 0; i < n; ++i)
        firstChild[size_t(i) + 1] += firstChild[size_t(i)];
    std::vector<int> children(static_cast<size_t>(firstChild[size_t(n)]));
    {
        std::vector<int> fill(firstChild.begin(), firstChild.end() - 1);
        for (int i = 0; i < n; ++i) {
            if (const int p = parent[size_t(i)]; p != none)
                children[size_t(fill[size_t(p)]++)] = i;
        }
    }
    for (int p = 0; p < n; ++p) {
        std::sort(children.begin() + firstChild[size_t(p)],
                  children.begin() + firstChild[size_t(p) + 1], [&](int a, int b) {
                      if (when[size_t(a)] != when[size_t(b)])
                          return when[size_t(a)] < when[size_t(b)];
                      return links.at(a).id < links.at(b).id;
                  });
    }

    // Only ids of `order` are placed: a list's rows must stay exactly its messages.
    std::vector<char> listed(size_t(n), 0);
    for (qint64 id : order) {
        if (const int i = indexOf.value(id, none); i != none)
            listed[size_t(i)] = 1;
    }
    std::vector<char> placed(size_t(n), 0);
    std::vector<char> rootDone(size_t(n), 0);
    ThreadedOrder result;
    result.ids.reserve(order.size());
    std::vector<std::pair<int, int>> stack;
    for (qint64 id : order) {
        const int i = indexOf.value(id, none);
        if (i == none) { // no link: a thread of its own
            result.ids.append(id);
            continue;
        }
        const int top = root[size_t(i)];
        if (placed[size_t(i)] || rootDone[size_t(top)])
            continue;
        rootDone[size_t(top)] = 1;
        stack.emplace_back(top, 0);
        while (!stack.empty()) {
            const auto [at, depth] = stack.back();
            stack.pop_back();
            int childDepth = depth;
            if (listed[size_t(at)] && !placed[size_t(at)]) {
                placed[size_t(at)] = 1;
                result.ids.append(links.at(at).id);
                if (depth > 0)
                    result.depth.insert(links.at(at).id, depth);
                childDepth = depth + 1;
            }
            for (int c = firstChild[size_t(at) + 1] - 1; c >= firstChild[size_t(at)]; --c)
                stack.emplace_back(children[size_t(c)], childDepth);
        }
        if (!placed[size_t(i)]) {  // not reachable from its root: cannot happen, but a row
            placed[size_t(i)] = 1; // must never go missing
            result.ids.append(id);
        }
    }
    return result;
}

} // namespace poplar::store
