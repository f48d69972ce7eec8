// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace poplar::filters {

/// What a Sieve test may ask of a message: its header fields, decoded (RFC 2047, folding
/// undone, as RFC 5228 §5.7 wants them compared), the addresses in them, and its size.
/// Reads only the header block, and at most maxHeaderBytes of it, so a test costs the
/// same on a 20 KB and a 20 MB message. Any thread; not shared between threads.
class FilterMessage {
public:
    static constexpr qsizetype maxHeaderBytes = 256 * 1024;

    /// `raw`: the message exactly as received; `size`: what a size test compares (the
    /// whole message's size, which for a headers-only copy is not raw.size()).
    FilterMessage(const QByteArray &raw, qint64 size);

    [[nodiscard]] qint64 size() const { return m_size; }
    [[nodiscard]] bool has(const QString &name) const;
    /// Every field of that name, in order, decoded; empty when there is none.
    [[nodiscard]] QStringList values(const QString &name) const;
    /// The addresses (local-part@domain) in every field of that name.
    [[nodiscard]] QStringList addresses(const QString &name) const;
    /// Every field of that name as it came (folding undone, nothing decoded).
    [[nodiscard]] QList<QByteArray> rawValues(const QString &name) const;

private:
    struct Field {
        QByteArray name; ///< lower case
        QByteArray value;
    };
    QList<Field> m_fields;
    qint64 m_size = 0;
};

} // namespace poplar::filters
