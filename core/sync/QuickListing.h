// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pop3/Pop3Listing.h"
#include "store/ListingSnapshots.h"
#include "sync/SyncPlan.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace poplar::sync {

/// A check of a large mailbox that keeps its mail on the server, without its full listing.
///
/// A server lists its messages in the order they arrived and only appends (Dovecot, Courier,
/// Exchange and the big providers do). Then if the message now at number N is the one that
/// was the N-th at the last full listing, none of 1..N was removed, and they are the same
/// messages as then: what is new is N+1 onwards. fetchmail has long used this (its
/// "fastuidl"); Poplar adds two proofs that cost nothing, because a server that lists in
/// another order (a maildir read in directory order, say) could otherwise hide a new message
/// among the old ones:
/// - five messages spread over 1..N are asked for their UIDL, not just the N-th;
/// - STAT's octets must be those of 1..N then plus the new messages' LIST sizes, and the
///   snapshot is only taken from a session whose STAT equalled the sum of its LIST.
/// Whatever does not match, the session lists the whole mailbox as before; and it does so at
/// least once a day, and whenever something is to be deleted on the server (which needs every
/// message's number). A check then costs Dovecot's opening of the mailbox plus the new
/// messages, not 100,000 UIDLs read, parsed and matched.
namespace quicklisting {

/// Smaller mailboxes are listed whole: their listing is quick anyway.
inline constexpr qsizetype minMessages = 1000;
/// More new messages than this are read in one full listing rather than one by one.
inline constexpr qsizetype maxNewMessages = 500;
/// A full listing at least this often, whatever the snapshot says.
inline constexpr qint64 maxAgeSeconds = 24 * 3600;

/// The message numbers to ask UIDL of to prove 1..count unchanged (ascending, distinct).
[[nodiscard]] QList<int> probeNumbers(qsizetype count);

/// The snapshot a full listing leaves, or nullopt when it proves nothing a later check can
/// rely on. `settled` is how many messages from the first the cache holds for good (none
/// waits to be fetched, fetched again or looked at); `statOctets` is STAT's octets of this
/// session (nullopt: STAT failed).
[[nodiscard]] std::optional<store::ListingSnapshot> snapshotOf(const QList<ListedMessage> &listing,
                                                               qsizetype settled,
                                                               std::optional<qint64> statOctets,
                                                               const QDateTime &now);

/// The snapshot after a quick check whose new messages (`tail`, numbered on from
/// `old.count`) are settled up to `settled`: it covers them too, and keeps the time of the
/// full listing it grew from.
[[nodiscard]] store::ListingSnapshot extended(const store::ListingSnapshot &old,
                                              const QList<ListedMessage> &tail, qsizetype settled);

/// May this check try without the full listing? (The rest is decided by the server's
/// answers: unchangedBefore.)
[[nodiscard]] bool worthTrying(const std::optional<store::ListingSnapshot> &snapshot,
                               const QDateTime &now);

/// Do STAT and the probes' UIDLs prove messages 1..snapshot.count unchanged, and are there
/// few enough new ones to list one by one?
[[nodiscard]] bool mayListNewOnly(const store::ListingSnapshot &snapshot,
                                  const pop3::MaildropStatus &status,
                                  const QHash<int, QByteArray> &probeUidls);

/// Does STAT's octets agree with the new messages' sizes (the last proof, once they are
/// listed)?
[[nodiscard]] bool octetsAgree(const store::ListingSnapshot &snapshot,
                               const pop3::MaildropStatus &status,
                               const QList<ListedMessage> &tail);

} // namespace quicklisting
} // namespace poplar::sync
