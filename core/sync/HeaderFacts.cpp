// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/HeaderFacts.h"

#include "mime/MessageRenderer.h"

#include <QStringList>

namespace poplar::sync {

namespace {

QString joined(const QList<mime::MailAddress> &addresses)
{
    QStringList out;
    for (const mime::MailAddress &a : addresses)
        out.append(a.display());
    return out.join(QStringLiteral(", "));
}

} // namespace

store::HeaderSummary headerFacts(const QByteArray &raw)
{
    const mime::MessageHeaders h = mime::MessageRenderer::headers(raw);
    store::HeaderSummary s;
    s.fromName = h.from.name;
    s.fromAddress = h.from.address;
    s.toText = joined(h.to);
    s.ccText = joined(h.cc);
    s.subject = h.subject;
    s.date = h.date;
    s.messageId = h.messageId;
    s.inReplyTo = h.inReplyTo;
    s.references = h.references;
    return s;
}

} // namespace poplar::sync
