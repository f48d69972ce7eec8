// SPDX-License-Identifier: GPL-3.0-or-later
// filters.sieve: the parser's errors and lines, each test and action of the interpreter, and
// the cache writer storing each message straight into the folder its rule chose.
#include "filters/FilterFile.h"
#include "filters/FilterMessage.h"
#include "filters/FilterRules.h"
#include "filters/JunkVerdict.h"
#include "filters/SieveParser.h"
#include "mime/MessageRenderer.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/TagStore.h"
#include "sync/CacheWriter.h"

#include "TestUtil.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;
using filters::FilterOutcome;

namespace {

const QByteArray invoice = "From: Billing <billing@shop.example>\r\n"
                           "To: me@example.org, \"Team\" <team@lists.example>\r\n"
                           "Subject: =?UTF-8?B?UmVjaG51bmcgw5xiZXJzaWNodA==?= 42\r\n"
                           "X-Priority: 1 (Highest)\r\n"
                           "List-Id: <shop.lists.example>\r\n"
                           "\r\n"
                           "Your invoice.\r\n";

std::shared_ptr<const filters::FilterRules> compiled(const QString &script)
{
    auto result = filters::FilterRules::compile(script);
    if (auto *e = std::get_if<filters::SieveError>(&result)) {
        ADD_FAILURE() << "line " << e->line << ": " << qPrintable(e->message);
        return {};
    }
    return std::get<std::shared_ptr<const filters::FilterRules>>(result);
}

filters::SieveError errorOf(const QString &script)
{
    auto result = filters::FilterRules::compile(script);
    if (auto *e = std::get_if<filters::SieveError>(&result))
        return *e;
    ADD_FAILURE() << "the script compiled: " << qPrintable(script);
    return {};
}

FilterOutcome run(const QString &script, const QByteArray &raw = invoice, qint64 size = -1)
{
    auto rules = compiled(script);
    if (!rules)
        return {};
    return rules->evaluate(filters::FilterMessage(raw, size < 0 ? raw.size() : size));
}

QString filedInto(const QString &test, const QByteArray &raw = invoice, qint64 size = -1)
{
    const FilterOutcome o = run(
        QStringLiteral("require \"fileinto\";\nif %1 { fileinto \"Hit\"; }").arg(test), raw, size);
    return o.placement == FilterOutcome::Placement::Folder ? o.folder : QStringLiteral("inbox");
}

} // namespace

TEST(SieveParser, ReadsCommandsStringsNumbersTagsAndBlocks)
{
    const auto parsed = filters::SieveParser::parse(QStringLiteral(
        "require [\"fileinto\", \"imap4flags\"]; # a comment\n"
        "/* a block\n comment */ if anyof (size :over 100K, header :is \"a\" \"b\") {\n"
        "  fileinto \"x\\\"y\";\n"
        "}\n"));
    ASSERT_FALSE(parsed.error) << qPrintable(parsed.error->message);
    ASSERT_EQ(parsed.commands.size(), 2);
    EXPECT_EQ(parsed.commands.at(0).arguments.at(0).strings,
              (QStringList{QStringLiteral("fileinto"), QStringLiteral("imap4flags")}));
    const auto &ifCommand = parsed.commands.at(1);
    EXPECT_EQ(ifCommand.line, 3);
    ASSERT_EQ(ifCommand.tests.size(), 1);
    EXPECT_EQ(ifCommand.tests.at(0).name, QStringLiteral("anyof"));
    EXPECT_EQ(ifCommand.tests.at(0).tests.at(0).arguments.at(1).number, 100 * 1024);
    EXPECT_EQ(ifCommand.block.at(0).arguments.at(0).strings.at(0), QStringLiteral("x\"y"));
}

TEST(SieveParser, MultiLineStringsUndoDotStuffing)
{
    const auto parsed = filters::SieveParser::parse(
        QStringLiteral("if header :is \"subject\" text:\n..dots\nplain\n.\n{ keep; }\n"));
    ASSERT_FALSE(parsed.error) << qPrintable(parsed.error->message);
    EXPECT_EQ(parsed.commands.at(0).tests.at(0).arguments.at(2).strings.at(0),
              QStringLiteral(".dots\r\nplain\r\n"));
}

