// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QMap>

namespace poplar::pop3 {

struct UidlEntry {
    int number = 0;
    QByteArray uidl;
};

/// Reads a UIDL listing (RFC 1939 §7): "n uid" lines. A UID is 1-70 characters in
/// 0x21..0x7E; anything else is a protocol error, never stored. So is a message number
/// listed twice: the sync fetches and deletes by number.
[[nodiscard]] Result<QList<UidlEntry>> parseUidlListing(const QByteArray &body);
/// Reads a LIST listing (RFC 1939 §5): "n octets" lines, as a map number -> size. A number
/// listed twice is a protocol error.
[[nodiscard]] Result<QMap<int, qint64>> parseSizeListing(const QByteArray &body);

} // namespace poplar::pop3
