// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/SafeFileName.h"

#include <QStringList>
#include <QTextBoundaryFinder>

namespace poplar::mime {

namespace {

bool isReservedDeviceName(const QString &name)
{
    // Windows refuses these as file names with any extension; a Samba share would too.
    const QString stem = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList reserved = {
        QStringLiteral("CON"),  QStringLiteral("PRN"),  QStringLiteral("AUX"),
        QStringLiteral("NUL"),  QStringLiteral("COM1"), QStringLiteral("COM2"),
        QStringLiteral("COM3"), QStringLiteral("COM4"), QStringLiteral("COM5"),
        QStringLiteral("COM6"), QStringLiteral("COM7"), QStringLiteral("COM8"),
        QStringLiteral("COM9"), QStringLiteral("LPT1"), QStringLiteral("LPT2"),
        QStringLiteral("LPT3"), QStringLiteral("LPT4"), QStringLiteral("LPT5"),
        QStringLiteral("LPT6"), QStringLiteral("LPT7"), QStringLiteral("LPT8"),
        QStringLiteral("LPT9")};
    return reserved.contains(stem);
}

/// The longest start of `text` that fits `maxBytes` of UTF-8 and ends between characters.
QString leftUtf8(const QString &text, qsizetype maxBytes)
{
    if (text.toUtf8().size() <= maxBytes)
        return text;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype fits = 0;
    for (qsizetype at = graphemes.toNextBoundary(); at > 0; at = graphemes.toNextBoundary()) {
        if (QStringView(text).left(at).toUtf8().size() > maxBytes)
            break;
        fits = at;
    }
    return text.left(fits);
}

} // namespace

QString cutFileName(const QString &name, qsizetype maxBytes)
{
    if (name.toUtf8().size() <= maxBytes)
        return name;
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    QString ext = dot > 0 && name.size() - dot <= 16 ? name.mid(dot) : QString();
    if (ext.toUtf8().size() >= maxBytes / 2)
        ext.clear();
    const QString stem = ext.isEmpty() ? name : name.left(dot);
    return leftUtf8(stem, maxBytes - ext.toUtf8().size()).trimmed() + ext;
}

QString safeFileName(const QString &name, const QString &fallback)
{
    QString s = name;
    // Only the last path component: "../../.bashrc" and "C:\\x\\evil.exe" lose their paths.
    s.replace(QLatin1Char('\\'), QLatin1Char('/'));
    s = s.section(QLatin1Char('/'), -1);
    QString clean;
    clean.reserve(s.size());
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || c.category() == QChar::Other_Format)
            continue; // control characters, and bidi overrides that disguise an extension
        if (u == ':' || u == '*' || u == '?' || u == '"' || u == '<' || u == '>' || u == '|')
            clean += QLatin1Char('_');
        else
            clean += c;
    }
    clean = clean.trimmed();
    while (clean.startsWith(QLatin1Char('.'))) // no hidden files, no "." or ".."
        clean.remove(0, 1);
    while (clean.endsWith(QLatin1Char('.')) || clean.endsWith(QLatin1Char(' ')))
        clean.chop(1);
    if (isReservedDeviceName(clean))
        clean.prepend(QLatin1Char('_'));
    clean = cutFileName(clean);
    if (clean.isEmpty()) {
        const QString other = fallback.isEmpty() ? QString() : safeFileName(fallback);
        return other.isEmpty() ? QStringLiteral("attachment") : other;
    }
    return clean;
}

} // namespace poplar::mime