TEST(SieveParser, ErrorsSayTheLineAndWhatWasExpected)
{
    const auto missingSemicolon =
        filters::SieveParser::parse(QStringLiteral("keep;\n\nif true {\n  stop\n}\n"));
    ASSERT_TRUE(missingSemicolon.error);
    EXPECT_EQ(missingSemicolon.error->line, 5);
    EXPECT_TRUE(missingSemicolon.error->message.contains(QStringLiteral("';'")))
        << qPrintable(missingSemicolon.error->message);

    const auto openString = filters::SieveParser::parse(QStringLiteral("keep;\nfileinto \"x;\n"));
    ASSERT_TRUE(openString.error);
    EXPECT_EQ(openString.error->line, 2);

    const auto openBlock = filters::SieveParser::parse(QStringLiteral("if true {\nkeep;\n"));
    ASSERT_TRUE(openBlock.error);
    EXPECT_TRUE(openBlock.error->message.contains(QStringLiteral("line 1")))
        << qPrintable(openBlock.error->message);

    const auto stray = filters::SieveParser::parse(QStringLiteral("keep;\n}\n"));
    ASSERT_TRUE(stray.error);
    EXPECT_EQ(stray.error->line, 2);
}

TEST(SieveParser, RefusesNestingDeeperThanItsLimitInsteadOfOverflowing)
{
    QString deep;
    for (int i = 0; i < 10000; ++i)
        deep += QStringLiteral("not ");
    const auto parsed =
        filters::SieveParser::parse(QStringLiteral("if %1 true { keep; }").arg(deep));
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->line, 1);
}

TEST(SieveRules, CheckingNamesUnknownCommandsTestsAndMissingRequires)
{
    EXPECT_EQ(errorOf(QStringLiteral("keep;\nredirect \"a@b\";\n")).line, 2);
    EXPECT_EQ(errorOf(QStringLiteral("\n\nif spamtest 5 { keep; }")).line, 3);
    EXPECT_EQ(errorOf(QStringLiteral("if true {\n fileinto \"x\";\n}")).line, 2);
    EXPECT_TRUE(errorOf(QStringLiteral("require \"vacation\";"))
                    .message.contains(QStringLiteral("vacation")));
    EXPECT_EQ(errorOf(QStringLiteral("keep;\nrequire \"fileinto\";")).line, 2);
    EXPECT_EQ(errorOf(QStringLiteral("if header :is \"a\" { keep; }")).line, 1);
    EXPECT_EQ(errorOf(QStringLiteral("else { keep; }")).line, 1);
    EXPECT_EQ(errorOf(QStringLiteral("if size 10 { keep; }")).line, 1);
    EXPECT_TRUE(errorOf(QStringLiteral("if envelope :is \"from\" \"a\" { keep; }"))
                    .message.contains(QStringLiteral("envelope")));
}

TEST(SieveRules, HeaderTestsDecodeAndMatchCaseInsensitively)
{
    EXPECT_EQ(filedInto(QStringLiteral("header :contains \"subject\" \"rechnung\"")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("header :is \"Subject\" \"Rechnung Übersicht 42\"")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("header :is \"subject\" \"Rechnung\"")),
              QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("header :matches \"x-priority\" \"1*\"")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("header :matches \"list-id\" \"<*.lists.?xample>\"")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("header :matches \"subject\" \"*42?\"")),
              QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("header :contains \"x-missing\" \"\"")),
              QStringLiteral("inbox"));
    // i;octet compares exactly.
    EXPECT_EQ(filedInto(QStringLiteral(
                  "header :comparator \"i;octet\" :contains \"subject\" \"rechnung\"")),
              QStringLiteral("inbox"));
    // The default comparator folds ASCII only, as a Sieve server does.
    EXPECT_EQ(filedInto(QStringLiteral("header :contains \"subject\" \"üBERSICHT\"")),
              QStringLiteral("inbox"));
}

