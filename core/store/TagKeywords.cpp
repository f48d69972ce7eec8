// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/TagKeywords.h"

#include <QByteArray>

namespace poplar::store::tagkeywords {

namespace {

bool isAtomChar(char16_t c)
{
    // RFC 3501 ATOM-CHAR: any CHAR except atom-specials ( ) { SP CTL % * " \ ].
    if (c <= 0x20 || c >= 0x7f)
        return false;
    switch (c) {
    case u'(':
    case u')':
    case u'{':
    case u'%':
    case u'*':
    case u'"':
    case u'\\':
    case u']':
        return false;
    default:
        return true;
    }
}

/// RFC 3501 §5.1.3's modified BASE64 of UTF-16: '/' written ',' and no padding.
QString modifiedUtf7(QStringView run)
{
    QByteArray utf16;
    utf16.reserve(run.size() * 2);
    for (const QChar c : run) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xff));
    }
    QByteArray encoded =
        utf16.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
    encoded.replace('/', ',');
    return QLatin1Char('&') + QString::fromLatin1(encoded) + QLatin1Char('-');
}

} // namespace

bool isKeyword(const QString &keyword)
{
    if (keyword.isEmpty())
        return false;
    for (const QChar c : keyword) {
        if (!isAtomChar(c.unicode()))
            return false;
    }
    return true;
}

QString fromName(const QString &name)
{
    QString out;
    const QString trimmed = name.trimmed();
    qsizetype i = 0;
    while (i < trimmed.size()) {
        const char16_t c = trimmed.at(i).unicode();
        if (c < 0x80) {
            out += isAtomChar(c) ? QChar(c).toLower() : QLatin1Char('_');
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < trimmed.size() && trimmed.at(end).unicode() >= 0x80)
            ++end;
        out += modifiedUtf7(QStringView(trimmed).sliced(i, end - i)).toLower();
        i = end;
    }
    return out.isEmpty() ? QStringLiteral("tag") : out;
}

} // namespace poplar::store::tagkeywords
