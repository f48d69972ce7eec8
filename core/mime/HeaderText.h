// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace poplar::mime {

/// Unstructured header text (Subject and the like) to Unicode. Our own RFC 2047 decoder,
/// because GMime 3.2's merges the base64 payloads of adjacent encoded-words and loses what
/// follows the first "=" padding. Each encoded-word is decoded on its own; the bytes of
/// adjacent words in one charset are joined before charset conversion, so a character
/// split across two words survives. Raw 8-bit bytes (no RFC 2047) that are not UTF-8 are
/// read in `fallbackCharset` (mainstream readers use the body's charset), else
/// windows-1252. Folding is undone; nothing ever fails.
[[nodiscard]] QString decodeHeaderText(QByteArrayView raw, QByteArrayView fallbackCharset = {});

/// A structured header value (From, To, ...) made safe for GMime's address parser: raw
/// 8-bit bytes converted to UTF-8 (read in `fallbackCharset` when they are not UTF-8), and
/// every run of encoded-words replaced by its decoded text, quoted or escaped for where it
/// stands (phrase, quoted string or comment), so GMime's own decoder never sees them.
[[nodiscard]] QByteArray prepareAddressHeader(QByteArrayView raw,
                                              QByteArrayView fallbackCharset = {});

} // namespace poplar::mime
