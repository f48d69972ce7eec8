// SPDX-License-Identifier: GPL-3.0-or-later
// The Filters dialog's model and filters.sieve: every rule the dialog can make is written as
// Sieve that compiles and reads back as the same rule; hand-written rules it cannot show
// are kept word for word; and a rule's "delete from the server" (addflag "\\Deleted")
// queues the server copy's deletion in the visible queue as the message is stored.
#include "filters/FilterFile.h"
#include "filters/FilterMessage.h"
#include "filters/FilterRules.h"
#include "filters/FilterScript.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "sync/CacheWriter.h"

#include "TestUtil.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;
using filters::FilterAction;
using filters::FilterCondition;
using filters::FilterRule;
using filters::FilterScript;
using filters::FilterScriptCodec;

namespace {

std::shared_ptr<const filters::FilterRules> compiledOrFail(const QString &script)
{
    auto result = filters::FilterRules::compile(script);
    if (auto *e = std::get_if<filters::SieveError>(&result)) {
        ADD_FAILURE() << "line " << e->line << ": " << qPrintable(e->message) << "\n"
                      << qPrintable(script);
        return {};
    }
    return std::get<std::shared_ptr<const filters::FilterRules>>(result);
}

FilterCondition text(FilterCondition::Field field, FilterCondition::Match match,
                     const QString &value, const QString &header = {})
{
    FilterCondition c;
    c.field = field;
    c.match = match;
    c.value = value;
    c.header = header;
    return c;
}

FilterCondition size(bool over, qint64 bytes)
{
    FilterCondition c;
    c.field = FilterCondition::Field::Size;
    c.over = over;
    c.bytes = bytes;
    return c;
}

FilterAction action(FilterAction::Kind kind, const QString &argument = {})
{
    return FilterAction{kind, argument};
}

/// One rule of each shape the dialog offers.
FilterScript everyShape()
{
    using F = FilterCondition::Field;
    using M = FilterCondition::Match;
    using K = FilterAction::Kind;
    FilterScript s;
    FilterRule invoices;
    invoices.name = QStringLiteral("Invoices");
    invoices.conditions = {text(F::From, M::Contains, QStringLiteral("billing@")),
                           text(F::Subject, M::Matches, QStringLiteral("Invoice *")),
                           size(true, 100 * 1024)};
    invoices.actions = {action(K::MoveTo, QStringLiteral("Bills")),
                        action(K::Tag, QStringLiteral("Work")), action(K::MarkRead),
                        action(K::Stop)};
    FilterRule lists;
    lists.name = QStringLiteral("Lists \"quoted\" \\ and # not a comment");
    lists.matchAll = false;
    lists.conditions = {
        text(F::ToOrCc, M::Is, QStringLiteral("team@lists.example")),
        text(F::Header, M::Contains, QStringLiteral("shop"), QStringLiteral("List-Id")),
        text(F::From, M::Matches, QStringLiteral("*@news.example")),
        text(F::Subject, M::DoesNotContain, QStringLiteral("urgent \"now\"")), size(false, 2000)};
    lists.actions = {action(K::MarkFlagged), action(K::MoveTo, QStringLiteral("清单"))};
    FilterRule off;
    off.name = QStringLiteral("Off for now");
    off.enabled = false;
    off.conditions = {text(F::ToOrCc, M::Contains, QStringLiteral("old@"))};
    off.actions = {action(K::Trash)};
    FilterRule everything;
    everything.actions = {action(K::DeleteOnServer)};
    FilterRule disabledAll;
    disabledAll.name = QStringLiteral("[bracketed]");
    disabledAll.enabled = false;
    disabledAll.actions = {action(K::MarkRead)};
    s.rules = {invoices, lists, off, everything, disabledAll};
    return s;
}

const QByteArray invoice = "From: Billing <billing@shop.example>\r\n"
                           "To: me@example.org\r\n"
                           "Subject: Invoice 42\r\n"
                           "List-Id: <shop.lists.example>\r\n"
                           "\r\n"
                           "Your invoice.\r\n";

} // namespace

