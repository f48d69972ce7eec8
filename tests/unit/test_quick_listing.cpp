// SPDX-License-Identifier: GPL-3.0-or-later
// QuickListing: when a check may skip the full listing, and what it leaves for the next one.
// Each proof is tested by the change it must catch.
#include "sync/QuickListing.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::sync;
using namespace poplar::sync::quicklisting;
using store::ListingSnapshot;

namespace {

const QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(6, 0), Qt::UTC);

QByteArray uidlOf(int n)
{
    return "u" + QByteArray::number(n);
}

qint64 sizeOf(int n)
{
    return 1000 + n % 97;
}

QList<ListedMessage> listing(int from, int to)
{
    QList<ListedMessage> out;
    for (int n = from; n <= to; ++n)
        out.append({n, uidlOf(n), sizeOf(n), false});
    return out;
}

qint64 octets(const QList<ListedMessage> &l)
{
    qint64 sum = 0;
    for (const ListedMessage &m : l)
        sum += m.size;
    return sum;
}

QHash<int, QByteArray> answers(const ListingSnapshot &s)
{
    QHash<int, QByteArray> out;
    for (const auto &[number, uidl] : s.probes)
        out.insert(number, uidl);
    return out;
}

} // namespace

TEST(QuickListing, ProbesSpreadOverTheRunFromFirstToLast)
{
    EXPECT_EQ(probeNumbers(2000), (QList<int>{1, 500, 1000, 1500, 2000}));
    EXPECT_EQ(probeNumbers(3), (QList<int>{1, 2, 3}));
    EXPECT_EQ(probeNumbers(1), (QList<int>{1}));
    EXPECT_TRUE(probeNumbers(0).isEmpty());
}

TEST(QuickListing, AFullListingLeavesItsSettledRunWithItsProbesAndOctets)
{
    const auto all = listing(1, 2000);
    auto s = snapshotOf(all, 1500, octets(all), now);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->count, 1500);
    EXPECT_EQ(s->octets, octets(listing(1, 1500)));
    EXPECT_EQ(s->taken, now);
    ASSERT_EQ(s->probes.size(), 5);
    for (const auto &[number, uidl] : s->probes)
        EXPECT_EQ(uidl, uidlOf(number));
    EXPECT_EQ(s->probes.back().first, 1500);
}

TEST(QuickListing, AListingThatProvesNothingLeavesNoSnapshot)
{
    const auto all = listing(1, 2000);
    // STAT not the sum of LIST (a server that counts otherwise), or no STAT.
    EXPECT_FALSE(snapshotOf(all, 2000, octets(all) + 1, now));
    EXPECT_FALSE(snapshotOf(all, 2000, std::nullopt, now));
    // Too few settled to be worth it.
    EXPECT_FALSE(snapshotOf(all, minMessages - 1, octets(all), now));
    // A size not given, a UIDL listed twice, a gap in the numbers.
    for (int broken = 0; broken < 3; ++broken) {
        auto l = all;
        if (broken == 0)
            l[10].size = -1;
        else if (broken == 1)
            l[10].sharedUidl = true;
        else
            l[10].number = 5000;
        EXPECT_FALSE(snapshotOf(l, 2000, octets(all), now)) << broken;
    }
    // UIDLs that are message numbers change with every deletion.
    auto numbers = all;
    for (ListedMessage &m : numbers)
        m.uidl = QByteArray::number(m.number);
    EXPECT_FALSE(snapshotOf(numbers, 2000, octets(all), now));
}

TEST(QuickListing, OnlyAFreshSnapshotOfAMailboxLargeEnoughIsTried)
{
    const auto all = listing(1, 2000);
    const auto s = snapshotOf(all, 2000, octets(all), now);
    ASSERT_TRUE(s);
    EXPECT_TRUE(worthTrying(s, now.addSecs(3600)));
    EXPECT_FALSE(worthTrying(s, now.addSecs(maxAgeSeconds)));
    EXPECT_FALSE(worthTrying(s, now.addSecs(-60))); // a clock set back proves nothing
    EXPECT_FALSE(worthTrying(std::nullopt, now));
}

TEST(QuickListing, TheProbesAndStatDecideWhetherOnlyNewMessagesAreListed)
{
    const auto all = listing(1, 2000);
    const auto s = snapshotOf(all, 2000, octets(all), now);
    ASSERT_TRUE(s);
    const auto grown = listing(1, 2010);
    const pop3::MaildropStatus stat{2010, octets(grown)};
    EXPECT_TRUE(mayListNewOnly(*s, stat, answers(*s)));

    // Any probe answering another UIDL: something before it was removed.
    for (const auto &[number, uidl] : s->probes) {
        auto a = answers(*s);
        a[number] = "moved";
        EXPECT_FALSE(mayListNewOnly(*s, stat, a)) << number;
        a.remove(number); // -ERR: no such message
        EXPECT_FALSE(mayListNewOnly(*s, stat, a)) << number;
    }
    // Fewer messages than the run, or too many new ones to ask one by one.
    EXPECT_FALSE(mayListNewOnly(*s, {1999, octets(all)}, answers(*s)));
    EXPECT_FALSE(
        mayListNewOnly(*s, {int(2000 + maxNewMessages + 1), octets(all) + 1}, answers(*s)));
    EXPECT_TRUE(mayListNewOnly(*s, {int(2000 + maxNewMessages), octets(all) + 1}, answers(*s)));
}

TEST(QuickListing, AMessageSwappedBetweenTheProbesShowsInTheOctets)
{
    const auto all = listing(1, 2000);
    const auto s = snapshotOf(all, 2000, octets(all), now);
    ASSERT_TRUE(s);
    const auto tail = listing(2001, 2003);
    EXPECT_TRUE(octetsAgree(*s, {2003, octets(all) + octets(tail)}, tail));
    // Message 700 replaced by another of another size, in place: the probes still answer as
    // before, and only STAT's octets tell.
    EXPECT_FALSE(octetsAgree(*s, {2003, octets(all) + octets(tail) + 5}, tail));
    // A new message missing from the answers (UIDL n or LIST n failed).
    EXPECT_FALSE(octetsAgree(*s, {2003, octets(all) + octets(tail)}, listing(2001, 2002)));
    EXPECT_FALSE(octetsAgree(*s, {2003, octets(all) + octets(tail)}, listing(2002, 2004)));
    EXPECT_TRUE(octetsAgree(*s, {2000, octets(all)}, {}));
}

TEST(QuickListing, AQuickCheckExtendsTheRunOverWhatItSettledAndKeepsItsTime)
{
    const auto all = listing(1, 2000);
    auto s = snapshotOf(all, 2000, octets(all), now);
    ASSERT_TRUE(s);
    const auto tail = listing(2001, 2010);
    ListingSnapshot e = extended(*s, tail, 7); // the eighth is still to be fetched again
    EXPECT_EQ(e.count, 2007);
    EXPECT_EQ(e.octets, octets(listing(1, 2007)));
    EXPECT_EQ(e.taken, now);
    EXPECT_EQ(e.probes.back(), (std::pair<int, QByteArray>{2007, uidlOf(2007)}));
    // Nothing settled: as it was.
    EXPECT_EQ(extended(*s, tail, 0), *s);
    // Many checks later the probes stay few, and the first spread stays.
    for (int check = 0; check < 20; ++check)
        e = extended(e, listing(int(e.count) + 1, int(e.count) + 3), 3);
    EXPECT_LE(e.probes.size(), 8);
    EXPECT_EQ(e.probes.mid(0, 4), s->probes.mid(0, 4));
    EXPECT_EQ(e.probes.back().first, e.count);
}
