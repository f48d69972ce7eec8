// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

/// A name under which an attachment can be saved inside a chosen folder whatever the
/// sender wrote: only the last path component (both / and \ separate), no "." or "..", no
/// control or shell-hostile characters, no leading dots or trailing dots and spaces, not a
/// Windows device name (CON, NUL, COM1...), at most maxFileNameBytes bytes of UTF-8 (what
/// file systems count) with the extension kept, cut between characters. Never empty:
/// `fallback` (or "attachment") when nothing usable is left.
[[nodiscard]] QString safeFileName(const QString &name, const QString &fallback = {});

/// The longest file name most file systems take (ext4, btrfs, XFS: 255 bytes).
inline constexpr qsizetype maxFileNameBytes = 255;

/// `name` cut to at most `maxBytes` bytes of UTF-8, keeping an extension of up to 16
/// characters; the cut falls between characters (grapheme clusters), never inside one.
[[nodiscard]] QString cutFileName(const QString &name, qsizetype maxBytes = maxFileNameBytes);

} // namespace poplar::mime
