// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Pop3Client.h"
#include "pop3/Pop3Listing.h"
#include "store/MessageStore.h"
#include "store/ServerPolicyStore.h"
#include "sync/SyncResult.h"
#include "util/Clock.h"

#include <QObject>

class QTimer;

namespace poplar::sync {

/// One sync of one account: log in, UIDL, LIST, RETR what is new, store, QUIT.
///
/// The order keeps the promise that nothing is lost: messages are committed to the cache
/// (with their UIDL) in batches, DELE is sent only for committed messages, and the
/// deletion is recorded only after QUIT's +OK. Lives on the sync thread; the batches are
/// written by `writer` on its own thread while the session goes on.
class CacheWriter;

class AccountSync : public QObject {
    Q_OBJECT

public:
    AccountSync(Account account, QString password, QSqlDatabase db, CacheWriter *writer,
                pop3::Pop3Client::Options options, Clock clock,
                pop3::TransportFactory transports = pop3::socketTransportFactory(),
                QObject *parent = nullptr);
    ~AccountSync() override;

    /// Instead of a sync, fetch the whole of one headers-only message (its "download the
    /// rest"); call before start().
    void setCompleteOnly(qint64 messageId) { m_completeId = messageId; }

    void start();
    /// Stops at once; what was fully received is committed first.
    void cancel();

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
    void waitForLogin();
    void connectAndLogIn();
    [[nodiscard]] Error withLoginDelayAdvice(Error error) const;
    struct Received {
        int number;
        store::IncomingMessage message;
    };

    void listUidls();
    void listSizes(QList<pop3::UidlEntry> uidls);
    void identifyWithoutUidl();
    void download(const QList<pop3::UidlEntry> &wanted, const QMap<int, qint64> &sizes);
    void onRetrieved(int number, const QByteArray &uidl, qint64 listedSize, bool headersOnly,
                     const pop3::Reply &r);
    void completeOne(const QHash<QString, int> &onServer, const QMap<int, qint64> &sizes);
    void commitBatch();
    void onCommitted(Result<QList<qint64>> ids);
    void deleteWhenAllCommitted();
    [[nodiscard]] bool adoptIfRenamed(const store::IncomingMessage &message);
    void deleteOnServer();
    [[nodiscard]] Status recordServerDeletions();
    void finish(std::optional<Error> error);

    Account m_account;
    QString m_password;
    QSqlDatabase m_db;
    store::MessageStore m_store;
    CacheWriter *m_writer;
    pop3::Pop3Client::Options m_options;
    Clock m_clock;
    pop3::TransportFactory m_transports;
    pop3::Pop3Client *m_client = nullptr; ///< null until the login delay has passed
    store::ServerPolicy m_policy;         ///< what the server told of its policy last time
    QTimer *m_waitTimer = nullptr;        ///< the countdown to m_loginAt
    QDateTime m_loginAt;
    QList<Received> m_batch;
    qint64 m_batchBytes = 0;
    QHash<QString, int> m_onServer;     ///< this session's UIDL listing: UIDL -> number
    QList<QString> m_settled;           ///< queued deletions the server had already done
    QList<QString> m_markedForDeletion; ///< DELE answered +OK; real only after QUIT +OK
    int m_total = 0;
    int m_done = 0;
    qint64 m_bytesTotal = 0;
    qint64 m_bytesDone = 0;
    QTimer *m_progressTimer = nullptr; ///< reports what was received since the last report
    int m_outstanding = 0;             ///< RETR/TOP sent and not yet answered
    int m_commitsPending = 0;          ///< batches handed to the writer and not yet committed
    SyncResult m_result;
    bool m_finished = false;
    qint64 m_completeId = 0;       ///< set: this session only completes that message
    bool m_mayHaveRenamed = false; ///< some stored UIDL is missing from the server's list
};

} // namespace poplar::sync
