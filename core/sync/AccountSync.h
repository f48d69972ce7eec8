// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Pop3Client.h"
#include "pop3/Pop3Listing.h"
#include "store/ListingSnapshots.h"
#include "store/MessageStore.h"
#include "store/ServerPolicyStore.h"
#include "sync/SyncPlan.h"
#include "sync/SyncResult.h"
#include "util/Clock.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace poplar::filters {
class FilterRules;
}

namespace poplar::junk {
class JunkClassifier;
}

namespace poplar::sync {

class CacheWriter;

/// One sync of one account, as a sequence of stages read top to bottom:
///
///   wait (LOGIN-DELAY) -> log in -> list (UIDL, LIST) -> check (TOP n 0 where a message's
///   identity is in doubt) -> fetch (RETR, or TOP for headers only) -> delete (DELE) -> quit
///
/// SyncPlan decides what is known, new, renamed, and deletable; this class carries it out
/// over a Pop3Client. The order keeps the promise that nothing is lost: messages are
/// committed to the cache (with their download records) in batches, DELE is sent only once
/// every batch is committed and only for messages the cache holds whole, and deletions are
/// recorded only after QUIT's +OK. Lives on the sync thread; batches are written by
/// `writer` on its own thread while the session goes on.
class AccountSync : public QObject {
    Q_OBJECT

public:
    AccountSync(Account account, QString password, QSqlDatabase db, CacheWriter *writer,
                pop3::Pop3Client::Options options, Clock clock,
                pop3::TransportFactory transports = pop3::socketTransportFactory(),
                QObject *parent = nullptr);
    ~AccountSync() override;

    /// Instead of a sync, fetch the whole of one message that is not whole here (headers
    /// only, incomplete, or too large to download by itself): "Download the Rest". Call
    /// before start().
    void setCompleteOnly(qint64 messageId);
    /// The user's filters (filters.sieve compiled; null: none), which place each message
    /// as it is committed; `problem` (a broken script, in words) becomes a warning of this
    /// sync. Call before start().
    void setFilters(std::shared_ptr<const filters::FilterRules> rules, const QString &problem);
    /// The junk classifier the user trained (null: none, or not trained yet), which scores
    /// each batch before it is committed; a classifier that fails becomes a warning of this
    /// sync, and the mail arrives without its verdicts. Call before start().
    void setJunkClassifier(std::shared_ptr<const junk::JunkClassifier> classifier)
    {
        m_classifier = std::move(classifier);
    }

    /// Gives this thread's cache connection once the cache is ready.
    using CacheOpener = std::function<Result<QSqlDatabase>()>;
    /// The cache is still being created (a first sync: `db` was given invalid), and `open`
    /// waits for it. The session connects and logs in meanwhile and opens it once the
    /// listing commands are out, the first point where it needs it: a new cache holds no
    /// LOGIN-DELAY, listing snapshot or download record to read before. Call before start().
    void setCachePending(CacheOpener open) { m_openCache = std::move(open); }

    /// The password is still coming (a password command or the keychain is answering, in
    /// another thread): the session connects, secures the line and reads the capabilities
    /// meanwhile, and logs in once givePassword() brings it. A line lost before then is
    /// opened again once the password is here, and one kept waiting the options'
    /// passwordWaitMs is closed (the password is then a person typing, and the server need
    /// not hold a line for it). Call before start().
    void setPasswordPending() { m_passwordPending = true; }
    void givePassword(const QString &password);
    /// The password could not be had: the session ends with `error`.
    void passwordFailed(const Error &error);

    void start();
    /// Stops at once; what was fully received is committed first.
    void cancel();

