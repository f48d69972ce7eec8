// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageStore.h"

#include "store/SqliteHandle.h"

#include "store/DeletionQueue.h"
#include "store/TagStore.h"

#include "store/Database.h"
#include "store/DownloadRecords.h"
#include "store/SortKeys.h"
#include "store/StoreSql.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>

#include <openssl/evp.h>

namespace poplar::store {

using namespace sql;

namespace {

// OpenSSL's SHA-256 first: Qt 6.4 hashes with portable C at ~175 MB/s, OpenSSL at ~1.6 GB/s
// (SHA-NI), and every stored message is hashed on the sync thread. Qt's is the fallback.
QString sha256Of(const QByteArray &raw)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const auto *md = EVP_sha256();
    if (EVP_Digest(raw.constData(), size_t(raw.size()), digest, &length, md, nullptr) != 1)
        return QString::fromLatin1(
            QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
    const auto *bytes = reinterpret_cast<const char *>(digest);
    return QString::fromLatin1(QByteArray::fromRawData(bytes, qsizetype(length)).toHex());
}

/// Copies are looked up through the index on the first digits of the checksum (v18, see
/// Database.cpp): the condition must name the indexed expression as the index does.
const QString copyCondition =
    QStringLiteral("account_id = ? AND substr(sha256, 1, 12) = ? AND sha256 = ?");

/// Binds what copyCondition asks for, in its order.
void bindCopyOf(QSqlQuery &q, const QString &accountId, const QByteArray &raw)
{
    const QString sha256 = sha256Of(raw);
    q.addBindValue(accountId);
    q.addBindValue(sha256.left(12));
    q.addBindValue(sha256);
}

} // namespace

QString folderToString(Folder folder)
{
    switch (folder) {
    case Folder::Inbox:
        break;
    case Folder::Trash:
        return QStringLiteral("trash");
    case Folder::Sent:
        return QStringLiteral("sent");
    case Folder::Drafts:
        return QStringLiteral("drafts");
    case Folder::Outbox:
        return QStringLiteral("outbox");
    }
    return QStringLiteral("inbox");
}

std::optional<Folder> folderFromString(const QString &text)
{
    for (const Folder f :
         {Folder::Inbox, Folder::Trash, Folder::Sent, Folder::Drafts, Folder::Outbox}) {
        if (text == folderToString(f))
            return f;
    }
    return std::nullopt;
}

MessageStore::MessageStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

MessageStore::Inserter::Inserter(const QSqlDatabase &db)
    : m_db(db)
    , m_handle(sqliteHandle(db))
{
    // The sort keys in the cache's language, read by the INSERT itself (sortkeys::keyOf).
    m_message = std::make_unique<Statement>(
        m_handle,
        QStringLiteral(
            "INSERT INTO messages (account_id, uidl, folder, from_name, from_address, to_text, "
            "subject, date, size, partial, received_at, cc_text, message_id, in_reply_to, refs, "
            "sha256, local_folder, seen, flagged, filed_by, filed_by_line, junk, junk_reason, "
            "sender_key, subject_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %1, %2)")
            .arg(sortkeys::keyOf(QStringLiteral("?")), sortkeys::keyOf(QStringLiteral("?"))));
    m_body = std::make_unique<Statement>(
        m_handle, QStringLiteral("INSERT INTO message_bodies (message_id, raw) VALUES (?, ?)"));
    m_uidl = std::make_unique<Statement>(
        m_handle,
        QStringLiteral(
            "INSERT INTO downloads (account_id, mailbox_id, uidl, state, listed_size, "
            "received_size, header_key, message_id, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?) ON CONFLICT (account_id, mailbox_id, uidl) DO UPDATE SET state = "
            "excluded.state, listed_size = excluded.listed_size, received_size = "
            "excluded.received_size, header_key = excluded.header_key, message_id = "
            "excluded.message_id"));
}

MessageStore::Inserter::~Inserter() = default;
MessageStore::Inserter::Inserter(Inserter &&) noexcept = default;
MessageStore::Inserter &MessageStore::Inserter::operator=(Inserter &&) noexcept = default;

Result<qint64> MessageStore::Inserter::insert(const IncomingMessage &m)
{
    if (!m_message->prepared() || !m_body->prepared() || !m_uidl->prepared())
        return storageError(QStringLiteral("Cannot store a message"), m_message->error());
    const qint64 now = m.receivedAt.isValid() ? m.receivedAt.toSecsSinceEpoch()
                                              : QDateTime::currentSecsSinceEpoch();
    Statement &q = *m_message;
    int i = 0;
    q.bind(++i, m.accountId);
    q.bind(++i, m.uidl);
    q.bind(++i, folderToString(m.folder));
    q.bind(++i, notNull(m.headers.fromName));
    q.bind(++i, notNull(m.headers.fromAddress));
    q.bind(++i, notNull(m.headers.toText));
    q.bind(++i, notNull(m.headers.subject));
    if (m.headers.date.isValid())
        q.bind(++i, qint64(m.headers.date.toSecsSinceEpoch()));
    else
        q.bindNull(++i);
    q.bind(++i, qint64(m.raw.size()));
    q.bind(++i, m.partial || m.incomplete);
    q.bind(++i, now);
    q.bind(++i, notNull(m.headers.ccText));
    q.bind(++i, notNull(m.headers.messageId));
    q.bind(++i, notNull(m.headers.inReplyTo));
    q.bind(++i, notNull(m.headers.references));
    // A headers-only copy's digest is of its headers: rename detection matches such copies
    // too. complete() sets the digest of the whole.
    q.bind(++i, sha256Of(m.raw));
    q.bind(++i, notNull(m.localFolder));
    q.bind(++i, m.seen);
    q.bind(++i, m.flagged);
    q.bind(++i, notNull(m.filedBy));
    q.bind(++i, qint64(m.filedByLine));
    q.bind(++i, m.junk);
    q.bind(++i, notNull(m.junkReason));
    // What the list shows as the sender (and sorts by): the name, else the address.
    q.bind(++i, notNull(m.headers.fromName.isEmpty() ? m.headers.fromAddress : m.headers.fromName));
    q.bind(++i, notNull(m.headers.subject));
    if (!q.run())
        return storageError(QStringLiteral("Cannot store a message"), q.error());
    const qint64 id = sqlite3_last_insert_rowid(m_handle);

    Statement &body = *m_body;
    body.bind(1, id);
    body.bindBlob(2, m.raw);
    if (!body.run())
        return storageError(QStringLiteral("Cannot store a message body"), body.error());

    if (!m.uidl.isEmpty()) {
        Statement &uidl = *m_uidl;
        uidl.bind(1, m.accountId);
        uidl.bind(2, m.mailboxId);
        uidl.bind(3, m.uidl);
        // A headers-only or incomplete copy is not the message: no policy may delete its
        // server copy.
        const DownloadState state = m.partial      ? DownloadState::HeadersOnly
                                    : m.incomplete ? DownloadState::Incomplete
                                                   : DownloadState::Stored;
        uidl.bind(4, downloadStateToString(state));
        uidl.bind(5, m.listedSize);
        uidl.bind(6, qint64(m.raw.size()));
        // Empty, not NULL, for a message with no Message-ID: NULL means "from before keys
        // were kept" and would be looked up again at every check.
        uidl.bindBlob(7, m.headerKey);
        uidl.bind(8, id);
        uidl.bind(9, now);
        if (!uidl.run())
            return storageError(QStringLiteral("Cannot record a downloaded message"), uidl.error());
        // A rule asked for the server copy to go: queued like the user's own delete, so it
        // is shown in the window and can be undone before the next sync. Never for a copy
        // that is not the whole message.
        if (m.deleteOnServer && ruleMayDeleteOnServer(m.serverKeepsCopy, state)) {
            if (Status s = DeletionQueue(m_db).enqueue(m.accountId, m.uidl,
                                                       QDateTime::fromSecsSinceEpoch(now), id);
                !s)
                return s.error();
        }
    }
    if (!m.tags.isEmpty()) {
        // Rare (a rule's addflag keywords): no statement prepared for it in advance.
        if (Status s = TagStore(m_db).tagByKeywords(id, m.tags); !s)
            return s.error();
    }
    return id;
}

Result<qint64> MessageStore::insert(const IncomingMessage &message)
{
    return Inserter(m_db).insert(message);
}

Result<QSet<QString>> MessageStore::knownUidls(const QString &accountId) const
{
    return uidlsWhere(accountId, QStringLiteral("1"));
}

Result<QSet<QString>> MessageStore::storedUidls(const QString &accountId) const
{
    return uidlsWhere(accountId, QStringLiteral("state = 'stored'"));
}

Result<QSet<QString>> MessageStore::uidlsWhere(const QString &accountId,
                                               const QString &condition) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uidl FROM downloads WHERE account_id = ? AND uidl IS NOT NULL "
                             "AND %1")
                  .arg(condition));
    q.addBindValue(accountId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read the downloaded-message list"), q);
    QSet<QString> uidls;
    while (q.next())
        uidls.insert(q.value(0).toString());
    return uidls;
}

