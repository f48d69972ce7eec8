// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

/// Line rules every mbox reader shares (the import of an mbox file into a local folder, and
/// moving in from another program's profile).
namespace poplar::store::mbox {

/// The blank line that ends a message before the next separator.
inline bool isBlankLine(QByteArrayView line)
{
    return line == "\n" || line == "\r\n";
}

/// mboxrd: ">From ", ">>From ", ... lose one '>'; anything else is left alone.
inline void unescape(QByteArray &line)
{
    qsizetype quotes = 0;
    while (quotes < line.size() && line.at(quotes) == '>')
        ++quotes;
    if (quotes > 0 && line.mid(quotes, 5) == "From ")
        line.remove(0, 1);
}

/// Whether a line read so far may still match ^>+From  (quotes, then the start of "From"):
/// a reader that reads long lines in pieces keeps the first piece until it knows.
inline bool mayBeEscapedFrom(const QByteArray &line)
{
    qsizetype quotes = 0;
    while (quotes < line.size() && line.at(quotes) == '>')
        ++quotes;
    return quotes > 0 && QByteArrayView("From").startsWith(QByteArrayView(line).sliced(quotes));
}

} // namespace poplar::store::mbox
