// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/MhFolder.h"

#include "importer/MessageFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>

namespace poplar::importer {

namespace {

constexpr quint32 markUnread = 0x2;
constexpr quint32 markNew = 0x1;
constexpr quint32 markMarked = 0x4;

bool isNumber(const QString &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

QFileInfoList messageFiles(const QString &dir)
{
    QFileInfoList files;
    const QFileInfoList all = QDir(dir).entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo &f : all) {
        if (isNumber(f.fileName()))
            files.append(f);
    }
    return files;
}

} // namespace

MhFolder::MhFolder(const QString &dir, const QString &tagsFile, qint64 maxMessageBytes)
    : m_dir(dir)
    , m_maxMessageBytes(maxMessageBytes)
{
    for (const QFileInfo &f : messageFiles(dir))
        m_numbers.append(f.fileName().toInt());
    std::sort(m_numbers.begin(), m_numbers.end());
    for (const QString &markFile :
         {QStringLiteral(".claws_mark"), QStringLiteral(".sylpheed_mark")}) {
        QFile file(QDir(dir).filePath(markFile));
        if (file.open(QIODevice::ReadOnly)) {
            m_marks = parseMarks(file.readAll());
            break;
        }
    }
    if (QFile file(tagsFile); !tagsFile.isEmpty() && file.open(QIODevice::ReadOnly))
        m_tags = parseTags(file.readAll());
}

QHash<quint32, QList<int>> MhFolder::parseTags(const QByteArray &bytes)
{
    QHash<quint32, QList<int>> tags;
    if (bytes.size() < 4)
        return tags;
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const bool little = qFromLittleEndian<quint32>(data) < 0x10000;
    auto word = [&](qsizetype at) {
        return little ? qFromLittleEndian<quint32>(data + at) : qFromBigEndian<quint32>(data + at);
    };
    qsizetype at = 4;
    while (at + 4 <= bytes.size()) {
        const quint32 number = word(at);
        at += 4;
        QList<int> ids;
        // Claws stops a message's list at the first id that is not positive, or at the end.
        while (at + 4 <= bytes.size()) {
            const auto id = qint32(word(at));
            at += 4;
            if (id <= 0)
                break;
            ids.append(id);
        }
        if (!ids.isEmpty())
            tags.insert(number, ids);
    }
    return tags;
}

QHash<quint32, quint32> MhFolder::parseMarks(const QByteArray &bytes)
{
    QHash<quint32, quint32> marks;
    if (bytes.size() < 4)
        return marks;
    // The version word tells the byte order: a small number one way, a huge one the other.
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const bool little = qFromLittleEndian<quint32>(data) < 0x10000;
    auto word = [&](qsizetype at) {
        return little ? qFromLittleEndian<quint32>(data + at) : qFromBigEndian<quint32>(data + at);
    };
    for (qsizetype at = 4; at + 8 <= bytes.size(); at += 8)
        marks.insert(word(at), word(at + 4));
    return marks;
}

qint64 MhFolder::bytesOf(const QString &dir)
{
    qint64 total = 0;
    for (const QFileInfo &f : messageFiles(dir))
        total += f.size();
    return total;
}

std::optional<MhMessage> MhFolder::next()
{
    if (m_next >= m_numbers.size())
        return std::nullopt;
    MhMessage m;
    m.number = m_numbers.at(m_next++);
    const auto mark = m_marks.constFind(quint32(m.number));
    if (mark != m_marks.cend()) {
        m.read = !(mark.value() & (markUnread | markNew));
        m.flagged = mark.value() & markMarked;
    }
    m.tagIds = m_tags.value(quint32(m.number));
    m.skipReason = MessageFile::read(QDir(m_dir).filePath(QString::number(m.number)),
                                     m_maxMessageBytes, m.raw);
    return m;
}

} // namespace poplar::importer
