// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/CacheCheck.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/TextCollator.h"
#include "util/DataSize.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <functional>

namespace poplar::store {

namespace {

QString number(qint64 n)
{
    return QLocale().toString(n);
}

/// A connection of the check's own, closed and removed when it goes.
class CheckConnection {
public:
    CheckConnection(const QString &path, bool readOnly)
    {
        static std::atomic<int> next{0};
        m_name = QStringLiteral("poplar-check-%1").arg(next.fetch_add(1));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        // Read-only: a check never writes to the file it is looking at.
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        else
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~CheckConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    CheckConnection(const CheckConnection &) = delete;
    CheckConnection &operator=(const CheckConnection &) = delete;

    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
};

/// The number a query gives, or an empty optional (and the reason) when it fails.
std::optional<qint64> count(const QSqlDatabase &db, const QString &sql, QString *why)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql) || !q.next()) {
        *why = q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

bool hasTable(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

/// One consistency rule: a count of the rows that break it, and what that means.
struct Rule {
    const char *code;
    QString sql;
    std::function<QString(qint64)> text;
    /// Skipped in a cache without these tables (older, or newer: how download records are
    /// kept changes with the schema).
    QStringList needsTables = {};
};

// Promises both generations of download records keep (server_uidls, then downloads).
QString missingRecordsText(qint64 n)
{
    return n == 1 ? CacheCheck::tr("One downloaded message has no download record: the "
                                   "next sync would download it again, as a duplicate.")
                  : CacheCheck::tr("%1 downloaded messages have no download record: "
                                   "the next sync would download them again, as "
                                   "duplicates.")
                        .arg(number(n));
}

QString headersOnlyRecordedWholeText(qint64 n)
{
    return n == 1 ? CacheCheck::tr("One message holds only its headers but is recorded "
                                   "as downloaded whole: a deletion policy could delete "
                                   "the server's copy, the only whole one.")
                  : CacheCheck::tr("%1 messages hold only their headers but are "
                                   "recorded as downloaded whole: a deletion policy "
                                   "could delete the server's copies, the only whole "
                                   "ones.")
                        .arg(number(n));
}

QString unknownStatesText(qint64 n)
{
    return n == 1 ? CacheCheck::tr("One download record is in a state this Poplar does "
                                   "not know.")
                  : CacheCheck::tr("%1 download records are in a state this Poplar "
                                   "does not know.")
                        .arg(number(n));
}

QString deletionsWithoutMessageText(qint64 n)
{
    return n == 1 ? CacheCheck::tr("One server deletion is queued for a message this "
                                   "computer does not hold whole.")
                  : CacheCheck::tr("%1 server deletions are queued for messages this "
                                   "computer does not hold whole.")
                        .arg(number(n));
}

QList<Rule> rules()
{
    // Each text in two forms, one and several: English "(s)" reads badly, and lupdate needs
    // every sentence whole.
    const QString local = MessageStore::localAccountId();
    return {
        {"missing-bodies",
         QStringLiteral("SELECT count(*) FROM messages m WHERE NOT EXISTS "
                        "(SELECT 1 FROM message_bodies b WHERE b.message_id = m.id)"),
         [](qint64 n) {
             return n == 1 ? CacheCheck::tr("One message has lost its content: it is listed, but "
                                            "its bytes are not in the cache.")
                           : CacheCheck::tr("%1 messages have lost their content: they are "
                                            "listed, but their bytes are not in the cache.")
                                 .arg(number(n));
         }},
        {"orphaned-bodies",
         QStringLiteral("SELECT count(*) FROM message_bodies b WHERE NOT EXISTS "
                        "(SELECT 1 FROM messages m WHERE m.id = b.message_id)"),
         [](qint64 n) {
             return n == 1 ? CacheCheck::tr("One stored message belongs to no listed message: it "
                                            "takes space and is shown nowhere.")
                           : CacheCheck::tr("%1 stored messages belong to no listed message: "
                                            "they take space and are shown nowhere.")
                                 .arg(number(n));
         }},
        // length() of a BLOB reads its size, not its bytes.
        {"size-mismatch",
         QStringLiteral("SELECT count(*) FROM messages m JOIN message_bodies b ON "
                        "b.message_id = m.id WHERE length(b.raw) <> m.size"),
         [](qint64 n) {
             return n == 1 ? CacheCheck::tr("One message is not the size it was stored with: its "
                                            "bytes may be damaged.")
                           : CacheCheck::tr("%1 messages are not the size they were stored "
                                            "with: their bytes may be damaged.")
                                 .arg(number(n));
         }},
        // The download records: what keeps the next sync from downloading a message again,
        // and from deleting a server copy this computer does not hold whole. Kept by account
        // and UIDL in server_uidls up to schema 9; by mailbox in downloads from schema 10.
        {"missing-download-records",
         QStringLiteral("SELECT count(*) FROM messages m WHERE m.account_id <> '%1' AND "
                        "coalesce(m.uidl, '') <> '' AND NOT EXISTS (SELECT 1 FROM server_uidls u "
                        "WHERE u.account_id = m.account_id AND u.uidl = m.uidl)")
             .arg(local),
         missingRecordsText,
         {QStringLiteral("server_uidls")}},
        {"headers-only-recorded-whole",
         QStringLiteral("SELECT count(*) FROM messages m JOIN server_uidls u ON "
                        "u.account_id = m.account_id AND u.uidl = m.uidl "
                        "WHERE m.partial = 1 AND u.state = 'stored'"),
         headersOnlyRecordedWholeText,
         {QStringLiteral("server_uidls")}},
        {"unknown-download-states",
         QStringLiteral("SELECT count(*) FROM server_uidls WHERE state NOT IN "
                        "('stored', 'partial', 'deleted', 'gone')"),
         unknownStatesText,
         {QStringLiteral("server_uidls")}},
        {"deletions-without-message",
         QStringLiteral("SELECT count(*) FROM server_deletions d WHERE NOT EXISTS "
                        "(SELECT 1 FROM server_uidls u WHERE u.account_id = d.account_id AND "
                        "u.uidl = d.uidl AND u.state = 'stored')"),
         deletionsWithoutMessageText,
         {QStringLiteral("server_uidls"), QStringLiteral("server_deletions")}},
        // The same promises where download records are kept by mailbox (table downloads):
        // each points at its cached copy by id (ids are never reused, so a record of a purged
        // message points at nothing, never at another message).
        {"missing-download-records",
         QStringLiteral("SELECT count(*) FROM messages m WHERE m.account_id <> '%1' AND "
                        "coalesce(m.uidl, '') <> '' AND NOT EXISTS (SELECT 1 FROM downloads d "
                        "WHERE d.message_id = m.id)")
             .arg(local),
         missingRecordsText,
         {QStringLiteral("downloads")}},
        {"headers-only-recorded-whole",
         QStringLiteral("SELECT count(*) FROM messages m JOIN downloads d ON d.message_id = m.id "
                        "WHERE m.partial = 1 AND d.state = 'stored'"),
         headersOnlyRecordedWholeText,
         {QStringLiteral("downloads")}},
        {"unknown-download-states",
         QStringLiteral("SELECT count(*) FROM downloads WHERE state NOT IN ('stored', "
                        "'headers-only', 'incomplete', 'truncated', 'deleted', 'gone')"),
         unknownStatesText,
         {QStringLiteral("downloads")}},
        {"deletions-without-message",
         QStringLiteral("SELECT count(*) FROM server_deletions q LEFT JOIN downloads d ON "
                        "d.id = q.download_id WHERE d.id IS NULL OR d.state <> 'stored'"),
         deletionsWithoutMessageText,
         {QStringLiteral("downloads"), QStringLiteral("server_deletions")}},
        {"search-leftovers",
         QStringLiteral("SELECT count(*) FROM search_text s WHERE NOT EXISTS "
                        "(SELECT 1 FROM messages m WHERE m.id = s.id)"),
         [](qint64 n) {
             return n == 1 ? CacheCheck::tr("One message deleted for good still has its words in "
                                            "the search index.")
                           : CacheCheck::tr("%1 messages deleted for good still have their "
                                            "words in the search index.")
                                 .arg(number(n));
         },
         {QStringLiteral("search_text")}},
        // FTS5 keeps one size record per indexed row (its docsize table): text without one
        // was never indexed, a record without text cannot be deleted any more. (SQLite 3.40's
        // 'integrity-check' does not compare an external-content index with its text.)
        {"search-index-out-of-step",
         QStringLiteral("SELECT (SELECT count(*) FROM search_text s WHERE NOT EXISTS "
                        "(SELECT 1 FROM messages_fts_docsize d WHERE d.id = s.id)) + "
                        "(SELECT count(*) FROM messages_fts_docsize d WHERE NOT EXISTS "
                        "(SELECT 1 FROM search_text s WHERE s.id = d.id))"),
         [](qint64 n) {
             return n == 1 ? CacheCheck::tr("The search index is out of step with its text for "
                                            "one message: searches may miss it or find it "
                                            "wrongly.")
                           : CacheCheck::tr("The search index is out of step with its text for "
                                            "%1 messages: searches may miss them or find them "
                                            "wrongly.")
                                 .arg(number(n));
         },
         {QStringLiteral("search_text")}},
    };
}

/// SQLite's own check: the file's pages, indexes and their order.
void checkFile(const QSqlDatabase &db, CacheCheck::Report &report)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QStringList findings;
    if (!q.exec(QStringLiteral("PRAGMA integrity_check(100)"))) {
        findings.append(q.lastError().text());
    } else {
        while (q.next()) {
            const QString line = q.value(0).toString();
            if (line != QLatin1String("ok"))
                findings.append(line);
        }
        if (q.lastError().isValid())
            findings.append(q.lastError().text());
    }
    if (findings.isEmpty())
        return;
    report.problems.append(
        {QStringLiteral("damaged-file"), findings.size(),
         CacheCheck::tr("SQLite found the file damaged (%1 findings; the first: \"%2\"). Poplar "
                        "can move it aside and start with an empty cache (mail still on your "
                        "servers is downloaded again), or a backup of the file can be put back.")
             .arg(number(findings.size()), findings.first().trimmed())});
}

/// FTS5's own check of the search index's structure. It is a write statement to SQLite,
/// even though it writes nothing: it runs on a connection that may write, in a transaction
/// that is rolled back.
void checkSearchIndex(const QString &path, CacheCheck::Report &report)
{
    CheckConnection connection(path, false);
    if (!connection.isOpen())
        return;
    QSqlDatabase db = connection.db();
    if (!db.transaction())
        return;
    QSqlQuery q(db);
    const bool ok = q.exec(
        QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"));
    const QString why = q.lastError().text();
    q.finish();
    db.rollback();
    // SQLITE_BUSY (another Poplar writing) says nothing about the index.
    if (!ok && !why.contains(QLatin1String("locked"))) {
        report.problems.append(
            {QStringLiteral("search-index-damaged"), 1,
             CacheCheck::tr("The search index is damaged (%1): searches may miss messages or "
                            "find wrong ones.")
                 .arg(why.trimmed())});
    }
}

} // namespace

CacheCheck::Report CacheCheck::run(const QString &path)
{
    Report report;
    report.path = path;
    if (!QFileInfo::exists(path))
        return report; // no cache yet: nothing can be wrong with it
    report.fileBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();

    CheckConnection connection(path, true);
    QSqlDatabase db = connection.db();
    QString why = connection.error();
    const std::optional<qint64> version =
        connection.isOpen() ? count(db, QStringLiteral("PRAGMA user_version"), &why) : std::nullopt;
    // The schema is read with the first statement: a damaged first page shows here.
    if (!version || !count(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &why)) {
        report.problems.append(
            {QStringLiteral("not-a-database"), 1,
             CacheCheck::tr(
                 "SQLite cannot read the file as a database (%1): its first page is damaged, "
                 "or it is another kind of file. Poplar can move it aside and start with an "
                 "empty cache (mail still on your servers is downloaded again), or a backup "
                 "of the file can be put back.")
                 .arg(why.trimmed())});
        return report;
    }
    report.readable = true;
    report.schemaVersion = int(*version);
    if (report.schemaVersion > Database::schemaVersion) {
        report.problems.append(
            {QStringLiteral("newer-schema"), 1,
             CacheCheck::tr("The cache was written by a newer Poplar (version %1 of "
                            "the cache; this one knows up to %2). Use that Poplar.")
                 .arg(report.schemaVersion)
                 .arg(Database::schemaVersion)});
    }
    if (report.schemaVersion < Database::firstWithSortKeys) {
        // Its indexes are ordered by this collation: SQLite's check compares their entries.
        const QString language = cacheMeta(db, QStringLiteral("collation_locale"));
        (void)TextCollator::registerOn(db, language.isEmpty() ? QLocale().name() : language);
    }

    checkFile(db, report);
    const bool fileIntact = report.problems.isEmpty();

    QString ignored;
    if (const auto pages = count(db, QStringLiteral("PRAGMA freelist_count"), &ignored)) {
        if (const auto pageSize = count(db, QStringLiteral("PRAGMA page_size"), &ignored))
            report.unusedBytes = *pages * *pageSize;
    }
    if (!hasTable(db, QStringLiteral("messages")))
        return report; // an empty cache file, never set up
    report.messages =
        count(db, QStringLiteral("SELECT count(*) FROM messages"), &ignored).value_or(0);
    report.indexedMessages =
        report.messages -
        count(db, QStringLiteral("SELECT count(*) FROM messages WHERE indexed = 0"), &ignored)
            .value_or(0);
    report.sortKeysPending = !cacheMeta(db, QStringLiteral("rekey_last")).isEmpty();

    for (const Rule &rule : rules()) {
        if (!std::all_of(rule.needsTables.cbegin(), rule.needsTables.cend(),
                         [&db](const QString &table) { return hasTable(db, table); }))
            continue;
        QString failure;
        const std::optional<qint64> broken = count(db, rule.sql, &failure);
        if (!broken) {
            // A damaged page under the tables: SQLite's check has said so already.
            if (fileIntact)
                report.problems.append(
                    {QString::fromLatin1(rule.code), 1,
                     CacheCheck::tr("Poplar could not check this (%1).").arg(failure)});
            continue;
        }
        if (*broken > 0)
            report.problems.append({QString::fromLatin1(rule.code), *broken, rule.text(*broken)});
    }
    if (fileIntact && hasTable(db, QStringLiteral("search_text")))
        checkSearchIndex(path, report);
    return report;
}

QStringList CacheCheck::Report::sentences() const
{
    QStringList out;
    if (healthy())
        out.append(CacheCheck::tr("The mail cache %1 is healthy.").arg(path));
    else
        out.append(CacheCheck::tr("The mail cache %1 has problems:").arg(path));
    for (const Problem &p : problems)
        out.append(p.text);
    if (!readable)
        return out;
    out.append(messages == 1
                   ? CacheCheck::tr("One message, %1 on disk.").arg(dataSizeText(fileBytes))
                   : CacheCheck::tr("%1 messages, %2 on disk.")
                         .arg(number(messages), dataSizeText(fileBytes)));
    if (unusedBytes > 0)
        out.append(
            CacheCheck::tr("%1 of it is unused: 'poplarctl compact' gives that back to the disk.")
                .arg(dataSizeText(unusedBytes)));
    if (indexedMessages < messages)
        out.append(
            CacheCheck::tr("Search: %1 of %2 messages indexed; Poplar indexes the rest in the "
                           "background.")
                .arg(number(indexedMessages), number(messages)));
    if (sortKeysPending)
        out.append(CacheCheck::tr("Sorting by sender and subject is still being changed to the new "
                                  "language; Poplar does it in the background."));
    return out;
}

} // namespace poplar::store
