// SPDX-License-Identifier: GPL-3.0-or-later
// Tags (issue 17): the defaults, putting tags on and off many messages, a purge taking a
// message's tags with it, a version 13 cache gaining the tables, and a version 15 cache its
// tags' keywords.
#include "JsonFormat.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SortKeys.h"
#include "store/TagStore.h"
#include "store/TextCollator.h"

#include "OldSchema.h"
#include "TestUtil.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;

namespace {

class TagStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("tags-test"));
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

    qint64 add(const QString &subject)
    {
        IncomingMessage m;
        m.accountId = QStringLiteral("acct");
        m.uidl = QString::number(++m_uidl);
        m.raw =
            test::makeMessage(subject, QStringLiteral("bob@example.org"), QStringLiteral("body"));
        m.headers.subject = subject;
        auto id = m_store->insert(m);
        EXPECT_TRUE(id.ok());
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

    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
    std::optional<TagStore> m_tags;
    int m_uidl = 0;
};

} // namespace

TEST_F(TagStoreTest, TheFiveDefaultsComeInThunderbirdsOrderWithColours)
{
    auto all = m_tags->tags();
    ASSERT_TRUE(all.ok());
    QStringList names;
    for (const Tag &t : all.value()) {
        names.append(t.name);
        EXPECT_TRUE(t.colour.startsWith(u'#')) << qPrintable(t.colour);
    }
    EXPECT_EQ(names, (QStringList{QStringLiteral("Important"), QStringLiteral("Work"),
                                  QStringLiteral("Personal"), QStringLiteral("To Do"),
                                  QStringLiteral("Later")}));
    EXPECT_EQ(named(QStringLiteral("work")).name, QStringLiteral("Work")); // any case
}

TEST_F(TagStoreTest, TagsGoOnAndOffManyMessagesAndShowInTheirSummaries)
{
    const qint64 a = add(QStringLiteral("a")), b = add(QStringLiteral("b")),
                 c = add(QStringLiteral("c"));
    const Tag work = named(QStringLiteral("Work")), important = named(QStringLiteral("Important"));
    ASSERT_TRUE(m_tags->setTag({a, b}, work.id, true).ok());
    ASSERT_TRUE(m_tags->setTag({b}, important.id, true).ok());
    ASSERT_TRUE(m_tags->setTag({a, b}, work.id, true).ok()); // twice is once
    EXPECT_EQ(namesOf(a), QStringList{QStringLiteral("Work")});
    EXPECT_EQ(namesOf(b), (QStringList{QStringLiteral("Important"), QStringLiteral("Work")}));
    EXPECT_TRUE(namesOf(c).isEmpty());

    auto summary = m_store->message(b);
    ASSERT_TRUE(summary.ok());
    QList<qint64> tagIds = summary.value().tagIds;
    std::sort(tagIds.begin(), tagIds.end());
    EXPECT_EQ(tagIds, (QList<qint64>{important.id, work.id}));
    auto all = m_tags->tags();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(json::summary(summary.value(), all.value()).value(QStringLiteral("tags")).toArray(),
              (QJsonArray{QStringLiteral("Important"), QStringLiteral("Work")}));

    ASSERT_TRUE(m_tags->setTag({a, b}, work.id, false).ok());
    EXPECT_TRUE(namesOf(a).isEmpty());
    EXPECT_EQ(namesOf(b), QStringList{QStringLiteral("Important")});
}

TEST_F(TagStoreTest, AnUnknownNameAddsATagAfterTheOthers)
{
    const qint64 a = add(QStringLiteral("a"));
    Transaction txn(m_db->connection());
    ASSERT_TRUE(m_tags->tagByNames(a, {QStringLiteral("Receipts"), QStringLiteral("work")}).ok());
    ASSERT_TRUE(txn.commit().ok());
    EXPECT_EQ(namesOf(a), (QStringList{QStringLiteral("Work"), QStringLiteral("Receipts")}));
    EXPECT_EQ(named(QStringLiteral("Receipts")).position, 6);
}

TEST_F(TagStoreTest, APurgedMessageTakesItsTagsAlong)
{
    const qint64 a = add(QStringLiteral("a")), b = add(QStringLiteral("b"));
    const Tag work = named(QStringLiteral("Work"));
    ASSERT_TRUE(m_tags->setTag({a, b}, work.id, true).ok());
    ASSERT_TRUE(m_store->purgeMessage(a).ok());
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT message_id FROM message_tags")));
    QList<qint64> left;
    while (q.next())
        left.append(q.value(0).toLongLong());
    EXPECT_EQ(left, QList<qint64>{b});
    // And a purged message's id can get no tag afterwards.
    ASSERT_TRUE(m_tags->setTag({a}, work.id, true).ok());
    EXPECT_TRUE(namesOf(a).isEmpty());
}

