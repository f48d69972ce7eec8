// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/DownloadRecords.h"

#include "store/Database.h"
#include "store/StoreSql.h"

#include <QCryptographicHash>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <memory>
#include <vector>

#include <sqlite3.h>

namespace poplar::store {

using sql::queryError;

namespace {

DownloadRecord recordFromRow(const QSqlQuery &q)
{
    // Columns: recordColumns
    DownloadRecord r;
    r.id = q.value(0).toLongLong();
    r.uidl = q.value(1).toString().toLatin1();
    r.state = downloadStateFromString(q.value(2).toString()).value_or(DownloadState::Gone);
    r.listedSize = q.value(3).toLongLong();
    r.receivedSize = q.value(4).toLongLong();
    r.headerKey = q.value(5).toByteArray();
    r.messageId = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
    r.firstSeen = q.value(7).toLongLong();
    r.mailboxId = q.value(8).toLongLong();
    return r;
}

const QString recordColumns = QStringLiteral("id, uidl, state, listed_size, received_size, "
                                             "header_key, message_id, first_seen, mailbox_id");

QVariant keyValue(const QByteArray &key)
{
    // Empty, not NULL: NULL is kept for "made before keys were kept".
    return key.isEmpty() ? QVariant(QByteArray("")) : QVariant(key);
}

} // namespace

QString downloadStateToString(DownloadState state)
{
    switch (state) {
    case DownloadState::HeadersOnly:
        return QStringLiteral("headers-only");
    case DownloadState::Incomplete:
        return QStringLiteral("incomplete");
    case DownloadState::Truncated:
        return QStringLiteral("truncated");
    case DownloadState::DeletedOnServer:
        return QStringLiteral("deleted");
    case DownloadState::Gone:
        return QStringLiteral("gone");
    case DownloadState::Stored:
        break;
    }
    return QStringLiteral("stored");
}

std::optional<DownloadState> downloadStateFromString(const QString &text)
{
    for (const DownloadState s :
         {DownloadState::Stored, DownloadState::HeadersOnly, DownloadState::Incomplete,
          DownloadState::Truncated, DownloadState::DeletedOnServer, DownloadState::Gone}) {
        if (downloadStateToString(s) == text)
            return s;
    }
    return std::nullopt;
}

DownloadRecords::DownloadRecords(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<qint64> DownloadRecords::mailbox(const QString &accountId, const MailboxAddress &address)
{
    const QString host = address.host.trimmed().toLower();
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral(
        "SELECT id FROM mailboxes WHERE account_id = ? AND host = ? AND port = ? AND user = ?"));
    find.addBindValue(accountId);
    find.addBindValue(host);
    find.addBindValue(int(address.port));
    find.addBindValue(address.user);
    if (!find.exec())
        return queryError(QStringLiteral("Cannot read the cache's mailboxes"), find);
    if (find.next())
        return find.value(0).toLongLong();
    find.finish();

    Transaction txn(m_db);
    QSqlQuery first(m_db);
    first.prepare(QStringLiteral("SELECT count(*) FROM mailboxes WHERE account_id = ?"));
    first.addBindValue(accountId);
    if (!first.exec() || !first.next())
        return queryError(QStringLiteral("Cannot read the cache's mailboxes"), first);
    const bool isFirst = first.value(0).toLongLong() == 0;
    first.finish();
    QSqlQuery insert(m_db);
    insert.prepare(
        QStringLiteral("INSERT INTO mailboxes (account_id, host, port, user) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(accountId);
    insert.addBindValue(host);
    insert.addBindValue(int(address.port));
    insert.addBindValue(address.user);
    if (!insert.exec())
        return queryError(QStringLiteral("Cannot record a mailbox"), insert);
    const qint64 id = insert.lastInsertId().toLongLong();
    if (isFirst) {
        // The records made before mailboxes were told apart were made reading this one.
        QSqlQuery claim(m_db);
        claim.prepare(QStringLiteral("UPDATE downloads SET mailbox_id = ? WHERE account_id = ? AND "
                                     "mailbox_id = 0"));
        claim.addBindValue(id);
        claim.addBindValue(accountId);
        if (!claim.exec())
            return queryError(QStringLiteral("Cannot record a mailbox"), claim);
    }
    if (Status s = txn.commit(); !s)
        return s.error();
    return id;
}

Result<QHash<QByteArray, DownloadRecord>> DownloadRecords::named(const QString &accountId,
                                                                 qint64 mailboxId)
{
    return namedRead(accountId, mailboxId, true);
}

Result<QHash<QByteArray, DownloadRecord>> DownloadRecords::namedRead(const QString &accountId,
                                                                     qint64 mailboxId, bool mayFill)
{
    // SQLite's own interface: through QtSql each of the 900,000 values of a 100,000-message
    // mailbox would be a QVariant, and this read took ten times as long.
    const QVariant handle = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return storageError(QStringLiteral("The cache connection is not an SQLite one"), {});
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.data());
    sqlite3_stmt *raw = nullptr;
    const QByteArray sql = QStringLiteral("SELECT %1 FROM downloads WHERE account_id = ? AND "
                                          "mailbox_id = ? AND uidl IS NOT NULL")
                               .arg(recordColumns)
                               .toUtf8();
    if (sqlite3_prepare_v2(connection, sql.constData(), int(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        return storageError(QStringLiteral("Cannot read what was downloaded"),
                            QString::fromUtf8(sqlite3_errmsg(connection)));
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw,
                                                                               sqlite3_finalize);
    const QByteArray account = accountId.toUtf8();
    sqlite3_bind_text(raw, 1, account.constData(), int(account.size()), SQLITE_STATIC);
    sqlite3_bind_int64(raw, 2, mailboxId);
    std::vector<DownloadRecord> rows;
    bool keysMissing = false;
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        DownloadRecord r;
        r.id = sqlite3_column_int64(raw, 0);
        r.uidl = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(raw, 1)),
                            sqlite3_column_bytes(raw, 1));
        const QByteArrayView state(reinterpret_cast<const char *>(sqlite3_column_text(raw, 2)),
                                   sqlite3_column_bytes(raw, 2));
        r.state = state == "stored"
                      ? DownloadState::Stored
                      : downloadStateFromString(QString::fromLatin1(state.toByteArray()))
                            .value_or(DownloadState::Gone);
        r.listedSize = sqlite3_column_int64(raw, 3);
        r.receivedSize = sqlite3_column_int64(raw, 4);
        const bool noKey = sqlite3_column_type(raw, 5) == SQLITE_NULL;
        if (!noKey)
            r.headerKey = QByteArray(static_cast<const char *>(sqlite3_column_blob(raw, 5)),
                                     sqlite3_column_bytes(raw, 5));
        r.messageId = sqlite3_column_int64(raw, 6);
        r.firstSeen = sqlite3_column_int64(raw, 7);
        r.mailboxId = sqlite3_column_int64(raw, 8);
        keysMissing = keysMissing || (noKey && r.messageId != 0);
        rows.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE)
        return storageError(QStringLiteral("Cannot read what was downloaded"),
                            QString::fromUtf8(sqlite3_errmsg(connection)));
    if (keysMissing && mayFill) {
        // Records from before keys were kept: once, then never again. The fill keys every
        // record it finds (an empty key for a purged message), so the read after it finds
        // none missing; were one still missing, it is read as it is rather than looped on.
        if (Status s = fillMissingKeys(accountId, mailboxId); !s)
            return s.error();
        return namedRead(accountId, mailboxId, false);
    }
    QHash<QByteArray, DownloadRecord> records;
    records.reserve(qsizetype(rows.size()));
    for (DownloadRecord &r : rows) {
        const QByteArray key = r.uidl;
        records.insert(key, std::move(r));
    }
    return records;
}

Result<std::optional<DownloadRecord>> DownloadRecords::ofMessage(qint64 messageId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM downloads WHERE message_id = ? ORDER BY id DESC "
                             "LIMIT 1")
                  .arg(recordColumns));
    q.addBindValue(messageId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read what was downloaded"), q);
    if (!q.next())
        return std::optional<DownloadRecord>{};
    return std::optional<DownloadRecord>{recordFromRow(q)};
}

