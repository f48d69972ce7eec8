// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace poplar::importer {

/// The programs a profile can be imported from.
enum class SourceProgram { Thunderbird, Claws, Sylpheed, Evolution };

[[nodiscard]] QString programName(SourceProgram program);

/// A message the other program downloaded from a POP3 mailbox (popstate.dat, uidl/ files).
struct KnownUidl {
    QByteArray uidl;
    qint64 firstSeen = 0; ///< when it was downloaded, seconds since the epoch; 0: not known
    /// Thunderbird's 'd': deleted there, to be deleted on the server at its next check.
    bool deletePending = false;
};

/// A POP3 account found in a profile, as a Poplar account (no id yet, no password: the
/// user is asked for it once, and it goes into the keychain).
struct FoundAccount {
    QString key;      ///< how the profile names it: "server2", "account 1"
    Account settings; ///< id empty
    QList<KnownUidl> downloaded;
    QStringList notes;  ///< settings that could not be carried over, in words
    bool wanted = true; ///< to be imported (the user's choice)
};

enum class FolderFormat {
    Mbox,    ///< one file (Thunderbird)
    Mh,      ///< a directory of numbered files (Claws Mail, Sylpheed)
    Maildir, ///< cur/ and new/ (Thunderbird's maildir store)
    /// cur/ and new/ with the state in the file names (":2,FRS") and the labels in the
    /// store's folders.db (Evolution's "On This Computer")
    EvolutionMaildir,
    None, ///< a level of the tree without messages of its own (a .sbd without its mbox)
};

/// A folder found in a profile and where its messages go.
struct FoundFolder {
    QString sourcePath; ///< the mbox file or MH directory
    FolderFormat format = FolderFormat::Mbox;
    /// The FoundAccount::key whose Inbox this is (its messages go to that account's Inbox,
    /// linked to the download records); empty for every other folder.
    QString inboxOf;
    QString destination;  ///< the local folder's name, levels joined by '/': "Archive/2024"
    int depth = 0;        ///< 0 for a folder at the top of its tree
    qint64 bytes = 0;     ///< the size of its file(s)
    qint64 messages = -1; ///< -1 until counted (ProfileImporter::count)
    bool wanted = true;   ///< to be imported (the user's choice)
    /// Claws Mail: the folder's tagsdb/.../.claws_tags file (message number -> tag ids);
    /// Evolution: the store's folders.db (labels per message). Empty when there is none.
    QString stateFile;
    QString stateTable; ///< Evolution: the folder's name in folders.db ("Inbox", "A/B")
};

/// A tag as the other program names and colours it.
struct FoundTag {
    QString keyword; ///< what a message carries: "$label1", "todo", Claws' tag id "3"
    QString name;    ///< what the user sees: "Urgent"
    QString colour;  ///< "#rrggbb"; empty: Poplar's grey (Claws has no colours)
};

/// What a profile holds: read without changing anything in it.
struct FoundProfile {
    SourceProgram program = SourceProgram::Thunderbird;
    QString path;       ///< the profile directory
    bool inUse = false; ///< the program's lock file is there: it may be running
    QList<FoundAccount> accounts;
    QList<FoundFolder> folders;
    /// The user's tags (and renamed defaults), in the other program's order.
    QList<FoundTag> tags;
    QStringList notes; ///< what is not carried over, in words
};

} // namespace poplar::importer
