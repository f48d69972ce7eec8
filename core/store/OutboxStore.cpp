// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/OutboxStore.h"

#include <QCoreApplication>

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SortKeys.h"
#include "store/StoreSql.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include <array>

namespace poplar::store {

using sql::notNull;
using sql::queryError;

namespace {

constexpr std::array stateNames{
    std::pair{OutgoingState::Queued, "queued"},
    std::pair{OutgoingState::Sending, "sending"},
    std::pair{OutgoingState::Failed, "failed"},
    std::pair{OutgoingState::Sent, "sent"},
};

OutgoingState stateFrom(const QString &text)
{
    for (const auto &[state, name] : stateNames) {
        if (text == QLatin1String(name))
            return state;
    }
    return OutgoingState::Queued;
}

QDateTime fromSecs(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const QString recordColumns = QStringLiteral(
    "o.message_id, o.account_id, o.envelope_from, o.recipients, o.state, o.attempts, "
    "o.next_attempt, o.last_error, o.server_text, o.maybe_sent, o.queued_at, o.sent_at, "
    "m.subject FROM outgoing o JOIN messages m ON m.id = o.message_id");

} // namespace

QString outgoingStateToString(OutgoingState state)
{
    for (const auto &[s, name] : stateNames) {
        if (s == state)
            return QString::fromLatin1(name);
    }
    return {};
}

int retryDelaySeconds(int attempts)
{
    static constexpr int minutes[] = {1, 5, 15, 30};
    const int i = std::max(0, attempts - 1);
    return (i < int(std::size(minutes)) ? minutes[i] : 60) * 60;
}

OutboxStore::OutboxStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<qint64> OutboxStore::insertMessage(const QString &accountId, Folder folder,
                                          const QByteArray &raw, const HeaderSummary &h,
                                          const QDateTime &now)
{
    QSqlQuery q(m_db);
    // What the user wrote is read: seen = 1. No UIDL: it came from no server.
    // The sort keys in the cache's language, as MessageStore writes them (sortkeys::keyOf).
    q.prepare(QStringLiteral(
                  "INSERT INTO messages (account_id, uidl, folder, from_name, from_address, "
                  "to_text, subject, date, size, seen, partial, received_at, cc_text, message_id, "
                  "in_reply_to, refs, sha256, local_folder, sender_key, subject_key) "
                  "VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, ?, ?, '', %1, %2)")
                  .arg(sortkeys::keyOf(QStringLiteral("?")), sortkeys::keyOf(QStringLiteral("?"))));
    q.addBindValue(accountId);
    q.addBindValue(folderToString(folder));
    q.addBindValue(notNull(h.fromName));
    q.addBindValue(notNull(h.fromAddress));
    q.addBindValue(notNull(h.toText));
    q.addBindValue(notNull(h.subject));
    q.addBindValue(h.date.isValid() ? QVariant(h.date.toSecsSinceEpoch())
                                    : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(qint64(raw.size()));
    q.addBindValue(now.toSecsSinceEpoch());
    q.addBindValue(notNull(h.ccText));
    q.addBindValue(notNull(h.messageId));
    q.addBindValue(notNull(h.inReplyTo));
    q.addBindValue(notNull(h.references));
    q.addBindValue(
        QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()));
    // What the list shows as the sender (and sorts by): the name, else the address.
    q.addBindValue(notNull(h.fromName.isEmpty() ? h.fromAddress : h.fromName));
    q.addBindValue(notNull(h.subject));
    if (!q.exec())
        return queryError(QStringLiteral("Cannot store a message"), q);
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery body(m_db);
    body.prepare(QStringLiteral("INSERT INTO message_bodies (message_id, raw) VALUES (?, ?)"));
    body.addBindValue(id);
    body.addBindValue(raw);
    if (!body.exec())
        return queryError(QStringLiteral("Cannot store a message body"), body);
    return id;
}

Result<qint64> OutboxStore::enqueue(const QString &accountId, const QByteArray &raw,
                                    const HeaderSummary &headers, const QByteArray &envelopeFrom,
                                    const QByteArrayList &recipients, const QDateTime &now,
                                    qint64 replacingDraft)
{
    Transaction txn(m_db);
    auto id = insertMessage(accountId, Folder::Outbox, raw, headers, now);
    if (!id)
        return id.error();
    // The draft it was written as leaves Drafts in the same step: never both, never neither.
    if (replacingDraft > 0) {
        if (Status s = deleteDraft(replacingDraft); !s && s.error().code != Error::Code::NotFound)
            return s.error();
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO outgoing (message_id, account_id, envelope_from, "
                             "recipients, state, next_attempt, queued_at) "
                             "VALUES (?, ?, ?, ?, 'queued', 0, ?)"));
    q.addBindValue(id.value());
    q.addBindValue(accountId);
    q.addBindValue(QString::fromUtf8(envelopeFrom));
    q.addBindValue(QString::fromUtf8(recipients.join('\n')));
    q.addBindValue(now.toSecsSinceEpoch());
    if (!q.exec())
        return queryError(QStringLiteral("Cannot put a message in the Outbox"), q);
    if (Status s = txn.commit(); !s)
        return s.error();
    return id.value();
}

Result<QList<OutgoingRecord>> OutboxStore::select(const QString &where,
                                                  const QVariantList &values) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 WHERE %2 ORDER BY o.queued_at, o.message_id")
                  .arg(recordColumns, where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read the Outbox"), q);
    QList<OutgoingRecord> out;
    while (q.next()) {
        OutgoingRecord r;
        r.messageId = q.value(0).toLongLong();
        r.accountId = q.value(1).toString();
        r.envelopeFrom = q.value(2).toString().toUtf8();
        r.recipients = q.value(3).toString().toUtf8().split('\n');
        r.recipients.removeAll(QByteArray());
        r.state = stateFrom(q.value(4).toString());
        r.attempts = q.value(5).toInt();
        r.nextAttempt = fromSecs(q.value(6));
        r.lastError = q.value(7).toString();
        r.serverText = q.value(8).toString();
        r.maybeSent = q.value(9).toBool();
        r.queuedAt = fromSecs(q.value(10));
        r.sentAt = fromSecs(q.value(11));
        r.subject = q.value(12).toString();
        out.append(r);
    }
    return out;
}

Result<std::optional<OutgoingRecord>> OutboxStore::record(qint64 messageId) const
{
    auto rows = select(QStringLiteral("o.message_id = ?"), {messageId});
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<OutgoingRecord>();
    return std::optional<OutgoingRecord>(rows.value().first());
}

Result<QList<OutgoingRecord>> OutboxStore::records(bool includeSent) const
{
    // A message the user moved out of the Outbox (deleted) no longer waits.
    return select(includeSent ? QStringLiteral("1")
                              : QStringLiteral("o.state <> 'sent' AND m.folder = 'outbox'"),
                  {});
}

Result<QList<OutgoingRecord>> OutboxStore::due(const QString &accountId, const QDateTime &now,
                                               bool ignoreBackoff) const
{
    return select(QStringLiteral("o.account_id = ? AND o.state = 'queued' AND (? OR "
                                 "o.next_attempt <= ?) AND m.folder = 'outbox'"),
                  {accountId, ignoreBackoff, now.toSecsSinceEpoch()});
}

Result<QStringList> OutboxStore::accountsDue(const QDateTime &now, bool ignoreBackoff) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT o.account_id FROM outgoing o JOIN messages m ON "
                             "m.id = o.message_id WHERE o.state = 'queued' AND m.folder = "
                             "'outbox' AND (? OR o.next_attempt <= ?) ORDER BY o.account_id"));
    q.addBindValue(ignoreBackoff);
    q.addBindValue(now.toSecsSinceEpoch());
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read the Outbox"), q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<QDateTime> OutboxStore::nextAttempt() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT min(o.next_attempt) FROM outgoing o JOIN messages m ON "
                               "m.id = o.message_id WHERE o.state = 'queued' AND "
                               "m.folder = 'outbox'")) ||
        !q.next())
        return queryError(QStringLiteral("Cannot read the Outbox"), q);
    return fromSecs(q.value(0));
}