TEST(TagsUpgrade, AVersion13CacheGainsTheDefaultTagsAndTagsNewMail)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        // A v13 cache: this version's cache with the v14 to v18 steps taken back (the
        // earlier steps need the cache's collation and functions, which Database::open
        // registers; dropping tags drops v16's keyword with it).
        ASSERT_EQ(Database::schemaVersion, 18);
        auto current = Database::open(path, QStringLiteral("v13-writer"));
        ASSERT_TRUE(current.ok()) << qPrintable(current.error().message());
        QSqlQuery q(current.value()->connection());
        for (const char *statement :
             {"DROP INDEX messages_by_digest",
              "CREATE INDEX messages_by_sha256 ON messages(account_id, sha256)",
              "CREATE INDEX messages_by_account ON messages(account_id, uidl)",
              "DROP TABLE listing_snapshots", "ALTER TABLE messages DROP COLUMN junk_trained",
              "DROP TRIGGER messages_leave_tags", "DROP TABLE message_tags", "DROP TABLE tags",
              "PRAGMA user_version = 13"})
            ASSERT_TRUE(q.exec(QString::fromLatin1(statement))) << statement;
        ASSERT_FALSE(q.exec(QStringLiteral("SELECT 1 FROM tags")));
    }
    const auto db = test::openUpgraded(path, QStringLiteral("v13-reader"));
    ASSERT_TRUE(db);
    TagStore tags(db->connection());
    auto all = tags.tags();
    ASSERT_TRUE(all.ok()) << qPrintable(all.error().message());
    EXPECT_EQ(all.value().size(), 5);
    MessageStore store(db->connection());
    IncomingMessage m;
    m.accountId = QStringLiteral("acct");
    m.uidl = QStringLiteral("u1");
    m.raw = test::makeMessage(QStringLiteral("s"), QStringLiteral("bob@example.org"),
                              QStringLiteral("body"));
    m.tags = QStringList{QStringLiteral("Later")};
    auto id = store.insert(m);
    ASSERT_TRUE(id.ok()) << qPrintable(id.error().message());
    auto names = tags.tagNames(id.value());
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(names.value(), QStringList{QStringLiteral("Later")});
}

TEST(TagsUpgrade, AVersion15CacheGivesEveryTagAKeywordAndKeepsMessagesTagged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v15.sqlite"));
    {
        QSqlDatabase db;
        ASSERT_NO_FATAL_FAILURE(test::writeOldCache(db, path, QStringLiteral("v15-writer"), 15));
        QSqlQuery q(db);
        // Two messages; tags of the user's own whose names make the same keyword, one with
        // a space, one in Chinese; the first message has To Do and one of them.
        for (const char *statement :
             {"INSERT INTO messages (id, account_id, uidl, size, received_at) VALUES "
              "(1, 'a', 'u1', 1, 0), (2, 'a', 'u2', 1, 0)",
              "INSERT INTO message_bodies VALUES (1, x'41'), (2, x'42')",
              "INSERT INTO tags (id, name, colour, position) VALUES "
              "(10, 'Follow Up', '#123456', 6), (11, 'follow_up', '#654321', 7), "
              "(12, '发票', '#000000', 8)",
              "INSERT INTO message_tags VALUES (1, (SELECT id FROM tags WHERE name = 'To Do')), "
              "(1, 11), (2, 12)"})
            ASSERT_TRUE(q.exec(QString::fromUtf8(statement))) << statement;
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v15-writer"));

    const auto db = test::openUpgraded(path, QStringLiteral("v15-reader"));
    ASSERT_TRUE(db);
    TagStore tags(db->connection());
    auto all = tags.tags();
    ASSERT_TRUE(all.ok()) << qPrintable(all.error().message());
    QStringList keywords;
    for (const Tag &t : all.value())
        keywords.append(t.keyword);
    EXPECT_EQ(keywords, (QStringList{QStringLiteral("$label1"), QStringLiteral("$label2"),
                                     QStringLiteral("$label3"), QStringLiteral("$label4"),
                                     QStringLiteral("$label5"), QStringLiteral("follow_up"),
                                     QStringLiteral("follow_up_2"), QStringLiteral("&u9f5aa-")}));
    EXPECT_EQ(tags.tagNames(1).value(),
              (QStringList{QStringLiteral("To Do"), QStringLiteral("follow_up")}));
    EXPECT_EQ(tags.tagNames(2).value(), QStringList{QStringLiteral("发票")});
    // Keywords are unique in any case from now on.
    QSqlQuery clash(db->connection());
    EXPECT_FALSE(clash.exec(QStringLiteral("UPDATE tags SET keyword = 'FOLLOW_UP' WHERE id = 12")));
    // And a rule's addflag "$label4" finds To Do in the upgraded cache.
    MessageStore store(db->connection());
    IncomingMessage m;
    m.accountId = QStringLiteral("a");
    m.uidl = QStringLiteral("u3");
    m.raw = test::makeMessage(QStringLiteral("s"), QStringLiteral("bob@example.org"),
                              QStringLiteral("body"));
    m.tags = QStringList{QStringLiteral("$label4")};
    auto id = store.insert(m);
    ASSERT_TRUE(id.ok()) << qPrintable(id.error().message());
    EXPECT_EQ(tags.tagNames(id.value()).value(), QStringList{QStringLiteral("To Do")});
}
