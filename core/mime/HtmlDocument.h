// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only for core/mime/*.cpp: includes gumbo.

#include "mime/HtmlSanitizer.h"
#include "mime/HtmlText.h"

#include <gumbo.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace poplar::mime {

struct GumboOutputDeleter {
    void operator()(GumboOutput *output) const;
};

/// Caps that keep hostile HTML cheap: gumbo's tree building costs time proportional to the
/// depth of open elements for each tag, so 20000 nested <div>s took seconds.
struct HtmlLimits {
    int maxDepth = 200;                   ///< deeper start tags are dropped before parsing
    qsizetype maxBytes = 8 * 1024 * 1024; ///< longer input is cut
};

/// A parsed HTML document; `output` is null only if gumbo failed.
struct ParsedHtml {
    std::unique_ptr<GumboOutput, GumboOutputDeleter> output;
    bool flattened = false; ///< start tags past maxDepth were dropped
    bool truncated = false; ///< the input was cut at maxBytes
};

/// Parses with gumbo after the caps: a cheap pre-scan drops start tags (and their end
/// tags) nested deeper than the limit, so text is kept and the parse stays linear.
[[nodiscard]] ParsedHtml parseHtml(const QString &html, HtmlLimits limits = {});

/// The allow-listed HTML of a parsed document (what sanitizeHtml() does after parsing).
[[nodiscard]] SanitizedHtml sanitizeDocument(const ParsedHtml &parsed, bool allowRemote);

/// The visible text of a parsed document (what htmlToText() does after parsing); one
/// parse serves both, so a large page costs one gumbo run, not two.
[[nodiscard]] HtmlText documentText(const ParsedHtml &parsed);

/// The pre-scan on its own (for tests): `html` with start tags past `maxDepth` removed.
[[nodiscard]] QByteArray limitNesting(QByteArrayView html, int maxDepth, bool *changed = nullptr);

} // namespace poplar::mime