Result<bool> DownloadRecords::namesAny(const QString &accountId, qint64 mailboxId,
                                       const QList<QByteArray> &uidls) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM downloads WHERE account_id = ? AND "
                             "mailbox_id = ? AND uidl = ?)"));
    for (const QByteArray &uidl : uidls) {
        q.addBindValue(accountId);
        q.addBindValue(mailboxId);
        q.addBindValue(QString::fromLatin1(uidl));
        if (!q.exec() || !q.next())
            return queryError(QStringLiteral("Cannot read what was downloaded"), q);
        if (q.value(0).toBool())
            return true;
    }
    return false;
}

Result<std::optional<qint64>>
DownloadRecords::sameMaildropOnAnotherPort(const QString &accountId,
                                           const MailboxAddress &address) const
{
    QSqlQuery q(m_db);
    // The address itself first (then there is nothing to find), else the latest of the others.
    q.prepare(QStringLiteral("SELECT id, port FROM mailboxes WHERE account_id = ? AND host = ? "
                             "AND user = ? ORDER BY port = ? DESC, id DESC LIMIT 1"));
    q.addBindValue(accountId);
    q.addBindValue(address.host.trimmed().toLower());
    q.addBindValue(address.user);
    q.addBindValue(int(address.port));
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read the cache's mailboxes"), q);
    if (!q.next() || q.value(1).toInt() == int(address.port))
        return std::optional<qint64>{};
    return std::optional<qint64>{q.value(0).toLongLong()};
}

