// SPDX-License-Identifier: GPL-3.0-or-later
// Editing tags (issue 17, Edit Tags): keywords apart from names (a filter adds "To Do" by
// its keyword $label4, and keeps adding it after a rename), names checked before they are
// used, colours, the order keys 1-5 follow, and a removed tag leaving every message.
#include "filters/FilterRules.h"
#include "filters/FilterRun.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/TagKeywords.h"
#include "store/TagStore.h"
#include "sync/BulkActions.h"
#include "util/Translations.h"

#include "TestUtil.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;

namespace {

class TagEditsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("tag-edits-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
        m_tags.emplace(m_db->connection());
    }
    void TearDown() override
    {
        m_tags.reset();
        m_store.reset();
        m_db.reset();
    }

    /// A message stored as a sync stores it, with a rule's addflag keywords.
    qint64 add(const QStringList &keywords = {})
    {
        IncomingMessage m;
        m.accountId = QStringLiteral("acct");
        m.uidl = QString::number(++m_uidl);
        m.raw = test::makeMessage(QStringLiteral("s%1").arg(m_uidl),
                                  QStringLiteral("bob@example.org"), QStringLiteral("body"));
        m.tags = keywords;
        auto id = m_store->insert(m);
        EXPECT_TRUE(id.ok()) << qPrintable(id.error().message());
        return id.ok() ? id.value() : 0;
    }

    Tag named(const QString &name)
    {
        auto t = m_tags->tag(name);
        EXPECT_TRUE(t.ok() && t.value()) << qPrintable(name);
        return t.ok() && t.value() ? *t.value() : Tag{};
    }

    QStringList namesOf(qint64 id)
    {
        auto names = m_tags->tagNames(id);
        EXPECT_TRUE(names.ok());
        return names.ok() ? names.value() : QStringList{};
    }

    QStringList order()
    {
        QStringList out;
        for (const Tag &t : m_tags->tags().value())
            out.append(t.name);
        return out;
    }

    /// The error of a refused change, which must be the user's (Config) with these words.
    static void expectRefused(const Status &s, const char *words)
    {
        ASSERT_FALSE(s.ok()) << "accepted, expected: " << words;
        EXPECT_EQ(s.error().code, Error::Code::Config);
        EXPECT_TRUE(s.error().message().contains(QLatin1String(words)))
            << qPrintable(s.error().message());
    }

    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
    std::optional<TagStore> m_tags;
    int m_uidl = 0;
};

} // namespace

TEST(TagKeywords, AKeywordIsOneImapAtomMadeFromTheName)
{
    using namespace tagkeywords;
    EXPECT_TRUE(isKeyword(QStringLiteral("$label4")));
    EXPECT_TRUE(isKeyword(QStringLiteral("to_do")));
    for (const char *bad : {"", "To Do", "a\"b", "a\\b", "(a)", "a]", "a%", "a*", "a{", "工作"})
        EXPECT_FALSE(isKeyword(QString::fromUtf8(bad))) << bad;

    EXPECT_EQ(fromName(QStringLiteral("To Do")), QStringLiteral("to_do"));
    EXPECT_EQ(fromName(QStringLiteral("  Work  ")), QStringLiteral("work"));
    EXPECT_EQ(fromName(QStringLiteral("a(b)*c%\"d\\e]")), QStringLiteral("a_b__c__d_e_"));
    // Other characters in IMAP's modified UTF-7, as Thunderbird writes them.
    EXPECT_EQ(fromName(QStringLiteral("工作")), QStringLiteral("&xevpxa-"));
    EXPECT_EQ(fromName(QStringLiteral("Café Bar")), QStringLiteral("caf&aok-_bar"));
    EXPECT_EQ(fromName(QString()), QStringLiteral("tag"));
    for (const char *name : {"To Do", "工作", "Café Bar", "a b\tc", "\"quoted\""})
        EXPECT_TRUE(isKeyword(fromName(QString::fromUtf8(name)))) << name;

    const QSet<QString> taken{QStringLiteral("to_do"), QStringLiteral("to_do_2")};
    EXPECT_EQ(unique(QStringLiteral("to_do"),
                     [&](const QString &k) { return taken.contains(k.toLower()); }),
              QStringLiteral("to_do_3"));
}

