// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/ProfileImporter.h"

#include "accounts/AccountStore.h"
#include "importer/ClawsProfile.h"
#include "importer/EvolutionMaildir.h"
#include "importer/EvolutionProfile.h"
#include "importer/MboxReader.h"
#include "importer/MhFolder.h"
#include "importer/MozillaStatus.h"
#include "importer/TagMapping.h"
#include "importer/ThunderbirdProfile.h"
#include "store/Database.h"
#include "store/DownloadRecords.h"
#include "store/MailboxReader.h"
#include "store/MessageStore.h"
#include "store/TagStore.h"
#include "sync/HeaderFacts.h"

#include <QDateTime>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <memory>
#include <optional>

namespace poplar::importer {

namespace {

/// One message of a source folder, whatever its format.
struct SourceMessage {
    QByteArray raw;
    QString origin; ///< where it was, for warnings
    QString skipReason;
    bool read = false;
    bool flagged = false;
    bool deleted = false;
    QStringList tags;
    QByteArray uidl;
};

/// A message of Thunderbird's (mbox or maildir store), its state read from the
/// X-Mozilla-Status headers it carries.
SourceMessage mozillaMessage(QByteArray raw, const QString &origin, const QString &skipReason)
{
    SourceMessage s;
    s.origin = origin;
    s.skipReason = skipReason;
    const MozillaStatus status = MozillaStatus::of(raw);
    s.read = status.read;
    s.flagged = status.flagged;
    s.deleted = status.expunged;
    s.tags = status.tags;
    s.uidl = status.uidl;
    s.raw = std::move(raw);
    return s;
}

/// Yields a folder's messages one at a time: nullopt after the last.
using MessageSource = std::function<Result<std::optional<SourceMessage>>()>;

Error storageFailure(const QString &what, const QSqlQuery &q)
{
    return Error{Error::Code::Storage, what, q.lastError().text()};
}

bool sameMailbox(const Account &a, const Account &b)
{
    return a.host.compare(b.host, Qt::CaseInsensitive) == 0 && a.port == b.port && a.user == b.user;
}

} // namespace

ProfileImporter::ProfileImporter(AccountStore &accounts, store::MessageStore &store)
    : m_accounts(accounts)
    , m_store(store)
{}

Result<FoundProfile> ProfileImporter::discover(SourceProgram program, const QString &path,
                                               const QString &home)
{
    if (program == SourceProgram::Evolution) {
        auto dir = EvolutionProfile::locate(path, home);
        if (!dir)
            return dir.error();
        return EvolutionProfile::read(dir.value());
    }
    if (program == SourceProgram::Thunderbird) {
        auto dir = ThunderbirdProfile::locate(path, home);
        if (!dir)
            return dir.error();
        return ThunderbirdProfile::read(dir.value());
    }
    auto dir = ClawsProfile::locate(program, path, home);
    if (!dir)
        return dir.error();
    return ClawsProfile::read(program, dir.value(), home);
}

void ProfileImporter::count(FoundProfile &profile, const std::atomic<bool> *cancel)
{
    for (FoundFolder &folder : profile.folders) {
        if (cancel && cancel->load())
            return;
        if (folder.format == FolderFormat::None) {
            folder.messages = 0;
        } else if (folder.format == FolderFormat::Mh) {
            folder.messages = MhFolder(folder.sourcePath).numbers().size();
        } else if (folder.format == FolderFormat::EvolutionMaildir) {
            folder.messages = EvolutionMaildir::countShown(folder.sourcePath);
        } else if (folder.format == FolderFormat::Maildir) {
            auto reader = store::MailboxReader::open(store::MailboxReader::Format::Maildir,
                                                     folder.sourcePath);
            qint64 n = 0;
            while (reader) {
                auto next = reader.value()->next();
                if (!next || !next.value())
                    break;
                if (!MozillaStatus::of(next.value()->raw).expunged)
                    ++n;
            }
            folder.messages = n;
        } else {
            auto reader = MboxReader::open(folder.sourcePath);
            if (!reader)
                continue; // stays "not counted"; the import says why
            reader.value()->setKeepBytes(false);
            qint64 n = 0;
            for (;;) {
                auto next = reader.value()->next();
                if (!next || !next.value())
                    break;
                if (!MozillaStatus::of(next.value()->header).expunged)
                    ++n;
            }
            folder.messages = n;
        }
    }
}

void ProfileImporter::tell(const QString &folder, qint64 folderBytesDone)
{
    if (!m_progress)
        return;
    m_state.folder = folder;
    m_state.bytesDone = m_bytesBefore + folderBytesDone;
    m_progress(m_state);
}

Result<ProfileImportReport> ProfileImporter::run(const FoundProfile &profile, bool dryRun)
{
    m_dryRun = dryRun;
    m_state = {};
    m_bytesBefore = 0;
    m_tagCounts.clear();
    ProfileImportReport report;
    report.dryRun = dryRun;
    for (const FoundAccount &a : profile.accounts) {
        if (!a.wanted)
            continue;
        for (const QString &note : a.notes)
            report.notes.append(QStringLiteral("%1: %2").arg(a.settings.name, note));
        // Poplar sends a password in the clear only when the account says so and the user
        // was told: an imported account says so, and this is the telling.
        if (a.settings.security == Security::None)
            report.notes.append(tr("%1: it reads mail without encryption, as it did in %2; its "
                                   "password crosses the network readable. Choose TLS or "
                                   "STARTTLS in its settings if the server offers it.")
                                    .arg(a.settings.name, programName(profile.program)));
    }
    report.notes += profile.notes;
    for (const FoundFolder &f : profile.folders) {
        if (f.wanted)
            m_state.bytesTotal += f.bytes;
    }
    if (Status s = importAccounts(profile, report); !s)
        return s.error();
    m_tags.emplace(profile);
    if (!m_dryRun) {
        if (Status s = TagMapping::addTags(profile, m_store.database()); !s)
            return s.error();
    }
    for (const FoundFolder &folder : profile.folders) {
        if (!folder.wanted || folder.format == FolderFormat::None)
            continue;
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        if (Status s = importFolder(folder, report); !s)
            return s.error();
        m_bytesBefore += folder.bytes;
        if (report.cancelled)
            break;
    }
    if (!m_tagCounts.isEmpty()) {
        QStringList tags;
        for (auto it = m_tagCounts.cbegin(); it != m_tagCounts.cend(); ++it)
            tags.append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()));
        tags.sort();
        report.notes.append(tr("Tags carried over: %1").arg(tags.join(QLatin1String(", "))));
    }
    return report;
}

