// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace poplar::bench {

/// A message shaped to make Qt's layout (or image decoding) take the window's time.
struct LayoutBomb {
    QString name;
    QByteArray raw; ///< the whole RFC 5322 message
};

/// Issue 12 item 4's shapes: tables nested 25 and 10,000 deep, 250 cells with
/// colspan/rowspan 65535, a 5 MB word (HTML and plain text), a 1 MB subject, four
/// 5600x5600 PNGs as cid: parts, a 1x1 PNG declared 100000x100000; and images Qt cannot
/// load, sized by width alone, around a table cell (a layout that never ended). `names`, when not
/// empty, picks some by name (the others are not built: some take a while).
[[nodiscard]] QList<LayoutBomb> layoutBombs(const QStringList &names = {});

} // namespace poplar::bench
