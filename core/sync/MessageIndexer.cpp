// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessageIndexer.h"

#include "mime/MessageRenderer.h"
#include "store/SearchIndex.h"

#include <QStringList>

namespace poplar::sync {

namespace {

// Bodies longer than this are indexed by their beginning: enough to find them.
constexpr qsizetype maxIndexedBody = 256 * 1024;

QString addresses(const mime::MessageHeaders &h)
{
    QStringList out{h.from.display()};
    for (const auto *list : {&h.to, &h.cc})
        for (const mime::MailAddress &a : *list)
            out.append(a.display());
    return out.join(QLatin1Char(' '));
}

store::SearchIndex::Entry entryFor(const store::SearchIndex::Pending &message,
                                   const mime::RenderLimits &limits)
{
    store::SearchIndex::Entry e;
    e.id = message.id;
    const mime::RenderedMessage m = mime::MessageRenderer::render(message.raw, limits);
    e.subject = m.headers.subject;
    e.addresses = addresses(m.headers);
    e.hasAttachments = !m.attachments.isEmpty();
    e.renderFailed = m.renderFailed;
    if (!m.renderFailed)
        e.body = m.text.left(maxIndexedBody); // a failed body is its markup: not words to find
    return e;
}

} // namespace

MessageIndexer::MessageIndexer(QSqlDatabase db, mime::RenderLimits limits)
    : m_db(std::move(db))
    , m_limits(limits)
{}

Result<int> MessageIndexer::indexPending(int limit, QDeadlineTimer deadline)
{
    store::SearchIndex index(m_db);
    auto pending = index.pending(limit);
    if (!pending)
        return pending.error();
    QList<store::SearchIndex::Entry> entries;
    for (const store::SearchIndex::Pending &message : std::as_const(pending.value())) {
        if (!entries.isEmpty() && deadline.hasExpired())
            break;
        entries.append(entryFor(message, m_limits));
    }
    if (Status s = index.add(entries); !s)
        return s.error();
    return int(entries.size());
}

} // namespace poplar::sync