TEST(FilterScript, EveryRuleTheDialogMakesReadsBackAsTheSameRule)
{
    const FilterScript model = everyShape();
    for (const FilterRule &r : model.rules)
        ASSERT_TRUE(FilterScriptCodec::problem(r).isEmpty()) << qPrintable(r.name);
    const QString script = FilterScriptCodec::write(model);
    ASSERT_TRUE(compiledOrFail(script));
    const auto read = FilterScriptCodec::read(script);
    ASSERT_FALSE(read.error) << qPrintable(*read.error);
    EXPECT_EQ(read.handWrittenCount(), 0) << qPrintable(script);
    EXPECT_EQ(read.script, model) << qPrintable(script);
    // Written again, byte for byte the same.
    EXPECT_EQ(FilterScriptCodec::write(read.script), script);
    // The rule names are the interpreter's too.
    EXPECT_TRUE(script.contains(QStringLiteral("# rule: Invoices\n")));
}

TEST(FilterScript, TheWrittenRulesDoWhatTheDialogSays)
{
    const QString script = FilterScriptCodec::write(everyShape());
    auto rules = compiledOrFail(script);
    ASSERT_TRUE(rules);
    EXPECT_EQ(rules->ruleCount(), 5);
    // 100 KB and more: Invoices files it, tags it, marks it read and stops (so the rule
    // that deletes on the server never runs).
    const auto big = rules->evaluate(filters::FilterMessage(invoice, 200 * 1024));
    EXPECT_EQ(big.placement, filters::FilterOutcome::Placement::Folder);
    EXPECT_EQ(big.folder, QStringLiteral("Bills"));
    EXPECT_EQ(big.ruleName, QStringLiteral("Invoices"));
    EXPECT_TRUE(big.seen);
    EXPECT_EQ(big.keywords, QStringList{QStringLiteral("Work")});
    EXPECT_FALSE(big.deleteOnServer);
    // Small: Invoices does not hold (all of), Lists does (any of: List-Id contains "shop"),
    // the disabled rule never runs, and the last one asks for the server copy to go.
    const auto small = rules->evaluate(filters::FilterMessage(invoice, 5000));
    EXPECT_EQ(small.folder, QStringLiteral("清单"));
    EXPECT_TRUE(small.flagged);
    EXPECT_FALSE(small.seen);
    EXPECT_TRUE(small.deleteOnServer);
    EXPECT_NE(small.placement, filters::FilterOutcome::Placement::Trash);
}

TEST(FilterScript, DoesNotContainAndIsOnAnAddressMeanWhatTheySay)
{
    using F = FilterCondition::Field;
    using M = FilterCondition::Match;
    FilterScript s;
    FilterRule r;
    r.conditions = {text(F::From, M::Is, QStringLiteral("BILLING@shop.example")),
                    text(F::Subject, M::DoesNotContain, QStringLiteral("reminder"))};
    r.actions = {action(FilterAction::Kind::MoveTo, QStringLiteral("Hit"))};
    s.rules = {r};
    auto rules = compiledOrFail(FilterScriptCodec::write(s));
    ASSERT_TRUE(rules);
    EXPECT_EQ(rules->evaluate(filters::FilterMessage(invoice, invoice.size())).folder,
              QStringLiteral("Hit"));
    QByteArray reminder = invoice;
    reminder.replace("Invoice 42", "Reminder: invoice 42");
    EXPECT_TRUE(
        rules->evaluate(filters::FilterMessage(reminder, reminder.size())).folder.isEmpty());
}

TEST(FilterScript, HandWrittenRulesAreKeptWordForWordAndStillWork)
{
    const QString original = QStringLiteral(
        "require [\"fileinto\", \"comparator-i;octet\"];\n"
        "# rule: Mine\n"
        "if header :contains \"subject\" \"Invoice\" { fileinto \"Bills\"; }\n"
        "\n"
        "# rule: Branches\n"
        "# a comment of my own\n"
        "if exists \"x-spam\" {\n"
        "  discard;\n"
        "} elsif header :comparator \"i;octet\" :is \"subject\" \"X\" {\n"
        "  keep;\n"
        "}\n"
        "# rule: Nested\n"
        "if anyof (allof (size :over 1K, size :under 1M), header :is \"x-a\" \"b\") {\n"
        "  fileinto \"Nested\";\n"
        "}\n"
        "keep;\n");
    ASSERT_TRUE(compiledOrFail(original));
    const auto read = FilterScriptCodec::read(original);
    ASSERT_FALSE(read.error);
    ASSERT_EQ(read.script.rules.size(), 4);
    EXPECT_TRUE(read.script.rules.at(0).editable());
    EXPECT_EQ(read.handWrittenCount(), 3);
    EXPECT_EQ(read.script.rules.at(1).name, QStringLiteral("Branches"));
    EXPECT_TRUE(
        read.script.rules.at(1).handWritten.contains(QStringLiteral("# a comment of my own")));
    EXPECT_TRUE(read.script.rules.at(1).handWritten.contains(QStringLiteral("elsif")));
    EXPECT_EQ(read.script.rules.at(3).handWritten, QStringLiteral("keep;\n"));
    EXPECT_EQ(read.script.extraRequires, QStringList{QStringLiteral("comparator-i;octet")});

    // The dialog moves the editable rule to the end, then saves.
    FilterScript edited = read.script;
    edited.rules.move(0, 3);
    const QString saved = FilterScriptCodec::write(edited);
    auto rules = compiledOrFail(saved);
    ASSERT_TRUE(rules);
    const auto again = FilterScriptCodec::read(saved);
    EXPECT_EQ(again.script, edited);
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(saved.contains(read.script.rules.at(i + 1).handWritten));
    // The hand-written rules still decide: a message of 2 KB is filed by "Nested" (a test
    // the dialog cannot show) before "Mine", now last, could file it.
    const QByteArray bill = "From: a@b.example\r\nSubject: Invoice\r\n\r\nx\r\n";
    const auto o = rules->evaluate(filters::FilterMessage(bill, 2048));
    EXPECT_EQ(o.placement, filters::FilterOutcome::Placement::Folder);
    EXPECT_EQ(o.folder, QStringLiteral("Nested"));
    EXPECT_EQ(o.ruleName, QStringLiteral("Nested"));
}

