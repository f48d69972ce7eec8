// SPDX-License-Identifier: GPL-3.0-or-later
// Search operators (store::SearchQuery) through SearchIndex: one test per operator, one that
// combines them with words, and the parser's handling of what only looks like an operator.
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "store/SearchQuery.h"
#include "store/TagStore.h"
#include "sync/HeaderFacts.h"
#include "sync/MessageIndexer.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;

namespace {

QByteArray withAttachment(const QString &subject, const QString &from)
{
    return "From: " + from.toUtf8() + "\r\nTo: alice@example.org\r\nSubject: " + subject.toUtf8() +
           "\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
           "Content-Type: text/plain\r\n\r\nSee the file.\r\n--b\r\n"
           "Content-Type: application/pdf\r\nContent-Disposition: attachment; "
           "filename=plan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n";
}

class SearchOperatorsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("operators-test"));
        ASSERT_TRUE(db.ok());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
        m_index.emplace(m_db->connection());

        report = add(test::makeMessage(QStringLiteral("Quarterly report"),
                                       QStringLiteral("Bob Stone <bob@example.org>"),
                                       QStringLiteral("Numbers for the board.\n"),
                                       QStringLiteral("Mon, 02 Nov 2026 10:00:00 +0000")));
        lunch = add(test::makeMessage(QStringLiteral("Lunch with the board"),
                                      QStringLiteral("Maria <maria@example.es>"),
                                      QStringLiteral("Friday at noon, report later.\n"),
                                      QStringLiteral("Sun, 15 Nov 2026 12:00:00 +0000")));
        plan = add(withAttachment(QStringLiteral("The plan"), QStringLiteral("carol@example.net")));
        old = add(test::makeMessage(QStringLiteral("Old report"), QStringLiteral("bob@example.org"),
                                    QStringLiteral("From last year.\n"),
                                    QStringLiteral("Fri, 10 Jan 2025 09:00:00 +0000")));
        ASSERT_TRUE(m_store->setSeen(report, true).ok());
        ASSERT_TRUE(m_store->setSeen(old, true).ok());
        ASSERT_TRUE(m_store->setFlagged(lunch, true).ok());
        ASSERT_TRUE(m_store->moveToFolder(old, Folder::Trash).ok());
        ASSERT_TRUE(m_store
                        ->place(plan, {Folder::Inbox,
                                       QStringLiteral("Projects"),
                                       QStringLiteral("Projects"),
                                       3,
                                       false,
                                       false,
                                       {}})
                        .ok());
        ASSERT_TRUE(sync::MessageIndexer(m_db->connection()).indexPending().ok());
    }
    void TearDown() override
    {
        m_index.reset();
        m_store.reset();
        m_db.reset();
    }

    qint64 add(const QByteArray &raw)
    {
        IncomingMessage m;
        m.accountId = QStringLiteral("acct");
        m.uidl = QString::number(++m_uidl);
        m.raw = raw;
        m.headers = sync::headerFacts(raw);
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
        // The count agrees with the page.
        auto counted = m_index->count(query);
        EXPECT_TRUE(counted.ok());
        EXPECT_EQ(counted.ok() ? counted.value() : -1, ids.size()) << query.toStdString();
        return ids;
    }

    static QList<qint64> ids(std::initializer_list<qint64> list)
    {
        QList<qint64> out(list);
        std::sort(out.begin(), out.end());
        return out;
    }

    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
    std::optional<SearchIndex> m_index;
    int m_uidl = 0;
    qint64 report = 0, lunch = 0, plan = 0, old = 0;
};

} // namespace

TEST_F(SearchOperatorsTest, FromMatchesTheSenderOnly)
{
    EXPECT_EQ(find(QStringLiteral("from:bob")), ids({report, old}));
    EXPECT_EQ(find(QStringLiteral("from:bob@example.org")), ids({report, old}));
    EXPECT_EQ(find(QStringLiteral("from:\"Bob Stone\"")), ids({report}));
    EXPECT_TRUE(find(QStringLiteral("from:alice")).isEmpty()); // alice is the recipient
}

TEST_F(SearchOperatorsTest, ToMatchesTheRecipientsOnly)
{
    EXPECT_EQ(find(QStringLiteral("to:alice")), ids({report, lunch, plan, old}));
    EXPECT_TRUE(find(QStringLiteral("to:bob")).isEmpty());
}

TEST_F(SearchOperatorsTest, SubjectMatchesTheSubjectOnly)
{
    EXPECT_EQ(find(QStringLiteral("report")), ids({report, lunch, old})); // lunch's body too
    EXPECT_EQ(find(QStringLiteral("subject:report")), ids({report, old}));
    EXPECT_EQ(find(QStringLiteral("subject:\"with the board\"")), ids({lunch}));
}

TEST_F(SearchOperatorsTest, HasAttachment)
{
    EXPECT_EQ(find(QStringLiteral("has:attachment")), ids({plan}));
}

