// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes rendered as a message must not crash the reader. The bytes
// also go through the pieces that take text directly (header decoding, the HTML
// sanitizer, file names), since a message reaches those only through GMime's filters.
#include "mime/HeaderText.h"
#include "mime/HtmlSanitizer.h"
#include "mime/MessageRenderer.h"
#include "mime/SafeFileName.h"

#include "FuzzInvariant.h"
#include "HeaderFactsCheck.h"
#include "SafetyInvariants.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    poplar::mime::RenderOptions options;
    options.preferHtml = size % 2 == 0; // both alternatives get their share of inputs
    options.allowRemoteContent = size % 3 == 0;
    const auto rendered = poplar::mime::MessageRenderer::render(raw, options);
    const poplar::mime::MessageHeaders quick = poplar::mime::MessageRenderer::headers(raw);
    // The list (headers(), which splits the header block itself) must show what the viewer
    // (render(), GMime's message) shows.
    if (poplar::test::headerIsUtf8(raw)) {
        const char *differs = poplar::test::differingFact(quick, rendered.headers);
        poplar::fuzz::require(!differs, "the list's header facts differ from the viewer's", raw);
    }
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
