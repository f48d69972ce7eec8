// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "sync/MessageIndexer.h"

#include "TestUtil.h"

#include <QSqlError>
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

namespace {

/// A cache with messages whose words, dates and folders the search tests choose.
class SearchPagingTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("search-paging"));
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

    qint64 add(const QString &account, const QString &subject, const QDateTime &date,
               const QString &body = QStringLiteral("text"))
    {
        IncomingMessage m;
        m.accountId = account;
        m.uidl = QStringLiteral("u%1").arg(++m_uidls);
        m.raw = test::makeMessage(subject, QStringLiteral("a@example.org"), body);
        m.headers.subject = subject;
        m.headers.date = date;
        auto id = m_store->insert(m);
        EXPECT_TRUE(id.ok());
        return id.ok() ? id.value() : 0;
    }
    void indexAll()
    {
        for (;;) {
            auto done = sync::MessageIndexer(m_db->connection()).indexPending();
            ASSERT_TRUE(done.ok());
            if (done.value() == 0)
                return;
        }
    }
    SearchIndex::Page page(const SearchIndex::Query &query)
    {
        auto result = m_index->search(query);
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message().toStdString());
        return result.ok() ? result.value() : SearchIndex::Page{};
    }
    static QList<qint64> idsOf(const QList<MessageSummary> &rows)
    {
        QList<qint64> ids;
        for (const MessageSummary &s : rows)
            ids.append(s.id);
        return ids;
    }
    qint64 wordsInIndex(const QString &word)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?"));
        q.addBindValue(word);
        EXPECT_TRUE(q.exec() && q.next());
        return q.value(0).toLongLong();
    }
    QString indexIntegrity()
    {
        QSqlQuery q(m_db->connection());
        return q.exec(QStringLiteral(
                   "INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"))
                   ? QStringLiteral("ok")
                   : q.lastError().text();
    }

    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
    std::optional<SearchIndex> m_index;
    int m_uidls = 0;
};

const QDateTime base = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

TEST_F(SearchPagingTest, NewestHitsFirstWithTheTotalAndPagesThatCoverEveryHitOnce)
{
    // 40 hits: dates shared by three messages each, some undated, ids not in date order;
    // and messages without the word between them.
    QList<MessageSummary> expected;
    for (int i = 0; i < 40; ++i) {
        const QDateTime date = i % 9 == 4 ? QDateTime() : base.addDays((i * 7) % 13 / 3);
        const qint64 id = add(QStringLiteral("1"), QStringLiteral("invoice %1").arg(i), date);
        add(QStringLiteral("1"), QStringLiteral("other %1").arg(i), date);
        MessageSummary s;
        s.id = id;
        s.date = date;
        expected.append(s);
    }
    indexAll();
    std::sort(expected.begin(), expected.end(),
              [](const MessageSummary &a, const MessageSummary &b) {
                  if (a.date.isValid() != b.date.isValid())
                      return a.date.isValid(); // undated last
                  return a.date != b.date ? a.date > b.date : a.id > b.id;
              });

    for (const bool countTotal : {true, false}) {
        SearchIndex::Query query;
        query.countTotal = countTotal;
        query.text = QStringLiteral("invoice");
        query.limit = 7;
        QList<qint64> byKey;
        for (int pages = 0;; ++pages) {
            ASSERT_LT(pages, 10);
            const SearchIndex::Page p = page(query);
            EXPECT_EQ(p.total, countTotal ? 40 : -1);
            byKey += idsOf(p.messages);
            if (!p.next) {
                EXPECT_EQ(p.messages.size(), 40 % 7);
                break;
            }
            EXPECT_EQ(p.messages.size(), 7);
            query.after = p.next;
        }
        EXPECT_EQ(byKey, idsOf(expected));

        QList<qint64> byOffset;
        query.after.reset();
        for (query.offset = 0; query.offset < 42; query.offset += 7)
            byOffset += idsOf(page(query).messages);
        EXPECT_EQ(byOffset, byKey);

        // The old call: the newest first.
        auto newest = m_index->search(QStringLiteral("invoice"), 5);
        ASSERT_TRUE(newest.ok());
        EXPECT_EQ(idsOf(newest.value()), idsOf(expected).first(5));
    }
}