Status MessageStore::markDeletedOnServer(const QString &accountId, const QList<QString> &uidls)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE downloads SET state = 'deleted' WHERE account_id = ? AND uidl = ?"));
    for (const QString &uidl : uidls) {
        q.addBindValue(accountId);
        q.addBindValue(uidl);
        if (!q.exec())
            return queryError(QStringLiteral("Cannot record a server deletion"), q);
    }
    return {};
}

Result<MessageSummary> MessageStore::message(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(summaryColumns));
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read a message"), q);
    if (!q.next())
        return Error{Error::Code::NotFound, QStringLiteral("There is no message %1").arg(id), {}};
    return summaryFromRow(q);
}

Result<QByteArray> MessageStore::raw(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT raw FROM message_bodies WHERE message_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot read a message"), q);
    if (!q.next())
        return Error{Error::Code::NotFound, QStringLiteral("There is no message %1").arg(id), {}};
    return q.value(0).toByteArray();
}

Result<QList<MessageSummary>> MessageStore::localFolder(const QString &name,
                                                        const QString &accountId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // account_id first: an index that begins with it narrows the scan to imported mail.
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE account_id = ? AND local_folder = ? "
                             "AND folder = 'inbox' ORDER BY date IS NULL, date DESC, id DESC")
                  .arg(summaryColumns));
    q.addBindValue(accountId);
    q.addBindValue(name);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot list the local folder %1").arg(name), q);
    QList<MessageSummary> rows;
    while (q.next())
        rows.append(summaryFromRow(q));
    return rows;
}