TEST_F(TagEditsTest, TheDefaultsHaveThunderbirdsKeywordsAndToDoCanBeAddedByAFilter)
{
    QStringList keywords;
    for (const Tag &t : m_tags->tags().value())
        keywords.append(t.keyword);
    EXPECT_EQ(keywords, (QStringList{QStringLiteral("$label1"), QStringLiteral("$label2"),
                                     QStringLiteral("$label3"), QStringLiteral("$label4"),
                                     QStringLiteral("$label5")}));
    // addflag "$label4", in any case: To Do, a name with a space.
    const qint64 a = add({QStringLiteral("$LABEL4")});
    EXPECT_EQ(namesOf(a), QStringList{QStringLiteral("To Do")});
    // A rule written before keywords (addflag "Work") still finds its tag by name.
    const qint64 b = add({QStringLiteral("work")});
    EXPECT_EQ(namesOf(b), QStringList{QStringLiteral("Work")});
    // A keyword no tag has makes a tag named so, which the next message finds by keyword.
    const qint64 c = add({QStringLiteral("receipts")});
    const qint64 d = add({QStringLiteral("RECEIPTS")});
    EXPECT_EQ(namesOf(c), QStringList{QStringLiteral("receipts")});
    EXPECT_EQ(namesOf(d), QStringList{QStringLiteral("receipts")});
    EXPECT_EQ(named(QStringLiteral("receipts")).keyword, QStringLiteral("receipts"));
    EXPECT_EQ(m_tags->tags().value().size(), 6);
}

TEST_F(TagEditsTest, ANewTagGetsAUniqueKeywordFromItsNameAfterTheOthers)
{
    auto followUp = m_tags->addTag(QStringLiteral(" Follow Up "), QStringLiteral("#00AA00"));
    ASSERT_TRUE(followUp.ok()) << qPrintable(followUp.error().message());
    EXPECT_EQ(followUp.value().name, QStringLiteral("Follow Up"));
    EXPECT_EQ(followUp.value().keyword, QStringLiteral("follow_up"));
    EXPECT_EQ(followUp.value().colour, QStringLiteral("#00aa00"));
    EXPECT_EQ(followUp.value().position, 6);
    // Another name that makes the same keyword gets one of its own.
    auto underscored = m_tags->addTag(QStringLiteral("follow_up"), QStringLiteral("#000000"));
    ASSERT_TRUE(underscored.ok()) << qPrintable(underscored.error().message());
    EXPECT_EQ(underscored.value().keyword, QStringLiteral("follow_up_2"));
    // A rule naming either keyword tags with that tag, not the other.
    const qint64 a = add({QStringLiteral("follow_up_2")});
    EXPECT_EQ(namesOf(a), QStringList{QStringLiteral("follow_up")});
}

TEST_F(TagEditsTest, ANameMustBeNewNotEmptyAndWithoutControlCharacters)
{
    auto refusedAdd = [this](const QString &name) {
        auto added = m_tags->addTag(name, QStringLiteral("#000000"));
        return added.ok() ? Status{} : Status(added.error());
    };
    expectRefused(refusedAdd(QStringLiteral("   ")), "needs a name");
    expectRefused(refusedAdd(QStringLiteral("two\nlines")), "control characters");
    expectRefused(refusedAdd(QStringLiteral("a\tb")), "control characters");
    expectRefused(refusedAdd(QStringLiteral("WORK")), "already a tag named \"Work\"");
    expectRefused(refusedAdd(QStringLiteral("to do")), "already a tag named \"To Do\"");
    const Tag work = named(QStringLiteral("Work"));
    expectRefused(m_tags->renameTag(work.id, QStringLiteral("important")), "already a tag");
    expectRefused(m_tags->renameTag(work.id, QString()), "needs a name");
    EXPECT_EQ(m_tags->tags().value().size(), 5); // nothing was added or changed
    EXPECT_EQ(named(QStringLiteral("Work")).name, QStringLiteral("Work"));
    // Its own name, in another case, is no clash with itself.
    ASSERT_TRUE(m_tags->renameTag(work.id, QStringLiteral("work")).ok());
    EXPECT_EQ(named(QStringLiteral("work")).displayName(), QStringLiteral("work"));
}

