// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes rendered as a message must not crash the reader. The bytes
// also go through the pieces that take text directly (header decoding, the HTML
// sanitizer, file names), since a message reaches those only through GMime's filters.
#include "mime/HeaderText.h"
#include "mime/HtmlSanitizer.h"
#include "mime/MessageRenderer.h"
#include "mime/SafeFileName.h"

#include "FuzzInvariant.h"
#include "SafetyInvariants.h"

#include <QStringDecoder>

#include <cstddef>
#include <cstdint>

namespace {

/// Only headers that are ASCII or UTF-8 have one reading: raw 8-bit ones are read in a
/// fallback charset that the list and the viewer find in different places.
bool headerIsUtf8(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\n\n");
    const qsizetype crlf = raw.indexOf("\r\n\r\n");
    if (end < 0 || (crlf >= 0 && crlf < end))
        end = crlf;
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(end < 0 ? raw : raw.left(end)); // converts only now
    return !utf8.hasError();
}

/// The list (headers(), which splits the header block itself) and the viewer (render(),
/// GMime's message) must show the same header facts.
void requireSameFacts(const poplar::mime::MessageHeaders &quick,
                      const poplar::mime::MessageHeaders &whole, const QByteArray &raw)
{
    const bool same = quick.subject == whole.subject && quick.from == whole.from &&
                      quick.to == whole.to && quick.cc == whole.cc &&
                      quick.replyTo == whole.replyTo && quick.date == whole.date &&
                      quick.messageId == whole.messageId && quick.inReplyTo == whole.inReplyTo &&
                      quick.references == whole.references;
    poplar::fuzz::require(same, "the list's header facts differ from the viewer's", raw);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    poplar::mime::RenderOptions options;
    options.preferHtml = size % 2 == 0; // both alternatives get their share of inputs
    options.allowRemoteContent = size % 3 == 0;
    const auto rendered = poplar::mime::MessageRenderer::render(raw, options);
    const poplar::mime::MessageHeaders quick = poplar::mime::MessageRenderer::headers(raw);
    if (headerIsUtf8(raw))
        requireSameFacts(quick, rendered.headers, raw);
    const QByteArray head = raw.left(4096);
    (void)poplar::mime::decodeHeaderText(head, "gb2312");
    (void)poplar::mime::prepareAddressHeader(head, "windows-1252");
    (void)poplar::mime::safeFileName(QString::fromUtf8(head));
    // Every HTML body that leaves the renderer, and every fragment the sanitizer makes, keeps
    // the safety invariants.
    if (rendered.html)
        poplar::fuzz::checkSanitizedHtml(rendered.htmlBody, options.allowRemoteContent);
    poplar::fuzz::checkSanitizedHtml(
        poplar::mime::sanitizeHtml(QString::fromUtf8(raw), options.allowRemoteContent).html,
        options.allowRemoteContent);
    return rendered.text.size() >= 0 ? 0 : 1;
}
