// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

struct SanitizedHtml {
    QString html;           ///< an HTML fragment made only of allowed elements and attributes
    int remoteBlocked = 0;  ///< remote resources removed (0 when remote content is allowed)
    int remoteAllowed = 0;  ///< remote resources kept because the caller allowed them
    bool flattened = false; ///< nesting past the depth cap was dropped
    bool truncated = false; ///< the input was cut at the size cap
    bool failed = false;    ///< the HTML could not be parsed within its caps; `html` is empty
};

/// Reduces mail HTML to an allow-list, walking a real HTML5 parse (gumbo), never regular
/// expressions: no script, style sheet, frame, object, embed, form control or meta refresh;
/// no event handler or other attribute outside the list; links only to http, https, ftp,
/// mailto and in-page anchors. Images and CSS url() that would be fetched from the net
/// (http, https, ftp, "//") are removed and counted unless `allowRemote`; "cid:" images and
/// data: images stay. Every kept <a> carries its real target in its title.
[[nodiscard]] SanitizedHtml sanitizeHtml(const QString &html, bool allowRemote = false);

} // namespace poplar::mime
