// SPDX-License-Identifier: GPL-3.0-or-later
// Moving in, what besides the mail: Thunderbird's tag names and colours (prefs.js), Claws
// Mail's tags (tagsrc and tagsdb/.../.claws_tags), and what becomes of the server deletions
// Thunderbird had queued (popstate.dat 'd' lines).
#include "store/TagStore.h"

#include "ProfileFixtures.h"
#include "ProfileImportTest.h"

#include <QtEndian>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::importer;
using namespace poplar::importer::test_support;

namespace {

void append(const QString &file, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write(bytes);
}

/// A .claws_tags file: version 1, then each message's number and tag ids, ended by 0.
QByteArray clawsTags(const QList<QPair<quint32, QList<qint32>>> &messages, bool bigEndian)
{
    QByteArray bytes;
    auto word = [&](quint32 w) {
        QByteArray four(4, '\0');
        if (bigEndian)
            qToBigEndian<quint32>(w, four.data());
        else
            qToLittleEndian<quint32>(w, four.data());
        bytes += four;
    };
    word(1);
    for (const auto &[number, ids] : messages) {
        word(number);
        for (const qint32 id : ids)
            word(quint32(id));
        word(0);
    }
    return bytes;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

TEST_F(ProfileImportTest, ThunderbirdTagsArriveWithTheirNamesAndColours)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    // The first label renamed, a tag of the user's own named and coloured, one not used yet.
    append(profileDir + QStringLiteral("/prefs.js"),
           "user_pref(\"mailnews.tags.$label1.tag\", \"Urgent\");\n"
           "user_pref(\"mailnews.tags.$label1.color\", \"#CC0000\");\n"
           "user_pref(\"mailnews.tags.todo.tag\", \"To do at home\");\n"
           "user_pref(\"mailnews.tags.todo.color\", \"#00AA00\");\n"
           "user_pref(\"mailnews.tags.todo.ordinal\", \"a\");\n"
           "user_pref(\"mailnews.tags.someday.tag\", \"Some day\");\n"
           "user_pref(\"mailnews.tags.someday.color\", \"not a colour\");\n"
           "user_pref(\"mailnews.tags.someday.ordinal\", \"b\");\n");
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found.value().tags.size(), 3);
    EXPECT_EQ(found.value().tags.at(0).keyword, QStringLiteral("$label1"));

    // A dry run adds no tag.
    store::TagStore tags(m_db->connection());
    const qsizetype defaults = tags.tags().value().size();
    import(found.value(), true);
    EXPECT_EQ(tags.tags().value().size(), defaults);

    import(found.value());
    auto names = tags.tagNames(stored(QStringLiteral("Flagged news")).id);
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(sorted(names.value()),
              (QStringList{QStringLiteral("To do at home"), QStringLiteral("Urgent")}));
    const QList<store::Tag> all = tags.tags().value();
    ASSERT_EQ(all.size(), defaults + 3);
    // After Poplar's own, in Thunderbird's order, with Thunderbird's colours.
    EXPECT_EQ(all.at(defaults).name, QStringLiteral("Urgent"));
    EXPECT_EQ(all.at(defaults).colour, QStringLiteral("#cc0000"));
    EXPECT_EQ(all.at(defaults + 1).name, QStringLiteral("To do at home"));
    EXPECT_EQ(all.at(defaults + 1).colour, QStringLiteral("#00aa00"));
    EXPECT_EQ(all.at(defaults + 2).name, QStringLiteral("Some day"));
    EXPECT_EQ(all.at(defaults + 2).colour, QStringLiteral("#808080"));
    EXPECT_EQ(all.at(0).name, QStringLiteral("Important")); // Poplar's first, untouched
    // Thunderbird's keys are IMAP keywords: a new tag keeps its own ("todo"), so a Sieve
    // script or a server that says it still means it; $label1 is Important's already.
    EXPECT_EQ(all.at(0).keyword, QStringLiteral("$label1"));
    EXPECT_EQ(all.at(defaults).keyword, QStringLiteral("urgent"));
    EXPECT_EQ(all.at(defaults + 1).keyword, QStringLiteral("todo"));
    EXPECT_EQ(all.at(defaults + 2).keyword, QStringLiteral("someday"));

