// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "store/Threads.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <memory>
#include <optional>

struct sqlite3;

namespace poplar::store::sql {
class Statement;
}

namespace poplar::store {

/// A message about to enter the cache.
struct IncomingMessage {
    QString accountId;
    QString uidl;
    QByteArray raw; ///< exactly as received, after dot-unstuffing
    HeaderSummary headers;
    bool partial = false; ///< headers only (TOP n 0): the size limit, or over the cap
    /// The server sent less than LIST announced: kept, shown as not whole, fetched again at
    /// the next sync and never deleted on the server.
    bool incomplete = false;
    QDateTime receivedAt; ///< UTC; invalid means now
    /// The server mailbox it came from (DownloadRecords::mailbox); 0 for imported mail.
    qint64 mailboxId = 0;
    qint64 listedSize = -1; ///< what LIST announced; -1: not known
    QByteArray headerKey;   ///< DownloadRecords::headerKey() of its headers
    /// The named folder the message goes to: an imported message's local folder, or the
    /// account folder a filter rule filed it into; empty for the folder itself (`folder`).
    QString localFolder;
    /// Where it goes: the Inbox, or Trash for mail a rule discarded (mail is never thrown
    /// away on a rule's word). Decided before the INSERT, in the same transaction, so a
    /// message is never seen in the Inbox and then moved.
    Folder folder = Folder::Inbox;
    bool seen = false;    ///< a rule's addflag "\\Seen"
    bool flagged = false; ///< a rule's addflag "\\Flagged"
    /// A rule's addflag "\\Deleted": queue the server copy's deletion (DeletionQueue, the
    /// queue the user's own deletes use) in the transaction that stores the message, when
    /// `serverKeepsCopy` and the message was downloaded whole.
    bool deleteOnServer = false;
    /// The account leaves mail on the server (otherwise this sync deletes it anyway).
    bool serverKeepsCopy = false;
    /// A rule's other addflag keywords: the tags it gets (TagStore::tagByKeywords: by
    /// keyword, else by name, else a new tag).
    QStringList tags;
    /// The rule that placed it: its name ("# rule: NAME") and its line; line 0 for none.
    QString filedBy;
    int filedByLine = 0;
    /// The server's spam verdict said junk (see filters::JunkVerdict); `junkReason` says why.
    bool junk = false;
    QString junkReason;
};

/// The messages one list shows: an account's folder, or a local folder (imported mail,
/// account MessageStore::localAccountId(), Inbox). The local account's folder with no
/// `localFolder` holds every local folder's messages (its Trash, say).
struct FolderRef {
    QString accountId;
    Folder folder = Folder::Inbox;
    QString localFolder;
    /// Every server account's Inbox together (the Unified Inbox): the other fields are unused.
    /// Imported mail is not in it: local folders are archives, not mail that came in.
    bool unifiedInbox = false;

    [[nodiscard]] static FolderRef unified()
    {
        FolderRef ref;
        ref.unifiedInbox = true;
        return ref;
    }
    /// Whether a stored message belongs to this list (local folders aside: a summary does
    /// not say which one it is in).
    [[nodiscard]] bool holds(const MessageSummary &message) const;
};

/// The orders a message list offers. Each breaks ties by date (undated counts as oldest),
/// then by id, in the same direction; text compares by the stored sort keys (SortKeys.h),
/// which is what the list indexes hold.
enum class SortKey { Sender, Subject, Date, Size };

/// Queries and writes on the message tables, through one thread's connection.
/// Writes of several rows are not wrapped here: the caller batches them in a Transaction.
class MessageStore {
public:
    explicit MessageStore(QSqlDatabase db);

    /// The account id of imported messages: they came from no server and have no UIDL.
    [[nodiscard]] static QString localAccountId() { return QStringLiteral("local"); }

