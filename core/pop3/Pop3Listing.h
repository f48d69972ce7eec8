// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

namespace poplar::pop3 {

struct UidlEntry {
    int number = 0;
    QByteArray uidl;
};

/// The largest size a LIST line may give (1 TiB): larger is a broken or hostile server. The
/// sync adds listed sizes up in a qint64 (progress, the pipelining window, the parser's size
/// hint): under this cap the lines of a 64 MB listing add up to 2^62 at most.
inline constexpr qint64 maxListedSize = qint64(1) << 40;

/// Reads a UIDL listing (RFC 1939 §7): "n uid" lines. A UID is 1-70 characters in
/// 0x21..0x7E; anything else is a protocol error, never stored. So is a message number
/// listed twice: the sync fetches and deletes by number. Both readers take a listing of
/// 100,000 lines in a few milliseconds: a check reads one each time.
[[nodiscard]] Result<QList<UidlEntry>> parseUidlListing(const QByteArray &body);
/// Reads a LIST listing (RFC 1939 §5): "n octets" lines, as a map number -> size. A number
/// listed twice, or a size over maxListedSize, is a protocol error.
[[nodiscard]] Result<QHash<int, qint64>> parseSizeListing(const QByteArray &body);

/// STAT's answer (RFC 1939 §5): how many messages the maildrop holds and their octets.
struct MaildropStatus {
    int count = 0;
    qint64 octets = 0;
};
/// Reads STAT's status line after "+OK " ("2 320", perhaps followed by words); nullopt when
/// it does not start with two numbers in range.
[[nodiscard]] std::optional<MaildropStatus> parseMaildropStatus(QByteArrayView text);

} // namespace poplar::pop3
