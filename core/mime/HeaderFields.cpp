// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HeaderFields.h"

#include <QtGlobal>

namespace poplar::mime {

namespace {

/// The end of the line that starts at `at`: just past its '\n', or the end of the block.
qsizetype lineEnd(QByteArrayView block, qsizetype at)
{
    const qsizetype newline = block.indexOf('\n', at);
    return newline < 0 ? block.size() : newline + 1;
}

bool isBlankLine(QByteArrayView line)
{
    return line == "\n" || line == "\r\n";
}

/// A name byte as GMime's parser takes one: anything but controls, blanks, DEL and ':'.
bool isNameByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7f && c != ':';
}

bool equalsNoCase(QByteArrayView a, const char *b)
{
    return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
}

} // namespace

HeaderFields::HeaderFields(QByteArrayView block)
{
    qsizetype at = 0;
    while (at < block.size()) {
        const qsizetype end = lineEnd(block, at);
        const QByteArrayView line = block.sliced(at, end - at);
        if (isBlankLine(line))
            break;
        // The field's extent: this line and its continuations.
        qsizetype fieldEnd = end;
        while (fieldEnd < block.size() && (block.at(fieldEnd) == ' ' || block.at(fieldEnd) == '\t'))
            fieldEnd = lineEnd(block, fieldEnd);
        const QByteArrayView field = block.sliced(at, fieldEnd - at);
        at = fieldEnd;
        if (line.front() == ' ' || line.front() == '\t')
            continue; // a continuation with no field before it
        qsizetype nameEnd = 0;
        while (nameEnd < field.size() && isNameByte(field.at(nameEnd)))
            ++nameEnd;
        qsizetype colon = nameEnd;
        while (colon < field.size() && (field.at(colon) == ' ' || field.at(colon) == '\t'))
            ++colon;
        if (colon >= field.size() || field.at(colon) != ':')
            continue; // no field: dropped with its continuations, as GMime drops it
        QByteArrayView value = field.sliced(colon + 1);
        if (const qsizetype nul = value.indexOf('\0'); nul >= 0)
            value = value.first(nul);
        m_fields.append({field.first(nameEnd), value.toByteArray()});
    }
}

const char *HeaderFields::first(const char *name) const
{
    for (const Field &f : m_fields) {
        if (equalsNoCase(f.name, name))
            return f.rawValue.constData();
    }
    return nullptr;
}

QList<QByteArray> HeaderFields::all(const char *name) const
{
    QList<QByteArray> values;
    for (const Field &f : m_fields) {
        if (equalsNoCase(f.name, name))
            values.append(f.rawValue);
    }
    return values;
}

const HeaderFields::Field *HeaderFields::last(const char *name) const
{
    for (auto it = m_fields.crbegin(); it != m_fields.crend(); ++it) {
        if (equalsNoCase(it->name, name))
            return &*it;
    }
    return nullptr;
}

} // namespace poplar::mime
