// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace poplar {

/// A size as Poplar shows it everywhere (list, viewer, progress, connection test): the
/// locale's digits and words, one decimal, units of 1024 named KB, MB, GB ("2.3 MB").
/// One place, so no two parts of the program can disagree.
[[nodiscard]] inline QString dataSizeText(qint64 bytes, const QLocale &locale = QLocale())
{
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace poplar
