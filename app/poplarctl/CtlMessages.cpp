// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl list, show, export, delete, restore, pending, search, render.
#include "CtlSupport.h"

#include "JsonFormat.h"
#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "mime/MessageRenderer.h"
#include "store/BulkChanges.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MailboxReader.h"
#include "store/MboxWriter.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "store/WorkCache.h"
#include "sync/BulkActions.h"
#include "sync/MailImporter.h"
#include "sync/MessageIndexer.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <list>
#include <map>

namespace poplar::ctl {

namespace {

/// show and render: DESIGN.md's keys (json::rendered), extended with what the renderer
/// knows beyond them. Extending only: scripts may rely on every existing key.
int printMessage(const mime::RenderedMessage &m, const QString &format)
{
    if (format != QLatin1String("json"))
        return printRendered(m, format);
    QJsonObject out = json::rendered(m);
    out.insert(QStringLiteral("signed"), m.isSigned);
    out.insert(QStringLiteral("encrypted"), m.isEncrypted);
    out.insert(QStringLiteral("inlineResources"), int(m.inlineResources.size()));
    printJson(out);
    return Success;
}

} // namespace

int list(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl list: the messages of a folder, newest first."), args);
    cl.add(QStringLiteral("folder"),
           Words::tr("inbox (default), trash, sent, drafts, outbox, or local:NAME (a "
                     "folder of imported mail)."),
           QStringLiteral("FOLDER"));
    cl.add(QStringLiteral("account"),
           Words::tr("Only this account's messages; --folder may then name a folder its "
                     "filters file into."),
           QStringLiteral("ID"));
    cl.addFormat();
    if (auto code = cl.parse())
        return *code;
    const QString account = cl.value(QStringLiteral("account"));
    auto folder =
        parseFolder(cl.isSet(QStringLiteral("folder")) ? cl.value(QStringLiteral("folder"))
                                                       : QStringLiteral("inbox"),
                    !account.isEmpty());
    if (folder)
        folder->account = account;
    if (!folder) {
        printErr(Words::tr("--folder must be inbox, trash, sent, drafts, outbox or local:NAME"));
        return Usage;
    }
    const QString format = cl.format();
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    auto rows = folderMessages(*session.value().store, *folder);
    if (!rows)
        return fail(rows.error());
    printSummaries(rows.value(), format, session.value().db->connection());
    return Success;
}

int showOrExport(const QString &profileDir, const QStringList &args, bool exportRaw)
{
    CommandLine cl(exportRaw ? Words::tr("poplarctl export: the message's raw bytes on stdout.")
                             : Words::tr("poplarctl show: a message as the reader shows it."),
                   args);
    if (!exportRaw)
        cl.addFormat();
    cl.addMessageId();
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.format(); // "text" for export, which has no --format
    auto opened = openMessageSession(profileDir, cl.arg(0));
    if (!opened)
        return fail(opened.error());
    auto &[id, s] = opened.value();
    auto raw = s.store->raw(id);
    if (!raw)
        return fail(raw.error());
    if (exportRaw) {
        std::fwrite(raw.value().constData(), 1, size_t(raw.value().size()), stdout);
        return std::fflush(stdout) == 0 ? Success : Failure;
    }
    return printMessage(mime::MessageRenderer::render(raw.value()), format);
}

int trashOrRestore(const QString &profileDir, const QStringList &args, bool restore)
{
    CommandLine cl(restore
                       ? Words::tr("poplarctl restore: move messages from Trash back to the "
                                   "Inbox, and cancel their queued server deletions.")
                       : Words::tr("poplarctl delete: move messages to Trash (as Delete in the "
                                   "window); where the account says so, their server copies are "
                                   "deleted at the next sync."),
                   args);
    cl.addMessageIds();
    if (auto code = cl.parse())
        return *code;
    auto ids = messageIds(cl.args());
    if (!ids)
        return fail(ids.error());
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    // A message that is not there is an error, and then nothing is changed.
    auto found = store::BulkChanges(s.db->connection()).refs(ids.value());
    if (!found)
        return fail(found.error());
    if (found.value().size() < ids.value().size()) {
        QSet<qint64> stored;
        for (const store::MessageRef &m : found.value())
            stored.insert(m.id);
        for (qint64 id : std::as_const(ids.value())) {
            if (!stored.contains(id))
                return fail(
                    {Error::Code::NotFound, Words::tr("There is no message %1").arg(id), {}});
        }
    }
    // As the window does it: thousands at a time, in short transactions, each moving its
    // messages and queuing (or cancelling) their server deletions together.
    sync::BulkActions actions(
        s.db->connection(),
        sync::BulkActions::accountsDeletingOnServer(AccountStore(s.profile.iniPath()).accounts()));
    const store::WorkCache cache(s.db->connection());
    const sync::BulkOutcome outcome =
        restore ? actions.restore(ids.value()) : actions.moveToTrash(ids.value());
    if (!outcome.ok())
        return fail(*outcome.error);
    return Success;
}

int pending(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl pending: what the next sync will delete from the servers, "
                             "and why."),
                   args);
    cl.addFormat();
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.format();
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    store::DeletionQueue queue(s.db->connection());
    QList<store::PendingDeletion> all;
    for (const Account &a : AccountStore(s.profile.iniPath()).accounts()) {
        auto queued = queue.queued(a.id);
        if (!queued)
            return fail(queued.error());
        all += queued.value();
        // What the age limit will take, as the sync decides it (SyncPlan).
        if (a.leaveOnServer && a.deleteFromServerAfterDays > 0) {
            auto old = queue.downloadedBefore(
                a.id, QDateTime::currentDateTimeUtc().addDays(-a.deleteFromServerAfterDays));
            if (!old)
                return fail(old.error());
            for (const store::PendingDeletion &p : old.value()) {
                const bool already = std::any_of(all.cbegin(), all.cend(), [&](const auto &q) {
                    return q.accountId == p.accountId && q.uidl == p.uidl;
                });
                if (!already)
                    all.append(p);
            }
        }
    }
    if (format == QLatin1String("json")) {
        QJsonArray out;
        for (const store::PendingDeletion &p : all)
            out.append(json::pendingDeletion(p));
        printJson(out);
        return Success;
    }
    for (const store::PendingDeletion &p : all) {
        printOut(QStringLiteral("%1\t%2\t%3\t%4\n")
                     .arg(p.accountId, p.uidl, store::deletionReasonToString(p.reason), p.subject));
    }
    return Success;
}