TEST_F(TagEditsTest, InChineseTheShownNameOfADefaultIsTakenToo)
{
    const Translations chinese(QLocale(QStringLiteral("zh_CN")));
    ASSERT_TRUE(chinese.poplarInstalled());
    EXPECT_EQ(named(QStringLiteral("Work")).displayName(), QStringLiteral("工作"));
    auto added = m_tags->addTag(QStringLiteral("工作"), QStringLiteral("#000000"));
    ASSERT_FALSE(added.ok());
    EXPECT_TRUE(added.error().message().contains(QStringLiteral("工作")))
        << qPrintable(added.error().message());
    EXPECT_NE(added.error().message(), QStringLiteral("There is already a tag named \"工作\""))
        << "the refusal should be in Chinese";
    // Renamed, the default shows its new name, and its old shown name is free.
    const Tag work = named(QStringLiteral("Work"));
    ASSERT_TRUE(m_tags->renameTag(work.id, QStringLiteral("项目")).ok());
    EXPECT_EQ(named(QStringLiteral("项目")).displayName(), QStringLiteral("项目"));
    EXPECT_TRUE(m_tags->addTag(QStringLiteral("工作"), QStringLiteral("#000000")).ok());
}

TEST_F(TagEditsTest, ARenamedTagKeepsItsKeywordSoItsRulesKeepTaggingWithIt)
{
    const qint64 before = add({QStringLiteral("$label2")});
    const Tag work = named(QStringLiteral("Work"));
    ASSERT_TRUE(m_tags->renameTag(work.id, QStringLiteral("  Job  ")).ok());
    const Tag job = named(QStringLiteral("Job"));
    EXPECT_EQ(job.id, work.id);
    EXPECT_EQ(job.keyword, QStringLiteral("$label2"));
    EXPECT_EQ(job.displayName(), QStringLiteral("Job"));
    EXPECT_FALSE(m_tags->tag(QStringLiteral("Work")).value().has_value());
    EXPECT_EQ(namesOf(before), QStringList{QStringLiteral("Job")});
    const qint64 after = add({QStringLiteral("$label2")});
    EXPECT_EQ(namesOf(after), QStringList{QStringLiteral("Job")});
    EXPECT_EQ(m_tags->tags().value().size(), 5);
    // A default renamed only in case shows what was typed.
    const Tag later = named(QStringLiteral("Later"));
    ASSERT_TRUE(m_tags->renameTag(later.id, QStringLiteral("later")).ok());
    EXPECT_EQ(named(QStringLiteral("later")).displayName(), QStringLiteral("later"));
}

TEST_F(TagEditsTest, AColourIsHashAndSixHexDigits)
{
    const Tag work = named(QStringLiteral("Work"));
    ASSERT_TRUE(m_tags->setColour(work.id, QStringLiteral("#12AB9f")).ok());
    EXPECT_EQ(named(QStringLiteral("Work")).colour, QStringLiteral("#12ab9f"));
    for (const char *bad : {"red", "#12ab9", "#12ab9fa", "12ab9f0", ""})
        expectRefused(m_tags->setColour(work.id, QString::fromLatin1(bad)), "#rrggbb");
    auto added = m_tags->addTag(QStringLiteral("New"), QStringLiteral("blue"));
    EXPECT_FALSE(added.ok());
    EXPECT_EQ(named(QStringLiteral("Work")).colour, QStringLiteral("#12ab9f"));
    EXPECT_EQ(m_tags->setColour(999, QStringLiteral("#000000")).error().code,
              Error::Code::NotFound);
}

TEST_F(TagEditsTest, MovingATagChangesWhichKeyReachesIt)
{
    const Tag later = named(QStringLiteral("Later"));
    ASSERT_TRUE(m_tags->moveTag(later.id, -1).ok());
    EXPECT_EQ(order(), (QStringList{QStringLiteral("Important"), QStringLiteral("Work"),
                                    QStringLiteral("Personal"), QStringLiteral("Later"),
                                    QStringLiteral("To Do")}));
    ASSERT_TRUE(m_tags->moveTag(later.id, -10).ok()); // as far as it goes
    EXPECT_EQ(order().front(), QStringLiteral("Later"));
    const Tag important = named(QStringLiteral("Important"));
    ASSERT_TRUE(m_tags->moveTag(important.id, 1).ok());
    EXPECT_EQ(order(), (QStringList{QStringLiteral("Later"), QStringLiteral("Work"),
                                    QStringLiteral("Important"), QStringLiteral("Personal"),
                                    QStringLiteral("To Do")}));
    // Positions are 1..n again, whatever they were.
    QList<int> positions;
    for (const Tag &t : m_tags->tags().value())
        positions.append(t.position);
    EXPECT_EQ(positions, (QList<int>{1, 2, 3, 4, 5}));
    EXPECT_EQ(m_tags->moveTag(999, 1).error().code, Error::Code::NotFound);
}