TEST(FilterScript, AFileThatDoesNotParseIsNotEditable)
{
    const auto read = FilterScriptCodec::read(QStringLiteral("if true {\n  keep;\n"));
    ASSERT_TRUE(read.error);
    EXPECT_TRUE(read.error->contains(QStringLiteral("Line")));
    EXPECT_TRUE(read.script.rules.isEmpty());
}

TEST(FilterScript, WhatTheDialogCannotWriteIsRefusedBeforeItIsWritten)
{
    FilterRule r;
    EXPECT_FALSE(FilterScriptCodec::problem(r).isEmpty()); // no action
    r.actions = {action(FilterAction::Kind::MoveTo, QStringLiteral(" "))};
    EXPECT_FALSE(FilterScriptCodec::problem(r).isEmpty());
    r.actions = {action(FilterAction::Kind::Tag, QStringLiteral("To Do"))};
    EXPECT_FALSE(FilterScriptCodec::problem(r).isEmpty());
    r.actions = {action(FilterAction::Kind::MarkRead)};
    r.conditions = {text(FilterCondition::Field::Header, FilterCondition::Match::Is,
                         QStringLiteral("x"), QStringLiteral("Bad Name:"))};
    EXPECT_FALSE(FilterScriptCodec::problem(r).isEmpty());
    r.conditions = {text(FilterCondition::Field::Subject, FilterCondition::Match::Is,
                         QStringLiteral("two\nlines"))};
    EXPECT_FALSE(FilterScriptCodec::problem(r).isEmpty());
    r.conditions.clear();
    r.name = QStringLiteral("a\nb");
    EXPECT_FALSE(FilterScriptCodec::problem(r).isEmpty());
}

