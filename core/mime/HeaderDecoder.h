// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only for core/mime/*.cpp: includes GMime.

#include "mime/HeaderFields.h"
#include "mime/RenderedMessage.h"

#include <gmime/gmime.h>

#include <QByteArray>
#include <QByteArrayView>

namespace poplar::mime {

/// The decoded header facts of a message (or of a message attached to one), read from the
/// raw header values with our own decoders rather than GMime's cached ones; GMime still
/// parses the address structure. `fallbackCharset` reads raw 8-bit header bytes that are
/// not UTF-8 (mainstream readers use the body's charset).
MessageHeaders decodeMessageHeaders(GMimeObject *message, QByteArrayView fallbackCharset);
/// The same from a header block split without GMime objects (MessageRenderer::headers()).
MessageHeaders decodeMessageHeaders(const HeaderFields &fields, QByteArrayView fallbackCharset);

/// The charset of the first text part that declares one, else empty: what raw 8-bit
/// headers are read in.
QByteArray bodyCharset(GMimeObject *message);

/// The first "charset=" parameter value in `raw`, for header-only parses that have no
/// parts to ask. Reads at most the first 64 KiB.
QByteArray scanCharset(QByteArrayView raw);

/// A header's raw (undecoded, possibly folded) value: the first of that name, or null.
const char *rawHeader(GMimeObject *object, const char *name);

/// The decoded filename of a part: Content-Disposition filename, else Content-Type name.
QString filenameOf(GMimeObject *object, QByteArrayView fallbackCharset);

} // namespace poplar::mime
