// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/MessageFile.h"

#include <QFile>

namespace poplar::importer {

QString MessageFile::read(const QString &path, qint64 maxBytes, QByteArray &raw)
{
    QFile file(path);
    if (file.size() > maxBytes)
        return tr("larger than %1 MB, skipped").arg(maxBytes / (1024 * 1024));
    if (!file.open(QIODevice::ReadOnly))
        return tr("cannot be read (%1), skipped").arg(file.errorString());
    raw = file.readAll();
    return {};
}

} // namespace poplar::importer
