// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the list's header facts (MessageRenderer::headers()) and the viewer's (render()) are
// held to, in test_header_facts and in the renderer's fuzz target alike.

#include "mime/RenderedMessage.h"

#include <QByteArray>
#include <QStringDecoder>

namespace poplar::test {

/// Only headers that are ASCII or UTF-8 have one reading: raw 8-bit ones are read in a
/// fallback charset that the list and the viewer find in different places.
inline bool headerIsUtf8(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\n\n");
    const qsizetype crlf = raw.indexOf("\r\n\r\n");
    if (end < 0 || (crlf >= 0 && crlf < end))
        end = crlf;
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(end < 0 ? raw : raw.left(end)); // converts only now
    return !utf8.hasError();
}

/// The name of the first header fact on which the two differ, or null when none does.
inline const char *differingFact(const mime::MessageHeaders &a, const mime::MessageHeaders &b)
{
    if (a.subject != b.subject)
        return "subject";
    if (a.from != b.from)
        return "from";
    if (a.to != b.to)
        return "to";
    if (a.cc != b.cc)
        return "cc";
    if (a.replyTo != b.replyTo)
        return "reply-to";
    if (a.date != b.date)
        return "date";
    if (a.messageId != b.messageId)
        return "message-id";
    if (a.inReplyTo != b.inReplyTo)
        return "in-reply-to";
    if (a.references != b.references)
        return "references";
    return nullptr;
}

} // namespace poplar::test