Status ProfileImporter::importAccounts(const FoundProfile &profile, ProfileImportReport &report)
{
    m_accountIds.clear();
    m_mailboxIds.clear();
    m_firstSeen.clear();
    m_outcomeIndex.clear();
    const QList<Account> existing = m_accounts.accounts();
    for (const FoundAccount &found : profile.accounts) {
        if (!found.wanted)
            continue;
        AccountOutcome outcome;
        outcome.key = found.key;
        for (const Account &a : existing) {
            if (sameMailbox(a, found.settings)) {
                outcome.accountId = a.id;
                break;
            }
        }
        if (outcome.accountId.isEmpty() && !m_dryRun) {
            Account settings = found.settings;
            if (settings.canSend() && !AccountStore::validateOutgoing(settings)) {
                report.notes.append(
                    tr("%1: the outgoing server %2 is left out (%3).")
                        .arg(settings.name, settings.smtp.host,
                             AccountStore::validateOutgoing(settings).error().detail));
                settings.smtp = OutgoingServer{};
            }
            auto id = m_accounts.add(settings);
            if (!id) {
                report.warnings.append(tr("The account \"%1\" was not imported: %2")
                                           .arg(settings.name, id.error().message()));
                continue;
            }
            outcome.accountId = id.value();
            outcome.added = true;
        } else if (outcome.accountId.isEmpty()) {
            outcome.added = true; // would be
        }
        m_accountIds.insert(found.key, outcome.accountId);
        QHash<QByteArray, qint64> &seen = m_firstSeen[found.key];
        for (const KnownUidl &k : found.downloaded)
            seen.insert(k.uidl, k.firstSeen);
        if (Status s = seedDownloads(found, outcome); !s)
            return s;
        if (outcome.deletedThere > 0)
            report.notes.append(
                tr("%1: %n message(s) deleted in %2 were still to be deleted on the server at "
                   "its next check. Poplar deletes on the server only mail it holds, so they "
                   "stay there (delete them with the provider's webmail if you wish); they "
                   "will not be downloaded again.",
                   nullptr, outcome.deletedThere)
                    .arg(found.settings.name, programName(profile.program)));
        m_outcomeIndex.insert(found.key, int(report.accounts.size()));
        report.accounts.append(outcome);
    }
    return {};
}

