// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Pop3Listing.h"

#include <QSet>

namespace poplar::pop3 {

namespace {

Error listingError(const char *what, const QByteArray &line)
{
    return {Error::Code::Protocol,
            QStringLiteral("The server sent a malformed %1 line").arg(QLatin1String(what)),
            QString::fromUtf8(line.left(100))};
}

bool validUid(const QByteArray &uid)
{
    if (uid.isEmpty() || uid.size() > 70)
        return false;
    for (const char c : uid) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

// Splits "n rest" into the message number and the second field.
bool splitLine(const QByteArray &line, int &number, QByteArray &rest)
{
    const QList<QByteArray> fields = line.simplified().split(' ');
    if (fields.size() < 2)
        return false;
    bool ok = false;
    number = fields.at(0).toInt(&ok);
    rest = fields.at(1);
    return ok && number > 0;
}

} // namespace

Result<QList<UidlEntry>> parseUidlListing(const QByteArray &body)
{
    QList<UidlEntry> entries;
    QSet<int> numbers;
    for (const QByteArray &raw : body.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        UidlEntry entry;
        if (!splitLine(line, entry.number, entry.uidl) || !validUid(entry.uidl) ||
            numbers.contains(entry.number))
            return listingError("UIDL", line);
        numbers.insert(entry.number);
        entries.append(entry);
    }
    return entries;
}

Result<QMap<int, qint64>> parseSizeListing(const QByteArray &body)
{
    QMap<int, qint64> sizes;
    for (const QByteArray &raw : body.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        int number = 0;
        QByteArray sizeText;
        bool ok = false;
        if (!splitLine(line, number, sizeText))
            return listingError("LIST", line);
        const qint64 size = sizeText.toLongLong(&ok);
        if (!ok || size < 0 || size > maxListedSize || sizes.contains(number))
            return listingError("LIST", line);
        sizes.insert(number, size);
    }
    return sizes;
}

} // namespace poplar::pop3