TEST_F(TagEditsTest, RemovingATagTakesItOffItsMessagesAndLeavesTheRest)
{
    const qint64 a = add({QStringLiteral("$label2"), QStringLiteral("$label1")});
    const qint64 b = add({QStringLiteral("$label2")});
    const qint64 c = add({QStringLiteral("$label3")});
    const Tag work = named(QStringLiteral("Work"));
    EXPECT_EQ(m_tags->messageCount(work.id).value(), 2);
    EXPECT_EQ(m_tags->messageCount(named(QStringLiteral("Later")).id).value(), 0);
    ASSERT_TRUE(m_tags->removeTag(work.id).ok());
    EXPECT_FALSE(m_tags->tag(QStringLiteral("Work")).value().has_value());
    EXPECT_EQ(namesOf(a), QStringList{QStringLiteral("Important")});
    EXPECT_TRUE(namesOf(b).isEmpty());
    EXPECT_EQ(namesOf(c), QStringList{QStringLiteral("Personal")});
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(
        q.exec(
            QStringLiteral("SELECT count(*) FROM message_tags WHERE tag_id = %1").arg(work.id)) &&
        q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    EXPECT_EQ(m_tags->removeTag(work.id).error().code, Error::Code::NotFound);
    // A rule that still says $label2 makes a tag of that name again, not an error.
    const qint64 d = add({QStringLiteral("$label2")});
    EXPECT_EQ(namesOf(d), QStringList{QStringLiteral("$label2")});
}

TEST_F(TagEditsTest, RemovingATagFromManyMessagesGoesInSlices)
{
    QList<qint64> ids;
    for (int i = 0; i < sync::BulkActions::idsPerSlice * 2 + 10; ++i)
        ids.append(add());
    const Tag toDo = named(QStringLiteral("To Do"));
    const Tag later = named(QStringLiteral("Later"));
    ASSERT_TRUE(m_tags->setTag(ids, toDo.id, true).ok());
    ASSERT_TRUE(m_tags->setTag({ids.front()}, later.id, true).ok());
    sync::BulkActions actions(m_db->connection(), {});
    actions.setPacing(std::chrono::milliseconds(0), std::chrono::milliseconds(0));
    QList<qint64> progress;
    actions.setProgress([&](qint64 done, qint64) { progress.append(done); });
    const sync::BulkOutcome outcome = actions.removeTag(toDo.id);
    ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error->message());
    EXPECT_EQ(outcome.count, ids.size());
    EXPECT_GE(progress.size(), 3); // one transaction per slice at least
    EXPECT_FALSE(m_tags->tag(QStringLiteral("To Do")).value().has_value());
    EXPECT_EQ(namesOf(ids.front()), QStringList{QStringLiteral("Later")});
    EXPECT_TRUE(namesOf(ids.back()).isEmpty());
}

TEST_F(TagEditsTest, RunFiltersNowSeesATagAddedByKeywordAsThere)
{
    auto compiled = filters::FilterRules::compile(
        QStringLiteral("require \"imap4flags\";\nif true {\n  addflag \"$label4\";\n}\n"));
    ASSERT_TRUE(std::holds_alternative<std::shared_ptr<const filters::FilterRules>>(compiled));
    const auto rules = std::get<std::shared_ptr<const filters::FilterRules>>(compiled);
    const qint64 a = add();
    auto plan = filters::FilterRun::plan(*m_store, *rules, {m_store->message(a).value()}, {});
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan.value().size(), 1);
    ASSERT_TRUE(filters::FilterRun::apply(*m_store, plan.value()).ok());
    EXPECT_EQ(namesOf(a), QStringList{QStringLiteral("To Do")});
    // Run again: the message has To Do, which is what $label4 means: nothing to do.
    auto again = filters::FilterRun::plan(*m_store, *rules, {m_store->message(a).value()}, {});
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again.value().isEmpty());
}
