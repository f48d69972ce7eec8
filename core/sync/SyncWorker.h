// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Pop3Client.h"
#include "sync/SyncResult.h"
#include "util/Clock.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <deque>
#include <future>
#include <memory>

namespace poplar::store {
class Database;
}

namespace poplar::sync {

class AccountSync;
} // namespace poplar::sync

namespace poplar::pop3 {
class ConnectionTest;
} // namespace poplar::pop3

namespace poplar::sync {
class CacheWriter;

/// The protocol lines of each account's last session, credentials already redacted by the
/// client, for a bug report ("the GUI can copy it"). Kept on the sync thread with no
/// cross-thread signal per line; read from any thread. Off until enabled: a log nobody reads
/// costs a sync time. A long session keeps its first and its last lines (the login and the
/// end are what a report needs), with a note of how many were left out between them.
class ProtocolLog {
    Q_DECLARE_TR_FUNCTIONS(poplar::sync::ProtocolLog)

public:
    static constexpr int headLines = 500;
    static constexpr int tailLines = 2000;

    void setEnabled(bool enabled) { m_enabled.store(enabled); }
    [[nodiscard]] bool isEnabled() const { return m_enabled.load(); }

    /// A new session of this account begins: its previous log is dropped.
    void begin(const QString &accountId);
    void append(const QString &accountId, bool fromClient, const QByteArray &line);
    /// The account's last session, one "C: " or "S: " line each; empty when there was none.
    [[nodiscard]] QByteArray text(const QString &accountId) const;

    /// One log line as poplarctl sync --log writes it (without its account prefix).
    [[nodiscard]] static QByteArray formatLine(bool fromClient, const QByteArray &line);

private:
    struct Session {
        QByteArrayList head;
        std::deque<QByteArray> tail;
        qint64 dropped = 0;
    };

    std::atomic<bool> m_enabled{false};
    mutable QMutex m_mutex;
    QHash<QString, Session> m_sessions; ///< guarded by m_mutex
};

/// The sync thread's worker: owns that thread's cache connection and runs one AccountSync
/// per account (never two on one maildrop; different accounts in parallel).
/// Lives in a different thread: talk to it only through queued signals and slots.
class SyncWorker : public QObject {
    Q_OBJECT

public:
    explicit SyncWorker(QString cachePath, pop3::Pop3Client::Options options = {},
                        Clock clock = systemClock());
    ~SyncWorker() override;

    /// For tests of time-based policies; call before the first sync (on the worker's thread).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// Where sessions keep their protocol lines while `log` is enabled; call before the
    /// first sync. The log must outlive the worker.
    void setProtocolLog(ProtocolLog *log) { m_log = log; }
    /// What sessions talk over: sockets, unless a test scripts the server; call before the
    /// first sync.
    void setTransportFactory(pop3::TransportFactory transports)
    {
        m_transports = std::move(transports);
    }
    /// The profile's filters.sieve: read again at each sync, so an edit counts from the next
    /// one. Empty: no filters. Call before the first sync.
    void setFiltersPath(const QString &path) { m_filtersPath = path; }
    /// See SyncController::setEndsWithProcess.
    void setEndsWithProcess(bool ends);

public Q_SLOTS:
    void syncAccount(const poplar::Account &account, const QString &password);
    /// Downloads the whole of a headers-only message ("download the rest").
    void completeMessage(const poplar::Account &account, const QString &password, qint64 messageId);
    /// A sync (completeId 0) or a "download the rest" whose password is still coming: the
    /// session connects and secures the line meanwhile (AccountSync::setPasswordPending).
    /// givePassword() or passwordFailed() follows, or cancel().
    void startBeforePassword(const poplar::Account &account, qint64 completeId);
    void givePassword(const QString &accountId, const QString &password);
    void passwordFailed(const QString &accountId, const poplar::Error &error);
    void cancel(const QString &accountId);
    /// "Test Connection" for an account not necessarily saved yet: logs in with the same
    /// client a sync uses, says how much mail waits, downloads and deletes nothing;
    /// connectionTested(`testId`, ...) follows.
    void testConnection(quint64 testId, const poplar::Account &account, const QString &password,
                        int connectTimeoutMs, int replyTimeoutMs);
    /// Stops that test at once; no connectionTested follows.
    void cancelTest(quint64 testId);
    /// Indexes for search what is not indexed yet (an import, a sync killed before it).
    void indexSoon();
    /// Readies what the sync asked for next needs, while its password comes: the cache
    /// (prepareCache) and the TLS library.
    void prepareSession();

Q_SIGNALS:
    /// Messages and bytes done of this session's total (see AccountSync::progress).
    void progress(const QString &accountId, int done, int total, qint64 bytesDone,
                  qint64 bytesTotal);
    void messagesStored(const QString &accountId, const QList<qint64> &ids);
    void finished(const poplar::sync::SyncResult &result);
    void protocolLine(const QString &accountId, bool fromClient, const QByteArray &line);
    /// How test `testId` ended: `ok` with a summary in words, or the error.
    void connectionTested(quint64 testId, bool ok, const QString &summary,
                          const poplar::Error &error);
    /// See AccountSync::waitingForLogin.
    void waitingForLogin(const QString &accountId, int secondsLeft);
    /// `count` more messages were indexed: what a summary knows only from the index (that a
    /// message has attachments) can be read now.
    void indexed(int count);

private:
    void run(const Account &account, const QString &password, qint64 completeId,
             bool passwordPending = false);
    /// This thread's connection, opened once the cache is ready (waiting for its creation if
    /// it is under way).
    [[nodiscard]] Status openCache();
    /// Opens the cache, so that a sync asked for next finds it open; the writer's connection
    /// opens at login. A cache that does not exist yet is created on a thread of its own
    /// instead, while that sync connects and logs in (AccountSync::setCachePending). A
    /// failure shows at that sync.
    void prepareCache();
    [[nodiscard]] CacheWriter *writer();
    void indexBatch();

    QString m_cachePath;
    QString m_filtersPath;
    pop3::Pop3Client::Options m_options;
    Clock m_clock;
    pop3::TransportFactory m_transports = pop3::socketTransportFactory();
    std::unique_ptr<store::Database> m_db;
    /// A new cache being created by prepareCache's thread; valid until openCache takes it.
    std::future<Status> m_creating;
    /// Commits downloads on its own thread. Declared after m_db, so closed before it: m_db's
    /// is the last connection, whose closing decides what becomes of the WAL.
    std::unique_ptr<CacheWriter> m_writer;
    QHash<QString, AccountSync *> m_running;
    QHash<quint64, pop3::ConnectionTest *> m_tests;
    ProtocolLog *m_log = nullptr;
    bool m_indexing = false;
    bool m_endsWithProcess = false;
};

} // namespace poplar::sync
