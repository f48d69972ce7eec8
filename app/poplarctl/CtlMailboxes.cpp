// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl import and export-folder: mbox and Maildir.
#include "CtlSupport.h"

#include "JsonFormat.h"
#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "mime/MessageRenderer.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MailboxReader.h"
#include "store/MboxWriter.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "sync/MailImporter.h"
#include "sync/MessageActions.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <list>
#include <map>

namespace poplar::ctl {

int importMailbox(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        Words::tr("poplarctl import: copy the messages of an mbox file or a Maildir into a "
                  "local folder (list it with 'list --folder local:NAME'). Messages already "
                  "in that folder are skipped, so importing twice adds nothing."),
        args);
    cl.add(QStringLiteral("folder"),
           Words::tr("The local folder (default: the mbox file's name without its "
                     "extension, or the Maildir's folder name)."),
           QStringLiteral("NAME"));
    cl.positional(QStringLiteral("FORMAT"), Words::tr("mbox or maildir."));
    cl.positional(QStringLiteral("PATH"), Words::tr("The mbox file or the Maildir folder."));
    if (auto code = cl.parse())
        return *code;
    using Format = store::MailboxReader::Format;
    std::optional<Format> format;
    if (cl.arg(0) == QLatin1String("mbox"))
        format = Format::Mbox;
    else if (cl.arg(0) == QLatin1String("maildir"))
        format = Format::Maildir;
    if (!format) {
        printErr(Words::tr("the format must be mbox or maildir"));
        return Usage;
    }
    const QString path = cl.arg(1);
    const QString folder = cl.isSet(QStringLiteral("folder"))
                               ? cl.value(QStringLiteral("folder"))
                               : store::MailboxReader::defaultFolderName(*format, path);
    if (folder.trimmed().isEmpty()) {
        printErr(Words::tr("--folder needs a name"));
        return Usage;
    }
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    sync::MailImporter importer(*session.value().store);
    auto result = importer.importMailbox(*format, path, folder);
    if (!result)
        return fail(result.error());
    for (const QString &warning : result.value().warnings)
        printErr(warning);
    printOut(Words::tr("%1 imported, %2 skipped")
                 .arg(result.value().imported)
                 .arg(result.value().duplicates + result.value().skipped) +
             QLatin1Char('\n'));
    return Success;
}

int exportFolder(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        Words::tr("poplarctl export-folder: write a folder's messages, oldest first, to an "
                  "mbox file (mboxrd, LF line endings). The file appears only when "
                  "complete."),
        args);
    cl.add(QStringLiteral("mbox"), Words::tr("The mbox file to write (replaced if it exists)."),
           QStringLiteral("FILE"));
    cl.positional(QStringLiteral("FOLDER"),
                  Words::tr("inbox or trash (of every account), or a local folder's name "
                            "(local:NAME for one called inbox or trash)."));
    if (auto code = cl.parse())
        return *code;
    const auto folder = parseFolder(cl.arg(0), true);
    if (!folder) {
        printErr(Words::tr("FOLDER must be inbox, trash, a local folder's name or local:NAME"));
        return Usage;
    }
    const QString target = cl.value(QStringLiteral("mbox"));
    if (target.isEmpty()) {
        printErr(Words::tr("export-folder needs --mbox FILE"));
        return Usage;
    }
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    const store::MessageStore &messages = *session.value().store;
    auto rows = folderMessages(messages, *folder);
    if (!rows)
        return fail(rows.error());
    // Oldest first, in the order the messages arrived: an export imported again keeps it.
    std::sort(rows.value().begin(), rows.value().end(),
              [](const auto &a, const auto &b) { return a.id < b.id; });

    store::MboxWriter writer(target);
    if (Status s = writer.open(); !s)
        return fail(s.error());
    int exported = 0;
    int skipped = 0;
    for (const store::MessageSummary &row : std::as_const(rows.value())) {
        if (row.partial) {
            // Half a message in an mbox would pass for a whole one.
            printErr(Words::tr("message %1 has only its headers here ('poplarctl fetch %1' "
                               "downloads the rest); skipped")
                         .arg(row.id));
            ++skipped;
            continue;
        }
        auto raw = messages.raw(row.id); // one message in memory at a time
        if (!raw)
            return fail(raw.error());
        if (Status s = writer.write(raw.value(), row.date); !s)
            return fail(s.error());
        ++exported;
    }
    if (Status s = writer.commit(); !s)
        return fail(s.error());
    printOut(Words::tr("%1 exported, %2 skipped").arg(exported).arg(skipped) + QLatin1Char('\n'));
    return Success;
}

/// delete and restore: the GUI's Delete and Undo.

} // namespace poplar::ctl
