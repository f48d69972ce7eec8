// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace poplar::mime {

/// The charset a label really means in mail, as mainstream readers (and the WHATWG Encoding
/// standard) read it: GB2312 mail is GBK in practice, so it is read as GB18030 (a superset);
/// ISO-8859-1 and US-ASCII labels hide windows-1252 quotes; ks_c_5601-1987 is CP949; and so
/// on. Lower-case, quotes and an RFC 2231 language suffix ("utf-8*en") removed. Empty in,
/// empty out.
[[nodiscard]] QByteArray canonicalCharset(QByteArrayView label);

/// True when `bytes` is well-formed UTF-8 (plain ASCII included).
[[nodiscard]] bool isValidUtf8(QByteArrayView bytes);

/// True when any byte has the high bit set.
[[nodiscard]] bool hasEightBit(QByteArrayView bytes);

struct DecodedText {
    QString text;
    bool charsetKnown = true; ///< false: the label was unknown and the text was guessed
    bool hadErrors = false;   ///< some bytes were not valid and became U+FFFD
};

/// Bytes to text that never fails: the (canonical) charset when it is known; otherwise
/// UTF-8 when the bytes are valid UTF-8, else windows-1252. Invalid sequences become
/// U+FFFD, never a truncation. NUL bytes become U+FFFD too, so no later C-string step can
/// cut the text short.
[[nodiscard]] DecodedText decodeCharset(QByteArrayView bytes, QByteArrayView charset);

/// Shorthand for decodeCharset(...).text.
[[nodiscard]] QString decodeText(QByteArrayView bytes, QByteArrayView charset);

} // namespace poplar::mime
