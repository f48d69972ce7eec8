// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer/FoundProfile.h"
#include "importer/PrefsJs.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace poplar::importer {

/// Finds and reads a Thunderbird profile without changing it: profiles.ini, prefs.js
/// (mail.account.*, mail.server.*, mail.identity.*, mail.smtpserver.*), popstate.dat and
/// the folder tree (Mail/<server>/, Local Folders, nested X.sbd/ directories; mbox files,
/// or cur/+new/ directories for the maildir store; the .msf index files are Thunderbird's
/// own and are skipped).
class ThunderbirdProfile {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::ThunderbirdProfile)

public:
    /// Where Thunderbird keeps its profiles on Linux: ~/.thunderbird, and the Snap,
    /// Flatpak and older Debian (Icedove) places.
    [[nodiscard]] static QStringList defaultRoots(const QString &home);

    /// The profile directory `path` means: a profile itself (it has prefs.js), or a root
    /// with profiles.ini (its default profile: the install's, else Default=1, else the first).
    /// An empty `path` looks in defaultRoots().
    [[nodiscard]] static Result<QString> locate(const QString &path, const QString &home);

    /// Reads the profile in `profileDir`: its POP3 accounts (IMAP and others are noted and
    /// left out), their popstate.dat, and every mail folder.
    [[nodiscard]] static Result<FoundProfile> read(const QString &profileDir);

    /// The user's tags and renamed defaults (mailnews.tags.KEY.tag/.color/.ordinal), in
    /// Thunderbird's order.
    [[nodiscard]] static QList<FoundTag> readTags(const PrefsJs &prefs);

private:
    static QString profileFromIni(const QString &root);
    static std::optional<FoundAccount> readAccount(const PrefsJs &prefs, const QString &accountKey,
                                                   const QString &serverKey, QStringList *notes);
    static QString serverDirectory(const PrefsJs &prefs, const QString &serverKey,
                                   const QString &profileDir);
    static void walkFolders(const QString &dir, const QString &prefix, int depth,
                            const QString &inboxOf, QList<FoundFolder> *out);
};

} // namespace poplar::importer