// By construction: any rule problem() accepts, however hostile its text, compiles and reads
// back the same. Seeded, so a failure repeats.
TEST(FilterScript, RandomRulesAlwaysCompileAndReadBackTheSame)
{
    QRandomGenerator random(17);
    const QStringList pieces{
        QStringLiteral("a"),    QStringLiteral("\""),   QStringLiteral("\\"),
        QStringLiteral("#"),    QStringLiteral("*"),    QStringLiteral("?"),
        QStringLiteral("/*"),   QStringLiteral("*/"),   QStringLiteral("{"),
        QStringLiteral("}"),    QStringLiteral(";"),    QStringLiteral("text:"),
        QStringLiteral(" "),    QStringLiteral("中文"), QStringLiteral("["),
        QStringLiteral("]"),    QStringLiteral("'"),    QStringLiteral("rule:"),
        QStringLiteral("\\\""), QStringLiteral(",")};
    auto someText = [&](bool oneWord) {
        QString s;
        const int n = random.bounded(6);
        for (int i = 0; i < n; ++i)
            s += pieces.at(random.bounded(pieces.size()));
        if (oneWord)
            s.remove(QLatin1Char(' '));
        return s;
    };
    int written = 0;
    for (int round = 0; round < 400; ++round) {
        FilterScript s;
        const int ruleCount = 1 + random.bounded(4);
        for (int i = 0; i < ruleCount; ++i) {
            FilterRule r;
            r.name = someText(false).trimmed();
            r.enabled = random.bounded(2) == 0;
            r.matchAll = random.bounded(2) == 0;
            const int conditions = random.bounded(4);
            for (int c = 0; c < conditions; ++c) {
                const auto field = FilterCondition::Field(random.bounded(5));
                if (field == FilterCondition::Field::Size) {
                    r.conditions.append(size(random.bounded(2) == 0, random.bounded(1 << 30)));
                    continue;
                }
                r.conditions.append(text(
                    field, FilterCondition::Match(random.bounded(4)), someText(false),
                    field == FilterCondition::Field::Header ? QStringLiteral("X-") + someText(true)
                                                            : QString()));
            }
            const int actions = 1 + random.bounded(4);
            for (int a = 0; a < actions; ++a) {
                const auto kind = FilterAction::Kind(random.bounded(7));
                QString argument;
                if (kind == FilterAction::Kind::MoveTo)
                    argument = QStringLiteral("F") + someText(false).trimmed();
                else if (kind == FilterAction::Kind::Tag)
                    argument = QStringLiteral("T") + someText(true);
                r.actions.append(action(kind, argument));
            }
            if (!FilterScriptCodec::problem(r).isEmpty())
                continue;
            // With no condition there is nothing to match all or any of: read back as "all".
            if (r.conditions.isEmpty())
                r.matchAll = true;
            // The name a comment can carry is trimmed; the dialog trims it as it is typed.
            if (r.name.startsWith(QLatin1Char('[')) != r.name.endsWith(QLatin1Char(']')))
                r.name.prepend(QLatin1Char('x'));
            s.rules.append(r);
        }
        const QString script = FilterScriptCodec::write(s);
        ASSERT_TRUE(compiledOrFail(script)) << "round " << round;
        const auto read = FilterScriptCodec::read(script);
        ASSERT_FALSE(read.error) << qPrintable(script);
        ASSERT_EQ(read.script, s) << "round " << round << "\n" << qPrintable(script);
        written += int(s.rules.size());
    }
    EXPECT_GT(written, 400);
}

// "Delete from the server" is queued in the visible deletion queue as the message is
// stored, only for an account that leaves its mail on the server, only for a whole copy,
// and never without the rule.
TEST(FilterScript, DeleteOnServerQueuesTheServerCopyAsTheMessageIsStored)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto db = store::Database::open(path, QStringLiteral("filter-delete-test"));
    ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
    FilterScript s;
    FilterRule r;
    r.name = QStringLiteral("Gone");
    r.conditions = {text(FilterCondition::Field::Subject, FilterCondition::Match::Contains,
                         QStringLiteral("sale"))};
    r.actions = {action(FilterAction::Kind::DeleteOnServer)};
    s.rules = {r};
    auto rules = compiledOrFail(FilterScriptCodec::write(s));
    ASSERT_TRUE(rules);

    auto message = [](const QString &uidl, const QString &subject, bool keeps) {
        store::IncomingMessage m;
        m.accountId = QStringLiteral("acct");
        m.uidl = uidl;
        m.raw = test::makeMessage(subject, QStringLiteral("a@b.example"), QStringLiteral("x"));
        m.serverKeepsCopy = keeps;
        return m;
    };
    store::IncomingMessage partial =
        message(QStringLiteral("u4"), QStringLiteral("Big sale"), true);
    partial.partial = true;
    QObject context;
    {
        sync::CacheWriter writer(path);
        writer.submit(
            {message(QStringLiteral("u1"), QStringLiteral("Big sale"), true),
             message(QStringLiteral("u2"), QStringLiteral("Lunch"), true),
             message(QStringLiteral("u3"), QStringLiteral("Sale again"), false), partial},
            &context,
            [](Result<QList<qint64>> r) { ASSERT_TRUE(r.ok()) << qPrintable(r.error().message()); },
            rules);
        writer.waitForAll(&context);
    }
    auto queued = store::DeletionQueue(db.value()->connection()).queued(QStringLiteral("acct"));
    ASSERT_TRUE(queued.ok());
    ASSERT_EQ(queued.value().size(), 1);
    EXPECT_EQ(queued.value().front().uidl, QStringLiteral("u1"));
    EXPECT_NE(queued.value().front().downloadId, 0);
    EXPECT_EQ(queued.value().front().reason, store::DeletionReason::DeletedHere);
    // The message itself stays where it is: in the Inbox, not in Trash.
    auto stored =
        store::MessageStore(db.value()->connection()).message(queued.value().front().messageId);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored.value().folder, store::Folder::Inbox);
}