    /// The most a message may be when the user asks for it explicitly (Download the Rest):
    /// its bytes are held in memory once.
    static constexpr qsizetype maxRequestedMessage = qsizetype(1) << 30;
    /// The most messages one batch (one transaction) holds; 4 MB ends a batch sooner. Every
    /// commit writes each list index page it touched, and a new message touches pages all
    /// over them: the cache writer took 11.6 s for 20,000 messages of 5.5 KB in batches of
    /// 100, 6.5 s in batches of 500 (tests/bench, BM_MessageStore_FillToScale).
    static constexpr int batchMessages = 1000;
    /// Batches are this many times smaller once the rest of the download fits in one.
    static constexpr int tailDivisor = 4;
    /// Batches are this many times larger (messages and bytes) once the cache holds this many
    /// messages, with those this session has received. Three times synced 100,000 messages of 5.5
    /// KB 10 % faster in five interleaved runs, but its peak RSS reached 147 MB (118 MB before; the
    /// target is under 150): twice is the margin kept.
    static constexpr int growBatchesAfter = 10'000;
    static constexpr int growBatchesBy = 2;

Q_SIGNALS:
    /// Messages and bytes received of those this session downloads. The bytes are LIST's
    /// sizes of the whole messages it retrieves (headers-only ones count as messages only).
    void progress(const QString &accountId, int done, int total, qint64 bytesDone,
                  qint64 bytesTotal);
    void messagesStored(const QString &accountId, const QList<qint64> &ids);
    void finished(const poplar::sync::SyncResult &result);
    void protocolLine(const QString &accountId, bool fromClient, const QByteArray &line);
    /// Waiting out the server's LOGIN-DELAY before logging in: once a second.
    void waitingForLogin(const QString &accountId, int secondsLeft);

public:
    /// "10 seconds", "5 minutes", "2 hours": a delay in the unit a user reads best.
    [[nodiscard]] static QString describeInterval(int seconds);

private:
    enum class Stage { Waiting, LoggingIn, Listing, Checking, Fetching, Deleting, Quitting, Done };
    /// How a listed message is retrieved.
    enum class Fetch { Whole, HeadersOnly, Again };
    struct Received {
        int index; ///< in the listing
        store::IncomingMessage message;
    };

    /// The mailbox's row (made the first time) and its last listing's snapshot.
    [[nodiscard]] Status readMailbox();
    /// Opens a cache given as pending (setCachePending), with what the session reads of it
    /// before the listing; false when that failed and the session was abandoned.
    [[nodiscard]] bool openPendingCache();

    // The stages, in order.
    void waitForLogin();
    void logIn();
    /// A Pop3Client for the server, logging in with m_password or, while it is pending, up to
    /// the login.
    void openClient();
    /// Lets go of a line opened before the password that was lost or kept waiting too long
    /// (`politely`: QUIT first); openClient() makes another once the password is here.
    void dropEarlyClient(bool politely);
    void list();
    /// Whether this check may try QuickListing.h's way: STAT and a few UIDLs instead of
    /// the whole listing.
    [[nodiscard]] bool mayListQuickly();
    void listQuickly();
    /// The probes answered: if they prove the known run unchanged, lists what came after.
    void listNewAfter(const QHash<int, QByteArray> &probeUidls);
    void listWhole();
    /// STAT, its answer kept in m_status.
    void askStatus();
    void identifyWithoutUidl(const QHash<int, qint64> &sizes);
    void plan(QList<ListedMessage> listing, const QHash<int, QByteArray> &knownKeys = {});
    /// Reads the mailbox's download records into m_records (with what SyncPlan draws from them
    /// before it has a listing), unless they were read already.
    void readRecords();
    void check();
    [[nodiscard]] Status applyIdentities();
    void fetch();
    /// Whether this session may DELE anything (SyncPlan::mayDelete, with the queue read; a
    /// queue that cannot be read counts as holding some).
    [[nodiscard]] bool mayDelete();
    /// QUIT, its answer kept in m_quitAnswer and taken by endSession once quit() has run.
    void sendQuit();
    void deleteOnServer();
    void quit();
    /// QUIT answered (`ok`: +OK) and every batch committed: the records, then the end.
    void endSession(bool ok);
    void finish(std::optional<Error> error);

