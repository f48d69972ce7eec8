// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;

namespace {

class SearchIndexTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("search-test"));
        ASSERT_TRUE(db.ok());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
        m_index.emplace(m_db->connection());
    }
    void TearDown() override
    {
        m_index.reset();
        m_store.reset();
        m_db.reset();
    }
    qint64 add(const QString &subject, const QString &from, const QString &body)
    {
        IncomingMessage m;
        m.accountId = QStringLiteral("1");
        m.uidl = subject;
        m.raw = test::makeMessage(subject, from, body);
        m.headers.subject = subject;
        auto id = m_store->insert(m);
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message().toStdString());
        return id.ok() ? id.value() : 0;
    }
    QList<qint64> find(const QString &query)
    {
        auto rows = m_index->search(query);
        EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().message().toStdString());
        QList<qint64> ids;
        for (const auto &r : rows.ok() ? rows.value() : QList<MessageSummary>{})
            ids.append(r.id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
    std::optional<SearchIndex> m_index;
};

TEST_F(SearchIndexTest, FindsWordsInSubjectAddressesAndBodyOnceIndexed)
{
    const qint64 report =
        add(QStringLiteral("Quarterly report"), QStringLiteral("Bob <bob@example.org>"),
            QStringLiteral("Numbers for the café are attached.\n"));
    const qint64 lunch = add(QStringLiteral("Lunch"), QStringLiteral("Maria <maria@example.es>"),
                             QStringLiteral("Friday at noon?\n"));
    EXPECT_TRUE(find(QStringLiteral("report")).isEmpty()); // not indexed yet
    auto indexed = m_index->indexPending();
    ASSERT_TRUE(indexed.ok());
    EXPECT_EQ(indexed.value(), 2);
    EXPECT_EQ(m_index->indexPending().value(), 0);

    EXPECT_EQ(find(QStringLiteral("report")), QList<qint64>{report});
    EXPECT_EQ(find(QStringLiteral("repo")), QList<qint64>{report}); // word beginnings
    EXPECT_EQ(find(QStringLiteral("cafe")), QList<qint64>{report}); // accents ignored
    EXPECT_EQ(find(QStringLiteral("maria")), QList<qint64>{lunch}); // addresses
    EXPECT_EQ(find(QStringLiteral("friday noon")), QList<qint64>{lunch});
    EXPECT_TRUE(find(QStringLiteral("friday report")).isEmpty()); // every word must match
}

TEST_F(SearchIndexTest, FindsChineseWordsInsideLongerText)
{
    const qint64 id = add(QStringLiteral("会议纪要"), QStringLiteral("li@example.cn"),
                          QStringLiteral("附件是昨天会议的纪要，请查收。\n"));
    ASSERT_TRUE(m_index->indexPending().ok());
    EXPECT_EQ(find(QStringLiteral("纪要")), QList<qint64>{id});
    EXPECT_EQ(find(QStringLiteral("查收")), QList<qint64>{id});
    EXPECT_TRUE(find(QStringLiteral("邮件")).isEmpty());
}

TEST_F(SearchIndexTest, QuerySyntaxFromTheUserIsNeverPassedThrough)
{
    add(QStringLiteral("Plain"), QStringLiteral("a@example.org"), QStringLiteral("text\n"));
    ASSERT_TRUE(m_index->indexPending().ok());
    for (const char *q : {"\"", "AND", "(", "NEAR(a b)", "subject:x", "*", "a OR", "-"})
        EXPECT_TRUE(m_index->search(QString::fromLatin1(q)).ok()) << q;
    EXPECT_TRUE(find(QStringLiteral("   ")).isEmpty());
}

TEST_F(SearchIndexTest, PurgedMessagesDoNotComeBack)
{
    const qint64 id =
        add(QStringLiteral("Gone soon"), QStringLiteral("a@example.org"), QStringLiteral("x\n"));
    ASSERT_TRUE(m_index->indexPending().ok());
    ASSERT_TRUE(m_store->removeAccount(QStringLiteral("1")).ok());
    EXPECT_TRUE(find(QStringLiteral("gone")).isEmpty());
    (void)id;
}

} // namespace