Result<QStringList> MessageStore::localFolders(const QString &accountId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Hops from one name to the next along the list index (folder, account, local folder,
    // ...), once per folder: a few index seeks per local folder. A DISTINCT over the rows
    // read every imported message, and with 100,000 of them the window took seconds to
    // open.
    q.prepare(QStringLiteral(
        "WITH RECURSIVE inbox(name) AS ("
        "  SELECT (SELECT min(local_folder) FROM messages WHERE folder = 'inbox' AND "
        "          account_id = :account AND local_folder > '') "
        "  UNION ALL SELECT (SELECT min(local_folder) FROM messages WHERE folder = 'inbox' AND "
        "          account_id = :account AND local_folder > inbox.name) "
        "  FROM inbox WHERE inbox.name IS NOT NULL), "
        "trash(name) AS ("
        "  SELECT (SELECT min(local_folder) FROM messages WHERE folder = 'trash' AND "
        "          account_id = :account AND local_folder > '') "
        "  UNION ALL SELECT (SELECT min(local_folder) FROM messages WHERE folder = 'trash' AND "
        "          account_id = :account AND local_folder > trash.name) "
        "  FROM trash WHERE trash.name IS NOT NULL) "
        "SELECT name FROM inbox WHERE name IS NOT NULL "
        "UNION SELECT name FROM trash WHERE name IS NOT NULL ORDER BY name"));
    q.bindValue(QStringLiteral(":account"), accountId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot list the local folders"), q);
    QStringList names;
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

Result<bool> MessageStore::inLocalFolder(const QString &name, const QByteArray &raw) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM messages WHERE %1 AND local_folder = ? LIMIT 1")
                  .arg(copyCondition));
    bindCopyOf(q, localAccountId(), raw);
    q.addBindValue(name);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot look for a stored copy"), q);
    return q.next();
}

Result<std::optional<qint64>> MessageStore::findCopy(const QString &accountId,
                                                     const QString &localFolder,
                                                     const QByteArray &raw) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE %1 AND local_folder = ? LIMIT 1")
                  .arg(copyCondition));
    bindCopyOf(q, accountId, raw);
    q.addBindValue(notNull(localFolder));
    if (!q.exec())
        return queryError(QStringLiteral("Cannot look for a stored copy"), q);
    if (!q.next())
        return std::optional<qint64>{};
    return std::optional<qint64>{q.value(0).toLongLong()};
}

Result<std::optional<MessageStore::Twin>> MessageStore::findTwin(const QString &accountId,
                                                                 const QByteArray &raw,
                                                                 const QString &messageId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, uidl FROM messages WHERE %1 AND message_id = ? LIMIT 1")
                  .arg(copyCondition));
    bindCopyOf(q, accountId, raw);
    q.addBindValue(notNull(messageId));
    if (!q.exec())
        return queryError(QStringLiteral("Cannot look for a stored copy"), q);
    if (!q.next())
        return std::optional<Twin>{};
    return std::optional<Twin>{Twin{q.value(0).toLongLong(), q.value(1).toString()}};
}

