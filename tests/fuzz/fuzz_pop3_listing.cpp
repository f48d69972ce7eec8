// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any UIDL or LIST body (RFC 1939 §5, §7). A listing is either rejected
// with a protocol error, or every line became exactly one entry that the sync can use as is:
// - a message number is positive and listed once (the sync sends RETR and DELE by number;
//   a number listed twice would be fetched twice or deleted for the wrong UIDL);
// - a UIDL is 1-70 characters in 0x21..0x7E (it is stored and compared as the message's
//   identity);
// - a size is neither negative nor so large that the sync's byte counts could overflow;
// - nothing is dropped or invented: as many entries as non-blank lines;
// - the lines are read on their own: CRLF or LF, and cutting the body in two at a line end,
//   give the same entries;
// - the entries, written back as a listing, read the same.
// And any STAT answer (the quick check trusts its numbers): neither negative, and written
// back they read the same.
#include "pop3/Pop3Listing.h"

#include "FuzzInvariant.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using poplar::fuzz::require;
using poplar::pop3::UidlEntry;

namespace {

qsizetype nonBlankLines(const QByteArray &body)
{
    qsizetype n = 0;
    for (const QByteArray &line : body.split('\n'))
        n += line.trimmed().isEmpty() ? 0 : 1;
    return n;
}

bool sameEntries(const QList<UidlEntry> &a, const QList<UidlEntry> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).number != b.at(i).number || a.at(i).uidl != b.at(i).uidl)
            return false;
    }
    return true;
}

void checkUidl(const QByteArray &body, qsizetype cut)
{
    const auto parsed = poplar::pop3::parseUidlListing(body);
    if (!parsed) {
        require(parsed.error().code == poplar::Error::Code::Protocol,
                "a UIDL listing is rejected as a protocol error", body);
        return;
    }
    const QList<UidlEntry> &entries = parsed.value();
    require(entries.size() == nonBlankLines(body), "UIDL entries != non-blank lines", body);
    QSet<int> numbers;
    QByteArray written;
    for (const UidlEntry &e : entries) {
        require(e.number > 0, "UIDL message number not positive", body);
        require(!numbers.contains(e.number), "UIDL message number listed twice", body);
        numbers.insert(e.number);
        require(!e.uidl.isEmpty() && e.uidl.size() <= 70, "UIDL length outside 1..70", e.uidl);
        for (const char c : e.uidl)
            require(c >= 0x21 && c <= 0x7e, "UIDL character outside 0x21..0x7E", e.uidl);
        written += QByteArray::number(e.number) + ' ' + e.uidl + "\r\n";
    }

    const auto again = poplar::pop3::parseUidlListing(written);
    require(again.ok() && sameEntries(entries, again.value()),
            "written back, the UIDL listing reads differently", written);

    QByteArray lfOnly = body;
    lfOnly.replace("\r\n", "\n");
    const auto fromLf = poplar::pop3::parseUidlListing(lfOnly);
    require(fromLf.ok() && sameEntries(entries, fromLf.value()),
            "CRLF and LF UIDL listings read differently", body);

    if (cut >= 0) {
        const auto first = poplar::pop3::parseUidlListing(body.left(cut));
        const auto second = poplar::pop3::parseUidlListing(body.mid(cut + 1));
        require(first.ok() && second.ok() && sameEntries(entries, first.value() + second.value()),
                "the halves of a UIDL listing read differently from the whole", body);
    }
}

void checkSizes(const QByteArray &body, qsizetype cut)
{
    const auto parsed = poplar::pop3::parseSizeListing(body);
    if (!parsed) {
        require(parsed.error().code == poplar::Error::Code::Protocol,
                "a LIST listing is rejected as a protocol error", body);
        return;
    }
    const QHash<int, qint64> &sizes = parsed.value();
    // A map keeps one size per number: fewer entries than lines means a number came twice
    // and one of its sizes was dropped without a word.
    require(sizes.size() == nonBlankLines(body), "LIST entries != non-blank lines", body);
    QByteArray written;
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it) {
        require(it.key() > 0, "LIST message number not positive", body);
        require(it.value() >= 0, "negative LIST size", body);
        require(it.value() <= poplar::pop3::maxListedSize, "LIST size over the cap", body);
        written += QByteArray::number(it.key()) + ' ' + QByteArray::number(it.value()) + "\r\n";
    }

    const auto again = poplar::pop3::parseSizeListing(written);
    require(again.ok() && again.value() == sizes,
            "written back, the LIST listing reads differently", written);

    QByteArray lfOnly = body;
    lfOnly.replace("\r\n", "\n");
    const auto fromLf = poplar::pop3::parseSizeListing(lfOnly);
    require(fromLf.ok() && fromLf.value() == sizes, "CRLF and LF LIST listings read differently",
            body);

    if (cut >= 0) {
        const auto first = poplar::pop3::parseSizeListing(body.left(cut));
        const auto second = poplar::pop3::parseSizeListing(body.mid(cut + 1));
        bool same = first.ok() && second.ok() &&
                    first.value().size() + second.value().size() == sizes.size();
        if (same) {
            QHash<int, qint64> joined = first.value();
            joined.insert(second.value());
            same = joined == sizes;
        }
        require(same, "the halves of a LIST listing read differently from the whole", body);
    }
}

void checkStatus(const QByteArray &body)
{
    const qsizetype end = body.indexOf('\n');
    const QByteArray line = end < 0 ? body : body.left(end);
    const auto status = poplar::pop3::parseMaildropStatus(line);
    if (!status)
        return;
    require(status->count >= 0 && status->octets >= 0, "STAT gave a negative number", line);
    const auto again = poplar::pop3::parseMaildropStatus(QByteArray::number(status->count) + ' ' +
                                                         QByteArray::number(status->octets));
    require(again && again->count == status->count && again->octets == status->octets,
            "written back, STAT's answer reads differently", line);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // First byte: bit 0 picks the listing, the rest where to cut the body in two.
    const bool uidl = (data[0] & 1) != 0;
    const size_t cutByte = data[0] >> 1;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype cut = body.indexOf('\n', qsizetype(cutByte * size_t(body.size()) / 128));
    checkStatus(body);
    if (uidl)
        checkUidl(body, cut);
    else
        checkSizes(body, cut);
    return 0;
}
