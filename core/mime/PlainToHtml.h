// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

/// Plain text as HTML for the viewer: every character escaped (nothing in the text is
/// markup), web and mail addresses made into links, and quoted lines ("> ...") set in a
/// colour per quote level. Whitespace and line breaks are kept.
[[nodiscard]] QString plainToHtml(const QString &text);

} // namespace poplar::mime
