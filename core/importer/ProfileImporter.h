// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer/FoundProfile.h"
#include "importer/TagMapping.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace poplar {
class AccountStore;
}
namespace poplar::store {
class MessageStore;
}

namespace poplar::importer {

/// How far an import has come.
struct ImportProgress {
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    int messages = 0; ///< messages read so far (imported or not)
    QString folder;   ///< the folder being read (its destination name)
};

struct AccountOutcome {
    QString key;       ///< FoundAccount::key
    QString accountId; ///< the Poplar account (new, or the one that already reads that mailbox)
    bool added = false;
    int uidlsRecorded = 0; ///< download records seeded from popstate.dat / uidl files
    int linked = 0;        ///< of those, linked to an imported message (by X-UIDL)
    /// Of the records, messages the other program had deleted and was to delete on the
    /// server at its next check (popstate.dat 'd' lines). They stay on the server: Poplar
    /// deletes a server copy only when it holds that message whole (DESIGN, promise 6),
    /// and it holds none of these; the report says so.
    int deletedThere = 0;
};

struct FolderOutcome {
    QString destination;
    QString accountId; ///< set when the folder went into that account's Inbox
    int imported = 0;
    int duplicates = 0; ///< already in Poplar (an import run before)
    int skipped = 0;    ///< too large or unreadable; a warning says which
    int deleted = 0;    ///< deleted in the other program, not yet compacted away: left out
};

/// What an import did (or, in a dry run, would do).
struct ProfileImportReport {
    bool dryRun = false;
    bool cancelled = false;
    QList<AccountOutcome> accounts;
    QList<FolderOutcome> folders;
    int imported = 0;
    int duplicates = 0;
    int skipped = 0;
    int deleted = 0;
    QStringList warnings; ///< damage and skipped messages, saying where
    QStringList notes;    ///< what was not carried over
};

/// Imports what the user chose of a FoundProfile: accounts into poplar.ini (no password),
/// folders into the cache with every byte and their read/flagged state, and what each
/// account downloaded as download records, so that the next sync fetches nothing twice.
/// Idempotent: an account that reads the same mailbox (host, port, user) is reused, a
/// message whose bytes the folder already holds is left out, a download record already
/// there is kept. Runs on the caller's thread, through the caller's connection (`store`);
/// reads the profile only, never writes to it.
class ProfileImporter {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::ProfileImporter)

public:
    using ProgressCallback = std::function<void(const ImportProgress &)>;

    /// Messages per transaction: few commits (each syncs to disk), small rollbacks.
    static constexpr int batchMessages = 200;

    ProfileImporter(AccountStore &accounts, store::MessageStore &store);

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    /// Checked between messages; when set, what is done is committed and the import stops.
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancel = flag; }

    /// Finds a program's profile (`path`, or where the program keeps it under `home`).
    [[nodiscard]] static Result<FoundProfile> discover(SourceProgram program, const QString &path,
                                                       const QString &home);
    /// Counts each folder's messages (those the other program still shows), reading only.
    static void count(FoundProfile &profile, const std::atomic<bool> *cancel = nullptr);

    /// Imports the wanted accounts and folders; `dryRun`: changes nothing and says what an
    /// import would do.
    [[nodiscard]] Result<ProfileImportReport> run(const FoundProfile &profile, bool dryRun = false);

private:
    Status importAccounts(const FoundProfile &profile, ProfileImportReport &report);
    Status seedDownloads(const FoundAccount &found, AccountOutcome &outcome);
    Status importFolder(const FoundFolder &folder, ProfileImportReport &report);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void tell(const QString &folder, qint64 folderBytesDone);

    AccountStore &m_accounts;
    store::MessageStore &m_store;
    ProgressCallback m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    bool m_dryRun = false;
    QHash<QString, QString> m_accountIds; ///< FoundAccount::key -> Poplar account id
    QHash<QString, qint64> m_mailboxIds;  ///< FoundAccount::key -> download mailbox id
    QHash<QString, QHash<QByteArray, qint64>> m_firstSeen; ///< key -> uidl -> first seen
    QHash<QString, int> m_outcomeIndex;                    ///< key -> index in report.accounts
    ImportProgress m_state;
    qint64 m_bytesBefore = 0; ///< of the folders finished
    QHash<QString, int> m_tagCounts;
    std::optional<TagMapping> m_tags; ///< the profile being imported's
};

} // namespace poplar::importer
