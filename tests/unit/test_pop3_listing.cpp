// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Pop3Listing.h"

#include <gtest/gtest.h>

using namespace poplar::pop3;

TEST(Pop3Listing, ReadsUidls)
{
    auto r = parseUidlListing("1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.value().size(), 2);
    EXPECT_EQ(r.value().at(1).number, 2);
    EXPECT_EQ(r.value().at(1).uidl, QByteArray("QhdPYR:00WBw1Ph7x7"));
}

TEST(Pop3Listing, RejectsControlCharactersAndOverlongUids)
{
    EXPECT_FALSE(parseUidlListing("1 abc\x01"
                                  "def\r\n")
                     .ok());
    EXPECT_FALSE(parseUidlListing("1 " + QByteArray(71, 'a') + "\r\n").ok());
    EXPECT_FALSE(parseUidlListing("x abc\r\n").ok());
    EXPECT_FALSE(parseUidlListing("1\r\n").ok());
    EXPECT_TRUE(parseUidlListing("1 " + QByteArray(70, 'a') + "\r\n").ok());
}

TEST(Pop3Listing, ReadsSizes)
{
    auto r = parseSizeListing("1 120\r\n2 200000\r\n");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().value(2), 200000);
    EXPECT_FALSE(parseSizeListing("1 -5\r\n").ok());
    EXPECT_FALSE(parseSizeListing("1 lots\r\n").ok());
}

// The sync fetches and deletes by number: "1 a", "1 b" would fetch message 1 twice, keep it
// under two UIDLs, and later send DELE 1 for both. Found by the listing fuzzer.
TEST(Pop3Listing, RejectsAMessageNumberListedTwice)
{
    EXPECT_FALSE(parseUidlListing("1 a\r\n2 b\r\n1 c\r\n").ok());
    EXPECT_FALSE(parseSizeListing("1 120\r\n1 200\r\n").ok());
    // The same UIDL under two numbers is the sync's to judge, not a malformed listing.
    EXPECT_TRUE(parseUidlListing("1 a\r\n2 a\r\n").ok());
}

// The sync adds listed sizes up in a qint64 (progress totals, the pipelining window, the
// parser's size hint + 64): "1 9223372036854775807" overflowed all three, which is undefined
// behaviour. Found by the listing fuzzer.
TEST(Pop3Listing, RejectsASizeNoMessageHas)
{
    EXPECT_FALSE(parseSizeListing("1 9223372036854775807\r\n2 1\r\n").ok());
    EXPECT_FALSE(parseSizeListing("1 " + QByteArray::number(maxListedSize + 1) + "\r\n").ok());
    EXPECT_TRUE(parseSizeListing("1 " + QByteArray::number(maxListedSize) + "\r\n").ok());
    EXPECT_TRUE(parseSizeListing("1 73400320\r\n").ok()); // a 70 MB video is mail
}

TEST(Pop3Listing, ReadsStatsCountAndOctets)
{
    auto s = parseMaildropStatus("2 320");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->count, 2);
    EXPECT_EQ(s->octets, 320);
    // Words after the numbers are the server's own (RFC 1939 allows none, servers add some).
    s = parseMaildropStatus("100000 575794729 messages");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->count, 100000);
    EXPECT_EQ(s->octets, 575794729);
    s = parseMaildropStatus("0 0");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->count, 0);
    for (const char *bad : {"", "2", "two 320", "2 lots", "-1 5", "2 -5", "99999999999 1"})
        EXPECT_FALSE(parseMaildropStatus(bad)) << bad;
}
