// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/AttachmentFiles.h"

#include "mime/SafeFileName.h"

#include <QCoreApplication>
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
    // Read and write, never execute: QSaveFile would keep a replaced file's exec bit.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    if (file.write(data) != data.size() || !file.commit())
        return {{}, file.errorString()};
    return {path, {}};
}

SavedFile saveIntoFolder(const QString &folder, const QString &name, const QString &mimeType,
                         const QByteArray &data)
{
    const QDir dir(folder);
    if (!dir.exists())
        return {{},
                QCoreApplication::translate("poplar::mime::AttachmentFiles",
                                            "The folder %1 does not exist.")
                    .arg(folder)};
    const QString fileName = attachmentFileName(name, mimeType);
    const QFileInfo info(fileName);
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    QString candidate = dir.filePath(fileName);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        if (n > 9999)
            return {{},
                    QCoreApplication::translate("poplar::mime::AttachmentFiles",
                                                "Too many files named %1 in %2.")
                        .arg(fileName, folder)};
        // The number goes before the extension, and the whole still fits the file system.
        const QString number = QStringLiteral(" (%1)").arg(n);
        candidate = dir.filePath(
            cutFileName(base, maxFileNameBytes - number.toUtf8().size() - suffix.toUtf8().size()) +
            number + suffix);
    }
    // safeFileName already keeps one path component; this check is the promise itself.
    if (QFileInfo(candidate).absoluteDir().absolutePath() != dir.absolutePath())
        return {{},
                QCoreApplication::translate("poplar::mime::AttachmentFiles",
                                            "Refusing to write outside %1.")
                    .arg(folder)};
    return saveToPath(candidate, data);
}

namespace {

bool isProgramType(const QMimeType &type)
{
    static const char *const programs[] = {"application/x-executable",
                                           "application/x-sharedlib",
                                           "application/x-pie-executable",
                                           "application/x-shellscript",
                                           "application/x-desktop",
                                           "application/x-ms-dos-executable",
                                           "application/x-msdownload",
                                           "application/x-msi",
                                           "application/x-ms-shortcut",
                                           "application/x-msdos-program",
                                           "application/vnd.microsoft.portable-executable",
                                           "application/x-java-archive",
                                           "application/x-java-jnlp-file",
                                           "application/vnd.appimage",
                                           "application/x-executable-script",
                                           "application/x-perl",
                                           "application/x-ruby",
                                           "application/x-python-code",
                                           "text/x-python",
                                           "text/x-python3",
                                           "application/x-php",
                                           "application/javascript",
                                           "text/javascript",
                                           "application/x-bat",
                                           "application/x-powershell",
                                           "application/x-csh",
                                           "application/x-tcl",
                                           "application/x-deb",
                                           "application/x-rpm",
                                           "application/x-ms-wim",
                                           "text/vbscript"};
    if (!type.isValid())
        return false;
    for (const char *p : programs) {
        if (type.inherits(QLatin1String(p)))
            return true;
    }
    return false;
}

} // namespace

bool opensAsProgram(const QString &fileName, const QString &declaredType, const QByteArray &data)
{
    const QMimeDatabase mimes;
    // Suffixes a desktop runs or hands to an interpreter, whatever the database calls them.
    static const char *const suffixes[] = {
        "sh",  "bash",     "zsh",     "csh", "ksh", "desktop", "exe", "com", "bat",
        "cmd", "scr",      "pif",     "msi", "lnk", "js",      "jse", "vbs", "vbe",
        "wsf", "ps1",      "py",      "pl",  "rb",  "php",     "jar", "run", "bin",
        "so",  "appimage", "command", "deb", "rpm", "hta",     "cpl", "reg", "elf"};
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const char *s : suffixes) {
        if (suffix == QLatin1String(s))
            return true;
    }
    const QString declared = declaredType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return isProgramType(mimes.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension)) ||
           isProgramType(mimes.mimeTypeForName(declared)) ||
           isProgramType(mimes.mimeTypeForData(data)) || data.startsWith("#!") ||
           data.startsWith("\x7f"
                           "ELF") ||
           data.startsWith("MZ");
}

} // namespace poplar::mime