namespace {

/// Indexes what is not indexed yet, until done or `deadline`; with `report`, says how far
/// on stderr every few seconds (a large cache takes a minute).
Status catchUpIndexing(QSqlDatabase db, const store::SearchIndex &index, QDeadlineTimer deadline,
                       bool report)
{
    sync::MessageIndexer indexer(std::move(db));
    QDeadlineTimer nextReport(2000);
    for (;;) {
        auto indexed = indexer.indexPending(100, deadline);
        if (!indexed)
            return indexed.error();
        if (indexed.value() == 0 || deadline.hasExpired())
            return {};
        if (report && nextReport.hasExpired()) {
            if (auto progress = index.progress()) {
                printErr(Words::tr("indexing: %1 of %2 messages")
                             .arg(QLocale().toString(progress.value().indexed),
                                  QLocale().toString(progress.value().total)));
            }
            nextReport.setRemainingTime(2000);
        }
    }
}

} // namespace

int search(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        Words::tr(
            "poplarctl search: messages whose subject, addresses or text contain every word of "
            "QUERY (word beginnings match too), newest first.\n\n"
            "Mail is indexed for search in the background after it arrives. A search first "
            "indexes what is not indexed yet for at most --index-seconds, then answers from "
            "what is indexed; if that is not everything, stderr says how far indexing is. "
            "--wait-for-index indexes everything first."),
        args);
    cl.addFormat();
    cl.add(QStringLiteral("limit"), Words::tr("At most N messages (default 500)."),
           QStringLiteral("N"));
    cl.add(QStringLiteral("page"), Words::tr("Show the K-th N messages (default 1: the newest)."),
           QStringLiteral("K"));
    cl.add(QStringLiteral("index-seconds"),
           Words::tr("Index mail not indexed yet for at most S seconds first (default 5; "
                     "0: search only what is indexed)."),
           QStringLiteral("S"));
    cl.add(QStringLiteral("wait-for-index"),
           Words::tr("Index every message first, however long it takes (progress on stderr)."));
    cl.positional(QStringLiteral("QUERY"), Words::tr("Words to find; quote several."));
    if (auto code = cl.parse())
        return *code;
    const auto number = [&cl](const QString &option, int fallback, int minimum) {
        if (!cl.isSet(option))
            return std::optional<int>(fallback);
        const std::optional<int> n = nonNegative(cl.value(option));
        return n && *n >= minimum ? n : std::nullopt;
    };
    const std::optional<int> limit = number(QStringLiteral("limit"), 500, 1);
    const std::optional<int> page = number(QStringLiteral("page"), 1, 1);
    const std::optional<int> seconds = number(QStringLiteral("index-seconds"), 5, 0);
    if (!limit || !page || !seconds) {
        printErr(Words::tr("--limit and --page take a number from 1, --index-seconds one from 0"));
        return Usage;
    }
    const bool waitForIndex = cl.isSet(QStringLiteral("wait-for-index"));
    const QString format = cl.format();
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    QSqlDatabase db = session.value().db->connection();
    store::SearchIndex index(db);
    if (waitForIndex || *seconds > 0) {
        const QDeadlineTimer deadline = waitForIndex ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                     : QDeadlineTimer(qint64(*seconds) * 1000);
        if (Status s = catchUpIndexing(db, index, deadline, waitForIndex); !s)
            return fail(s.error());
    }

    store::SearchIndex::Query query;
    query.text = cl.arg(0);
    query.limit = *limit;
    query.offset = qint64(*page - 1) * *limit;
    auto found = index.search(query);
    if (!found)
        return fail(found.error());
    const store::SearchIndex::Page &hits = found.value();
    printSummaries(hits.messages, format, db);

    // On stderr, so that stdout keeps its shape for scripts.
    const QLocale locale;
    if (query.offset > 0 || hits.next) {
        const qint64 first = std::min(query.offset + 1, hits.total);
        const qint64 last = query.offset + hits.messages.size();
        const QString shown =
            Words::tr("%1 messages match; these are %2-%3, newest first")
                .arg(locale.toString(hits.total), locale.toString(first), locale.toString(last));
        printErr(hits.next ? Words::tr("%1 (--page %2 shows the next)").arg(shown).arg(*page + 1)
                           : shown);
    }
    auto progress = index.progress();
    if (!progress)
        return fail(progress.error());
    if (!progress.value().complete()) {
        printErr(Words::tr("%1 of %2 messages are indexed so far, and these results cover "
                           "only them; search again to index more, or add --wait-for-index")
                     .arg(locale.toString(progress.value().indexed),
                          locale.toString(progress.value().total)));
    }
    return Success;
}