TEST(SieveRules, MatchesWithManyStarsStaysLinear)
{
    QByteArray raw = "Subject: " + QByteArray(20000, 'a') + "\r\n\r\nbody\r\n";
    QString pattern;
    for (int i = 0; i < 200; ++i)
        pattern += QStringLiteral("*a");
    pattern += QStringLiteral("b");
    EXPECT_EQ(filedInto(QStringLiteral("header :matches \"subject\" \"%1\"").arg(pattern), raw),
              QStringLiteral("inbox"));
}

TEST(SieveRules, RulesTestTheHeaderFieldsTheViewerShowsAndNoOthers)
{
    // A line that is neither a field nor a continuation ends the header block for the list
    // and the viewer; a rule must not see a "From" smuggled in after it.
    const QByteArray smuggled = "From: stranger@junk.example\r\n"
                                "Subject: hello\r\n"
                                "this line has no colon\r\n"
                                "From: billing@shop.example\r\n"
                                "\r\nbody\r\n";
    ASSERT_EQ(mime::MessageRenderer::headers(smuggled).from.address,
              QStringLiteral("stranger@junk.example"));
    EXPECT_EQ(filedInto(QStringLiteral("address :is \"from\" \"billing@shop.example\""), smuggled),
              QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("address :is \"from\" \"stranger@junk.example\""), smuggled),
              QStringLiteral("Hit"));

    // A name with a blank in it is no field for GMime, so none for a rule either; blanks
    // before the colon are allowed ("Subject :"), and a NUL ends a value.
    const QByteArray odd = "From: a@example.org\r\n"
                           "X Spam: yes\r\n"
                           "Subject : visible\r\n"
                           "X-Note: before" +
                           QByteArray(1, '\0') +
                           "after\r\n"
                           "\r\nbody\r\n";
    EXPECT_EQ(filedInto(QStringLiteral("exists \"x spam\""), odd), QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("header :is \"subject\" \"visible\""), odd),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("header :is \"x-note\" \"before\""), odd),
              QStringLiteral("Hit"));

    // Folded values are compared unfolded (RFC 5228 5.7), continuation lines joined.
    const QByteArray folded =
        "From: a@example.org\r\nSubject: Rechnung\r\n\t  fuer Mai\r\n\r\nb\r\n";
    EXPECT_EQ(filedInto(QStringLiteral("header :is \"subject\" \"Rechnung fuer Mai\""), folded),
              QStringLiteral("Hit"));
}

TEST(SieveRules, AddressTestsCompareAddressParts)
{
    EXPECT_EQ(filedInto(QStringLiteral("address :is \"from\" \"billing@shop.example\"")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("address :domain :is \"from\" \"SHOP.example\"")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("address :localpart :is \"from\" \"billing\"")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("address :is \"from\" \"Billing\"")),
              QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("address :domain :is \"to\" \"lists.example\"")),
              QStringLiteral("Hit"));
}

TEST(SieveRules, SizeExistsAndTheLogicTests)
{
    EXPECT_EQ(filedInto(QStringLiteral("size :over 1K"), invoice, 2000), QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("size :over 1K"), invoice, 1024), QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("size :under 1K"), invoice, 1023), QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("exists [\"list-id\", \"x-priority\"]")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("exists [\"list-id\", \"x-nope\"]")),
              QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("not exists \"x-nope\"")), QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("allof (true, exists \"list-id\")")), QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("allof (true, false)")), QStringLiteral("inbox"));
    EXPECT_EQ(filedInto(QStringLiteral("anyof (false, header :contains \"to\" \"team\")")),
              QStringLiteral("Hit"));
    EXPECT_EQ(filedInto(QStringLiteral("anyof (false, false)")), QStringLiteral("inbox"));
}

