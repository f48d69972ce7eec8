// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/FilterRules.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace poplar::filters {

/// The profile's filters.sieve, read and compiled. No file means no rules (every message
/// stays in the Inbox); a file with an error also means no rules, and `error` says where:
/// a broken rule must never lose or misfile mail, so none of the script runs.
struct LoadedFilters {
    QString path;
    bool present = false;
    std::shared_ptr<const FilterRules> rules; ///< null when absent or broken
    std::optional<SieveError> error;

    /// "filters.sieve, line 3: ..." for a status line, stderr or a sync warning; empty
    /// when there is no error.
    [[nodiscard]] QString errorText() const;
};

class FilterFile {
    Q_DECLARE_TR_FUNCTIONS(poplar::filters::FilterFile)

public:
    /// Scripts are small; a larger file is refused rather than read.
    static constexpr qint64 maxBytes = 1024 * 1024;

    [[nodiscard]] static QString fileName() { return QStringLiteral("filters.sieve"); }
    [[nodiscard]] static LoadedFilters load(const QString &path);
    /// The same error in words, with the file's name and the line.
    [[nodiscard]] static QString describe(const QString &path, const SieveError &error);
};

} // namespace poplar::filters
