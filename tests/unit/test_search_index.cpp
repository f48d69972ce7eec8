// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "sync/MessageIndexer.h"

#include "TestUtil.h"

#include <QSqlQuery>

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
        m_indexer.emplace(m_db->connection());
    }
    void TearDown() override
    {
        m_indexer.reset();
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
    std::optional<sync::MessageIndexer> m_indexer;
};

TEST_F(SearchIndexTest, FindsWordsInSubjectAddressesAndBodyOnceIndexed)
{
    const qint64 report =
        add(QStringLiteral("Quarterly report"), QStringLiteral("Bob <bob@example.org>"),
            QStringLiteral("Numbers for the café are attached.\n"));
    const qint64 lunch = add(QStringLiteral("Lunch"), QStringLiteral("Maria <maria@example.es>"),
                             QStringLiteral("Friday at noon?\n"));
    EXPECT_TRUE(find(QStringLiteral("report")).isEmpty()); // not indexed yet
    auto indexed = m_indexer->indexPending();
    ASSERT_TRUE(indexed.ok());
    EXPECT_EQ(indexed.value(), 2);
    EXPECT_EQ(m_indexer->indexPending().value(), 0);

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
    ASSERT_TRUE(m_indexer->indexPending().ok());
    EXPECT_EQ(find(QStringLiteral("纪要")), QList<qint64>{id});
    EXPECT_EQ(find(QStringLiteral("查收")), QList<qint64>{id});
    EXPECT_TRUE(find(QStringLiteral("邮件")).isEmpty());
}

TEST_F(SearchIndexTest, QuerySyntaxFromTheUserIsNeverPassedThrough)
{
    add(QStringLiteral("Plain"), QStringLiteral("a@example.org"), QStringLiteral("text\n"));
    ASSERT_TRUE(m_indexer->indexPending().ok());
    for (const char *q : {"\"", "AND", "(", "NEAR(a b)", "subject:x", "*", "a OR", "-"})
        EXPECT_TRUE(m_index->search(QString::fromLatin1(q)).ok()) << q;
    EXPECT_TRUE(find(QStringLiteral("   ")).isEmpty());
}

TEST_F(SearchIndexTest, PurgedMessagesDoNotComeBack)
{
    const qint64 id =
        add(QStringLiteral("Gone soon"), QStringLiteral("a@example.org"), QStringLiteral("x\n"));
    ASSERT_TRUE(m_indexer->indexPending().ok());
    ASSERT_TRUE(m_store->removeAccount(QStringLiteral("1")).ok());
    EXPECT_TRUE(find(QStringLiteral("gone")).isEmpty());
    (void)id;
}

qint64 addRaw(MessageStore &store, const QString &uidl, const QByteArray &raw)
{
    IncomingMessage m;
    m.accountId = QStringLiteral("1");
    m.uidl = uidl;
    m.raw = raw;
    auto id = store.insert(m);
    EXPECT_TRUE(id.ok());
    return id.ok() ? id.value() : 0;
}

QByteArray htmlMessage(const QByteArray &subject, const QByteArray &body)
{
    return "From: a@example.org\r\nSubject: " + subject +
           "\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n" + body;
}

int indexedState(QSqlDatabase db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT indexed FROM messages WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

TEST_F(SearchIndexTest, AMessageThatFailsToRenderIsIndexedByItsHeadersAndMarked)
{
    const qint64 before = add(QStringLiteral("Before"), QStringLiteral("a@example.org"),
                              QStringLiteral("ordinary alpha\n"));
    QByteArray big;
    for (int i = 0; i < 20000; ++i)
        big += "<b>hugeword</b> <i>x</i> ";
    const qint64 broken =
        addRaw(*m_store, QStringLiteral("broken"), htmlMessage("Unrenderable newsletter", big));
    const qint64 after = add(QStringLiteral("After"), QStringLiteral("a@example.org"),
                             QStringLiteral("ordinary omega\n"));
    mime::RenderLimits limits;
    limits.maxHtmlTreeBytes = 256 * 1024; // the broken one outgrows it, the others do not
    sync::MessageIndexer indexer(m_db->connection(), limits);
    auto indexed = indexer.indexPending();
    ASSERT_TRUE(indexed.ok());
    EXPECT_EQ(indexed.value(), 3);
    EXPECT_EQ(indexer.indexPending().value(), 0); // marked: not tried again
    EXPECT_EQ(find(QStringLiteral("alpha")), QList<qint64>{before});
    EXPECT_EQ(find(QStringLiteral("omega")), QList<qint64>{after});
    EXPECT_EQ(find(QStringLiteral("unrenderable")), QList<qint64>{broken});
    EXPECT_TRUE(find(QStringLiteral("hugeword")).isEmpty());
    EXPECT_EQ(indexedState(m_db->connection(), broken), 2);
    EXPECT_EQ(indexedState(m_db->connection(), before), 1);
}

TEST_F(SearchIndexTest, ACacheHoldingANestingBombIndexesEverything)
{
    QByteArray bomb;
    for (int i = 0; i < 200000; ++i)
        bomb += "<q/>";
    const qint64 nested = addRaw(*m_store, QStringLiteral("bomb"), htmlMessage("Nested", bomb));
    const qint64 plain = add(QStringLiteral("Plain"), QStringLiteral("a@example.org"),
                             QStringLiteral("findable words\n"));
    QByteArray comments = "<!-->";
    for (int i = 0; i < 200000; ++i)
        comments += "<span>";
    const qint64 comment =
        addRaw(*m_store, QStringLiteral("comment"), htmlMessage("Comments", comments));
    for (;;) {
        auto done = m_indexer->indexPending();
        ASSERT_TRUE(done.ok());
        if (done.value() == 0)
            break;
    }
    EXPECT_EQ(find(QStringLiteral("findable")), QList<qint64>{plain});
    EXPECT_EQ(find(QStringLiteral("nested")), QList<qint64>{nested});
    EXPECT_EQ(find(QStringLiteral("comments")), QList<qint64>{comment});
}

} // namespace