TEST(SieveRules, IfElsifElseTakeTheFirstBranchThatHolds)
{
    const QString script =
        QStringLiteral("require \"fileinto\";\n"
                       "if false { fileinto \"A\"; }\n"
                       "elsif header :contains \"subject\" \"nope\" { fileinto \"B\"; }\n"
                       "elsif true { fileinto \"C\"; }\n"
                       "else { fileinto \"D\"; }\n");
    EXPECT_EQ(run(script).folder, QStringLiteral("C"));
}

TEST(SieveRules, TheFirstPlacementWinsAndNamesItsRule)
{
    const FilterOutcome o =
        run(QStringLiteral("require [\"fileinto\"];\n"
                           "# rule: Nothing here\n"
                           "if false { fileinto \"Never\"; }\n"
                           "# rule:[Invoices]\n"
                           "if address :domain :is \"from\" \"shop.example\" {\n"
                           "  fileinto \"Invoices\";\n"
                           "}\n"
                           "\n"
                           "if true { fileinto \"Later\"; }\n"));
    EXPECT_EQ(o.placement, FilterOutcome::Placement::Folder);
    EXPECT_EQ(o.folder, QStringLiteral("Invoices"));
    EXPECT_EQ(o.ruleName, QStringLiteral("Invoices"));
    EXPECT_EQ(o.ruleLine, 5);

    const FilterOutcome unnamed =
        run(QStringLiteral("require \"fileinto\";\nif true { fileinto \"X\"; }\n"));
    EXPECT_EQ(unnamed.ruleName, QString());
    EXPECT_EQ(unnamed.ruleLine, 2);
    EXPECT_TRUE(unnamed.filed());
}

TEST(SieveRules, StopEndsTheScriptAndKeepPlacesInTheInbox)
{
    const FilterOutcome stopped =
        run(QStringLiteral("require \"fileinto\";\nif true { stop; }\nfileinto \"X\";\n"));
    EXPECT_EQ(stopped.placement, FilterOutcome::Placement::Inbox);
    EXPECT_FALSE(stopped.filed());

    const FilterOutcome kept =
        run(QStringLiteral("require \"fileinto\";\n# rule: Stay\nkeep;\nfileinto \"X\";\n"));
    EXPECT_EQ(kept.placement, FilterOutcome::Placement::Inbox);
    EXPECT_EQ(kept.ruleName, QStringLiteral("Stay"));
    EXPECT_EQ(kept.ruleLine, 3);

    const FilterOutcome inbox =
        run(QStringLiteral("require \"fileinto\";\nfileinto \"INBOX\";\nfileinto \"X\";\n"));
    EXPECT_EQ(inbox.placement, FilterOutcome::Placement::Inbox);
}

TEST(SieveRules, DiscardMovesToTrashUnlessSomethingElsePlacedIt)
{
    const FilterOutcome discarded = run(QStringLiteral("# rule: Drop\ndiscard;\n"));
    EXPECT_EQ(discarded.placement, FilterOutcome::Placement::Trash);
    EXPECT_EQ(discarded.ruleName, QStringLiteral("Drop"));

    const FilterOutcome filed =
        run(QStringLiteral("require \"fileinto\";\ndiscard;\nfileinto \"Kept\";\n"));
    EXPECT_EQ(filed.placement, FilterOutcome::Placement::Folder);
    EXPECT_EQ(filed.folder, QStringLiteral("Kept"));
}