Status MessageStore::complete(qint64 id, const QByteArray &raw, bool partial)
{
    QSqlQuery body(m_db);
    body.prepare(QStringLiteral("UPDATE message_bodies SET raw = ? WHERE message_id = ?"));
    body.addBindValue(raw);
    body.addBindValue(id);
    QSqlQuery row(m_db);
    // indexed = 0: the body text is new, the search index takes it again. The digest is the
    // whole message's now, so that a server that renames it later is recognised.
    row.prepare(QStringLiteral(
        "UPDATE messages SET partial = ?, size = ?, sha256 = ?, indexed = 0 WHERE id = ?"));
    row.addBindValue(partial);
    row.addBindValue(qint64(raw.size()));
    row.addBindValue(sha256Of(raw));
    row.addBindValue(id);
    for (QSqlQuery *q : {&body, &row}) {
        if (!q->exec())
            return queryError(QStringLiteral("Cannot store the rest of a message"), *q);
    }
    if (row.numRowsAffected() == 0)
        return Error{Error::Code::NotFound, QStringLiteral("There is no message %1").arg(id), {}};
    return {};
}

Status MessageStore::moveToFolder(qint64 id, Folder folder)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET folder = ? WHERE id = ?"));
    q.addBindValue(folderToString(folder));
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot move a message"), q);
    if (q.numRowsAffected() == 0)
        return Error{Error::Code::NotFound, QStringLiteral("There is no message %1").arg(id), {}};
    return {};
}

Status MessageStore::place(qint64 id, const Placement &p)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET folder = ?, local_folder = ?, filed_by = ?, "
                             "filed_by_line = ?, seen = seen OR ?, flagged = flagged OR ? "
                             "WHERE id = ?"));
    q.addBindValue(folderToString(p.folder));
    q.addBindValue(notNull(p.localFolder));
    q.addBindValue(notNull(p.filedBy));
    q.addBindValue(p.filedByLine);
    q.addBindValue(p.addSeen);
    q.addBindValue(p.addFlagged);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot file a message"), q);
    if (q.numRowsAffected() == 0)
        return Error{Error::Code::NotFound, QStringLiteral("There is no message %1").arg(id), {}};
    return TagStore(m_db).tagByKeywords(id, p.addTags);
}

Status MessageStore::setJunk(qint64 id, bool junk, const QString &reason, const QString &junkFolder)
{
    QSqlQuery q(m_db);
    if (junk) {
        // From any folder but Trash (what the user threw away stays thrown away) to Junk.
        q.prepare(QStringLiteral(
            "UPDATE messages SET junk = 1, junk_reason = ?, local_folder = CASE WHEN folder = "
            "'inbox' THEN ? ELSE local_folder END, filed_by = '', filed_by_line = 0 WHERE id = ?"));
        q.addBindValue(notNull(reason));
        q.addBindValue(junkFolder);
    } else {
        q.prepare(QStringLiteral(
            "UPDATE messages SET junk = 0, junk_reason = '', local_folder = CASE WHEN "
            "local_folder = ? THEN '' ELSE local_folder END WHERE id = ?"));
        q.addBindValue(junkFolder);
    }
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot mark a message as junk"), q);
    if (q.numRowsAffected() == 0)
        return Error{Error::Code::NotFound, QStringLiteral("There is no message %1").arg(id), {}};
    return {};
}

Result<int> MessageStore::purgeTrash(const QString &accountId)
{
    QSqlQuery q(m_db);
    // message_bodies rows go with them (ON DELETE CASCADE); download records stay.
    q.prepare(
        accountId.isEmpty()
            ? QStringLiteral("DELETE FROM messages WHERE folder = 'trash'")
            : QStringLiteral("DELETE FROM messages WHERE folder = 'trash' AND account_id = ?"));
    if (!accountId.isEmpty())
        q.addBindValue(accountId);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot empty the Trash"), q);
    return q.numRowsAffected();
}

Status MessageStore::purgeMessage(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot delete a message"), q);
    if (q.numRowsAffected() == 0)
        return Error{Error::Code::NotFound, QStringLiteral("There is no message %1").arg(id), {}};
    return {};
}

Status MessageStore::setFlagged(qint64 id, bool flagged)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET flagged = ? WHERE id = ?"));
    q.addBindValue(flagged);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot flag a message"), q);
    return {};
}

Status MessageStore::setSeen(qint64 id, bool seen)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET seen = ? WHERE id = ?"));
    q.addBindValue(seen);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(QStringLiteral("Cannot mark a message"), q);
    return {};
}

Status MessageStore::removeAccount(const QString &accountId)
{
    Transaction txn(m_db);
    for (const auto *table : {"messages", "downloads", "mailboxes", "server_deletions"}) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE account_id = ?").arg(QLatin1String(table)));
        q.addBindValue(accountId);
        if (!q.exec())
            return queryError(QStringLiteral("Cannot remove the account's messages"), q);
    }
    return txn.commit();
}

} // namespace poplar::store
