// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

/// A name under which an attachment can be saved inside a chosen folder whatever the
/// sender wrote: only the last path component (both / and \ separate), no "." or "..", no
/// control or shell-hostile characters, no leading dots or trailing dots and spaces, not a
/// Windows device name (CON, NUL, COM1...), at most 200 characters with the extension kept.
/// Never empty: `fallback` (or "attachment") when nothing usable is left.
[[nodiscard]] QString safeFileName(const QString &name, const QString &fallback = {});

} // namespace poplar::mime
