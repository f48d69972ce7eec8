// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>

namespace poplar::ui {

/// Where a Save dialog starts for a message: the user's documents folder, a file named after
/// the subject (without what file systems refuse, at most 80 characters, no leading dot) or
/// `fallback`, with `suffix` (".eml", ".pdf").
inline QString suggestedSavePath(const QString &subject, const QString &fallback,
                                 const QString &suffix)
{
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\x00-\x1f]+)"));
    QString name = subject;
    name.replace(unsafe, QStringLiteral(" "));
    name = name.simplified().left(80);
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    if (name.isEmpty())
        name = fallback;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(name + suffix);
}

} // namespace poplar::ui
