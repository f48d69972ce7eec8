// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer/FoundProfile.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace poplar::importer {

/// Finds and reads a Claws Mail or Sylpheed profile without changing it: accountrc (POP3
/// accounts), folderlist.xml (where the MH mailbox is), the MH folder tree and the uidl/
/// files (what each account downloaded). The two programs share these formats.
class ClawsProfile {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::ClawsProfile)

public:
    /// The settings directory `path` means (it has accountrc); an empty `path` looks in
    /// ~/.claws-mail (Claws Mail) or ~/.sylpheed-2.0 (Sylpheed).
    [[nodiscard]] static Result<QString> locate(SourceProgram program, const QString &path,
                                                const QString &home);
    /// Reads the profile in `settingsDir`; MH folders relative to `home` (folderlist.xml
    /// keeps them so).
    [[nodiscard]] static Result<FoundProfile> read(SourceProgram program,
                                                   const QString &settingsDir, const QString &home);

    /// The sections of an accountrc: "[Account: 1]" -> its key=value lines.
    [[nodiscard]] static QList<QHash<QString, QString>> parseAccountrc(const QByteArray &text);
    /// Claws Mail's tagsrc: "max_id N", then "ID<TAB>NAME" lines; each tag's keyword is its id.
    [[nodiscard]] static QList<FoundTag> parseTagsrc(const QByteArray &text);

private:
    static std::optional<FoundAccount> readAccount(const QHash<QString, QString> &section,
                                                   const QString &settingsDir, QStringList *notes);
    static void walkMh(const QString &dir, const QString &prefix, int depth,
                       QList<FoundFolder> *out);
};

} // namespace poplar::importer