Status DownloadRecords::moveMailbox(qint64 mailboxId, const MailboxAddress &address)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE mailboxes SET host = ?, port = ?, user = ? WHERE id = ?"));
    q.addBindValue(address.host.trimmed().toLower());
    q.addBindValue(int(address.port));
    q.addBindValue(address.user);
    q.addBindValue(mailboxId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot record a mailbox"), q);
    return {};
}

Result<bool> DownloadRecords::hasOtherMailboxes(const QString &accountId, qint64 mailboxId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM mailboxes WHERE account_id = ? AND "
                             "id != ?)"));
    q.addBindValue(accountId);
    q.addBindValue(mailboxId);
    if (!q.exec() || !q.next())
        return queryError(QStringLiteral("Cannot read the cache's mailboxes"), q);
    return q.value(0).toBool();
}

Status DownloadRecords::link(const QString &accountId, qint64 mailboxId, const QByteArray &uidl,
                             const DownloadRecord &facts)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO downloads (account_id, mailbox_id, uidl, state, listed_size, received_size, "
        "header_key, message_id, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (account_id, mailbox_id, uidl) DO UPDATE SET state = excluded.state, "
        "listed_size = excluded.listed_size, received_size = excluded.received_size, "
        "header_key = excluded.header_key, message_id = excluded.message_id"));
    q.addBindValue(accountId);
    q.addBindValue(mailboxId);
    q.addBindValue(QString::fromLatin1(uidl));
    q.addBindValue(downloadStateToString(facts.state));
    q.addBindValue(facts.listedSize);
    q.addBindValue(facts.receivedSize);
    q.addBindValue(keyValue(facts.headerKey));
    q.addBindValue(facts.messageId);
    q.addBindValue(facts.firstSeen > 0 ? facts.firstSeen : QDateTime::currentSecsSinceEpoch());
    if (!q.exec())
        return queryError(QStringLiteral("Cannot record a downloaded message"), q);
    return {};
}

Status DownloadRecords::fillMissingKeys(const QString &accountId, qint64 mailboxId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT d.id, m.message_id, m.date, m.from_address FROM downloads d "
                             "LEFT JOIN messages m ON m.id = d.message_id "
                             "WHERE d.account_id = ? AND d.mailbox_id = ? AND d.header_key IS NULL "
                             "AND d.message_id != 0"));
    q.addBindValue(accountId);
    q.addBindValue(mailboxId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read what was downloaded"), q);
    QList<std::pair<qint64, QByteArray>> keys;
    while (q.next()) {
        // A record whose message was purged has nothing to key: the empty key says so too,
        // so the next read does not look again.
        HeaderSummary h;
        h.messageId = q.value(1).toString();
        if (!q.value(2).isNull())
            h.date = QDateTime::fromSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        h.fromAddress = q.value(3).toString();
        // A message without a Message-ID has no key: an empty one says it was looked for.
        keys.append({q.value(0).toLongLong(), headerKey(h)});
    }
    q.finish();
    if (keys.isEmpty())
        return {};
    Transaction txn(m_db);
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE downloads SET header_key = ? WHERE id = ?"));
    for (const auto &[id, key] : keys) {
        update.addBindValue(key.isEmpty() ? QByteArray("") : key);
        update.addBindValue(id);
        if (!update.exec())
            return queryError(QStringLiteral("Cannot update what was downloaded"), update);
    }
    return txn.commit();
}