Status ProfileImporter::seedDownloads(const FoundAccount &found, AccountOutcome &outcome)
{
    if (m_dryRun || outcome.accountId.isEmpty()) {
        outcome.uidlsRecorded = int(found.downloaded.size());
        outcome.deletedThere =
            int(std::count_if(found.downloaded.cbegin(), found.downloaded.cend(),
                              [](const KnownUidl &k) { return k.deletePending; }));
        return {};
    }
    store::DownloadRecords records(m_store.database());
    auto mailbox = records.mailbox(outcome.accountId,
                                   {found.settings.host, found.settings.port, found.settings.user});
    if (!mailbox)
        return mailbox.error();
    m_mailboxIds.insert(found.key, mailbox.value());
    if (found.downloaded.isEmpty())
        return {};
    store::Transaction txn(m_store.database());
    if (!txn.active())
        return Error{Error::Code::Storage, tr("Cannot start a transaction"), txn.beginError()};
    // Known, but not held here (yet): never fetched again, never deleted on the server on
    // the strength of this record. A record already there (an earlier import, a sync) stays.
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO downloads (account_id, mailbox_id, uidl, state, listed_size, received_size, "
        "header_key, message_id, first_seen) VALUES (?, ?, ?, ?, -1, -1, x'', NULL, ?) "
        "ON CONFLICT (account_id, mailbox_id, uidl) DO NOTHING"));
    const QString state = store::downloadStateToString(store::DownloadState::HeadersOnly);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const KnownUidl &k : found.downloaded) {
        q.addBindValue(outcome.accountId);
        q.addBindValue(mailbox.value());
        q.addBindValue(QString::fromLatin1(k.uidl));
        q.addBindValue(state);
        q.addBindValue(k.firstSeen > 0 ? k.firstSeen : now);
        if (!q.exec())
            return storageFailure(tr("Cannot record what was downloaded"), q);
        // Counted only when recorded now: a second import tells of them no more.
        const bool added = q.numRowsAffected() > 0;
        outcome.uidlsRecorded += added ? 1 : 0;
        outcome.deletedThere += added && k.deletePending ? 1 : 0;
    }
    return txn.commit();
}