    [[nodiscard]] QSqlDatabase database() const { return m_db; }
    /// The language the cache's sender and subject sort keys are computed in (a locale name
    /// for TextCollator): a list placing a new row compares in it too.
    [[nodiscard]] QString sortLanguage() const;

    /// Stores messages one by one with the statements prepared once: preparing costs about
    /// as much as running the INSERTs. Keep it no longer than the caller's transaction.
    class Inserter {
    public:
        explicit Inserter(const QSqlDatabase &db);
        ~Inserter();
        Inserter(Inserter &&) noexcept;
        Inserter &operator=(Inserter &&) noexcept;
        /// Stores the message and records its UIDL as downloaded, in the caller's transaction.
        [[nodiscard]] Result<qint64> insert(const IncomingMessage &message);

    private:
        QSqlDatabase m_db;
        sqlite3 *m_handle = nullptr; ///< m_db's own connection, for the statements below
        // Raw statements: through QtSql the writer spent a sixth of its time binding values.
        std::unique_ptr<sql::Statement> m_message;
        std::unique_ptr<sql::Statement> m_body;
        std::unique_ptr<sql::Statement> m_uidl;
    };

    /// Stores the message and records its UIDL as downloaded, in the caller's transaction.
    [[nodiscard]] Result<qint64> insert(const IncomingMessage &message);
    /// For several messages in one transaction (a download batch, an import).
    [[nodiscard]] Inserter inserter() const { return Inserter(m_db); }
    /// The UIDLs this account has met in any of its mailboxes (even if deleted here since).
    [[nodiscard]] Result<QSet<QString>> knownUidls(const QString &accountId) const;
    /// The UIDLs whose bytes are all in the cache and whose server copy was not deleted by us.
    [[nodiscard]] Result<QSet<QString>> storedUidls(const QString &accountId) const;
    /// Records that the server deleted these (after QUIT +OK); they stay known, so a
    /// server that resurrects one does not cause a duplicate.
    [[nodiscard]] Status markDeletedOnServer(const QString &accountId, const QList<QString> &uidls);

    [[nodiscard]] Result<QList<MessageSummary>> messages(Folder folder,
                                                         const QString &accountId = {}) const;
    /// Where a page of a folder ends: the next page starts after it (newest first).
    struct PageKey {
        QDateTime date; ///< invalid for messages without a date (they come last)
        qint64 id = 0;
    };
    /// Up to `limit` messages of one account's folder, newest first, after `after` (or from
    /// the top). Costs the same on page 1 and page 1000: the list never loads a whole folder.
    [[nodiscard]] Result<QList<MessageSummary>>
    page(Folder folder, const QString &accountId, int limit,
         const std::optional<PageKey> &after = {}) const;
    [[nodiscard]] Result<qint64> count(Folder folder, const QString &accountId) const;
    /// Every message the cache holds, of every account and folder.
    [[nodiscard]] Result<qint64> countAll() const;
    /// The ids of a list's messages in this order, read from an index: 8 bytes a message,
    /// so a list can hold a whole folder's order and read its rows only as they are shown.
    [[nodiscard]] Result<QList<qint64>> orderedIds(const FolderRef &list, SortKey key,
                                                   bool descending) const;
    /// What threading needs of each of a list's messages (see arrangeInThreads).
    [[nodiscard]] Result<QList<ThreadLink>> threadLinks(const FolderRef &list) const;
    /// The summaries of these messages, in no particular order; ids not stored are skipped.
    [[nodiscard]] Result<QList<MessageSummary>> summaries(const QList<qint64> &ids) const;
    /// How many of a list's messages are unread.
    [[nodiscard]] Result<qint64> unreadCount(const FolderRef &list) const;
    /// The unread messages of a list (few, usually: read from an index of unread mail only).
    [[nodiscard]] Result<QSet<qint64>> unreadIds(const FolderRef &list) const;
    /// How many of these messages are unread (a search's results).
    [[nodiscard]] Result<qint64> unreadAmong(const QList<qint64> &ids) const;
    /// Unread messages in every server account's Inbox (the Unified Inbox's): the number a
    /// tray icon shows.
    [[nodiscard]] Result<qint64> unreadInInboxes() const;
    [[nodiscard]] Result<MessageSummary> message(qint64 id) const;
    [[nodiscard]] Result<QByteArray> raw(qint64 id) const;