TEST_F(SearchPagingTest, AScopeCountsAndPagesOnlyItsListsHits)
{
    const qint64 inbox1 = add(QStringLiteral("1"), QStringLiteral("report one"), base);
    const qint64 trashed = add(QStringLiteral("1"), QStringLiteral("report two"), base.addDays(1));
    const qint64 inbox2 = add(QStringLiteral("2"), QStringLiteral("report three"), base.addDays(2));
    add(QStringLiteral("2"), QStringLiteral("unrelated"), base.addDays(3));
    ASSERT_TRUE(m_store->moveToFolder(trashed, Folder::Trash).ok());
    indexAll();
    {
        SearchIndex::Query query;
        query.text = QStringLiteral("report");
        query.scope = FolderRef{QStringLiteral("1"), Folder::Inbox, {}};
        SearchIndex::Page p = page(query);
        EXPECT_EQ(p.total, 1);
        EXPECT_EQ(idsOf(p.messages), QList<qint64>{inbox1});
        query.scope = FolderRef::unified();
        p = page(query);
        EXPECT_EQ(p.total, 2);
        EXPECT_EQ(idsOf(p.messages), (QList<qint64>{inbox2, inbox1}));
        query.scope = FolderRef{QStringLiteral("1"), Folder::Trash, {}};
        EXPECT_EQ(idsOf(page(query).messages), QList<qint64>{trashed});
        query.scope.reset();
        EXPECT_EQ(page(query).total, 3);
        EXPECT_EQ(m_index->count(QStringLiteral("report")).value(), 3);
        EXPECT_EQ(m_index->count(QStringLiteral("report"), FolderRef::unified()).value(), 2);
        EXPECT_EQ(
            m_index
                ->count(QStringLiteral("report"), FolderRef{QStringLiteral("2"), Folder::Inbox, {}})
                .value(),
            1);
        query.text = QStringLiteral("nowhere");
        p = page(query);
        EXPECT_EQ(p.total, 0);
        EXPECT_TRUE(p.messages.isEmpty());
        EXPECT_FALSE(p.next);
    }
}

TEST_F(SearchPagingTest, MailDeletedForGoodLeavesTheIndexWithItsWords)
{
    const qint64 one = add(QStringLiteral("1"), QStringLiteral("zanzibar"), base);
    const qint64 two = add(QStringLiteral("1"), QStringLiteral("zanzibar twice"), base);
    const qint64 three = add(QStringLiteral("2"), QStringLiteral("zanzibar thrice"), base);
    add(QStringLiteral("1"), QStringLiteral("kept"), base);
    indexAll();
    ASSERT_EQ(wordsInIndex(QStringLiteral("zanzibar")), 3);

    // Shift+Del, Empty Trash and removing an account: each takes the words along, not only
    // the row the search would have joined against.
    ASSERT_TRUE(m_store->purgeMessage(one).ok());
    EXPECT_EQ(wordsInIndex(QStringLiteral("zanzibar")), 2);
    ASSERT_TRUE(m_store->moveToFolder(two, Folder::Trash).ok());
    ASSERT_EQ(m_store->purgeTrash().value(), 1);
    EXPECT_EQ(wordsInIndex(QStringLiteral("zanzibar")), 1);
    ASSERT_TRUE(m_store->removeAccount(QStringLiteral("2")).ok());
    EXPECT_EQ(wordsInIndex(QStringLiteral("zanzibar")), 0);
    (void)three;
    EXPECT_EQ(wordsInIndex(QStringLiteral("kept")), 1);

    QSqlQuery left(m_db->connection());
    ASSERT_TRUE(left.exec(QStringLiteral("SELECT count(*) FROM search_text")) && left.next());
    EXPECT_EQ(left.value(0).toInt(), 1);
    EXPECT_EQ(indexIntegrity(), QStringLiteral("ok"));
}

TEST_F(SearchPagingTest, IdsAreNeverReusedSoNewMailInheritsNoWords)
{
    add(QStringLiteral("1"), QStringLiteral("first"), base);
    const qint64 newest = add(QStringLiteral("1"), QStringLiteral("secret plans"), base);
    indexAll();
    ASSERT_TRUE(m_store->purgeMessage(newest).ok());
    // Without AUTOINCREMENT SQLite hands the largest id out again.
    const qint64 next = add(QStringLiteral("1"), QStringLiteral("weather"), base);
    EXPECT_GT(next, newest);
    indexAll();
    EXPECT_TRUE(page({QStringLiteral("secret"), {}, 10, 0, {}}).messages.isEmpty());
    EXPECT_EQ(idsOf(page({QStringLiteral("weather"), {}, 10, 0, {}}).messages),
              QList<qint64>{next});
}

