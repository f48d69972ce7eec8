// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Pop3Client.h"
#include "sync/SyncResult.h"
#include "util/Clock.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace poplar::store {
class Database;
}

namespace poplar::sync {

class AccountSync;
class CacheWriter;

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

public Q_SLOTS:
    void syncAccount(const poplar::Account &account, const QString &password);
    /// Downloads the whole of a headers-only message ("download the rest").
    void completeMessage(const poplar::Account &account, const QString &password, qint64 messageId);
    void cancel(const QString &accountId);

Q_SIGNALS:
    void progress(const QString &accountId, int done, int total);
    void messagesStored(const QString &accountId, const QList<qint64> &ids);
    void finished(const poplar::sync::SyncResult &result);
    void protocolLine(const QString &accountId, bool fromClient, const QByteArray &line);

private:
    void run(const Account &account, const QString &password, qint64 completeId);
    void indexSoon();
    void indexBatch();

    QString m_cachePath;
    pop3::Pop3Client::Options m_options;
    Clock m_clock;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<CacheWriter> m_writer; ///< commits downloads on its own thread
    QHash<QString, AccountSync *> m_running;
    bool m_indexing = false;
};

} // namespace poplar::sync
