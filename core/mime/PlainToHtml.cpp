// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/PlainToHtml.h"

#include "mime/TextLimits.h"

#include <QRegularExpression>
#include <QStringList>

#include <array>

namespace poplar::mime {

namespace {

QString linkified(const QString &line, TextBreaker &breakText)
{
    // Only for finding links in plain text; HTML is never handled with expressions.
    static const QRegularExpression link(
        QStringLiteral(R"((?:(?:https?|ftp)://|mailto:|www\.)[^\s<>"]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype pos = 0;
    auto it = link.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString url = m.captured();
        // Sentence punctuation after a link is not part of it.
        while (!url.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(url.back()))
            url.chop(1);
        if (url.isEmpty())
            continue;
        out += breakText(QStringView(line).mid(pos, m.capturedStart() - pos)).toHtmlEscaped();
        const QString target = url.startsWith(QLatin1String("www."), Qt::CaseInsensitive)
                                   ? QStringLiteral("http://") + url
                                   : url;
        // No title: Qt shows a title as a rich-text tooltip, and the viewer shows a link's
        // real target itself, as plain text.
        out += QStringLiteral("<a href=\"%1\">%2</a>")
                   .arg(target.toHtmlEscaped(), breakText(url).toHtmlEscaped());
        pos = m.capturedStart() + url.size();
    }
    out += breakText(QStringView(line).mid(pos)).toHtmlEscaped();
    return out;
}

int quoteLevel(const QString &line)
{
    int level = 0;
    for (const QChar c : line) {
        if (c == QLatin1Char('>'))
            ++level;
        else if (c != QLatin1Char(' '))
            break;
    }
    return level;
}

} // namespace

QString plainToHtml(const QString &text)
{
    static constexpr std::array<const char *, 3> colours{"#3465a4", "#4e9a06", "#8f5902"};
    // Monospace: plain-text mail is often laid out in columns with spaces.
    QString out = QStringLiteral("<div style=\"white-space: pre-wrap; font-family: monospace\">");
    const QStringList lines = text.split(QLatin1Char('\n'));
    // Long words get break opportunities and long texts blocks of their own, in what is
    // shown only (a link keeps its target whole): layout stays linear and in small pieces.
    TextBreaker breakText;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int level = quoteLevel(line);
        if (level > 0)
            out += QStringLiteral("<span style=\"color: %1\">")
                       .arg(QLatin1String(colours.at(size_t(level - 1) % colours.size())));
        out += linkified(line, breakText);
        if (level > 0)
            out += QStringLiteral("</span>");
        if (i + 1 < lines.size() && breakText.blockIsLong()) {
            out += TextBreaker::paragraphSeparator;
            breakText.newBlock();
        } else if (i + 1 < lines.size()) {
            out += QStringLiteral("<br>");
            breakText.newLine();
        }
    }
    out += QStringLiteral("</div>");
    return out;
}

} // namespace poplar::mime
