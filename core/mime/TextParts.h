// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only for core/mime/*.cpp: includes GMime.

#include <gmime/gmime.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace poplar::mime {

/// The part's content with its transfer encoding (base64, quoted-printable, uuencode)
/// undone. Bytes, not a C string: a NUL inside the content does not end it. At most
/// `maxBytes` are returned; `truncated` says whether there was more.
QByteArray decodedContent(GMimePart *part, qint64 maxBytes = -1, bool *truncated = nullptr);

/// The charset parameter of a part's Content-Type, or empty.
QByteArray charsetOf(GMimeObject *object);

/// The charset an HTML document names in a <meta> tag near its start, or empty.
QByteArray htmlMetaCharset(QByteArrayView html);

/// A text part as Unicode: charset conversion with U+FFFD for what cannot be read, never
/// failure (an unknown or missing charset is guessed and said in `warnings`), and
/// format=flowed lines joined back into paragraphs.
QString textOfPart(GMimePart *part, QStringList &warnings, qint64 maxBytes = -1);

/// The lower-case "type/subtype" of a part, application/octet-stream when absent.
QString mimeTypeOf(GMimeObject *object);

} // namespace poplar::mime
