// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace poplar::mime {

/// The fields of a header block, split as GMime's parser splits them, without building a
/// GMime object for each (which cost a stored message 50 µs, most of the time the sync's
/// network thread spent on it):
///
/// - a field is a name, optional blanks, ':' and a raw value running to the end of the
///   line and over the continuation lines that follow (those that begin with a space or a
///   tab), line endings included;
/// - the name is everything before the blanks and the colon; a name that holds a control
///   character, a space, a tab or DEL is no name, and GMime drops such a line together with
///   its continuations, as it drops a line without a colon;
/// - a value stops at a NUL byte, as GMime's C strings do;
/// - the block ends at its first empty line.
///
/// MessageRenderer::headers() reads the list's header facts with it (headerValues() any
/// header's raw values), and test_header_facts
/// holds it to what GMime's message object gives the viewer.
class HeaderFields {
public:
    /// `block` must outlive the object: the names point into it.
    explicit HeaderFields(QByteArrayView block);

    struct Field {
        QByteArrayView name;
        QByteArray rawValue; ///< NUL-terminated, as GMime gives it
    };

    /// The raw value of the first field of that name (ASCII case-insensitive), or null.
    [[nodiscard]] const char *first(const char *name) const;
    /// The last field of that name, or null.
    [[nodiscard]] const Field *last(const char *name) const;
    /// The raw values of every field of that name, in order.
    [[nodiscard]] QList<QByteArray> all(const char *name) const;
    /// Every field, in order.
    [[nodiscard]] const QList<Field> &fields() const { return m_fields; }

private:
    QList<Field> m_fields;
};

} // namespace poplar::mime
