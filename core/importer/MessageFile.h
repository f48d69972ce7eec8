// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace poplar::importer {

/// One message stored as a file of its own (MH, Maildir): its bytes, or why they were not
/// read, in words for the import's report.
class MessageFile {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::MessageFile)

public:
    /// Reads `path` into `raw` unless it is over `maxBytes` or cannot be read; returns the
    /// reason it was skipped (empty when it was read).
    [[nodiscard]] static QString read(const QString &path, qint64 maxBytes, QByteArray &raw);
};

} // namespace poplar::importer
