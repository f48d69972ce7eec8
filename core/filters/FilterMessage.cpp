// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterMessage.h"

#include "mime/HeaderText.h"
#include "mime/MessageBuilder.h"

namespace poplar::filters {

FilterMessage::FilterMessage(const QByteArray &raw, qint64 size)
    : m_size(size)
{
    const QByteArrayView all(raw.constData(), std::min(raw.size(), maxHeaderBytes));
    qsizetype pos = 0;
    while (pos < all.size()) {
        qsizetype end = all.indexOf('\n', pos);
        if (end < 0)
            end = all.size();
        QByteArrayView line = all.sliced(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the end of the header block
        if ((line.front() == ' ' || line.front() == '\t') && !m_fields.isEmpty()) {
            m_fields.last().value += ' ';
            m_fields.last().value += line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a field (an mbox "From " line, say)
        m_fields.append({line.first(colon).trimmed().toByteArray().toLower(),
                         line.sliced(colon + 1).trimmed().toByteArray()});
    }
}

bool FilterMessage::has(const QString &name) const
{
    const QByteArray key = name.toLatin1().toLower();
    return std::any_of(m_fields.begin(), m_fields.end(),
                       [&key](const Field &f) { return f.name == key; });
}

QStringList FilterMessage::values(const QString &name) const
{
    const QByteArray key = name.toLatin1().toLower();
    QStringList out;
    for (const Field &f : m_fields) {
        if (f.name == key)
            out.append(mime::decodeHeaderText(f.value).trimmed());
    }
    return out;
}

QList<QByteArray> FilterMessage::rawValues(const QString &name) const
{
    const QByteArray key = name.toLatin1().toLower();
    QList<QByteArray> out;
    for (const Field &f : m_fields) {
        if (f.name == key)
            out.append(f.value);
    }
    return out;
}

QStringList FilterMessage::addresses(const QString &name) const
{
    const QByteArray key = name.toLatin1().toLower();
    QStringList out;
    for (const Field &f : m_fields) {
        if (f.name != key)
            continue;
        for (const mime::MailAddress &a : mime::MessageBuilder::parseAddresses(f.value)) {
            if (!a.address.isEmpty())
                out.append(a.address);
        }
    }
    return out;
}

} // namespace poplar::filters