Status ProfileImporter::importFolder(const FoundFolder &folder, ProfileImportReport &report)
{
    FolderOutcome outcome;
    outcome.destination = folder.destination;
    // The account's Inbox when its account is imported; a local folder otherwise.
    const QString inboxAccount = m_accountIds.value(folder.inboxOf);
    const bool toInbox = !folder.inboxOf.isEmpty() && m_accountIds.contains(folder.inboxOf);
    const QString accountId = toInbox ? inboxAccount : store::MessageStore::localAccountId();
    const QString localFolder = toInbox ? QString() : folder.destination;
    outcome.accountId = toInbox ? inboxAccount : QString();

    MessageSource source;
    std::unique_ptr<MboxReader> mbox;
    std::unique_ptr<MhFolder> mh;
    std::unique_ptr<store::MailboxReader> maildir;
    std::unique_ptr<EvolutionMaildir> evolution;
    if (folder.format == FolderFormat::Mbox) {
        auto opened = MboxReader::open(folder.sourcePath);
        if (!opened) {
            report.warnings.append(tr("%1: %2").arg(folder.destination, opened.error().message()));
            report.folders.append(outcome);
            return {};
        }
        mbox = std::move(opened).value();
        source = [&]() -> Result<std::optional<SourceMessage>> {
            auto next = mbox->next();
            if (!next)
                return next.error();
            if (!next.value())
                return std::optional<SourceMessage>{};
            MboxMessage &m = *next.value();
            return std::optional<SourceMessage>{
                mozillaMessage(std::move(m.raw),
                               tr("message %1 (line %2)").arg(m.number).arg(m.line), m.skipReason)};
        };
    } else if (folder.format == FolderFormat::Maildir) {
        auto opened =
            store::MailboxReader::open(store::MailboxReader::Format::Maildir, folder.sourcePath);
        if (!opened) {
            report.warnings.append(tr("%1: %2").arg(folder.destination, opened.error().message()));
            report.folders.append(outcome);
            return {};
        }
        maildir = std::move(opened).value();
        source = [&]() -> Result<std::optional<SourceMessage>> {
            auto next = maildir->next();
            if (!next)
                return next.error();
            if (!next.value())
                return std::optional<SourceMessage>{};
            store::MailboxMessage &m = *next.value();
            return std::optional<SourceMessage>{
                mozillaMessage(std::move(m.raw), m.origin, m.skipReason)};
        };
    } else if (folder.format == FolderFormat::EvolutionMaildir) {
        evolution = std::make_unique<EvolutionMaildir>(folder.sourcePath, folder.stateFile,
                                                       folder.stateTable);
        source = [&]() -> Result<std::optional<SourceMessage>> {
            auto m = evolution->next();
            if (!m)
                return std::optional<SourceMessage>{};
            SourceMessage s;
            s.origin = m->fileName;
            s.skipReason = m->skipReason;
            s.read = m->read;
            s.flagged = m->flagged;
            s.deleted = m->deleted;
            s.tags = m->keywords;
            s.raw = std::move(m->raw);
            return std::optional<SourceMessage>{std::move(s)};
        };
    } else {
        mh = std::make_unique<MhFolder>(folder.sourcePath, folder.stateFile);
        source = [&]() -> Result<std::optional<SourceMessage>> {
            auto m = mh->next();
            if (!m)
                return std::optional<SourceMessage>{};
            SourceMessage s;
            s.origin = tr("message %1").arg(m->number);
            s.skipReason = m->skipReason;
            s.read = m->read;
            s.flagged = m->flagged;
            for (const int id : std::as_const(m->tagIds))
                s.tags.append(QString::number(id));
            s.raw = std::move(m->raw);
            return std::optional<SourceMessage>{std::move(s)};
        };
    }

    const qint64 mailboxId = m_mailboxIds.value(folder.inboxOf);
    const QHash<QByteArray, qint64> firstSeen = m_firstSeen.value(folder.inboxOf);
    AccountOutcome *accountOutcome = toInbox && m_outcomeIndex.contains(folder.inboxOf)
                                         ? &report.accounts[m_outcomeIndex.value(folder.inboxOf)]
                                         : nullptr;
    QSqlDatabase db = m_store.database();
    std::optional<store::Transaction> txn;
    std::optional<store::MessageStore::Inserter> inserter;
    QSqlQuery state(db);
    state.prepare(QStringLiteral("UPDATE messages SET seen = ?, flagged = ? WHERE id = ?"));
    QSqlQuery link(db);
    link.prepare(QStringLiteral(
        "INSERT INTO downloads (account_id, mailbox_id, uidl, state, listed_size, received_size, "
        "header_key, message_id, first_seen) VALUES (?, ?, ?, ?, -1, -1, ?, ?, ?) "
        "ON CONFLICT (account_id, mailbox_id, uidl) DO UPDATE SET state = excluded.state, "
        "header_key = excluded.header_key, message_id = excluded.message_id "
        "WHERE downloads.message_id IS NULL"));
    QSqlQuery setUidl(db);
    setUidl.prepare(QStringLiteral("UPDATE messages SET uidl = ? WHERE id = ?"));
    int inBatch = 0;
    auto commit = [&]() -> Status {
        if (!txn)
            return {};
        inserter.reset();
        Status s = txn->commit();
        txn.reset();
        inBatch = 0;
        return s;
    };

    for (;;) {
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        auto next = source();
        if (!next)
            return next.error();
        if (!next.value())
            break;
        SourceMessage &m = *next.value();
        ++m_state.messages;
        tell(folder.destination, mbox ? mbox->position() : 0);
        if (m.deleted) {
            ++outcome.deleted;
            continue;
        }
        if (!m.skipReason.isEmpty() || m.raw.isEmpty()) {
            ++outcome.skipped;
            report.warnings.append(
                tr("%1, %2: %3")
                    .arg(folder.destination, m.origin,
                         m.skipReason.isEmpty() ? tr("empty, skipped") : m.skipReason));
            continue;
        }
        const QStringList tags = m_tags->namesFor(m.tags);
        for (const QString &tag : tags)
            ++m_tagCounts[tag];
        if (!txn && !m_dryRun) {
            txn.emplace(db);
            if (!txn->active())
                return Error{Error::Code::Storage, tr("Cannot start a transaction"),
                             txn->beginError()};
            inserter.emplace(db);
        }
        auto copy = m_store.findCopy(accountId, localFolder, m.raw);
        if (!copy)
            return copy.error();
        if (copy.value()) {
            ++outcome.duplicates;
            continue;
        }
        ++outcome.imported;
        if (m_dryRun)
            continue;
        store::IncomingMessage message;
        message.accountId = accountId;
        message.localFolder = localFolder;
        message.headers = sync::headerFacts(m.raw);
        message.raw = std::move(m.raw);
        auto id = inserter->insert(message);
        if (!id)
            return id.error();
        state.addBindValue(m.read);
        state.addBindValue(m.flagged);
        state.addBindValue(id.value());
        if (!state.exec())
            return storageFailure(tr("Cannot keep a message's read state"), state);
        if (!tags.isEmpty()) {
            if (Status s = store::TagStore(db).tagByNames(id.value(), tags); !s)
                return s.error();
        }
        if (toInbox && !m.uidl.isEmpty() && mailboxId > 0) {
            const QString uidl = QString::fromLatin1(m.uidl);
            const QByteArray key = store::DownloadRecords::headerKey(message.headers);
            link.addBindValue(accountId);
            link.addBindValue(mailboxId);
            link.addBindValue(uidl);
            link.addBindValue(store::downloadStateToString(store::DownloadState::Stored));
            link.addBindValue(key.isEmpty() ? QByteArray("") : key);
            link.addBindValue(id.value());
            const qint64 seen = firstSeen.value(m.uidl, 0);
            link.addBindValue(seen > 0 ? seen : QDateTime::currentSecsSinceEpoch());
            if (!link.exec())
                return storageFailure(tr("Cannot record what was downloaded"), link);
            if (link.numRowsAffected() > 0) {
                setUidl.addBindValue(uidl);
                setUidl.addBindValue(id.value());
                if (!setUidl.exec())
                    return storageFailure(tr("Cannot record what was downloaded"), setUidl);
                if (accountOutcome) {
                    ++accountOutcome->linked;
                    if (!firstSeen.contains(m.uidl))
                        ++accountOutcome->uidlsRecorded;
                }
            }
        }
        if (++inBatch == batchMessages) {
            if (Status s = commit(); !s)
                return s;
        }
    }
    if (Status s = commit(); !s)
        return s;
    if (mbox && mbox->damage()) {
        const MboxDamage &d = *mbox->damage();
        report.warnings.append(
            tr("%1: the mbox %2 is cut off in message %3 (line %4, byte %5): %6. The messages "
               "before it were imported; that one was left out.")
                .arg(folder.destination, folder.sourcePath)
                .arg(d.message)
                .arg(d.line)
                .arg(d.offset)
                .arg(d.why));
        ++outcome.skipped;
    }
    tell(folder.destination, folder.bytes);
    report.imported += outcome.imported;
    report.duplicates += outcome.duplicates;
    report.skipped += outcome.skipped;
    report.deleted += outcome.deleted;
    report.folders.append(outcome);
    return {};
}

} // namespace poplar::importer