Status DownloadRecords::rename(const QList<Rename> &renames)
{
    if (renames.isEmpty())
        return {};
    // Two passes: a new name may be another renamed record's old one.
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("UPDATE downloads SET uidl = NULL WHERE id = ?"));
    for (const Rename &r : renames) {
        clear.addBindValue(r.recordId);
        if (!clear.exec())
            return queryError(QStringLiteral("Cannot record a renamed server message"), clear);
    }
    QSqlQuery name(m_db);
    name.prepare(QStringLiteral(
        "UPDATE downloads SET uidl = ?, listed_size = CASE WHEN ? >= 0 THEN ? ELSE listed_size "
        "END, state = CASE state WHEN 'gone' THEN 'stored' WHEN 'deleted' THEN 'stored' "
        "ELSE state END WHERE id = ?"));
    QSqlQuery message(m_db);
    message.prepare(QStringLiteral(
        "UPDATE messages SET uidl = ? WHERE id = (SELECT message_id FROM downloads WHERE id = ?)"));
    QSqlQuery queued(m_db);
    queued.prepare(QStringLiteral("UPDATE server_deletions SET uidl = ? WHERE download_id = ?"));
    for (const Rename &r : renames) {
        const QString uidl = QString::fromLatin1(r.uidl);
        name.addBindValue(uidl);
        name.addBindValue(r.listedSize);
        name.addBindValue(r.listedSize);
        name.addBindValue(r.recordId);
        message.addBindValue(uidl);
        message.addBindValue(r.recordId);
        queued.addBindValue(uidl);
        queued.addBindValue(r.recordId);
        for (QSqlQuery *q : {&name, &message, &queued}) {
            if (!q->exec())
                return queryError(QStringLiteral("Cannot record a renamed server message"), *q);
        }
    }
    return {};
}

Status DownloadRecords::retire(const QList<qint64> &recordIds)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE downloads SET uidl = NULL, state = 'gone' WHERE id = ?"));
    QSqlQuery queued(m_db);
    queued.prepare(QStringLiteral("DELETE FROM server_deletions WHERE download_id = ?"));
    for (const qint64 id : recordIds) {
        q.addBindValue(id);
        queued.addBindValue(id);
        for (QSqlQuery *query : {&q, &queued}) {
            if (!query->exec())
                return queryError(QStringLiteral("Cannot update what was downloaded"), *query);
        }
    }
    return {};
}

Status DownloadRecords::setState(const QList<qint64> &recordIds, DownloadState state)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE downloads SET state = ? WHERE id = ?"));
    for (const qint64 id : recordIds) {
        q.addBindValue(downloadStateToString(state));
        q.addBindValue(id);
        if (!q.exec())
            return queryError(QStringLiteral("Cannot update what was downloaded"), q);
    }
    return {};
}

Status DownloadRecords::setState(const QString &accountId, qint64 mailboxId,
                                 const QList<QByteArray> &uidls, DownloadState state)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE downloads SET state = ? WHERE account_id = ? AND mailbox_id = ? AND uidl = ?"));
    for (const QByteArray &uidl : uidls) {
        q.addBindValue(downloadStateToString(state));
        q.addBindValue(accountId);
        q.addBindValue(mailboxId);
        q.addBindValue(QString::fromLatin1(uidl));
        if (!q.exec())
            return queryError(QStringLiteral("Cannot update what was downloaded"), q);
    }
    return {};
}

Status DownloadRecords::setListedSize(qint64 recordId, qint64 listedSize)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE downloads SET listed_size = ? WHERE id = ?"));
    q.addBindValue(listedSize);
    q.addBindValue(recordId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot update what was downloaded"), q);
    return {};
}

Status DownloadRecords::received(qint64 recordId, DownloadState state, qint64 listedSize,
                                 qint64 receivedSize, const QByteArray &headerKey)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE downloads SET state = ?, listed_size = ?, received_size = ?, "
                             "header_key = COALESCE(?, header_key) WHERE id = ?"));
    q.addBindValue(downloadStateToString(state));
    q.addBindValue(listedSize);
    q.addBindValue(receivedSize);
    q.addBindValue(keyValue(headerKey));
    q.addBindValue(recordId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot update what was downloaded"), q);
    return {};
}

QByteArray DownloadRecords::headerKey(const HeaderSummary &headers)
{
    const QString messageId = headers.messageId.trimmed();
    if (messageId.isEmpty())
        return {};
    QByteArray material = messageId.toUtf8();
    material += '\n';
    if (headers.date.isValid())
        material += QByteArray::number(headers.date.toSecsSinceEpoch());
    material += '\n';
    material += headers.fromAddress.trimmed().toLower().toUtf8();
    // 16 bytes tell a mailbox's messages apart as well as 32 and keep the records small.
    return QCryptographicHash::hash(material, QCryptographicHash::Sha256).left(16);
}

} // namespace poplar::store
