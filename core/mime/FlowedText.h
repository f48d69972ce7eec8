// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::mime {

/// RFC 3676: joins soft-broken lines of format=flowed text, keeping quote levels; with
/// DelSp=yes the space before each soft break is removed too. Line ends must be "\n".
[[nodiscard]] QString unflow(const QString &text, bool delSp);

/// RFC 3676: writes plain text as format=flowed (DelSp=no) with lines of at most `width`
/// characters where words allow: a long line is broken after a space, which stays at the
/// end of the line as the soft break; trailing spaces the writer left are removed (they
/// would read as soft breaks); lines starting with " ", "From " or (outside quotes) ">"
/// are space-stuffed. Quoted lines (">" marks) keep their marks on every piece. The
/// signature separator "-- " stays as it is. Line ends "\n" in, "\n" out.
[[nodiscard]] QString flow(const QString &text, int width = 76);

} // namespace poplar::mime
