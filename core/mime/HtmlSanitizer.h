// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

/// What a sanitized document may ask of Qt's layout, which runs in one piece per table
/// and per paragraph: past these, a small message could freeze the window for minutes.
struct LayoutLimits {
    static constexpr int maxTableDepth = 6;      ///< tables nested deeper become plain blocks
    static constexpr int maxTableSpan = 32;      ///< colspan and rowspan are clamped to this
    static constexpr qint64 maxTableCost = 2000; ///< grid cells of an outermost table, those
                                                 ///< nested at depth d counted 2^(d-1) times;
                                                 ///< past it nested tables, then the table
                                                 ///< itself, become plain blocks
    static constexpr int maxLayoutPixels = 2000; ///< widths, heights, margins, spacing
    static constexpr int maxFontPixels = 144;    ///< font sizes
};

struct SanitizedHtml {
    QString html;                 ///< an HTML fragment made only of allowed elements and attributes
    int remoteBlocked = 0;        ///< remote resources removed (0 when remote content is allowed)
    int remoteAllowed = 0;        ///< remote resources kept because the caller allowed them
    bool flattened = false;       ///< nesting past the depth cap was dropped
    bool tablesFlattened = false; ///< tables past LayoutLimits were shown as plain blocks
    bool truncated = false;       ///< the input was cut at the size cap
    bool failed = false;          ///< the HTML could not be parsed within its caps; `html` is empty
};

/// Reduces mail HTML to an allow-list, walking a real HTML5 parse (gumbo), never regular
/// expressions: no script, style sheet, frame, object, embed, form control or meta refresh;
/// no event handler or other attribute outside the list; links only to http, https, ftp,
/// mailto and in-page anchors. Images and CSS url() that would be fetched from the net
/// (http, https, ftp, "//") are removed and counted unless `allowRemote`; "cid:" images and
/// data: images stay. Every kept <a> carries its real target in its title. Layout is kept
/// cheap (LayoutLimits): sizes and spans are clamped, tables too deep or too large become
/// plain blocks, and long words and paragraphs get break opportunities (TextBreaker).
[[nodiscard]] SanitizedHtml sanitizeHtml(const QString &html, bool allowRemote = false);

} // namespace poplar::mime