TEST(SieveRules, AddflagMarksReadAndFlaggedAndKeepsOtherKeywords)
{
    const FilterOutcome o = run(QStringLiteral(
        "require \"imap4flags\";\nif true { addflag [\"\\\\Seen\", \"\\\\Flagged $Work\"]; }\n"));
    EXPECT_TRUE(o.seen);
    EXPECT_TRUE(o.flagged);
    EXPECT_EQ(o.keywords, QStringList{QStringLiteral("$Work")});
    EXPECT_EQ(o.placement, FilterOutcome::Placement::Inbox);
    EXPECT_FALSE(o.filed()); // flags place nothing
    EXPECT_EQ(o.markedByLine, 2);

    // The first rule that marks is the one a dry run names for a message no rule placed.
    const FilterOutcome named =
        run(QStringLiteral("require \"imap4flags\";\nif false { addflag \"$Never\"; }\n"
                           "# rule: Mark\nif true { addflag \"\\\\Seen\"; }\n"
                           "# rule: Later\nif true { addflag \"\\\\Flagged\"; }\n"));
    EXPECT_EQ(named.markedByRule, QStringLiteral("Mark"));
    EXPECT_EQ(named.markedByLine, 4);
    EXPECT_TRUE(named.seen && named.flagged);
}

TEST(FilterFile, MissingMeansNoRulesAndBrokenSaysTheLine)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("filters.sieve"));
    const auto none = filters::FilterFile::load(path);
    EXPECT_FALSE(none.present);
    EXPECT_FALSE(none.rules);
    EXPECT_FALSE(none.error);

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("require \"fileinto\";\n\nif header :contains \"subject\" \"x\" {\n"
               "  fileinto \"X\"\n}\n");
    file.close();
    const auto broken = filters::FilterFile::load(path);
    EXPECT_TRUE(broken.present);
    EXPECT_FALSE(broken.rules);
    ASSERT_TRUE(broken.error);
    EXPECT_EQ(broken.error->line, 5);
    EXPECT_TRUE(broken.errorText().startsWith(QStringLiteral("filters.sieve, line 5")))
        << qPrintable(broken.errorText());
}

TEST(FilterFile, RulesPlaceMessagesAsTheCacheWriterStoresThem)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto db = store::Database::open(path, QStringLiteral("sieve-writer-test"));
    ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
    auto rules =
        compiled(QStringLiteral("require [\"fileinto\", \"imap4flags\"];\n"
                                "# rule: Invoices\n"
                                "if address :domain :is \"from\" \"shop.example\" {\n"
                                "  fileinto \"Invoices\"; addflag \"\\\\Flagged\";\n"
                                "}\n"
                                "# rule: Noise\n"
                                "if header :contains \"subject\" \"noise\" { discard; }\n"));
    ASSERT_TRUE(rules);
    auto incoming = [](const QString &uidl, const QByteArray &raw) {
        store::IncomingMessage m;
        m.accountId = QStringLiteral("acct");
        m.uidl = uidl;
        m.raw = raw;
        return m;
    };
    QList<store::IncomingMessage> batch{
        incoming(QStringLiteral("u1"), invoice),
        incoming(QStringLiteral("u2"),
                 test::makeMessage(QStringLiteral("noise"), QStringLiteral("a@b.example"),
                                   QStringLiteral("x"))),
        incoming(QStringLiteral("u3"),
                 test::makeMessage(QStringLiteral("hello"), QStringLiteral("a@b.example"),
                                   QStringLiteral("x")))};
    QObject context;
    QList<qint64> ids;
    {
        sync::CacheWriter writer(path);
        writer.submit(
            std::move(batch), &context,
            [&](Result<QList<qint64>> r) {
                ASSERT_TRUE(r.ok()) << qPrintable(r.error().message());
                ids = r.value();
            },
            rules);
        writer.waitForAll(&context);
    }
    ASSERT_EQ(ids.size(), 3);
    store::MessageStore messages(db.value()->connection());
    auto filed = messages.message(ids.at(0));
    ASSERT_TRUE(filed.ok());
    EXPECT_EQ(filed.value().folder, store::Folder::Inbox);
    EXPECT_EQ(filed.value().localFolder, QStringLiteral("Invoices"));
    EXPECT_EQ(filed.value().filedBy, QStringLiteral("Invoices"));
    EXPECT_EQ(filed.value().filedByLine, 3);
    EXPECT_TRUE(filed.value().flagged);
    auto discarded = messages.message(ids.at(1));
    ASSERT_TRUE(discarded.ok());
    EXPECT_EQ(discarded.value().folder, store::Folder::Trash);
    EXPECT_EQ(discarded.value().filedBy, QStringLiteral("Noise"));
    auto plain = messages.message(ids.at(2));
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain.value().folder, store::Folder::Inbox);
    EXPECT_TRUE(plain.value().localFolder.isEmpty());
    EXPECT_EQ(plain.value().filedByLine, 0);

    // The account's Inbox lists what no rule filed; its folder lists the rest.
    auto inbox = messages.orderedIds({QStringLiteral("acct"), store::Folder::Inbox, {}, false},
                                     store::SortKey::Date, true);
    ASSERT_TRUE(inbox.ok());
    EXPECT_EQ(inbox.value(), QList<qint64>{ids.at(2)});
    auto invoices = messages.orderedIds(
        {QStringLiteral("acct"), store::Folder::Inbox, QStringLiteral("Invoices"), false},
        store::SortKey::Date, true);
    ASSERT_TRUE(invoices.ok());
    EXPECT_EQ(invoices.value(), QList<qint64>{ids.at(0)});
    auto unified = messages.orderedIds(store::FolderRef::unified(), store::SortKey::Date, true);
    ASSERT_TRUE(unified.ok());
    EXPECT_EQ(unified.value(), QList<qint64>{ids.at(2)});
    auto folders = messages.localFolders(QStringLiteral("acct"));
    ASSERT_TRUE(folders.ok());
    EXPECT_EQ(folders.value(), QStringList{QStringLiteral("Invoices")});
}

