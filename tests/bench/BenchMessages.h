// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>

namespace poplar::bench {

/// Deterministic, realistic test mail: the same seed gives the same bytes on every machine,
/// so numbers from different runs and machines compare.
///
/// A message is what a mail server stores: a header block like real mail (Received chain,
/// DKIM, RFC 2047 words, multipart/mixed), a text part with a few lines that start with
/// '.', and a base64 attachment of 76-column lines filling it up to about `targetSize`.
/// CRLF line endings throughout.
QByteArray makeMessage(std::uint32_t seed, qsizetype targetSize);

/// `raw` as a POP3 server sends it after RETR: "+OK ..." status line, the body with lines
/// that start with '.' dot-stuffed (RFC 1939 §3), and the ".\r\n" terminator.
QByteArray retrReply(const QByteArray &raw);

/// A pipelined stream of RETR replies for `count` messages of about `size` bytes each,
/// and the raw (unstuffed) sizes the parser must reproduce.
struct RetrStream {
    QByteArray wire;
    QList<qsizetype> rawSizes;
    qsizetype rawTotal = 0;
};
RetrStream makeRetrStream(int count, qsizetype size);

} // namespace poplar::bench
