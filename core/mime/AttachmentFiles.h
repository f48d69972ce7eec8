// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace poplar::mime {

struct SavedFile {
    QString path;  ///< where the bytes went; empty on failure
    QString error; ///< why nothing was written
};

/// A file name for an attachment: its own name made safe (safeFileName), or, for an
/// unnamed one, "attachment" with the extension its MIME type suggests.
[[nodiscard]] QString attachmentFileName(const QString &name, const QString &mimeType);

/// Writes `data` into `folder` under attachmentFileName(), never outside the folder
/// whatever the name says, and never over an existing file ("name (2).ext" instead).
/// Atomic: a failed write leaves nothing behind.
[[nodiscard]] SavedFile saveIntoFolder(const QString &folder, const QString &name,
                                       const QString &mimeType, const QByteArray &data);

/// Writes `data` to exactly `path` (a path the user chose), atomically. The file is never
/// executable, even where it replaces one that was.
[[nodiscard]] SavedFile saveToPath(const QString &path, const QByteArray &data);

/// Whether opening this attachment could run code rather than show it: programs, shared
/// libraries, scripts, desktop entries, installers, Windows executables and shortcuts. Told
/// by the name, the declared type and the content, so that none of them alone can hide it.
[[nodiscard]] bool opensAsProgram(const QString &fileName, const QString &declaredType,
                                  const QByteArray &data);

} // namespace poplar::mime
