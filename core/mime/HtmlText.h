// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

struct HtmlText {
    QString text;            ///< what a reader of the page sees, as plain text
    int remoteResources = 0; ///< images, styles and frames that would be fetched from the net
};

/// Reads HTML with a real HTML5 parser (gumbo) and returns its visible text.
/// Scripts, styles and the head are dropped; nothing is fetched.
[[nodiscard]] HtmlText htmlToText(const QString &html);

} // namespace poplar::mime
