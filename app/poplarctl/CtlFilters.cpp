// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl filters check|run (the profile's filters.sieve), junk and tag.
#include "CtlSupport.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "filters/FilterFile.h"
#include "filters/FilterRun.h"
#include "filters/JunkVerdict.h"
#include "junk/JunkTraining.h"
#include "store/TagStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace poplar::ctl {

namespace {

int checkFilters(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl filters check: read filters.sieve and say whether it is "
                             "correct; errors give their line. Exit 0 when it is correct or "
                             "absent, 1 when it is not."),
                   args);
    if (auto code = cl.parse())
        return *code;
    auto profile = Profile::open(profileDir);
    if (!profile)
        return fail(profile.error());
    const filters::LoadedFilters loaded = filters::FilterFile::load(profile.value().filtersPath());
    if (!loaded.present) {
        printOut(Words::tr("There is no %1: every message stays in the Inbox.\n").arg(loaded.path));
        return Success;
    }
    if (loaded.error) {
        printErr(loaded.errorText());
        printErr(Words::tr("Until this is corrected, no filter runs and new mail stays in the "
                           "Inbox."));
        return Failure;
    }
    const QStringList folders = loaded.rules->folders();
    printOut(Words::tr("%1 is correct: %n rule(s).\n", nullptr, loaded.rules->ruleCount())
                 .arg(loaded.path));
    if (!folders.isEmpty())
        printOut(Words::tr("It files into: %1\n").arg(folders.join(QStringLiteral(", "))));
    return Success;
}

QJsonObject moveJson(const filters::FilterMove &move)
{
    const auto &o = move.outcome;
    QString toFolder = store::folderToString(move.message.folder);
    QString toLocal = move.message.localFolder;
    if (o.filed()) {
        toFolder = o.placement == filters::FilterOutcome::Placement::Trash
                       ? store::folderToString(store::Folder::Trash)
                       : store::folderToString(store::Folder::Inbox);
        toLocal = o.placement == filters::FilterOutcome::Placement::Folder ? o.folder : QString();
        if (o.placement == filters::FilterOutcome::Placement::Trash)
            toLocal = move.message.localFolder;
    }
    return {
        {QStringLiteral("id"), move.message.id},
        {QStringLiteral("account"), move.message.accountId},
        {QStringLiteral("subject"), move.message.subject},
        {QStringLiteral("folder"), store::folderToString(move.message.folder)},
        {QStringLiteral("localFolder"), move.message.localFolder},
        {QStringLiteral("toFolder"), toFolder},
        {QStringLiteral("toLocalFolder"), toLocal},
        {QStringLiteral("filedBy"),
         o.filed() ? QJsonValue(QJsonObject{{QStringLiteral("rule"), o.ruleName},
                                            {QStringLiteral("line"), o.ruleLine}})
                   : QJsonValue()},
        {QStringLiteral("markSeen"), o.seen && !move.message.seen},
        {QStringLiteral("markFlagged"), o.flagged && !move.message.flagged},
        // Queued for the next sync (poplarctl pending lists it then).
        {QStringLiteral("deleteOnServer"), move.deleteOnServer},
    };
}

int runFilters(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl filters run: apply filters.sieve to the mail already in a "
                             "folder. Messages no rule matches stay where they are."),
                   args);
    cl.positional(QStringLiteral("FOLDER"),
                  Words::tr("inbox, trash, or (with --account) a folder filters file into."));
    cl.add(QStringLiteral("account"), Words::tr("Only this account's messages."),
           QStringLiteral("ID"));
    cl.add(QStringLiteral("dry-run"),
           Words::tr("Only list what would move, be marked or be deleted from the server; "
                     "change nothing."));
    cl.addFormat();
    if (auto code = cl.parse())
        return *code;
    const QString account = cl.value(QStringLiteral("account"));
    auto folder = parseFolder(cl.arg(0), !account.isEmpty());
    if (!folder || (!folder->folder && account.isEmpty())) {
        printErr(Words::tr("FOLDER must be inbox or trash, or a folder of the account given "
                           "with --account"));
        return Usage;
    }
    folder->account = account;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    const filters::LoadedFilters loaded = filters::FilterFile::load(s.profile.filtersPath());
    if (!loaded.present)
        return fail({Error::Code::NotFound,
                     Words::tr("There is no %1 to run").arg(s.profile.filtersPath()),
                     {}});
    if (loaded.error)
        return fail({Error::Code::Config, loaded.errorText(), {}});
    auto rows = folderMessages(*s.store, *folder);
    if (!rows)
        return fail(rows.error());
    auto moves = filters::FilterRun::plan(
        *s.store, *loaded.rules, rows.value(),
        filters::FilterRun::accountsKeepingMail(AccountStore(s.profile.iniPath()).accounts()));
    if (!moves)
        return fail(moves.error());
    const bool dryRun = cl.isSet(QStringLiteral("dry-run"));
    // What a dry run would queue, or what Apply queued (a copy deleted on the server since
    // the plan is not).
    qsizetype deleting = filters::FilterRun::serverDeletions(moves.value());
    if (!dryRun) {
        auto applied = filters::FilterRun::apply(*s.store, moves.value());
        if (!applied)
            return fail(applied.error());
        deleting = applied.value();
    }
    if (cl.format() == QLatin1String("json")) {
        QJsonArray out;
        for (const filters::FilterMove &move : moves.value())
            out.append(moveJson(move));
        printJson(out);
        return Success;
    }
    for (const filters::FilterMove &move : moves.value()) {
        const QString rule = !move.outcome.filed() ? Words::tr("flags only")
                             : move.outcome.ruleName.isEmpty()
                                 ? Words::tr("rule on line %1").arg(move.outcome.ruleLine)
                                 : Words::tr("rule '%1'").arg(move.outcome.ruleName);
        QString server;
        if (move.deleteOnServer)
            server = QLatin1Char('\t') +
                     (dryRun ? Words::tr("would be deleted from the server at the next sync")
                             : Words::tr("queued for deletion from the server at the next sync"));
        printOut(QStringLiteral("%1\t%2\t-> %3\t(%4)%5\n")
                     .arg(move.message.id)
                     .arg(move.message.subject, move.destination(), rule, server));
    }
    const int changed = int(moves.value().size());
    printErr(dryRun ? Words::tr("%n message(s) would change.", nullptr, changed)
                    : Words::tr("%n message(s) changed.", nullptr, changed));
    if (deleting > 0)
        printErr(dryRun ? Words::tr("%n message(s) would be queued for deletion from the server "
                                    "at the next sync.",
                                    nullptr, int(deleting))
                        : Words::tr("%n message(s) queued for deletion from the server at the "
                                    "next sync; 'poplarctl pending' lists them.",
                                    nullptr, int(deleting)));
    return Success;
}

} // namespace

