// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterMessage.h"

#include "mime/HeaderText.h"
#include "mime/MessageBuilder.h"
#include "mime/MessageRenderer.h"

namespace poplar::filters {

namespace {

// A raw value unfolded: each continuation line joins the one before with one space.
QByteArray unfolded(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    const QByteArrayView all(raw);
    qsizetype at = 0;
    while (at <= all.size()) {
        qsizetype end = all.indexOf('\n', at);
        if (end < 0)
            end = all.size();
        const QByteArrayView text = all.sliced(at, end - at).trimmed();
        at = end + 1;
        if (text.isEmpty())
            continue;
        if (!out.isEmpty())
            out += ' ';
        out += text;
    }
    return out;
}

} // namespace

FilterMessage::FilterMessage(const QByteArray &raw, qint64 size)
    : m_size(size)
{
    // The fields the list and the viewer read (MessageRenderer splits them as GMime does):
    // a rule never tests a header the user is not shown, such as one after a line that ends
    // the header block, or one whose name has a space in it.
    const QByteArray head = raw.size() > maxHeaderBytes ? raw.left(maxHeaderBytes) : raw;
    for (const auto &[name, value] : mime::MessageRenderer::headerFields(head))
        m_fields.append({name.toLower(), unfolded(value)});
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
