// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "util/Error.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace poplar::store {

/// Where a message going out stands.
enum class OutgoingState {
    Queued,  ///< waits for its (next) attempt
    Sending, ///< an attempt is under way (found after a crash: it was interrupted)
    Failed,  ///< the server refused it for good (5xx); kept with the server's words
    Sent,    ///< the server accepted it; it is in Sent
};

[[nodiscard]] QString outgoingStateToString(OutgoingState state);

/// One message going out: its envelope and delivery state (the bytes are its message row's).
struct OutgoingRecord {
    qint64 messageId = 0;
    QString accountId;
    QByteArray envelopeFrom;
    QByteArrayList recipients; ///< To, Cc and Bcc: Bcc is in no header
    OutgoingState state = OutgoingState::Queued;
    int attempts = 0;
    QDateTime nextAttempt; ///< UTC; when the next automatic attempt is due
    QString lastError;     ///< our words for why the last attempt did not deliver it
    QString serverText;    ///< the server's words, untrusted
    /// An attempt's final "." went out and no answer came: the server may have the message,
    /// so it may arrive twice. The user is told.
    bool maybeSent = false;
    QDateTime queuedAt;
    QDateTime sentAt; ///< invalid until sent
    QString subject;
};

/// The Outbox, Sent and Drafts in the cache, crash-safe: a message is committed to the
/// Outbox (bytes, envelope) before its first byte is sent, and moves to Sent, bytes
/// untouched, only once the server has accepted it. Every change is one transaction.
/// One thread's connection; the sending worker writes, any connection may read.
class OutboxStore {
public:
    explicit OutboxStore(QSqlDatabase db);

    /// Puts a message in the Outbox: `raw` are the exact bytes to send (CRLF line ends),
    /// `headers` what the list shows of it. Draft `replacingDraft` (0: none), the message as
    /// it was being written, leaves Drafts in the same transaction.
    [[nodiscard]] Result<qint64> enqueue(const QString &accountId, const QByteArray &raw,
                                         const HeaderSummary &headers,
                                         const QByteArray &envelopeFrom,
                                         const QByteArrayList &recipients, const QDateTime &now,
                                         qint64 replacingDraft = 0);
    [[nodiscard]] Result<std::optional<OutgoingRecord>> record(qint64 messageId) const;
    /// What is in the Outbox (queued, being sent, failed), oldest first; with `includeSent`
    /// the sent messages too.
    [[nodiscard]] Result<QList<OutgoingRecord>> records(bool includeSent = false) const;
    /// Queued messages of an account whose attempt is due at `now` (any time with
    /// `ignoreBackoff`: the user asked to send now), oldest first.
    [[nodiscard]] Result<QList<OutgoingRecord>> due(const QString &accountId, const QDateTime &now,
                                                    bool ignoreBackoff) const;
    /// The accounts with a message due (as due()).
    [[nodiscard]] Result<QStringList> accountsDue(const QDateTime &now, bool ignoreBackoff) const;
    /// The earliest automatic attempt of any queued message; invalid when none waits.
    [[nodiscard]] Result<QDateTime> nextAttempt() const;

    /// After a crash: attempts left "sending" are queued again (due at once); those whose
    /// final "." may have gone out are marked maybeSent.
    [[nodiscard]] Status recoverInterrupted();
    /// An attempt starts.
    [[nodiscard]] Status markSending(qint64 messageId);
    /// The final "." is about to go out: from now on the server may have it.
    [[nodiscard]] Status markFinalDot(qint64 messageId);
    /// The server accepted it: to Sent, bytes untouched.
    [[nodiscard]] Status markSent(qint64 messageId, const QDateTime &now);
    /// It did not go this time; the next attempt is due at `next`. `maybeSent`: the final
    /// "." went out unanswered.
    [[nodiscard]] Status markRetry(qint64 messageId, const QDateTime &next, const Error &why,
                                   bool maybeSent);
    /// Notes why a queued message that was not tried still waits (the line is down).
    [[nodiscard]] Status noteWaiting(qint64 messageId, const QDateTime &next, const Error &why);
    /// The server refused it for good.
    [[nodiscard]] Status markFailed(qint64 messageId, const Error &why);
    /// A failed (or waiting) message is to be tried again at the next chance; NotFound for
    /// one that is being sent or was sent.
    [[nodiscard]] Status retry(qint64 messageId);
    /// Removes a message from the Outbox (and the cache) before it was sent.
    [[nodiscard]] Status discard(qint64 messageId);

    /// Saves a draft (its bytes, Bcc included) in Drafts, replacing draft `replacing` (0:
    /// none) in the same transaction, so an autosave never leaves two copies or none.
    [[nodiscard]] Result<qint64> saveDraft(const QString &accountId, const QByteArray &raw,
                                           const HeaderSummary &headers, qint64 replacing,
                                           const QDateTime &now);
    [[nodiscard]] Status deleteDraft(qint64 messageId);

private:
    /// An error unless the message waits in the Outbox or was refused (not being sent, not
    /// sent): what Retry and Discard may act on.
    [[nodiscard]] Status expectWaiting(qint64 messageId) const;
    [[nodiscard]] Result<qint64> insertMessage(const QString &accountId, Folder folder,
                                               const QByteArray &raw, const HeaderSummary &headers,
                                               const QDateTime &now);
    [[nodiscard]] Result<QList<OutgoingRecord>> select(const QString &where,
                                                       const QVariantList &values) const;
    [[nodiscard]] Status update(qint64 messageId, const QString &set, const QVariantList &values);

    QSqlDatabase m_db;
};

/// Where a message restored from Trash goes back to: mail from a server (or imported) to
/// the Inbox; what the user wrote (no UIDL, an account's own) to Sent, the Outbox (where it
/// waits to be sent again) or Drafts, as its outgoing record says.
[[nodiscard]] Result<Folder> restoredFolder(const QSqlDatabase &db, qint64 messageId,
                                            const QString &uidl, const QString &accountId);

/// How long to wait before attempt `attempts + 1` after a temporary failure: 1, 5, 15, 30
/// minutes, then every hour.
[[nodiscard]] int retryDelaySeconds(int attempts);

} // namespace poplar::store