int junk(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl junk: mark a message as junk (it moves to its account's "
                             "Junk folder) or as not junk (it moves from Junk back to the "
                             "Inbox); Poplar's junk filter (bogofilter) learns from it. "
                             "Nothing is deleted on the server."),
                   args);
    cl.addMessageId();
    cl.positional(QStringLiteral("yes|no"), Words::tr("Junk or not."));
    if (auto code = cl.parse())
        return *code;
    const std::optional<bool> isJunk = yesNo(cl.arg(1));
    if (!isJunk) {
        printErr(Words::tr("expected yes or no, not \"%1\"").arg(cl.arg(1)));
        return Usage;
    }
    auto opened = openMessageSession(profileDir, cl.arg(0));
    if (!opened)
        return fail(opened.error());
    auto &[id, s] = opened.value();
    auto message = s.store->message(id);
    if (!message)
        return fail(message.error());
    // What the user wrote (Sent, Drafts, Outbox) and imported archives are not junk.
    const store::Folder folder = message.value().folder;
    if (message.value().accountId == store::MessageStore::localAccountId() ||
        (folder != store::Folder::Inbox && folder != store::Folder::Trash))
        return fail(
            {Error::Code::Config, Words::tr("Only received mail can be marked as junk"), {}});
    const junk::JunkClassifier classifier(
        junk::JunkClassifier::wordListDirFor(s.profile.cachePath()));
    auto marked = junk::JunkTraining(s.db->connection(), classifier).mark({id}, *isJunk);
    if (!marked)
        return fail(marked.error());
    // Marked and moved all the same; the filter can learn it when marked again.
    if (marked.value().trainingError) {
        printErr(Words::tr("The message was marked, but Poplar's junk filter could not learn "
                           "from it: %1")
                     .arg(marked.value().trainingError->message()));
        return Failure;
    }
    return Success;
}

int tag(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl tag: put a tag on a message (a name not yet known adds a "
                             "tag), or take it off with --remove."),
                   args);
    cl.positional(QStringLiteral("MESSAGE_ID"), Words::tr("From 'poplarctl list'."));
    cl.positional(
        QStringLiteral("NAME"),
        Words::tr("The tag's name (Important, Work, ...) or its keyword ($label1, ...)."));
    cl.add(QStringLiteral("remove"), Words::tr("Take the tag off instead."));
    if (auto code = cl.parse())
        return *code;
    const QString name = cl.arg(1).trimmed();
    if (name.isEmpty()) {
        printErr(Words::tr("a tag needs a name"));
        return Usage;
    }
    auto opened = openMessageSession(profileDir, cl.arg(0));
    if (!opened)
        return fail(opened.error());
    auto &[id, s] = opened.value();
    if (auto message = s.store->message(id); !message)
        return fail(message.error());
    store::TagStore tags(s.db->connection());
    // A name (stored or shown), else a keyword (to_do, $label4, as filters.sieve says it).
    auto found = tags.tag(name);
    if (found && !found.value())
        found = tags.tagByKeyword(name);
    if (!found)
        return fail(found.error());
    if (cl.isSet(QStringLiteral("remove"))) {
        if (!found.value())
            return fail({Error::Code::NotFound, Words::tr("There is no tag \"%1\"").arg(name), {}});
        if (Status st = tags.setTag({id}, found.value()->id, false); !st)
            return fail(st.error());
        return Success;
    }
    if (found.value()) {
        if (Status st = tags.setTag({id}, found.value()->id, true); !st)
            return fail(st.error());
        return Success;
    }
    // A new name makes a new tag, as a filter's addflag does.
    store::Transaction txn(s.db->connection());
    if (Status st = tags.tagByNames(id, {name}); !st)
        return fail(st.error());
    if (Status st = txn.commit(); !st)
        return fail(st.error());
    return Success;
}

int filters(const QString &profileDir, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("check"))
        return checkFilters(profileDir, args.mid(1));
    if (sub == QLatin1String("run"))
        return runFilters(profileDir, args.mid(1));
    printErr(Words::tr("filters needs one of: check, run"));
    return Usage;
}

} // namespace poplar::ctl