int render(const QStringList &args)
{
    CommandLine cl(
        Words::tr("poplarctl render: show an .eml file as the reader would; needs no profile."),
        args);
    cl.addFormat();
    cl.positional(QStringLiteral("FILE"), Words::tr("An RFC 5322 message."));
    if (auto code = cl.parse())
        return *code;
    const QString format = cl.format();
    QFile file(cl.arg(0));
    if (!file.open(QIODevice::ReadOnly))
        return fail({Error::Code::NotFound,
                     Words::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()),
                     {}});
    constexpr qint64 maxMessage = 256 * 1024 * 1024;
    if (file.size() > maxMessage)
        return fail(
            {Error::Code::Config, Words::tr("%1 is larger than 256 MB").arg(file.fileName()), {}});
    return printMessage(mime::MessageRenderer::render(file.readAll()), format);
}

int emptyTrash(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl empty-trash: delete what is in Trash from this computer "
                             "(queued server deletions still happen at the next sync)."),
                   args);
    cl.add(QStringLiteral("account"), Words::tr("Only this account's Trash."),
           QStringLiteral("ID"));
    if (auto code = cl.parse())
        return *code;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    const QSqlDatabase db = session.value().db->connection();
    QStringList accounts{cl.value(QStringLiteral("account"))};
    if (!cl.isSet(QStringLiteral("account"))) {
        auto withTrash = store::BulkChanges(db).accountsWithMessagesIn(store::Folder::Trash);
        if (!withTrash)
            return fail(withTrash.error());
        accounts = withTrash.value();
    }
    // In short transactions, as the window empties it: a sync meanwhile is not held up.
    sync::BulkActions actions(db, {});
    const store::WorkCache cache(db);
    qint64 purged = 0;
    for (const QString &accountId : std::as_const(accounts)) {
        const sync::BulkOutcome outcome = actions.purgeTrash(accountId);
        purged += outcome.count;
        if (!outcome.ok())
            return fail(*outcome.error);
    }
    printOut(Words::tr("%n deleted", nullptr, int(purged)) + QLatin1Char('\n'));
    return Success;
}

} // namespace poplar::ctl
