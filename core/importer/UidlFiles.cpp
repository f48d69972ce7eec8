// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/UidlFiles.h"

namespace poplar::importer {

QList<KnownUidl> parsePopState(const QByteArray &text, const QString &host, const QString &user)
{
    QList<KnownUidl> out;
    bool ours = false;
    for (QByteArray line : text.split('\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith('*')) {
            const QList<QByteArray> words = line.mid(1).simplified().split(' ');
            ours = words.size() >= 2 &&
                   QString::fromUtf8(words.at(0)).compare(host, Qt::CaseInsensitive) == 0 &&
                   QString::fromUtf8(words.at(1)) == user;
            continue;
        }
        if (!ours)
            continue;
        const QList<QByteArray> words = line.simplified().split(' ');
        if (words.size() < 2 || words.at(0).size() != 1)
            continue;
        const char kind = words.at(0).at(0);
        if (kind != 'k' && kind != 'd')
            continue;
        KnownUidl known;
        known.uidl = words.at(1);
        known.firstSeen = words.value(2).toLongLong();
        known.deletePending = kind == 'd';
        out.append(known);
    }
    return out;
}

QList<KnownUidl> parseClawsUidls(const QByteArray &text)
{
    QList<KnownUidl> out;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        const QList<QByteArray> fields = line.split('\t');
        const QByteArray uidl = fields.value(0).trimmed();
        if (uidl.isEmpty())
            continue;
        KnownUidl known;
        known.uidl = uidl;
        known.firstSeen = fields.value(1).trimmed().toLongLong();
        out.append(known);
    }
    return out;
}

} // namespace poplar::importer
