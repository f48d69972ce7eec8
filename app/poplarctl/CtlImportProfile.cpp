// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl import-profile: move in from Thunderbird, Claws Mail, Sylpheed or Evolution.
#include "CtlSupport.h"

#include "accounts/AccountStore.h"
#include "importer/ProfileImporter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace poplar::ctl {

namespace {

std::optional<importer::SourceProgram> programOf(const QString &text)
{
    using importer::SourceProgram;
    if (text == QLatin1String("thunderbird"))
        return SourceProgram::Thunderbird;
    if (text == QLatin1String("claws") || text == QLatin1String("claws-mail"))
        return SourceProgram::Claws;
    if (text == QLatin1String("sylpheed"))
        return SourceProgram::Sylpheed;
    if (text == QLatin1String("evolution"))
        return SourceProgram::Evolution;
    return std::nullopt;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject toJson(const importer::FoundProfile &profile, const importer::ProfileImportReport &r,
                   const QString &program)
{
    QJsonObject out;
    out.insert(QStringLiteral("program"), program);
    out.insert(QStringLiteral("path"), profile.path);
    out.insert(QStringLiteral("inUse"), profile.inUse);
    out.insert(QStringLiteral("dryRun"), r.dryRun);
    QJsonArray accounts;
    for (const importer::AccountOutcome &o : r.accounts) {
        for (const importer::FoundAccount &a : profile.accounts) {
            if (a.key != o.key)
                continue;
            QJsonObject j;
            j.insert(QStringLiteral("key"), a.key);
            j.insert(QStringLiteral("name"), a.settings.name);
            j.insert(QStringLiteral("host"), a.settings.host);
            j.insert(QStringLiteral("port"), a.settings.port);
            j.insert(QStringLiteral("security"), securityToString(a.settings.security));
            j.insert(QStringLiteral("user"), a.settings.user);
            j.insert(QStringLiteral("leaveOnServer"), a.settings.leaveOnServer);
            j.insert(QStringLiteral("deleteFromServerAfterDays"),
                     a.settings.deleteFromServerAfterDays);
            j.insert(QStringLiteral("id"), o.accountId.isEmpty() ? QJsonValue() : o.accountId);
            j.insert(QStringLiteral("added"), o.added);
            j.insert(QStringLiteral("uidlsRecorded"), o.uidlsRecorded);
            j.insert(QStringLiteral("linked"), o.linked);
            j.insert(QStringLiteral("deletedThere"), o.deletedThere);
            accounts.append(j);
        }
    }
    out.insert(QStringLiteral("accounts"), accounts);
    QJsonArray folders;
    for (const importer::FolderOutcome &o : r.folders) {
        QJsonObject j;
        j.insert(QStringLiteral("destination"), o.destination);
        for (const importer::FoundFolder &f : profile.folders) {
            if (f.destination == o.destination) {
                j.insert(QStringLiteral("depth"), f.depth);
                j.insert(QStringLiteral("source"), f.sourcePath);
                j.insert(QStringLiteral("bytes"), f.bytes);
                j.insert(QStringLiteral("messages"),
                         f.messages < 0 ? QJsonValue() : QJsonValue(f.messages));
            }
        }
        j.insert(QStringLiteral("account"), o.accountId.isEmpty() ? QJsonValue() : o.accountId);
        j.insert(QStringLiteral("imported"), o.imported);
        j.insert(QStringLiteral("duplicates"), o.duplicates);
        j.insert(QStringLiteral("skipped"), o.skipped);
        j.insert(QStringLiteral("deleted"), o.deleted);
        folders.append(j);
    }
    out.insert(QStringLiteral("folders"), folders);
    out.insert(QStringLiteral("imported"), r.imported);
    out.insert(QStringLiteral("duplicates"), r.duplicates);
    out.insert(QStringLiteral("skipped"), r.skipped);
    out.insert(QStringLiteral("deleted"), r.deleted);
    out.insert(QStringLiteral("cancelled"), r.cancelled);
    out.insert(QStringLiteral("warnings"), strings(r.warnings));
    out.insert(QStringLiteral("notes"), strings(r.notes));
    return out;
}

void printText(const importer::FoundProfile &profile, const importer::ProfileImportReport &r)
{
    printOut(Words::tr("%1 profile: %2").arg(importer::programName(profile.program), profile.path) +
             QLatin1Char('\n'));
    if (profile.inUse)
        printOut(Words::tr("It is in use (the program may be running): it was read, not "
                           "changed; mail it receives from now on is not imported.") +
                 QLatin1Char('\n'));
    for (const importer::AccountOutcome &o : r.accounts) {
        for (const importer::FoundAccount &a : profile.accounts) {
            if (a.key != o.key)
                continue;
            const QString what = r.dryRun
                                     ? (o.added ? Words::tr("would be added")
                                                : Words::tr("already here as %1").arg(o.accountId))
                                 : o.added ? Words::tr("added as %1").arg(o.accountId)
                                           : Words::tr("already here as %1").arg(o.accountId);
            printOut(Words::tr("Account \"%1\" (%2@%3:%4, %5): %6; %n message(s) it downloaded "
                               "recorded",
                               nullptr, o.uidlsRecorded)
                         .arg(a.settings.name, a.settings.user, a.settings.host)
                         .arg(a.settings.port)
                         .arg(securityToString(a.settings.security), what) +
                     QLatin1Char('\n'));
        }
    }
    for (const importer::FolderOutcome &o : r.folders) {
        const QString where =
            o.accountId.isEmpty()
                ? Words::tr("local:%1").arg(o.destination)
                : Words::tr("%1 (the Inbox of account %2)").arg(o.destination, o.accountId);
        printOut(Words::tr("%1: %2 imported, %3 already here, %4 skipped, %5 deleted there")
                     .arg(where)
                     .arg(o.imported)
                     .arg(o.duplicates)
                     .arg(o.skipped)
                     .arg(o.deleted) +
                 QLatin1Char('\n'));
    }
    for (const QString &w : r.warnings)
        printErr(w);
    for (const QString &n : r.notes)
        printOut(QStringLiteral("- ") + n + QLatin1Char('\n'));
    printOut((r.dryRun ? Words::tr("Would import %1 messages (%2 already here, %3 skipped)")
                       : Words::tr("%1 imported, %2 already here, %3 skipped"))
                 .arg(r.imported)
                 .arg(r.duplicates)
                 .arg(r.skipped) +
             QLatin1Char('\n'));
}

} // namespace

int importProfile(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl import-profile: move in from another mail program: its "
                             "POP3 accounts (without passwords), its folders as local folders "
                             "with the same nesting, read and flagged state, and what it "
                             "downloaded, so that the next sync fetches nothing twice. "
                             "Importing twice adds nothing."),
                   args);
    cl.positional(QStringLiteral("PROGRAM"),
                  Words::tr("thunderbird, claws, sylpheed or evolution."));
    cl.optionalPositional(QStringLiteral("PATH"),
                          Words::tr("The profile (default: where the program keeps it)."));
    cl.add(QStringLiteral("dry-run"), Words::tr("Say what would be imported; change nothing."));
    cl.addFormat();
    if (auto code = cl.parse())
        return *code;
    const auto program = programOf(cl.arg(0));
    if (!program) {
        printErr(Words::tr("PROGRAM must be thunderbird, claws, sylpheed or evolution"));
        return Usage;
    }
    auto found = importer::ProfileImporter::discover(*program, cl.arg(1), QDir::homePath());
    if (!found)
        return fail(found.error());
    const bool dryRun = cl.isSet(QStringLiteral("dry-run"));
    if (dryRun) // a dry run reads everything anyway: say how many each folder holds
        importer::ProfileImporter::count(found.value());
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    AccountStore accounts(session.value().profile.iniPath());
    importer::ProfileImporter importer(accounts, *session.value().store);
    auto report = importer.run(found.value(), dryRun);
    if (!report)
        return fail(report.error());
    if (cl.format() == QLatin1String("json")) {
        printJson(toJson(found.value(), report.value(), cl.arg(0)));
        for (const QString &w : report.value().warnings)
            printErr(w);
    } else {
        printText(found.value(), report.value());
    }
    return Success;
}

} // namespace poplar::ctl