namespace {

filters::JunkVerdict verdictOf(const QByteArray &headers)
{
    const QByteArray raw = headers + "From: Someone <someone@sender.example>\r\n"
                                     "Subject: hi\r\n\r\nbody\r\n";
    return filters::JunkVerdict::of(filters::FilterMessage(raw, raw.size()));
}

} // namespace

TEST(JunkVerdict, ServerSpamHeadersSayJunkFromTheFirstMessage)
{
    EXPECT_TRUE(verdictOf("X-Spam-Flag: YES\r\n").junk);
    EXPECT_EQ(verdictOf("X-Spam-Flag: YES\r\n").reason, QStringLiteral("X-Spam-Flag: YES"));
    EXPECT_FALSE(verdictOf("X-Spam-Flag: NO\r\n").junk);
    EXPECT_TRUE(verdictOf("X-Spam-Status: Yes, score=9.1 required=5.0\r\n").junk);
    EXPECT_FALSE(verdictOf("X-Spam-Status: No, score=1.2 required=5.0\r\n").junk);
    EXPECT_FALSE(verdictOf("X-Spam-Status: Yesterday\r\n").junk);
    EXPECT_TRUE(verdictOf("X-Spam: Yes\r\n").junk);
    EXPECT_TRUE(verdictOf("X-Rspamd-Action: add header\r\n").junk);
    EXPECT_TRUE(verdictOf("X-Rspamd-Action: reject\r\n").junk);
    EXPECT_FALSE(verdictOf("X-Rspamd-Action: no action\r\n").junk);
    EXPECT_TRUE(verdictOf("Authentication-Results: mx.example; dmarc=fail "
                          "header.from=sender.example\r\n")
                    .junk);
    // One failed check (a mailing list breaks DKIM) is not enough; SPF and DKIM both are.
    EXPECT_FALSE(verdictOf("Authentication-Results: mx.example; dkim=fail "
                           "header.d=sender.example\r\n")
                     .junk);
    EXPECT_TRUE(verdictOf("Authentication-Results: mx.example; dkim=fail "
                          "header.d=sender.example; spf=fail smtp.mailfrom=sender.example\r\n")
                    .junk);
    EXPECT_FALSE(verdictOf("").junk);
}

