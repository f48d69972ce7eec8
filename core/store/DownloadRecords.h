// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace poplar::store {

/// What became of a message Poplar met in a server mailbox.
enum class DownloadState {
    Stored,      ///< all of it is in the cache
    HeadersOnly, ///< only its headers: over the account's size limit, or over the cap
    Incomplete,  ///< the server sent less than LIST announced: fetched again next time
    /// Fetched again, the server sent the same too-short bytes: what it has is damaged. Kept
    /// on the server, not fetched again by itself (Download the Rest tries again).
    Truncated,
    DeletedOnServer, ///< the server confirmed its deletion (QUIT +OK)
    Gone,            ///< no longer listed, or its UIDL passed to another message
};

[[nodiscard]] QString downloadStateToString(DownloadState state);
[[nodiscard]] std::optional<DownloadState> downloadStateFromString(const QString &text);

/// One message Poplar met in a server mailbox, and what proves a message listed later is
/// that same one.
struct DownloadRecord {
    qint64 id = 0;
    QByteArray uidl; ///< empty once another message took the name
    DownloadState state = DownloadState::Stored;
    qint64 listedSize = -1;   ///< LIST's size when it was last matched; -1: not known
    qint64 receivedSize = -1; ///< the bytes stored; -1: not known
    QByteArray headerKey;     ///< headerKey() of its headers; empty: not known
    qint64 messageId = 0;     ///< its cached copy; 0 when there is none
    qint64 firstSeen = 0;     ///< when it was first downloaded, seconds since the epoch (UTC)
    qint64 mailboxId = 0;
};

/// A server mailbox as an account reads it. Two accounts, or one account before and after
/// an edit, that read different mailboxes keep apart records.
struct MailboxAddress {
    QString host;
    quint16 port = 0;
    QString user;
};

/// The records of what Poplar downloaded from each server mailbox: the facts behind "this
/// message is known", "this one may be deleted on the server" and "this one was renamed".
/// Writes of several rows run in the caller's Transaction.
class DownloadRecords {
public:
    explicit DownloadRecords(QSqlDatabase db);

    /// The id of the mailbox `address` as `accountId` reads it, made on first use. An
    /// account's first mailbox takes over the records made before mailboxes were told apart.
    [[nodiscard]] Result<qint64> mailbox(const QString &accountId, const MailboxAddress &address);
    /// The mailbox the account last read on the same host as the same user through another
    /// port, when it has never read `address` itself: an account edited from STARTTLS on 110
    /// to SSL/TLS on 995, say. On every server we know of that is the same maildrop, whose
    /// records still count once the headers of the messages they name prove them
    /// (SyncPlan::setEveryRecordInDoubt): otherwise a server that rewrites what it stores
    /// (a Status header, an X-UIDL) would have every message downloaded again, twice over.
    [[nodiscard]] Result<std::optional<qint64>>
    sameMaildropOnAnotherPort(const QString &accountId, const MailboxAddress &address) const;
    /// The mailbox is read at `address` from now on (its port changed).
    [[nodiscard]] Status moveMailbox(qint64 mailboxId, const MailboxAddress &address);

    /// The mailbox's records that name a message, by UIDL. Read at every check: 100,000 of
    /// them take a few tens of milliseconds. Records made before header keys were kept get
    /// them here, once.
    [[nodiscard]] Result<QHash<QByteArray, DownloadRecord>> named(const QString &accountId,
                                                                  qint64 mailboxId);
    /// The record of a cached message, if it came from a server.
    [[nodiscard]] Result<std::optional<DownloadRecord>> ofMessage(qint64 messageId) const;

    /// Whether any of the mailbox's records (in any state) has one of these UIDLs: a few
    /// lookups where named() reads them all.
    [[nodiscard]] Result<bool> namesAny(const QString &accountId, qint64 mailboxId,
                                        const QList<QByteArray> &uidls) const;
    /// Whether the account has read a mailbox other than this one.
    [[nodiscard]] Result<bool> hasOtherMailboxes(const QString &accountId, qint64 mailboxId) const;

    /// A message of another of the account's mailboxes is also in this one (the account was
    /// edited to reach the same mail another way): this mailbox's record points at the same
    /// cached copy, so the message is not listed twice.
    [[nodiscard]] Status link(const QString &accountId, qint64 mailboxId, const QByteArray &uidl,
                              const DownloadRecord &facts);

    /// Gives records made before keys were kept the key of their cached copy's headers (an
    /// empty key where that copy was purged).
    [[nodiscard]] Status fillMissingKeys(const QString &accountId, qint64 mailboxId);

    struct Rename {
        qint64 recordId = 0;
        QByteArray uidl;
        qint64 listedSize = -1;
    };
    /// The server now lists these records' messages under other UIDLs (a migration, or a
    /// server that numbers its UIDLs). Queued deletions follow them.
    [[nodiscard]] Status rename(const QList<Rename> &renames);
    /// These records' UIDLs now name other messages: they keep their cached copies but no
    /// name, and are Gone.
    [[nodiscard]] Status retire(const QList<qint64> &recordIds);
    [[nodiscard]] Status setState(const QList<qint64> &recordIds, DownloadState state);
    /// The same, for the records of one mailbox that have these UIDLs.
    [[nodiscard]] Status setState(const QString &accountId, qint64 mailboxId,
                                  const QList<QByteArray> &uidls, DownloadState state);
    /// The message LIST shows now is, as proven, the one a record describes: remember its size.
    [[nodiscard]] Status setListedSize(qint64 recordId, qint64 listedSize);
    /// A record's message arrived again, whole or not (a completed or fetched-again copy).
    [[nodiscard]] Status received(qint64 recordId, DownloadState state, qint64 listedSize,
                                  qint64 receivedSize, const QByteArray &headerKey);

    /// What identifies a message across UIDLs: its Message-ID, Date and sender. Empty when the
    /// message has no Message-ID: then nothing identifies it but its bytes.
    [[nodiscard]] static QByteArray headerKey(const HeaderSummary &headers);

private:
    [[nodiscard]] Result<QHash<QByteArray, DownloadRecord>>
    namedRead(const QString &accountId, qint64 mailboxId, bool mayFill);
    QSqlDatabase m_db;
};

} // namespace poplar::store
