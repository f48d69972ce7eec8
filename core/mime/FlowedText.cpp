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

QString flow(const QString &text, int width)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        lines.removeLast();
    QString out;
    out.reserve(text.size() + text.size() / 16);
    for (const QString &raw : std::as_const(lines)) {
        if (raw == QLatin1String("-- ")) {
            out += raw + QLatin1Char('\n');
            continue;
        }
        qsizetype depth = 0;
        while (depth < raw.size() && raw.at(depth) == QLatin1Char('>'))
            ++depth;
        QString body = raw.mid(depth);
        if (depth > 0 && body.startsWith(QLatin1Char(' ')))
            body.remove(0, 1); // the quote's own stuffing space; written again below
        while (body.endsWith(QLatin1Char(' ')))
            body.chop(1);
        const QString marks(depth, QLatin1Char('>'));
        // Stuffing (§4.4): a piece starting with a space, "From " or, unquoted, ">" would be
        // read differently; quoted pieces always get one space after the marks.
        auto stuffed = [&](const QString &piece) {
            if (depth > 0)
                return piece.isEmpty() ? marks : marks + QLatin1Char(' ') + piece;
            if (piece.startsWith(QLatin1Char(' ')) || piece.startsWith(QLatin1String("From ")) ||
                piece.startsWith(QLatin1Char('>')))
                return QLatin1Char(' ') + piece;
            return piece;
        };
        const int room = std::max(20, width - int(depth) - 1);
        while (body.size() > room) {
            // Break after the last space that fits; a word longer than the line stays whole.
            qsizetype cut = body.lastIndexOf(QLatin1Char(' '), room - 1);
            if (cut <= 0)
                cut = body.indexOf(QLatin1Char(' '), room);
            if (cut <= 0 || cut >= body.size() - 1)
                break;
            out += stuffed(body.left(cut + 1)) + QLatin1Char('\n');
            body = body.mid(cut + 1);
        }
        out += stuffed(body) + QLatin1Char('\n');
    }
    if (!text.endsWith(QLatin1Char('\n')) && out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

} // namespace poplar::mime