TEST(JunkVerdict, JunkGoesToJunkBeforeAnyRuleAndCanBeUndone)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto db = store::Database::open(path, QStringLiteral("junk-writer-test"));
    ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
    auto rules = compiled(QStringLiteral("require \"fileinto\";\n"
                                         "if address :domain :is \"from\" \"shop.example\" {\n"
                                         "  fileinto \"Invoices\";\n}\n"));
    store::IncomingMessage spam;
    spam.accountId = QStringLiteral("acct");
    spam.uidl = QStringLiteral("s1");
    spam.raw = "X-Spam-Flag: YES\r\n" + invoice; // a rule would file it: the verdict wins
    QObject context;
    qint64 id = 0;
    {
        sync::CacheWriter writer(path);
        writer.submit(
            {spam}, &context,
            [&](Result<QList<qint64>> r) {
                ASSERT_TRUE(r.ok()) << qPrintable(r.error().message());
                id = r.value().value(0);
            },
            rules);
        writer.waitForAll(&context);
    }
    store::MessageStore messages(db.value()->connection());
    auto stored = messages.message(id);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored.value().junk);
    EXPECT_EQ(stored.value().localFolder, filters::JunkVerdict::folderName());
    EXPECT_EQ(stored.value().junkReason, QStringLiteral("X-Spam-Flag: YES"));
    EXPECT_EQ(stored.value().filedByLine, 0);

    ASSERT_TRUE(messages.setJunk(id, false, {}, filters::JunkVerdict::folderName()).ok());
    stored = messages.message(id);
    EXPECT_FALSE(stored.value().junk);
    EXPECT_TRUE(stored.value().localFolder.isEmpty());
    EXPECT_EQ(stored.value().folder, store::Folder::Inbox);

    ASSERT_TRUE(
        messages
            .setJunk(id, true, filters::JunkVerdict::byUser(), filters::JunkVerdict::folderName())
            .ok());
    stored = messages.message(id);
    EXPECT_TRUE(stored.value().junk);
    EXPECT_EQ(stored.value().localFolder, filters::JunkVerdict::folderName());
    EXPECT_EQ(stored.value().junkReason, filters::JunkVerdict::byUser());
}

TEST(FilterFile, AddflagKeywordsBecomeTagsAsTheMessageIsStored)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto db = store::Database::open(path, QStringLiteral("sieve-tags-test"));
    ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
    // "Work" is a default tag; "Receipts" is new and is added; \Answered is no tag.
    auto rules =
        compiled(QStringLiteral("require \"imap4flags\";\n"
                                "if header :contains \"subject\" \"plan\" {\n"
                                "  addflag \"Work\"; addflag [\"Receipts\", \"\\\\Answered\"];\n"
                                "}\n"));
    ASSERT_TRUE(rules);
    store::IncomingMessage m;
    m.accountId = QStringLiteral("acct");
    m.uidl = QStringLiteral("u1");
    m.raw = test::makeMessage(QStringLiteral("The plan"), QStringLiteral("a@b.example"),
                              QStringLiteral("x"));
    store::IncomingMessage other = m;
    other.uidl = QStringLiteral("u2");
    other.raw = test::makeMessage(QStringLiteral("Lunch"), QStringLiteral("a@b.example"),
                                  QStringLiteral("x"));
    QObject context;
    QList<qint64> ids;
    {
        sync::CacheWriter writer(path);
        writer.submit(
            {m, other}, &context,
            [&](Result<QList<qint64>> r) {
                ASSERT_TRUE(r.ok()) << qPrintable(r.error().message());
                ids = r.value();
            },
            rules);
        writer.waitForAll(&context);
    }
    ASSERT_EQ(ids.size(), 2);
    store::TagStore tags(db.value()->connection());
    auto tagged = tags.tagNames(ids.at(0));
    ASSERT_TRUE(tagged.ok());
    EXPECT_EQ(tagged.value(), (QStringList{QStringLiteral("Work"), QStringLiteral("Receipts")}));
    auto untagged = tags.tagNames(ids.at(1));
    ASSERT_TRUE(untagged.ok());
    EXPECT_TRUE(untagged.value().isEmpty());
    auto all = tags.tags();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all.value().size(), 6); // the five defaults and Receipts, once
}