    void completeOne();
    void onRetrieved(int index, Fetch how, const pop3::Reply &r);
    void storeAgain(int index, const pop3::Reply &r);
    [[nodiscard]] bool adoptIfRenamed(int index, const store::IncomingMessage &message);
    [[nodiscard]] bool batchIsDue();
    /// Whether the cache is large enough for growBatchesBy times larger batches. The cache is
    /// counted once, the first time the question comes up (a session that receives fewer
    /// than a batch never counts it).
    [[nodiscard]] bool cacheIsLarge();
    void commitBatch();
    void onCommitted(const QList<int> &indexes, const QList<bool> &whole,
                     Result<QList<qint64>> ids);
    void deleteWhenAllCommitted();
    [[nodiscard]] Status recordSessionEnd(const QList<PlannedDeletion> &deleted);
    void reportProgress();
    /// Stops the session without QUIT (the server deletes nothing) and ends with `error`.
    void abandon(const Error &error);
    [[nodiscard]] Error withLoginDelayAdvice(Error error) const;
    /// A server's answer as a warning quotes it.
    [[nodiscard]] static QString serverWords(const pop3::Reply &r);
    /// "“Subject” from Sender": how a warning names a message.
    [[nodiscard]] static QString nameOf(const store::HeaderSummary &headers);

    Account m_account;
    QString m_password;
    QSqlDatabase m_db;
    store::MessageStore m_store;
    CacheOpener m_openCache; ///< set while the cache is pending: m_db is not open yet
    CacheWriter *m_writer;
    std::shared_ptr<const filters::FilterRules> m_filters;    ///< null: every message to the Inbox
    std::shared_ptr<const junk::JunkClassifier> m_classifier; ///< null: server verdicts only
    pop3::Pop3Client::Options m_options;
    Clock m_clock;
    pop3::TransportFactory m_transports;
    Stage m_stage = Stage::Waiting;
    pop3::Pop3Client *m_client = nullptr; ///< null until the login delay has passed
    bool m_passwordPending = false;       ///< see setPasswordPending()
    QTimer *m_passwordWait = nullptr;     ///< the line ready, the password not yet here
    store::ServerPolicy m_policy;         ///< what the server told of its policy last time
    qint64 m_mailboxId = 0;
    /// m_mailboxId's records were made reading this maildrop through another port
    /// (DownloadRecords::sameMaildropOnAnotherPort): each is proven by headers before it counts.
    bool m_portChanged = false;
    /// Downloads may be copies the cache holds under another name or mailbox: compare bytes.
    bool m_lookForTwins = false;
    QTimer *m_waitTimer = nullptr; ///< the countdown to m_loginAt
    QDateTime m_loginAt;
    std::unique_ptr<SyncPlan> m_plan;
    /// What the last full listing proved (QuickListing.h); read when the session starts.
    std::optional<store::ListingSnapshot> m_snapshot;
    std::optional<pop3::MaildropStatus> m_status; ///< STAT's answer, when it was asked
    bool m_quick = false; ///< the plan's listing is only what came after m_snapshot's run
    /// QUIT went out behind the last RETR (this session deletes nothing); its answer, once in.
    bool m_quitSent = false;
    std::optional<bool> m_quitAnswer;
    bool m_deletionsSent = false;
    /// The download records, read while the server lists the mailbox (see list()).
    std::optional<Result<KnownRecords>> m_records;
    bool m_prefetchRecords = false; ///< list()'s queued read of m_records is still wanted
    QList<Received> m_batch;
    qint64 m_batchBytes = 0;
    QList<PlannedDeletion> m_markedForDeletion; ///< DELE answered +OK; real only after QUIT +OK
    /// What recordSessionEnd() needs of the plan, taken before QUIT goes out so that the plan
    /// (at 100,000 messages, 50 ms to free) is freed while the server answers.
    QHash<QByteArray, qint64> m_recordOfDeleted; ///< a DELE's UIDL -> its download record
    QList<qint64> m_unlisted;                    ///< SyncPlan::unlisted()
    int m_total = 0;
    int m_done = 0;
    std::optional<qint64> m_cachedBefore; ///< the cache's messages before this session's
    qint64 m_bytesTotal = 0;
    qint64 m_bytesDone = 0;
    QTimer *m_progressTimer = nullptr; ///< reports what was received since the last report
    int m_outstanding = 0;             ///< RETR/TOP sent and not yet answered
    int m_commitsPending = 0;          ///< batches handed to the writer and not yet committed
    SyncResult m_result;
    bool m_finished = false;
    qint64 m_completeId = 0; ///< set: this session only completes that message
};

} // namespace poplar::sync
