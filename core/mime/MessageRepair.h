// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>

namespace poplar::mime {

/// Repairs the raw bytes before GMime sees them, where GMime 3.2 would give up: a message
/// whose first line is not a header field (an mbox "From " line, a stray word) parses to
/// nothing, so such leading lines are dropped; a message with no header at all gets an
/// empty header block so its text is shown as the body. Each repair adds a warning.
/// Returns `raw` itself (shared, no copy) when nothing needed repair.
[[nodiscard]] QByteArray repairForParsing(const QByteArray &raw, QStringList &warnings);

/// Only the repair of the start (junk before the header, no header at all, no line end):
/// all that a header-only parse needs, at the cost of a few lines, not the message.
[[nodiscard]] QByteArray repairHeaderStart(const QByteArray &raw, QStringList &warnings);

/// True when `line` starts like a header field: a name of printable ASCII, then ':'.
[[nodiscard]] bool looksLikeHeaderField(QByteArrayView line);

} // namespace poplar::mime
