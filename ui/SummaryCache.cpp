// SPDX-License-Identifier: GPL-3.0-or-later
#include "SummaryCache.h"

#include "store/MessageStore.h"

#include <algorithm>

namespace poplar::ui {

using store::MessageSummary;

SummaryCache::SummaryCache(store::MessageStore &store, int blockRows, int capacity)
    : m_store(store)
    , m_blockRows(blockRows)
    , m_capacity(capacity)
{}

void SummaryCache::evictIfFull(qsizetype incoming)
{
    if (m_held.size() + incoming <= m_capacity)
        return;
    // Down to half in one go, so the sort below runs once per many blocks read.
    QList<quint64> stamps;
    stamps.reserve(m_held.size());
    for (const Entry &e : std::as_const(m_held))
        stamps.append(e.used);
    const qsizetype keep = std::min<qsizetype>(m_capacity / 2, stamps.size());
    const auto cut = stamps.end() - keep;
    std::nth_element(stamps.begin(), cut, stamps.end());
    const quint64 oldestKept = cut == stamps.end() ? ~quint64(0) : *cut;
    m_held.removeIf([oldestKept](const QHash<qint64, Entry>::iterator &it) {
        return it.value().used < oldestKept;
    });
}

void SummaryCache::remember(const MessageSummary &summary)
{
    if (auto it = m_held.find(summary.id); it != m_held.end()) {
        *it = {summary, ++m_clock};
        return;
    }
    evictIfFull(1);
    m_held.insert(summary.id, {summary, ++m_clock});
}

MessageSummary *SummaryCache::held(qint64 id)
{
    auto it = m_held.find(id);
    return it == m_held.end() ? nullptr : &it->summary;
}

const MessageSummary &SummaryCache::at(const QList<qint64> &ids, qsizetype row, QString *error)
{
    if (auto it = m_held.find(ids.at(row)); it != m_held.end()) {
        it->used = ++m_clock;
        return it->summary;
    }
    // Read the whole block around the row: a view paints a screenful at a time.
    const qsizetype first = row - row % m_blockRows;
    const qsizetype end = std::min<qsizetype>(first + m_blockRows, ids.size());
    QList<qint64> wanted;
    wanted.reserve(end - first);
    for (qsizetype i = first; i < end; ++i) {
        if (!m_held.contains(ids.at(i)))
            wanted.append(ids.at(i));
    }
    evictIfFull(wanted.size());
    auto result = m_store.summaries(wanted);
    if (!result && error)
        *error = result.error().message();
    const quint64 now = ++m_clock;
    if (result) {
        for (MessageSummary &s : result.value())
            m_held.insert(s.id, {std::move(s), now});
    }
    // A message gone from the cache (or unreadable) is held as an empty row, so painting
    // does not ask for it again and again; a reload drops it.
    for (qint64 id : std::as_const(wanted)) {
        if (!m_held.contains(id)) {
            MessageSummary missing;
            missing.id = id;
            missing.seen = true;
            m_held.insert(id, {missing, now});
        }
    }
    return m_held.find(ids.at(row))->summary;
}

const MessageSummary *SummaryCache::find(qint64 id)
{
    if (auto it = m_held.find(id); it != m_held.end()) {
        it->used = ++m_clock;
        return &it->summary;
    }
    auto result = m_store.message(id);
    if (!result)
        return nullptr;
    remember(result.value());
    return &m_held.find(id)->summary;
}

} // namespace poplar::ui
