// SPDX-License-Identifier: GPL-3.0-or-later
// What the composer offers as the user types: people written to first, then frequent
// senders, each once, the user left out.
#include "smtp/AddressSuggestions.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/OutboxStore.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;

namespace {

class AddressSuggestionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("suggestions-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
    }

    void received(const QString &name, const QString &address, bool junk = false)
    {
        IncomingMessage m;
        m.junk = junk;
        m.accountId = QStringLiteral("1");
        m.uidl = QStringLiteral("u%1").arg(++m_uidl);
        m.raw = "Subject: x\r\n\r\nx\r\n";
        m.headers.fromName = name;
        m.headers.fromAddress = address;
        ASSERT_TRUE(MessageStore(m_db->connection()).insert(m).ok());
    }

    void sent(const QString &to, const QString &cc = {})
    {
        HeaderSummary h;
        h.toText = to;
        h.ccText = cc;
        auto id = OutboxStore(m_db->connection())
                      .enqueue(QStringLiteral("1"), "x", h, "me@example.org", {"x@example.org"},
                               QDateTime::currentDateTimeUtc());
        ASSERT_TRUE(id.ok());
        ASSERT_TRUE(OutboxStore(m_db->connection()).markSent(id.value(), {}).ok());
    }

    QStringList suggested(const QStringList &own = {})
    {
        auto list = smtp::AddressSuggestions::load(m_db->connection(), own);
        EXPECT_TRUE(list.ok());
        QStringList out;
        for (const mime::MailAddress &a : list.value())
            out.append(a.display());
        return out;
    }

    std::unique_ptr<Database> m_db;
    int m_uidl = 0;
};

} // namespace

TEST_F(AddressSuggestionsTest, PeopleWrittenToComeFirstThenFrequentSendersEachOnce)
{
    received(QStringLiteral("News"), QStringLiteral("news@example.com"));
    received(QStringLiteral("News"), QStringLiteral("news@example.com"));
    received(QStringLiteral("News"), QStringLiteral("NEWS@example.com"));
    received(QStringLiteral("Bob"), QStringLiteral("bob@example.net"));
    received(QStringLiteral("Me"), QStringLiteral("me@example.org"));
    for (int i = 0; i < 5; ++i) // the most frequent sender of all, but junk
        received(QStringLiteral("Prize"), QStringLiteral("prize@spam.example"), true);
    sent(QStringLiteral("Carol <carol@example.net>"));
    sent(QStringLiteral("Dave <dave@example.net>, carol@example.net"),
         QStringLiteral("bob@example.net"));
    EXPECT_EQ(suggested({QStringLiteral("Me@Example.org")}),
              (QStringList{QStringLiteral("Carol <carol@example.net>"),
                           QStringLiteral("Dave <dave@example.net>"),
                           QStringLiteral("Bob <bob@example.net>"),
                           QStringLiteral("News <news@example.com>")}));
}
