// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Pop3Listing.h"
#include "store/DeletionQueue.h"
#include "store/DownloadRecords.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace poplar::sync {

/// One message as this session's listings show it.
struct ListedMessage {
    int number = 0;
    /// As listed; the second and later messages listed under one UIDL get "#2", "#3", so
    /// each keeps a name of its own from session to session.
    QByteArray uidl;
    qint64 size = -1;        ///< LIST's size; -1 when LIST gave none
    bool sharedUidl = false; ///< the server lists its UIDL more than once
};

/// UIDL and LIST merged into one listing, in message order.
[[nodiscard]] QList<ListedMessage> mergeListings(const QList<pop3::UidlEntry> &uidls,
                                                 const QHash<int, qint64> &sizes);
/// Every UIDL is the message's number: a legacy server whose UIDLs change meaning whenever
/// a message before them is deleted.
[[nodiscard]] bool uidlsAreNumbers(const QList<ListedMessage> &listing);
/// The server sent materially less than LIST announced (LIST counts CRLF line ends, so a
/// body with bare LFs is counted as it would be with CRLFs; small differences are servers'
/// estimates, not loss).
[[nodiscard]] bool isMateriallyShort(const QByteArray &body, qint64 listedSize);

struct PlannedDeletion {
    int number = 0; ///< the message number in this session
    QString uidl;
    store::DeletionReason reason = store::DeletionReason::DeletedHere;

    bool operator==(const PlannedDeletion &) const = default;
};

/// What one session makes of the server's listing, given what the cache knows of the
/// mailbox. Pure: no I/O; AccountSync gathers the facts and carries the plan out.
///
/// The rules (DESIGN.md promises 1 and 6):
/// - A listed message is known when a record has its UIDL and nothing casts doubt on it.
///   Doubt is cast by LIST's size differing from the recorded one, by the record having
///   been deleted or gone from the server, by UIDLs that are message numbers, and by UIDLs
///   that name (or named) more than one message. A message
///   in doubt is looked at (TOP n 0): if its headers are the record's, it is known (a server
///   that rewrote a Status header); if not, the record loses the name and the message is
///   new, or a renamed message (below).
/// - When messages the cache holds are no longer listed, new-looking messages whose size
///   matches one of them are looked at too: the same headers mean the server renamed it,
///   and the record takes the new name instead of the message being downloaded again.
/// - A server copy is deleted only when the cache holds that very message whole: its
///   record is Stored (not headers-only, not incomplete), LIST's size now is the size
///   recorded (or its headers were proven the same this session), and its UIDL is listed
///   once.
/// What the cache knows of a mailbox, with the facts SyncPlan draws from it that do not
/// depend on the listing. AccountSync reads and prepares it while the server is still
/// working out its listing (0.4 s and more for 100,000 messages), so the plan made once the
/// listing is in does as little as it can.
struct KnownRecords {
    QHash<QByteArray, store::DownloadRecord> records; ///< by UIDL
    /// UIDLs that named more than one message when a record was made.
    QSet<QByteArray> sharedBefore;
    /// The listed sizes of the records a message under a new name may be (not gone, headers
    /// known), each with how many records have it; -1 for those whose size is not known.
    QHash<qint64, qsizetype> renameSizes;
    qsizetype stored = 0; ///< records in the state Stored

    [[nodiscard]] static KnownRecords of(QHash<QByteArray, store::DownloadRecord> records);
};

class SyncPlan {
public:
    using Records = QHash<QByteArray, store::DownloadRecord>;

    SyncPlan(QList<ListedMessage> listing, Records records);
    SyncPlan(QList<ListedMessage> listing, KnownRecords known);

    [[nodiscard]] const QList<ListedMessage> &listing() const { return m_listing; }

    /// The listing is only the messages after a run from the first that a quick check
    /// proved unchanged (QuickListing.h): records it does not name are still on the server,
    /// so none is unlisted and none can be a new message's old name. Call before triage().
    void setListingIsTail() { m_tail = true; }
    /// The records were made reading the maildrop another way (another port: see
    /// DownloadRecords::sameMaildropOnAnotherPort): a listed message a record names is looked
    /// at before it counts as known, as one whose size changed is. Call before triage().
    void setEveryRecordInDoubt() { m_everyRecordInDoubt = true; }

