// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/AttachmentFiles.h"

#include "mime/SafeFileName.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

namespace poplar::mime {

QString attachmentFileName(const QString &name, const QString &mimeType)
{
    QString fallback = QStringLiteral("attachment");
    const QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix();
    if (!suffix.isEmpty())
        fallback += QLatin1Char('.') + suffix;
    return safeFileName(name, fallback);
}

SavedFile saveToPath(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {{}, file.errorString()};
    if (file.write(data) != data.size() || !file.commit())
        return {{}, file.errorString()};
    return {path, {}};
}

SavedFile saveIntoFolder(const QString &folder, const QString &name, const QString &mimeType,
                         const QByteArray &data)
{
    const QDir dir(folder);
    if (!dir.exists())
        return {{}, QStringLiteral("The folder %1 does not exist.").arg(folder)};
    const QString fileName = attachmentFileName(name, mimeType);
    const QFileInfo info(fileName);
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    QString candidate = dir.filePath(fileName);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        if (n > 9999)
            return {{}, QStringLiteral("Too many files named %1 in %2.").arg(fileName, folder)};
        candidate = dir.filePath(QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(suffix));
    }
    // safeFileName already keeps one path component; this check is the promise itself.
    if (QFileInfo(candidate).absoluteDir().absolutePath() != dir.absolutePath())
        return {{}, QStringLiteral("Refusing to write outside %1.").arg(folder)};
    return saveToPath(candidate, data);
}

} // namespace poplar::mime