TEST_F(SearchPagingTest, AMessageIndexedAgainKeepsOnlyItsNewWords)
{
    // A headers-only message, indexed, then downloaded whole: indexed again.
    IncomingMessage m;
    m.accountId = QStringLiteral("1");
    m.uidl = QStringLiteral("partial");
    m.raw = test::makeMessage(QStringLiteral("Big one"), QStringLiteral("a@example.org"),
                              QStringLiteral("placeholder\n"));
    m.headers.subject = QStringLiteral("Big one");
    m.partial = true;
    const qint64 id = m_store->insert(m).value();
    indexAll();
    ASSERT_EQ(wordsInIndex(QStringLiteral("placeholder")), 1);
    ASSERT_TRUE(m_store
                    ->complete(id, test::makeMessage(QStringLiteral("Big one"),
                                                     QStringLiteral("a@example.org"),
                                                     QStringLiteral("the whole body\n")))
                    .ok());
    indexAll();
    EXPECT_EQ(wordsInIndex(QStringLiteral("placeholder")), 0);
    EXPECT_EQ(wordsInIndex(QStringLiteral("whole")), 1);
    EXPECT_EQ(indexIntegrity(), QStringLiteral("ok"));
}

TEST_F(SearchPagingTest, ProgressSaysHowFarIndexingIsAndTheNewestComeFirst)
{
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids.append(add(QStringLiteral("1"), QStringLiteral("note %1").arg(i), base.addDays(i)));
    auto progress = m_index->progress();
    ASSERT_TRUE(progress.ok());
    EXPECT_EQ(progress.value().indexed, 0);
    EXPECT_EQ(progress.value().total, 5);
    EXPECT_FALSE(progress.value().complete());
    ASSERT_EQ(sync::MessageIndexer(m_db->connection()).indexPending(2).value(), 2);
    EXPECT_EQ(m_index->progress().value().indexed, 2);
    // A search while indexing runs answers from what is indexed: the latest mail.
    EXPECT_EQ(idsOf(page({QStringLiteral("note"), {}, 10, 0, {}}).messages),
              (QList<qint64>{ids[4], ids[3]}));
    indexAll();
    EXPECT_TRUE(m_index->progress().value().complete());
}

} // namespace

namespace {

TEST(SearchPlans, AWordInMostMessagesWalksAnIndexNewestFirstInsteadOfSortingEveryHit)
{
    // The statements SearchIndex runs above its look-up limit, for each kind of scope: a
    // "TEMP B-TREE" would mean sorting 100,000 hits for a page of 200.
    auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("search-plans"));
    ASSERT_TRUE(db.ok());
    const QString hits =
        QStringLiteral("+id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'x')");
    for (const QString &where :
         {hits,
          QStringLiteral("folder = 'inbox' AND account_id = '1' AND local_folder = '' AND ") + hits,
          QStringLiteral("folder = 'inbox' AND account_id <> 'local' AND ") + hits,
          hits + QStringLiteral(" AND (date < 5 OR (date = 5 AND id < 3) OR date IS NULL)")}) {
        QSqlQuery q(db.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id, subject FROM messages "
                                          "WHERE %1 ORDER BY date DESC, id DESC LIMIT 201")
                               .arg(where)));
        QString plan;
        while (q.next())
            plan += q.value(3).toString() + QLatin1Char('\n');
        EXPECT_FALSE(plan.contains(QLatin1String("TEMP B-TREE"))) << qPrintable(plan);
        EXPECT_TRUE(plan.contains(QLatin1String("INDEX messages_"))) << qPrintable(plan);
    }
    // Counting a list's hits looks each hit up by id, rather than walking the whole list.
    QSqlQuery q(db.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM (SELECT rowid AS hit FROM messages_fts WHERE "
        "messages_fts MATCH 'x') AS hits CROSS JOIN messages ON messages.id = hits.hit WHERE "
        "folder = 'inbox' AND account_id = '1' AND local_folder = ''")));
    QString plan;
    while (q.next())
        plan += q.value(3).toString() + QLatin1Char('\n');
    EXPECT_TRUE(plan.contains(QLatin1String("SEARCH messages USING INTEGER PRIMARY KEY")))
        << qPrintable(plan);
}

} // namespace
