// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace poplar::importer {

/// The user_pref("name", value); lines of a Mozilla prefs.js: strings (with JavaScript's
/// escapes), integers and booleans. Anything else in the file (comments, other calls) is
/// ignored. Read only: the file belongs to the program that wrote it.
class PrefsJs {
public:
    /// Parses prefs.js text (UTF-8).
    [[nodiscard]] static PrefsJs parse(const QByteArray &text);
    /// Reads and parses the file; empty when it cannot be read.
    [[nodiscard]] static PrefsJs read(const QString &path);

    [[nodiscard]] bool contains(const QString &name) const { return m_values.contains(name); }
    [[nodiscard]] QString string(const QString &name, const QString &fallback = {}) const;
    [[nodiscard]] int integer(const QString &name, int fallback = 0) const;
    [[nodiscard]] bool boolean(const QString &name, bool fallback = false) const;
    [[nodiscard]] qsizetype size() const { return m_values.size(); }
    /// The names that begin with `prefix`, sorted.
    [[nodiscard]] QStringList names(const QString &prefix) const;

private:
    QHash<QString, QVariant> m_values;
};

} // namespace poplar::importer
