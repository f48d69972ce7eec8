// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::ui {

/// Text from a message (a subject, a name, a link, a file name) as a tooltip that shows it
/// literally. Qt renders a tooltip as HTML whenever it looks like HTML, and an `<img src>`
/// in a subject would then read a local file; so the text is escaped and wrapped as rich
/// text that keeps its spaces and line breaks. Over-long text is cut (a tooltip is a glance).
[[nodiscard]] QString plainToolTip(const QString &text);

/// How many characters of a text a tooltip shows at most.
inline constexpr qsizetype maxToolTipChars = 1000;

} // namespace poplar::ui
