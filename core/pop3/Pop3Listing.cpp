// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Pop3Listing.h"

#include <QCoreApplication>
#include <QSet>

namespace poplar::pop3 {

namespace {

Error listingError(const char *what, const QByteArray &line)
{
    return {Error::Code::Protocol,
            QCoreApplication::translate("poplar::pop3::Pop3Listing",
                                        "The server sent a malformed %1 line")
                .arg(QLatin1String(what)),
            QString::fromUtf8(line.left(100))};
}

bool validUid(QByteArrayView uid)
{
    if (uid.isEmpty() || uid.size() > 70)
        return false;
    for (const char c : uid) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// "n rest [more]": the message number and the second field, without copying the line.
bool splitLine(QByteArrayView line, int &number, QByteArrayView &second)
{
    qsizetype i = 0;
    while (i < line.size() && isSpace(line[i]))
        ++i;
    const qsizetype numberStart = i;
    while (i < line.size() && !isSpace(line[i]))
        ++i;
    bool ok = false;
    number = line.sliced(numberStart, i - numberStart).toInt(&ok);
    while (i < line.size() && isSpace(line[i]))
        ++i;
    const qsizetype secondStart = i;
    while (i < line.size() && !isSpace(line[i]))
        ++i;
    second = line.sliced(secondStart, i - secondStart);
    return ok && number > 0 && !second.isEmpty();
}

// Calls `each` with every non-blank line of `body`, without its line ending.
template<typename Each> bool forEachLine(const QByteArray &body, Each each)
{
    const QByteArrayView all(body);
    qsizetype pos = 0;
    while (pos < all.size()) {
        qsizetype end = all.indexOf('\n', pos);
        if (end < 0)
            end = all.size();
        QByteArrayView line = all.sliced(pos, end - pos);
        pos = end + 1;
        while (!line.isEmpty() && isSpace(line.back()))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (!each(line))
            return false;
    }
    return true;
}

// A message number listed twice makes the listing unusable (which one would DELE hit?).
// Servers list in order: a number above the last one needs no look-up.
class NumberCheck {
public:
    bool firstTime(int number)
    {
        if (number > m_last && m_seen.isEmpty()) {
            m_last = number;
            m_ordered.append(number);
            return true;
        }
        if (m_seen.isEmpty()) // out of order: from now on, remember them all
            m_seen = QSet<int>(m_ordered.cbegin(), m_ordered.cend());
        if (m_seen.contains(number))
            return false;
        m_seen.insert(number);
        return true;
    }

private:
    int m_last = 0;
    QList<int> m_ordered;
    QSet<int> m_seen;
};

} // namespace

Result<QList<UidlEntry>> parseUidlListing(const QByteArray &body)
{
    QList<UidlEntry> entries;
    entries.reserve(body.count('\n'));
    NumberCheck numbers;
    QByteArrayView bad;
    const bool ok = forEachLine(body, [&](QByteArrayView line) {
        int number = 0;
        QByteArrayView uid;
        if (!splitLine(line, number, uid) || !validUid(uid) || !numbers.firstTime(number)) {
            bad = line;
            return false;
        }
        entries.append({number, uid.toByteArray()});
        return true;
    });
    if (!ok)
        return listingError("UIDL", bad.toByteArray());
    return entries;
}

Result<QHash<int, qint64>> parseSizeListing(const QByteArray &body)
{
    QHash<int, qint64> sizes;
    sizes.reserve(body.count('\n'));
    QByteArrayView bad;
    const bool ok = forEachLine(body, [&](QByteArrayView line) {
        int number = 0;
        QByteArrayView sizeText;
        bool parsed = false;
        const qint64 size = splitLine(line, number, sizeText) ? sizeText.toLongLong(&parsed) : -1;
        if (!parsed || size < 0 || size > maxListedSize || sizes.contains(number)) {
            bad = line;
            return false;
        }
        sizes.insert(number, size);
        return true;
    });
    if (!ok)
        return listingError("LIST", bad.toByteArray());
    return sizes;
}

std::optional<MaildropStatus> parseMaildropStatus(QByteArrayView text)
{
    const QList<QByteArrayView> words = [&text] {
        QList<QByteArrayView> out;
        qsizetype i = 0;
        while (i < text.size() && out.size() < 2) {
            while (i < text.size() && isSpace(text[i]))
                ++i;
            const qsizetype start = i;
            while (i < text.size() && !isSpace(text[i]))
                ++i;
            if (i > start)
                out.append(text.sliced(start, i - start));
        }
        return out;
    }();
    if (words.size() < 2)
        return std::nullopt;
    bool countOk = false, octetsOk = false;
    const int count = words.at(0).toInt(&countOk);
    const qint64 octets = words.at(1).toLongLong(&octetsOk);
    if (!countOk || !octetsOk || count < 0 || octets < 0)
        return std::nullopt;
    return MaildropStatus{count, octets};
}

} // namespace poplar::pop3
