// SPDX-License-Identifier: GPL-3.0-or-later
// What Linux says of this process in /proc/self: the benchmarks' memory and I/O figures.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace poplar::bench {

/// The number after `key` ("VmHWM:", "wchar:") on its line of /proc/self/`file`, as the file
/// gives it (kB for status, bytes for io); -1 where there is none.
inline qint64 procNumber(const char *file, const QByteArray &key)
{
    QFile f(QStringLiteral("/proc/self/") + QLatin1String(file));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace poplar::bench
