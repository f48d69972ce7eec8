// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/QuickListing.h"

#include <algorithm>

namespace poplar::sync::quicklisting {

namespace {

// The previous snapshot's probes stay; each extension adds its last message. Past this many
// the oldest "last message" probes give way, so the first spread of five always stays.
constexpr qsizetype maxProbes = 8;

/// Whether `m` can stand in a proof: it is the `number`th message, its UIDL is its own and
/// its size is known. Otherwise positions and octets prove nothing about it.
bool isProvable(const ListedMessage &m, qint64 number)
{
    return m.number == number && !m.sharedUidl && m.size >= 0;
}

} // namespace

QList<int> probeNumbers(qsizetype count)
{
    QList<int> numbers;
    if (count <= 0)
        return numbers;
    for (const qsizetype n : {qsizetype(1), count / 4, count / 2, count * 3 / 4, count}) {
        if (n >= 1 && (numbers.isEmpty() || numbers.back() < n))
            numbers.append(int(n));
    }
    return numbers;
}

std::optional<store::ListingSnapshot> snapshotOf(const QList<ListedMessage> &listing,
                                                 qsizetype settled,
                                                 std::optional<qint64> statOctets,
                                                 const QDateTime &now)
{
    if (!statOctets || settled < minMessages || settled > listing.size())
        return std::nullopt;
    qint64 total = 0, prefix = 0;
    QHash<int, QByteArray> uidlOf;
    const QList<int> probes = probeNumbers(settled);
    for (qsizetype i = 0; i < listing.size(); ++i) {
        const ListedMessage &m = listing.at(i);
        // Numbered 1..n without gaps.
        if (!isProvable(m, i + 1))
            return std::nullopt;
        total += m.size;
        if (i < settled)
            prefix += m.size;
        if (std::binary_search(probes.cbegin(), probes.cend(), m.number))
            uidlOf.insert(m.number, m.uidl);
    }
    // STAT must be the sum of LIST for the octets to prove anything later.
    if (total != *statOctets || uidlsAreNumbers(listing))
        return std::nullopt;
    store::ListingSnapshot s;
    s.count = settled;
    s.octets = prefix;
    s.taken = now.toUTC();
    for (const int n : probes)
        s.probes.append({n, uidlOf.value(n)});
    return s;
}

store::ListingSnapshot extended(const store::ListingSnapshot &old, const QList<ListedMessage> &tail,
                                qsizetype settled)
{
    store::ListingSnapshot s = old;
    for (qsizetype i = 0; i < std::min(settled, tail.size()); ++i) {
        const ListedMessage &m = tail.at(i);
        if (!isProvable(m, old.count + i + 1))
            break;
        s.count = m.number;
        s.octets += m.size;
    }
    if (s.count > old.count) {
        const ListedMessage &last = tail.at(s.count - old.count - 1);
        s.probes.append({last.number, last.uidl});
        while (s.probes.size() > maxProbes)
            s.probes.removeAt(s.probes.size() - 2);
    }
    return s;
}

bool worthTrying(const std::optional<store::ListingSnapshot> &snapshot, const QDateTime &now)
{
    if (!snapshot || snapshot->count < minMessages || snapshot->probes.isEmpty())
        return false;
    const qint64 age = snapshot->taken.secsTo(now);
    return age >= 0 && age < maxAgeSeconds;
}

bool mayListNewOnly(const store::ListingSnapshot &snapshot, const pop3::MaildropStatus &status,
                    const QHash<int, QByteArray> &probeUidls)
{
    if (status.count < snapshot.count || status.count - snapshot.count > maxNewMessages ||
        status.octets < snapshot.octets)
        return false;
    return std::all_of(snapshot.probes.cbegin(), snapshot.probes.cend(), [&](const auto &probe) {
        const auto answer = probeUidls.constFind(probe.first);
        return answer != probeUidls.cend() && answer.value() == probe.second;
    });
}

bool octetsAgree(const store::ListingSnapshot &snapshot, const pop3::MaildropStatus &status,
                 const QList<ListedMessage> &tail)
{
    if (tail.size() != status.count - snapshot.count)
        return false;
    qint64 octets = snapshot.octets;
    for (qsizetype i = 0; i < tail.size(); ++i) {
        const ListedMessage &m = tail.at(i);
        if (!isProvable(m, snapshot.count + i + 1))
            return false;
        octets += m.size;
    }
    return octets == status.octets;
}

} // namespace poplar::sync::quicklisting
