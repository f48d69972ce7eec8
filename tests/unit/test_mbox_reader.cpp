// SPDX-License-Identifier: GPL-3.0-or-later
// importer::MboxReader: Thunderbird's mbox dialect, read in bounded memory; and the small
// parsers the profile import is built on (X-Mozilla-Status, prefs.js, popstate.dat, marks).
#include "importer/MboxReader.h"
#include "importer/MhFolder.h"
#include "importer/MozillaStatus.h"
#include "importer/PrefsJs.h"
#include "importer/UidlFiles.h"

#include "ProfileFixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::importer;

namespace {

QString writeTemp(const QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath(QStringLiteral("mbox"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    return path;
}

struct ReadBack {
    QList<QByteArray> messages;
    std::optional<MboxDamage> damage;
};

ReadBack readAll(const QByteArray &mbox, bool keep = true, qint64 max = 1 << 26)
{
    QTemporaryDir dir;
    auto reader = MboxReader::open(writeTemp(dir, mbox), max);
    EXPECT_TRUE(reader.ok()) << qPrintable(reader.error().message());
    ReadBack out;
    if (!reader)
        return out;
    reader.value()->setKeepBytes(keep);
    for (;;) {
        auto next = reader.value()->next();
        EXPECT_TRUE(next.ok());
        if (!next || !next.value())
            break;
        const MboxMessage &m = *next.value();
        out.messages.append(m.skipReason.isEmpty() ? (keep ? m.raw : QByteArray::number(m.size))
                                                   : "SKIPPED");
    }
    out.damage = reader.value()->damage();
    return out;
}

const QByteArray one = "From: a@example.org\nSubject: one\n\nBody one.\n";
const QByteArray two = "From: b@example.org\nSubject: two\n\nBody two.\n";

} // namespace

TEST(MboxReader, SplitsOnlyAtSeparatorsShapedAsSuch)
{
    // A body line "From ..." after a blank line, not shaped like a separator (no date): part
    // of the message, whether the writer quoted it or not.
    const QByteArray tricky = "Subject: tricky\n\nFrom here on, nothing.\n\n"
                              "From john.doe@example.com 2025-06-15\nFrom 10:30 onwards\n";
    const auto back = readAll(test::thunderbirdMbox({one, tricky, two}, false)
                                  .replace(">From here", "From here")
                                  .replace(">From john", "From john"));
    ASSERT_EQ(back.messages.size(), 3);
    EXPECT_EQ(back.messages.at(0), one);
    EXPECT_EQ(back.messages.at(1), tricky);
    EXPECT_EQ(back.messages.at(2), two);
    EXPECT_FALSE(back.damage);
}

TEST(MboxReader, UnquotesOneLevelAsThunderbirdReadsItBack)
{
    // mboxrd (Thunderbird 128+): ">From" was written ">>From"; both come back as written.
    const QByteArray quoted = "Subject: q\n\nFrom a\n>From b\n>>From c\n> From d\n";
    const auto rd = readAll(test::thunderbirdMbox({quoted}, true));
    ASSERT_EQ(rd.messages.size(), 1);
    EXPECT_EQ(rd.messages.at(0), quoted);
    // mboxo (older Thunderbird): only "From " was quoted; it comes back.
    const QByteArray plain = "Subject: q\n\nFrom a\n> From d\n";
    const auto o = readAll(test::thunderbirdMbox({plain}, false));
    ASSERT_EQ(o.messages.size(), 1);
    EXPECT_EQ(o.messages.at(0), plain);
}

TEST(MboxReader, KeepsCrlfAndSeparatorBlankLines)
{
    QByteArray crlf = one;
    crlf.replace("\n", "\r\n");
    const QByteArray endsBlank =
        "Subject: b\n\nText.\n\n"; // its own blank line, then the separator's
    const auto back = readAll(test::thunderbirdMbox({crlf, endsBlank, two}, true));
    ASSERT_EQ(back.messages.size(), 3);
    EXPECT_EQ(back.messages.at(0), crlf);
    EXPECT_EQ(back.messages.at(1), endsBlank);
    EXPECT_EQ(back.messages.at(2), two);
}

TEST(MboxReader, LinesLongerThanAChunkStayWhole)
{
    const QByteArray longLine = "Subject: long\n\n" + QByteArray(200 * 1024, 'x') + "\n";
    const QByteArray quotedLong = "Subject: q\n\n" + QByteArray(70 * 1024, '>') + "From x\n";
    const auto back = readAll(test::thunderbirdMbox({longLine, quotedLong, one}, true));
    ASSERT_EQ(back.messages.size(), 3);
    EXPECT_EQ(back.messages.at(0), longLine);
    EXPECT_EQ(back.messages.at(1), quotedLong);
    EXPECT_EQ(back.messages.at(2), one);
}

TEST(MboxReader, ATruncatedLastMessageIsDamageNotAMessage)
{
    const QByteArray whole = test::thunderbirdMbox({one, two, one}, true);
    // Cut in the middle of a line of the third message.
    const QByteArray cut = whole.left(whole.size() - 5);
    const auto back = readAll(cut);
    ASSERT_EQ(back.messages.size(), 2);
    EXPECT_EQ(back.messages.at(0), one);
    EXPECT_EQ(back.messages.at(1), two);
    ASSERT_TRUE(back.damage);
    EXPECT_EQ(back.damage->message, 3);
    EXPECT_EQ(back.damage->offset, whole.lastIndexOf("From - "));
    EXPECT_EQ(back.damage->line, 13);

    // Cut at a line end inside the header.
    const QByteArray inHeader = whole.left(whole.lastIndexOf("Subject:"));
    const auto header = readAll(inHeader);
    EXPECT_EQ(header.messages.size(), 2);
    ASSERT_TRUE(header.damage);
    EXPECT_EQ(header.damage->message, 3);

    // Cut at a line end of a multipart body, before its closing boundary.
    const QByteArray multipart = "Subject: m\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n"
                                 "--zz\n\nPart.\n--zz--\n";
    const QByteArray mp = test::thunderbirdMbox({one, multipart}, true);
    const auto open = readAll(mp.left(mp.indexOf("--zz--")));
    EXPECT_EQ(open.messages.size(), 1);
    ASSERT_TRUE(open.damage);
    EXPECT_EQ(open.damage->message, 2);
    // Whole, it is no damage.
    const auto closed = readAll(mp);
    EXPECT_EQ(closed.messages.size(), 2);
    EXPECT_FALSE(closed.damage);
}

TEST(MboxReader, CountsWithoutKeepingBytesAndSkipsOversized)
{
    const QByteArray big = "Subject: big\n\n" + QByteArray(3000, 'y') + "\n";
    const auto counted = readAll(test::thunderbirdMbox({one, big}, true), false);
    EXPECT_EQ(counted.messages,
              (QList<QByteArray>{QByteArray::number(one.size()), QByteArray::number(big.size())}));
    const auto capped = readAll(test::thunderbirdMbox({one, big, two}, true), true, 1000);
    EXPECT_EQ(capped.messages, (QList<QByteArray>{one, "SKIPPED", two}));
}

TEST(MboxReader, RefusesWhatIsNoMbox)
{
    QTemporaryDir dir;
    EXPECT_FALSE(MboxReader::open(writeTemp(dir, "Subject: x\n\nno separator\n")).ok());
    EXPECT_FALSE(MboxReader::open(dir.filePath(QStringLiteral("absent"))).ok());
    auto empty = MboxReader::open(writeTemp(dir, {}));
    ASSERT_TRUE(empty.ok());
    auto next = empty.value()->next();
    ASSERT_TRUE(next.ok());
    EXPECT_FALSE(next.value());
}

TEST(MboxReader, SeparatorShape)
{
    EXPECT_TRUE(MboxReader::looksLikeSeparator("From - Sat Dec 05 10:00:00 2026\n"));
    EXPECT_TRUE(MboxReader::looksLikeSeparator("From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n"));
    EXPECT_TRUE(MboxReader::looksLikeSeparator("From a@b.c Sat Dec  5 10:00 +0000 2026\r\n"));
    EXPECT_FALSE(MboxReader::looksLikeSeparator("From here on, all is well.\n"));
    EXPECT_FALSE(MboxReader::looksLikeSeparator("From john.doe@example.com 2025-06-15\n"));
    EXPECT_FALSE(MboxReader::looksLikeSeparator("From: a@b.c\n"));
}

TEST(MozillaStatus, ReadsFlagsTagsAndUidl)
{
    const auto s =
        MozillaStatus::of("X-Mozilla-Status: 0005\r\nX-Mozilla-Status2: 00000000\r\n"
                          "X-Mozilla-Keys: $label1 todo          \r\n"
                          "x-uidl: UID123\r\nSubject: s\r\n\r\nX-Mozilla-Status: 0008\r\n");
    EXPECT_TRUE(s.present);
    EXPECT_TRUE(s.read);
    EXPECT_TRUE(s.flagged);
    EXPECT_FALSE(s.expunged);
    EXPECT_EQ(s.tags, (QStringList{QStringLiteral("$label1"), QStringLiteral("todo")}));
    EXPECT_EQ(s.uidl, QByteArray("UID123"));
    EXPECT_TRUE(MozillaStatus::of("X-Mozilla-Status: 0009\n\n").expunged);
    EXPECT_FALSE(MozillaStatus::of("Subject: none\n\n").present);
}

TEST(PrefsJs, ReadsStringsNumbersBooleansAndEscapes)
{
    const auto p = PrefsJs::parse(
        "// comment\nuser_pref(\"a.s\", \"x \\\"q\\\" \\u9C8D\\\\ y\");\n"
        "user_pref(\"a.n\", 995);\nuser_pref(\"a.t\", true);\nuser_pref(\"a.f\", false);\n"
        "pref(\"not.user\", 1);\nuser_pref(\"a.neg\", -3);\n");
    EXPECT_EQ(p.string(QStringLiteral("a.s")), QStringLiteral("x \"q\" \u9C8D\\ y"));
    EXPECT_EQ(p.integer(QStringLiteral("a.n")), 995);
    EXPECT_TRUE(p.boolean(QStringLiteral("a.t")));
    EXPECT_FALSE(p.boolean(QStringLiteral("a.f"), true));
    EXPECT_EQ(p.integer(QStringLiteral("a.neg")), -3);
    EXPECT_FALSE(p.contains(QStringLiteral("not.user")));
}

TEST(UidlFiles, PopStateTakesTheMailboxesOwnEntries)
{
    const QByteArray text = "# POP3 State File\n\n*pop.example.org alice\nk u1 1700000000\n"
                            "d u2 1700000100\nf u3 1700000200\n*other.example alice\nk x 1\n";
    const auto uidls =
        parsePopState(text, QStringLiteral("POP.example.org"), QStringLiteral("alice"));
    ASSERT_EQ(uidls.size(), 2);
    EXPECT_EQ(uidls.at(0).uidl, QByteArray("u1"));
    EXPECT_EQ(uidls.at(0).firstSeen, 1700000000);
    EXPECT_FALSE(uidls.at(0).deletePending);
    EXPECT_TRUE(uidls.at(1).deletePending);
    const auto claws = parseClawsUidls("a\t17\t0\nb\t18\n\n");
    ASSERT_EQ(claws.size(), 2);
    EXPECT_EQ(claws.at(1).uidl, QByteArray("b"));
    EXPECT_EQ(claws.at(1).firstSeen, 18);
}

TEST(MhFolder, MarksInEitherByteOrder)
{
    QByteArray big(4, '\0');
    qToBigEndian<quint32>(2, big.data());
    QByteArray pair(8, '\0');
    qToBigEndian<quint32>(7, pair.data());
    qToBigEndian<quint32>(0x4, pair.data() + 4);
    const auto marks = MhFolder::parseMarks(big + pair);
    EXPECT_EQ(marks.value(7), 0x4u);
}