TEST_F(SearchOperatorsTest, IsUnreadAndIsFlagged)
{
    EXPECT_EQ(find(QStringLiteral("is:unread")), ids({lunch, plan}));
    EXPECT_EQ(find(QStringLiteral("is:read")), ids({report, old}));
    EXPECT_EQ(find(QStringLiteral("is:flagged")), ids({lunch}));
}

TEST_F(SearchOperatorsTest, FolderNamesAFolderOrAFiledFolder)
{
    EXPECT_EQ(find(QStringLiteral("folder:inbox")), ids({report, lunch}));
    EXPECT_EQ(find(QStringLiteral("folder:Trash")), ids({old}));
    EXPECT_EQ(find(QStringLiteral("folder:projects")), ids({plan}));
    EXPECT_TRUE(find(QStringLiteral("folder:nowhere")).isEmpty());
}

TEST_F(SearchOperatorsTest, BeforeAndAfterTakeIsoDays)
{
    EXPECT_EQ(find(QStringLiteral("before:2026-01-01")), ids({old}));
    EXPECT_EQ(find(QStringLiteral("after:2026-11-10")), ids({lunch}));
    EXPECT_EQ(find(QStringLiteral("after:2026-01-01 before:2026-11-10")), ids({report, plan}));
}

TEST_F(SearchOperatorsTest, QuotedPhrasesMatchWordsInOrder)
{
    EXPECT_EQ(find(QStringLiteral("\"the board\"")), ids({report, lunch}));
    EXPECT_EQ(find(QStringLiteral("\"board the\"")), QList<qint64>{});
    EXPECT_EQ(find(QStringLiteral("\"report later\"")), ids({lunch}));
}

TEST_F(SearchOperatorsTest, OperatorsCombineWithWordsAndEachOther)
{
    EXPECT_EQ(find(QStringLiteral("report from:bob is:read folder:inbox")), ids({report}));
    EXPECT_EQ(find(QStringLiteral("board is:unread is:flagged after:2026-11-01 to:alice")),
              ids({lunch}));
    EXPECT_EQ(find(QStringLiteral("\"quarterly report\" from:bob before:2026-12-01")),
              ids({report}));
    EXPECT_TRUE(find(QStringLiteral("report is:flagged from:bob")).isEmpty());
    // Scoped to a list, as the search box is.
    SearchIndex::Query q;
    q.text = QStringLiteral("report is:read");
    q.scope = FolderRef{QStringLiteral("acct"), Folder::Trash, {}, false};
    auto page = m_index->search(q);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page.value().messages.size(), 1);
    EXPECT_EQ(page.value().messages.front().id, old);
    EXPECT_EQ(page.value().total, 1);
}

TEST_F(SearchOperatorsTest, TagNamesATagByItsStoredOrShownName)
{
    TagStore tags(m_db->connection());
    auto work = tags.tag(QStringLiteral("Work"));
    auto toDo = tags.tag(QStringLiteral("To Do"));
    ASSERT_TRUE(work.ok() && work.value() && toDo.ok() && toDo.value());
    ASSERT_TRUE(tags.setTag({report, plan}, work.value()->id, true).ok());
    ASSERT_TRUE(tags.setTag({lunch}, toDo.value()->id, true).ok());
    EXPECT_EQ(find(QStringLiteral("tag:work")), ids({report, plan}));
    EXPECT_EQ(find(QStringLiteral("tag:\"to do\"")), ids({lunch}));
    EXPECT_EQ(find(QStringLiteral("report tag:Work")), ids({report}));
    EXPECT_TRUE(find(QStringLiteral("tag:Important")).isEmpty());
    EXPECT_TRUE(find(QStringLiteral("tag:nosuchtag")).isEmpty());
    // Renamed, a tag answers to its new name only; its keyword is no name.
    ASSERT_TRUE(tags.renameTag(work.value()->id, QStringLiteral("Projects")).ok());
    EXPECT_EQ(find(QStringLiteral("tag:projects")), ids({report, plan}));
    EXPECT_TRUE(find(QStringLiteral("tag:work")).isEmpty());
    EXPECT_TRUE(find(QStringLiteral("tag:$label2")).isEmpty());
}

TEST(SearchQuery, WhatOnlyLooksLikeAnOperatorIsSearchedAsWords)
{
    const SearchQuery q = SearchQuery::parse(
        QStringLiteral("is:purple before:tuesday http://example.org has:dog FROM:Bob"));
    EXPECT_EQ(q.conditions.size(), 1); // FROM: is an operator (case-insensitive)
    EXPECT_EQ(q.matchTerms,
              (QStringList{QStringLiteral("\"is purple\"*"), QStringLiteral("\"before tuesday\"*"),
                           QStringLiteral("\"http example org\"*"), QStringLiteral("\"has dog\"*"),
                           QStringLiteral("addresses : \"Bob\"*")}));
    EXPECT_TRUE(SearchQuery::parse(QStringLiteral("  ")).isEmpty());
    EXPECT_TRUE(SearchQuery::parse(QStringLiteral("from: \"\"")).conditions.isEmpty());
}