    /// The Inbox messages of one local folder, newest first (trashed ones are in Trash): a
    /// folder of imported mail, or of an account's mail that filters filed there.
    [[nodiscard]] Result<QList<MessageSummary>>
    localFolder(const QString &name, const QString &accountId = localAccountId()) const;
    /// The names of an account's local folders that hold any message (in the Inbox or in
    /// Trash): imported mail's, or the folders filters filed mail into.
    [[nodiscard]] Result<QStringList>
    localFolders(const QString &accountId = localAccountId()) const;
    /// Whether this local folder already holds a message with exactly these bytes, so that
    /// importing the same mailbox twice adds nothing.
    [[nodiscard]] Result<bool> inLocalFolder(const QString &name, const QByteArray &raw) const;
    /// The id of a message of `accountId` (and, for the local account, of the local folder
    /// `localFolder`) with exactly these bytes, in any folder (Trash too): what an import
    /// matches on so that running it twice adds nothing.
    [[nodiscard]] Result<std::optional<qint64>>
    findCopy(const QString &accountId, const QString &localFolder, const QByteArray &raw) const;

    /// A stored message with exactly these bytes and this Message-ID.
    struct Twin {
        qint64 id;
        QString uidl;
    };
    [[nodiscard]] Result<std::optional<Twin>>
    findTwin(const QString &accountId, const QByteArray &raw, const QString &messageId) const;
    /// Replaces a headers-only or incomplete copy with the bytes received now (`partial`:
    /// these are still not the whole message), in the caller's transaction. The download
    /// record is the caller's (DownloadRecords::received).
    [[nodiscard]] Status complete(qint64 id, const QByteArray &raw, bool partial = false);
    [[nodiscard]] Status moveToFolder(qint64 id, Folder folder);
    /// Where filters run on a folder placed a stored message: its folder and named folder,
    /// the rule that did it, and the flags the rule added (never removed), in the caller's
    /// transaction.
    struct Placement {
        Folder folder = Folder::Inbox;
        QString localFolder;
        QString filedBy;
        int filedByLine = 0;
        bool addSeen = false;
        bool addFlagged = false;
        QStringList addTags; ///< the keywords of tags the rule added (as IncomingMessage::tags)
    };
    [[nodiscard]] Status place(qint64 id, const Placement &placement);
    /// Marks a message junk (`reason`: why) and moves it to its account's folder
    /// `junkFolder`, or marks it not junk and, when it is in that folder, moves it back to
    /// the Inbox. Never touches the server: junk is not a reason to delete mail there.
    [[nodiscard]] Status setJunk(qint64 id, bool junk, const QString &reason,
                                 const QString &junkFolder);
    [[nodiscard]] Status setSeen(qint64 id, bool seen);
    [[nodiscard]] Status setFlagged(qint64 id, bool flagged);
    /// Deletes what is in Trash from this computer (one account's, or all when empty); the
    /// download records stay, so nothing comes back at the next sync. Returns how many.
    [[nodiscard]] Result<int> purgeTrash(const QString &accountId = {});
    /// Deletes one message from this computer (Shift+Del), in the caller's transaction; its
    /// download record stays, as with purgeTrash.
    [[nodiscard]] Status purgeMessage(qint64 id);
    /// Drops an account's messages and download records (the account itself is in poplar.ini).
    [[nodiscard]] Status removeAccount(const QString &accountId);

private:
    [[nodiscard]] Result<QSet<QString>> uidlsWhere(const QString &accountId,
                                                   const QString &condition) const;

    QSqlDatabase m_db;
};

} // namespace poplar::store