Status OutboxStore::update(qint64 messageId, const QString &set, const QVariantList &values)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outgoing SET %1 WHERE message_id = ?").arg(set));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(messageId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot update the Outbox"), q);
    if (q.numRowsAffected() == 0)
        return Error{Error::Code::NotFound,
                     QStringLiteral("There is no message %1 in the Outbox").arg(messageId),
                     {}};
    return {};
}

Status OutboxStore::recoverInterrupted()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "UPDATE outgoing SET state = 'queued', next_attempt = 0, "
            "maybe_sent = maybe_sent OR final_dot, final_dot = 0 WHERE state = 'sending'")))
        return queryError(QStringLiteral("Cannot update the Outbox"), q);
    return {};
}

Status OutboxStore::markSending(qint64 messageId)
{
    return update(messageId,
                  QStringLiteral("state = 'sending', attempts = attempts + 1, final_dot = 0"), {});
}

Status OutboxStore::markFinalDot(qint64 messageId)
{
    return update(messageId, QStringLiteral("final_dot = 1"), {});
}

Status OutboxStore::markSent(qint64 messageId, const QDateTime &now)
{
    Transaction txn(m_db);
    if (Status s = update(messageId,
                          QStringLiteral("state = 'sent', final_dot = 0, sent_at = ?, "
                                         "last_error = '', server_text = ''"),
                          {now.toSecsSinceEpoch()});
        !s)
        return s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET folder = 'sent' WHERE id = ?"));
    q.addBindValue(messageId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot move a message to Sent"), q);
    return txn.commit();
}

Status OutboxStore::markRetry(qint64 messageId, const QDateTime &next, const Error &why,
                              bool maybeSent)
{
    return update(
        messageId,
        QStringLiteral("state = 'queued', final_dot = 0, next_attempt = ?, "
                       "last_error = ?, server_text = ?, maybe_sent = maybe_sent OR ?"),
        {next.toSecsSinceEpoch(), notNull(why.detail), notNull(why.serverText), maybeSent});
}

Status OutboxStore::noteWaiting(qint64 messageId, const QDateTime &next, const Error &why)
{
    return update(messageId,
                  QStringLiteral("next_attempt = max(next_attempt, ?), last_error = ?, "
                                 "server_text = ?"),
                  {next.toSecsSinceEpoch(), notNull(why.detail), notNull(why.serverText)});
}

Status OutboxStore::markFailed(qint64 messageId, const Error &why)
{
    return update(
        messageId,
        QStringLiteral("state = 'failed', final_dot = 0, last_error = ?, server_text = ?"),
        {notNull(why.detail), notNull(why.serverText)});
}

Status OutboxStore::expectWaiting(qint64 messageId) const
{
    auto r = record(messageId);
    if (!r)
        return r.error();
    if (!r.value() || r.value()->state == OutgoingState::Sent ||
        r.value()->state == OutgoingState::Sending)
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("poplar::store::OutboxStore",
                                                 "Message %1 is not waiting in the Outbox")
                         .arg(messageId),
                     {}};
    return {};
}

