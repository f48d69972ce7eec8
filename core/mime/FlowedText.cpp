// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/FlowedText.h"

#include <QStringList>

namespace poplar::mime {

QString unflow(const QString &text, bool delSp)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        lines.removeLast(); // the empty piece after the final line end is no line
    QString out;
    out.reserve(text.size());
    QString paragraph;
    int paragraphDepth = -1; // quote depth of the paragraph being joined; -1 when none
    auto finish = [&] {
        if (paragraphDepth < 0)
            return;
        out += QString(paragraphDepth, QLatin1Char('>'));
        if (paragraphDepth > 0 && !paragraph.isEmpty())
            out += QLatin1Char(' ');
        out += paragraph + QLatin1Char('\n');
        paragraph.clear();
        paragraphDepth = -1;
    };
    for (const QString &raw : lines) {
        int depth = 0;
        while (depth < raw.size() && raw.at(depth) == QLatin1Char('>'))
            ++depth;
        QString line = raw.mid(depth);
        if (line.startsWith(QLatin1Char(' '))) // space-stuffing (RFC 3676 4.4)
            line.remove(0, 1);
        if (paragraphDepth >= 0 && depth != paragraphDepth)
            finish(); // a quote-depth change ends a paragraph even after a soft break
        // The signature separator "-- " is never a soft break.
        const bool soft = line.endsWith(QLatin1Char(' ')) && line != QLatin1String("-- ");
        if (soft && delSp)
            line.chop(1);
        paragraph += line;
        paragraphDepth = depth;
        if (!soft)
            finish();
    }
    finish();
    if (!text.endsWith(QLatin1Char('\n')) && out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

} // namespace poplar::mime
