// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer/FoundProfile.h"
#include "util/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace poplar::importer {

/// A GLib key file (what Evolution's .source files are): "[Group]" lines, then key=value
/// lines with GKeyFile's escapes (\s \n \t \r \\). Localized keys ("Name[de]") and comments
/// are left out. group -> key -> value.
using KeyFile = QHash<QString, QHash<QString, QString>>;
[[nodiscard]] KeyFile parseKeyFile(const QByteArray &text);

/// Finds and reads Evolution's (3.x) mail without changing it, where evolution-data-server
/// keeps it:
/// - accounts: ~/.config/evolution/sources/UID.source key files. A POP3 account has
///   [Mail Account] BackendName=pop and IdentityUid, [Authentication] Host/Port/User/Method,
///   [Security] Method (none, ssl-on-alternate-port, starttls-on-standard-port) and
///   [Pop Backend] KeepOnServer/DeleteAfterDays/DeleteExpunged; its identity source has
///   [Mail Identity] Name/Address/ReplyTo and [Mail Submission] TransportUid, which names
///   the SMTP source ([Mail Transport] BackendName=smtp).
/// - what each POP3 account downloaded: ~/.local/share/evolution/mail/UID/uid-cache, one
///   UIDL a line (Evolution's fetch skips the UIDLs listed there).
/// - local mail ("On This Computer"): ~/.local/share/evolution/mail/local, a Maildir++ tree:
///   the root is the Inbox (where POP3 mail arrives, every account's), ".A.B" is the folder
///   A/B, "..X" is Inbox/X, "_2E" and "_5F" stand for '.' and '_' in a name; state in the
///   file names (":2,DFRST") and labels in the store's folders.db.
class EvolutionProfile {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::EvolutionProfile)

public:
    /// The directory `path` means: Evolution's data directory (with mail/local) or a home
    /// directory under which .local/share/evolution is. Empty `path`: `home`'s. The sources
    /// are looked for beside it (.config/evolution/sources of the same home).
    [[nodiscard]] static Result<QString> locate(const QString &path, const QString &home);
    /// Reads the profile whose home directory is `home`.
    [[nodiscard]] static Result<FoundProfile> read(const QString &home);

    /// A Maildir++ directory name (".A.B", "..X") as a folder name ("A/B", "Inbox/X").
    [[nodiscard]] static QString folderName(const QString &dirName);
    /// Evolution's five labels ($Labelimportant ... $Labellater) are Poplar's five default
    /// tags; a label of the user's own ("$Labelfamily") is its name; Evolution's markers
    /// (junk, notjunk, $has_note, receipt-handled, ...) are none.
    [[nodiscard]] static QString tagName(const QString &keyword);

private:
    static void readAccounts(const QString &sourcesDir, const QString &dataDir,
                             FoundProfile *profile);
    static void readFolders(const QString &localDir, FoundProfile *profile);
};

} // namespace poplar::importer