Status OutboxStore::retry(qint64 messageId)
{
    // Only what waits or was refused: a message being sent, or sent, never goes again.
    if (Status s = expectWaiting(messageId); !s)
        return s;
    return update(messageId, QStringLiteral("state = 'queued', next_attempt = 0"), {});
}

Status OutboxStore::discard(qint64 messageId)
{
    if (Status s = expectWaiting(messageId); !s)
        return s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE id = ? AND folder = 'outbox'"));
    q.addBindValue(messageId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot remove a message from the Outbox"), q);
    return {};
}

Result<Folder> restoredFolder(const QSqlDatabase &db, qint64 messageId, const QString &uidl,
                              const QString &accountId)
{
    if (!uidl.isEmpty() || accountId == MessageStore::localAccountId())
        return Folder::Inbox;
    auto outgoing = OutboxStore(db).record(messageId);
    if (!outgoing)
        return outgoing.error();
    if (!outgoing.value())
        return Folder::Drafts;
    return outgoing.value()->state == OutgoingState::Sent ? Folder::Sent : Folder::Outbox;
}

Result<qint64> OutboxStore::saveDraft(const QString &accountId, const QByteArray &raw,
                                      const HeaderSummary &headers, qint64 replacing,
                                      const QDateTime &now)
{
    Transaction txn(m_db);
    // The new copy first: deleting the newest row first would let SQLite hand its id to the
    // new one, and a window still showing the old draft would then reach the new one.
    auto id = insertMessage(accountId, Folder::Drafts, raw, headers, now);
    if (!id)
        return id.error();
    if (replacing > 0) {
        if (Status s = deleteDraft(replacing); !s && s.error().code != Error::Code::NotFound)
            return s.error();
    }
    if (Status s = txn.commit(); !s)
        return s.error();
    return id.value();
}

Status OutboxStore::deleteDraft(qint64 messageId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE id = ? AND folder = 'drafts'"));
    q.addBindValue(messageId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot delete a draft"), q);
    if (q.numRowsAffected() == 0)
        return Error{
            Error::Code::NotFound, QStringLiteral("There is no draft %1").arg(messageId), {}};
    return {};
}

} // namespace poplar::store