    /// First look: what is known, what is new, and what needs its headers looked at.
    void triage();
    /// Listing indexes to look at with TOP n 0 before deciding.
    [[nodiscard]] const QList<int> &toCheck() const { return m_toCheck; }
    /// Decides the messages looked at, from the key of each one's headers (by listing index;
    /// DownloadRecords::headerKey, empty when a message has none).
    void resolve(const QHash<int, QByteArray> &headerKeys);

    /// Listing indexes to download as new messages.
    [[nodiscard]] const QList<int> &toFetch() const { return m_toFetch; }
    /// Listing indexes whose incomplete copy is fetched again (recordOf() gives the record).
    [[nodiscard]] const QList<int> &toRefetch() const { return m_toRefetch; }
    /// Records whose message the server now lists under another UIDL.
    [[nodiscard]] const QList<store::DownloadRecords::Rename> &renames() const { return m_renames; }
    /// Records whose UIDL now names another message.
    [[nodiscard]] const QList<qint64> &retired() const { return m_retired; }
    /// Known records whose LIST size was not recorded, or changed with proven-same headers.
    [[nodiscard]] const QList<std::pair<qint64, qint64>> &sizeUpdates() const
    {
        return m_sizeUpdates;
    }
    /// The record a listed message was matched to, if any.
    [[nodiscard]] std::optional<qint64> recordOf(int index) const;
    /// A record of the mailbox as it was when the session began.
    [[nodiscard]] std::optional<store::DownloadRecord> record(qint64 id) const;
    /// Records that name a message the server no longer lists (to be marked Gone once the
    /// session ends well).
    [[nodiscard]] QList<qint64> unlisted() const;
    /// Some message the cache holds is not listed under its name: a new-looking message may
    /// be it under another (checked by its bytes once downloaded).
    [[nodiscard]] bool mayHaveRenamed() const { return m_mayHaveRenamed; }

    /// This session stored the message at `index` (new or fetched again): whole or not.
    void stored(int index, bool whole);
    /// How many listed messages from the first the cache now holds for good: known, or
    /// stored whole this session; none of them is to be fetched, fetched again or looked at
    /// by a later session. What a listing snapshot may cover.
    [[nodiscard]] qsizetype settledPrefix() const;

    /// The DELE commands of this session: what the policy asks for, of what may be deleted.
    /// @param queued  deletions the user asked for by deleting here (by download record)
    /// @param expired messages downloaded longer ago than the account's day limit
    [[nodiscard]] QList<PlannedDeletion>
    deletions(const Account &account, const QList<store::PendingDeletion> &queued,
              const QList<store::PendingDeletion> &expired) const;
    /// Whether deletions() can plan anything for `account` (`anyQueued`: the user queued at
    /// least one). When it cannot, QUIT may go out before the last commit. Kept beside
    /// deletions(): every reason to delete there must make this true.
    [[nodiscard]] static bool mayDelete(const Account &account, bool anyQueued);

private:
    enum class Look { Known, Doubtful, Refetch };
    [[nodiscard]] Look look(const ListedMessage &listed, const store::DownloadRecord &record) const;
    [[nodiscard]] bool isWhole(int index) const;
    [[nodiscard]] const store::DownloadRecord *byId(qint64 id) const;
    /// Listing index `index` is the message of record `r`.
    void claim(int index, const store::DownloadRecord &r);

    QList<ListedMessage> m_listing;
    /// m_known.sharedBefore: which is which of a UIDL that named more than one message is
    /// never taken on trust.
    KnownRecords m_known;
    mutable QHash<qint64, const store::DownloadRecord *> m_byId; ///< see byId()
    bool m_numbers = false;
    QList<qint64> m_claims; ///< by listing index: the record id, 0 for none
    QSet<qint64> m_claimed;
    qsizetype m_claimedStored = 0; ///< of m_claimed, the records in the state Stored
    QSet<int> m_confirmed; ///< listing indexes proven to be their record's message this session
    QHash<int, bool> m_storedWhole; ///< listing index -> stored this session, whole or not
    QList<int> m_toCheck;
    QList<int> m_doubtful;
    QList<int> m_toFetch;
    QList<int> m_toRefetch;
    QList<store::DownloadRecords::Rename> m_renames;
    QList<qint64> m_retired;
    QList<std::pair<qint64, qint64>> m_sizeUpdates;
    bool m_mayHaveRenamed = false;
    bool m_tail = false;               ///< see setListingIsTail()
    bool m_everyRecordInDoubt = false; ///< setEveryRecordInDoubt()
};

} // namespace poplar::sync