    // Twice: no tag twice.
    import(found.value());
    EXPECT_EQ(tags.tags().value().size(), defaults + 3);
}

TEST_F(ProfileImportTest, ClawsMailTagsBecomePoplarTags)
{
    const QString home = path(QStringLiteral("home"));
    const auto messages = test::writeClawsProfile(home);
    const QString rc = home + QStringLiteral("/.claws-mail");
    append(rc + QStringLiteral("/tagsrc"), "max_id 4\n1\tFamily\n2\tReceipts\n4\tJunk\n");
    append(rc + QStringLiteral("/tagsdb/#mh/Mailbox/inbox/.claws_tags"),
           clawsTags({{1, {1}}, {2, {1, 2}}, {3, {4}}, {5, {3}}}, false));
    append(rc + QStringLiteral("/tagsdb/#mh/Mailbox/Archive/2024/.claws_tags"),
           clawsTags({{1, {2}}}, true)); // written on a big-endian machine
    auto found = ProfileImporter::discover(SourceProgram::Claws, {}, home);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found.value().tags.size(), 2); // Junk is Claws' own marker
    EXPECT_EQ(import(found.value()).imported, messages.size());

    store::TagStore tags(m_db->connection());
    const QHash<QString, QStringList> expected{
        {QStringLiteral("Claws read"), {QStringLiteral("Family")}},
        {QStringLiteral("Claws flagged"), {QStringLiteral("Family"), QStringLiteral("Receipts")}},
        {QStringLiteral("Claws unread"), {}},
        {QStringLiteral("Claws new"), {}}, // tag 3 is no longer in tagsrc
        {QStringLiteral("Claws archive"), {}},
        {QStringLiteral("Claws 2024"), {QStringLiteral("Receipts")}}};
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        auto names = tags.tagNames(stored(it.key()).id);
        ASSERT_TRUE(names.ok());
        EXPECT_EQ(sorted(names.value()), it.value()) << qPrintable(it.key());
    }
    EXPECT_FALSE(tags.tag(QStringLiteral("Junk")).value().has_value());
    // Claws' ids mean nothing elsewhere: keywords made from the names.
    EXPECT_EQ(tags.tag(QStringLiteral("Family")).value()->keyword, QStringLiteral("family"));
    EXPECT_EQ(tags.tag(QStringLiteral("Receipts")).value()->keyword, QStringLiteral("receipts"));
}

TEST_F(ProfileImportTest, DeletionsThunderbirdHadQueuedAreToldOfNotQueued)
{
    QString profileDir;
    test::writeThunderbirdProfile(path(QStringLiteral("tb")), &profileDir);
    auto found = ProfileImporter::discover(SourceProgram::Thunderbird, profileDir, {});
    ASSERT_TRUE(found.ok());
    auto toldOf = [](const ProfileImportReport &r) {
        return std::any_of(r.notes.cbegin(), r.notes.cend(), [](const QString &n) {
            return n.startsWith(QStringLiteral("Home: 1 message")) &&
                   n.contains(QStringLiteral("stay there"));
        });
    };

    const ProfileImportReport dry = import(found.value(), true);
    EXPECT_EQ(dry.accounts.at(0).deletedThere, 1);
    EXPECT_TRUE(toldOf(dry));

    const ProfileImportReport report = import(found.value());
    EXPECT_EQ(report.accounts.at(0).deletedThere, 1);
    EXPECT_EQ(report.accounts.at(1).deletedThere, 0);
    EXPECT_TRUE(toldOf(report));
    // Known (never fetched again), but not queued: Poplar deletes a server copy only when
    // it holds that message whole, and it holds nothing of this one.
    const QString homeId = report.accounts.at(0).accountId;
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM downloads WHERE account_id = '%1' AND "
                                   "uidl = '%2' AND state = 'headers-only'")
                        .arg(homeId, QString::fromLatin1(test::homeDeletedUidl()))),
              1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM server_deletions")), 0);

    // Twice: told of no more.
    const ProfileImportReport again = import(found.value());
    EXPECT_EQ(again.accounts.at(0).deletedThere, 0);
    EXPECT_FALSE(toldOf(again));
}
