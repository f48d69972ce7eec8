// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

/// RFC 3676: joins soft-broken lines of format=flowed text, keeping quote levels; with
/// DelSp=yes the space before each soft break is removed too. Line ends must be "\n".
[[nodiscard]] QString unflow(const QString &text, bool delSp);

} // namespace poplar::mime
