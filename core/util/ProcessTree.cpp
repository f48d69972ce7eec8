// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ProcessTree.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>

#include <csignal>

namespace poplar {

namespace {

// The live children of every process, from /proc/<pid>/stat: "pid (comm) state ppid ...".
// The command name may hold spaces and parentheses, so the fields are read after the last
// ')'. A zombie (Z) or a dead process (X) has ended already.
QHash<qint64, QList<qint64>> childrenOfEach()
{
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 2 || fields.at(0).isEmpty())
            continue;
        const char state = fields.at(0).at(0);
        if (state != 'Z' && state != 'X')
            children[fields.at(1).toLongLong()].append(pid);
    }
    return children;
}

} // namespace

QList<qint64> descendantsOf(qint64 pid)
{
    const QHash<qint64, QList<qint64>> children = childrenOfEach();
    QList<qint64> found = children.value(pid);
    for (qsizetype i = 0; i < found.size(); ++i)
        found += children.value(found.at(i));
    return found;
}

void killProcessTree(qint64 pid)
{
    if (pid <= 0)
        return;
    const QList<qint64> tree = QList<qint64>{pid} + descendantsOf(pid);
    // Stopped first, so that none starts another while the others are being killed.
    for (const qint64 p : std::as_const(tree))
        ::kill(pid_t(p), SIGSTOP);
    for (const qint64 p : std::as_const(tree))
        ::kill(pid_t(p), SIGKILL);
}

} // namespace poplar
