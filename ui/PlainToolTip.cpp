// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlainToolTip.h"

namespace poplar::ui {

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString shown = text;
    if (shown.size() > maxToolTipChars) {
        qsizetype cut = maxToolTipChars;
        if (shown.at(cut - 1).isHighSurrogate())
            --cut; // never half a character
        shown = shown.left(cut) + QChar(0x2026);
    }
    return QStringLiteral("<p style='white-space:pre-wrap'>") + shown.toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace poplar::ui
