// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/MozillaStatus.h"

#include <QString>

namespace poplar::importer {

namespace {

// Thunderbird's nsMsgMessageFlags, as written in X-Mozilla-Status.
constexpr uint flagRead = 0x0001;
constexpr uint flagReplied = 0x0002;
constexpr uint flagMarked = 0x0004;
constexpr uint flagExpunged = 0x0008;

} // namespace

QStringList MozillaStatus::tagNames(const QStringList &keywords)
{
    static const QStringList labels{QStringLiteral("Important"), QStringLiteral("Work"),
                                    QStringLiteral("Personal"), QStringLiteral("To Do"),
                                    QStringLiteral("Later")};
    QStringList names;
    for (const QString &word : keywords) {
        QString name;
        if (word.size() == 7 && word.startsWith(QLatin1String("$label")) &&
            word.at(6) >= QLatin1Char('1') && word.at(6) <= QLatin1Char('5'))
            name = labels.at(word.at(6).unicode() - '1');
        else if (!word.startsWith(QLatin1Char('$')) &&
                 word.compare(QLatin1String("junk"), Qt::CaseInsensitive) != 0 &&
                 word.compare(QLatin1String("nonjunk"), Qt::CaseInsensitive) != 0 &&
                 word.compare(QLatin1String("notjunk"), Qt::CaseInsensitive) != 0)
            name = word;
        if (!name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
            names.append(name);
    }
    return names;
}

MozillaStatus MozillaStatus::of(const QByteArray &raw)
{
    MozillaStatus status;
    // The header ends at the first blank line; the fields looked for are near its top, but
    // Thunderbird may append X-Mozilla-Keys anywhere in it.
    qsizetype end = raw.indexOf("\n\n");
    const qsizetype crlfEnd = raw.indexOf("\r\n\r\n");
    if (crlfEnd >= 0 && (end < 0 || crlfEnd < end))
        end = crlfEnd;
    const QByteArrayView header = QByteArrayView(raw).first(end < 0 ? raw.size() : end);
    QByteArray name;
    QByteArray value;
    auto finish = [&] {
        if (name.isEmpty())
            return;
        const QByteArray lower = name.toLower();
        const QByteArray v = value.trimmed();
        bool ok = false;
        if (lower == "x-mozilla-status") {
            const uint flags = v.toUInt(&ok, 16);
            if (ok) {
                status.present = true;
                status.read = flags & flagRead;
                status.replied = flags & flagReplied;
                status.flagged = flags & flagMarked;
                status.expunged = flags & flagExpunged;
            }
        } else if (lower == "x-mozilla-keys") {
            for (const QByteArray &word : v.simplified().split(' ')) {
                if (!word.isEmpty())
                    status.tags.append(QString::fromUtf8(word));
            }
        } else if (lower == "x-uidl" && status.uidl.isEmpty()) {
            status.uidl = v;
        }
        name.clear();
        value.clear();
    };
    qsizetype pos = 0;
    while (pos < header.size()) {
        qsizetype eol = header.indexOf('\n', pos);
        if (eol < 0)
            eol = header.size();
        QByteArrayView line = header.sliced(pos, eol - pos);
        pos = eol + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty() && (line.front() == ' ' || line.front() == '\t')) {
            value += ' ';
            value += line.toByteArray();
            continue;
        }
        finish();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.first(colon).trimmed().toByteArray();
        value = line.sliced(colon + 1).toByteArray();
    }
    finish();
    return status;
}

} // namespace poplar::importer
