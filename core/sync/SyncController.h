// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Pop3Client.h"
#include "sync/SyncResult.h"
#include "util/Clock.h"

#include <QObject>
#include <QSet>
#include <QThread>

#include <memory>

namespace poplar {
class PasswordProvider;
}

namespace poplar::sync {

class ProtocolLog;
class SyncWorker;

/// The GUI-thread face of syncing: owns the sync thread and its worker, fetches each
/// account's password, and relays the worker's signals. Never blocks its caller.
class SyncController : public QObject {
    Q_OBJECT

public:
    SyncController(const QString &cachePath, PasswordProvider &passwords,
                   pop3::Pop3Client::Options options = {}, QObject *parent = nullptr);
    /// Cancels what runs (committed mail stays), then stops and joins the thread.
    ~SyncController() override;

    void syncAccount(const Account &account);
    /// Downloads the whole of a message that was stored headers-only (over the size limit).
    void completeMessage(const Account &account, qint64 messageId);
    /// Replaces the clock the time-based policies use (tests). Takes effect for later syncs.
    void setClock(Clock clock);
    /// The profile's filters.sieve (Profile::filtersPath()), read at each sync. Call before
    /// the first sync; without it no filters run.
    void setFiltersPath(const QString &path);
    /// The process ends with these syncs (poplarctl). Then nothing is indexed after a sync
    /// (exiting waited for one batch; poplarctl search indexes what is pending first), and
    /// the last connection leaves the WAL for the next one to open the cache instead of
    /// folding it in and deleting it: a checkpoint's fsyncs and the deletion of a file of
    /// tens of megabytes, about 25 ms at the end of every sync. Call before the first sync.
    void setEndsWithProcess(bool ends);
    void cancel(const QString &accountId);
    /// "Test Connection" on the sync thread, with the client a sync uses (so the two never
    /// disagree on how to log in); connectionTested(id, ...) follows. Returns that id.
    quint64 testConnection(const Account &account, const QString &password,
                           int connectTimeoutMs = 15'000, int replyTimeoutMs = 30'000);
    /// Stops test `testId`; no connectionTested follows.
    void cancelTest(quint64 testId);
    [[nodiscard]] bool isSyncing(const QString &accountId) const
    {
        return m_busy.contains(accountId);
    }
    [[nodiscard]] bool isIdle() const { return m_busy.isEmpty(); }

    /// Keeps each account's last session's protocol log (credentials redacted) for
    /// protocolLog(); from the next session on. Off by default: it costs a sync time.
    void setKeepProtocolLog(bool keep);
    /// The account's last session's protocol log, one "C: "/"S: " line each, as poplarctl
    /// sync --log writes it; empty without one. Cheap: it never waits for a running sync.
    [[nodiscard]] QByteArray protocolLog(const QString &accountId) const;
    /// Indexes for search, on the sync thread, what is stored but not indexed yet (after an
    /// import, or a sync that was stopped before it indexed).
    void indexPending();

Q_SIGNALS:
    void started(const QString &accountId);
    /// Messages and bytes done of this session's total (see AccountSync::progress).
    void progress(const QString &accountId, int done, int total, qint64 bytesDone,
                  qint64 bytesTotal);
    void messagesStored(const QString &accountId, const QList<qint64> &ids);
    void finished(const poplar::sync::SyncResult &result);
    void protocolLine(const QString &accountId, bool fromClient, const QByteArray &line);
    /// How test `testId` ended: `ok` with a summary in words, or the error.
    void connectionTested(quint64 testId, bool ok, const QString &summary,
                          const poplar::Error &error);
    /// Waiting out the server's LOGIN-DELAY before logging in: once a second.
    void waitingForLogin(const QString &accountId, int secondsLeft);
    /// Messages were indexed (after a sync, or indexPending): list rows read before then
    /// do not know yet which messages have attachments.
    void indexed(int count);

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    void start(const Account &account, qint64 completeId);
    void onPassword(const Account &account, qint64 completeId, Result<QString> password);

    PasswordProvider &m_passwords;
    std::unique_ptr<ProtocolLog> m_protocolLog; ///< written on the sync thread; outlives it
    QThread m_thread;
    SyncWorker *m_worker = nullptr; ///< lives on m_thread; deleted there when it finishes
    QSet<QString> m_busy;           ///< accounts fetching a password or syncing
    QSet<QString> m_fetchingPassword;
    /// Sessions the worker started while their password is fetched (see start()): the
    /// password, its failure and a cancel go to the worker, whose finished() ends them.
    QSet<QString> m_startedEarly;
    bool m_forwardingLog = false; ///< the worker's protocol log is connected to ours
    quint64 m_nextTestId = 0;
    QSet<quint64> m_cancelledTests; ///< answers to drop
};

} // namespace poplar::sync
