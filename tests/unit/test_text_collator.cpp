// SPDX-License-Identifier: GPL-3.0-or-later
// Sender and subject sort in the user's language by stored sort keys, and the cache keeps one
// language for all its connections; a change of language re-keys in batches.
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/SortKeys.h"
#include "store/TextCollator.h"

#include "TestUtil.h"

#include <QLocale>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;

namespace {

/// Sets the default locale for one test and puts the old one back.
class LocaleScope {
public:
    explicit LocaleScope(const QString &name) { QLocale::setDefault(QLocale(name)); }
    ~LocaleScope() { QLocale::setDefault(m_saved); }

private:
    QLocale m_saved;
};

TEST(TextCollator, ChineseNamesSortByPinyin)
{
    const TextCollator zh(QStringLiteral("zh_CN"));
    // 阿 is "a", 李 "li", 王 "wang", 张 "zhang": by code point 张 < 李 < 王 < 阿.
    EXPECT_LT(zh.compare(u"阿强", u"李明"), 0);
    EXPECT_LT(zh.compare(u"李明", u"王芳"), 0);
    EXPECT_LT(zh.compare(u"王芳", u"张伟"), 0);
    // CLDR's Chinese order puts Han before the Latin letters, as Chinese users expect.
    EXPECT_LT(zh.compare(u"张伟", u"Anna"), 0);
}

TEST(TextCollator, CaseTiesAccentsDoNot)
{
    const TextCollator de(QStringLiteral("de_DE"));
    EXPECT_EQ(de.compare(u"anna", u"Anna"), 0);
    EXPECT_NE(de.compare(u"resume", u"résumé"), 0);
    // Ärger sorts with the A's, not after Z as by code point.
    EXPECT_LT(de.compare(u"Ärger", u"Bach"), 0);
    EXPECT_LT(de.compare(u"Arger", u"Ärger"), 0);
    const QByteArray a = QStringLiteral("Ärger").toUtf8();
    const QByteArray b = QStringLiteral("Bach").toUtf8();
    EXPECT_LT(de.compareUtf8(a.constData(), int(a.size()), b.constData(), int(b.size())), 0);
}

TEST(TextCollator, SortKeysCompareBytewiseAsTheLanguageDoes)
{
    const TextCollator de(QStringLiteral("de_DE"));
    const QStringList words{QStringLiteral("Ärger"),
                            QStringLiteral("arger"),
                            QStringLiteral("Bach"),
                            QStringLiteral("résumé"),
                            QStringLiteral("resume"),
                            QStringLiteral("李"),
                            QString(),
                            QStringLiteral("Zoo"),
                            QStringLiteral("zoo")};
    for (const QString &a : words) {
        for (const QString &b : words) {
            // ICU's own comparison and the keys' byte order agree, pair by pair.
            const QByteArray ua = a.toUtf8();
            const QByteArray ub = b.toUtf8();
            const int icu =
                de.compareUtf8(ua.constData(), int(ua.size()), ub.constData(), int(ub.size()));
            EXPECT_EQ(TextCollator::compareKeys(de.sortKey(a), de.sortKey(b)), icu)
                << a.toStdString() << " / " << b.toStdString();
            EXPECT_FALSE(de.sortKey(a).contains('\0')) << "SQLite compares BLOBs by memcmp";
        }
    }
    EXPECT_EQ(de.sortKey(u"anna"), de.sortKey(u"Anna"));
}

TEST(TextCollator, OnlyTheBeginningOfALongTextCounts)
{
    const TextCollator en(QStringLiteral("en_US"));
    const QString start(TextCollator::keyedLength, QLatin1Char('m'));
    EXPECT_EQ(en.sortKey(start + QStringLiteral("a")), en.sortKey(start + QStringLiteral("b")));
    EXPECT_LT(en.sortKey(QString(1024 * 1024, QLatin1Char('s'))).size(), 1024);
    // A surrogate pair across the limit is left out whole, never keyed by one half.
    const QString cut = QString(TextCollator::keyedLength - 1, QLatin1Char('m'));
    EXPECT_EQ(en.sortKey(cut + QStringLiteral("😀")), en.sortKey(cut));
}

TEST(TextCollator, TagNamesTheLanguage)
{
    EXPECT_TRUE(TextCollator(QStringLiteral("zh_CN")).tag().startsWith(u"zh_CN/"));
    EXPECT_TRUE(TextCollator(QStringLiteral("C")).tag().startsWith(u"root/"));
    EXPECT_NE(TextCollator(QStringLiteral("zh_CN")).tag(),
              TextCollator(QStringLiteral("de")).tag());
}

class CacheSortLanguageTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    std::unique_ptr<Database> open(Database::SortLanguage language, const QString &name)
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")), name, language);
        EXPECT_TRUE(db.ok()) << qPrintable(db.error().message());
        return db ? std::move(db).value() : nullptr;
    }

    static void add(MessageStore &store, const QString &uidl, const QString &subject)
    {
        IncomingMessage m;
        m.accountId = QStringLiteral("1");
        m.uidl = uidl;
        m.raw = test::makeMessage(subject, QStringLiteral("Bob <bob@example.org>"),
                                  QStringLiteral("body"));
        m.headers.subject = subject;
        m.headers.fromAddress = QStringLiteral("bob@example.org");
        m.headers.date = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        ASSERT_TRUE(store.insert(m).ok());
    }

    static QStringList subjects(MessageStore &store)
    {
        QStringList out;
        auto ids =
            store.orderedIds({QStringLiteral("1"), Folder::Inbox, {}}, SortKey::Subject, false);
        EXPECT_TRUE(ids.ok());
        for (qint64 id : ids.value())
            out.append(store.message(id).value().subject);
        return out;
    }

    static QString integrity(const Database &db)
    {
        QSqlQuery q(db.connection());
        EXPECT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        return q.value(0).toString();
    }

    QTemporaryDir m_dir;
};

TEST_F(CacheSortLanguageTest, ListsSortInTheUsersLanguageAndFollowItsChange)
{
    {
        const LocaleScope english(QStringLiteral("en_US"));
        auto db = open(Database::SortLanguage::User, QStringLiteral("en"));
        ASSERT_TRUE(db);
        MessageStore store(db->connection());
        EXPECT_EQ(store.sortLanguage(), QStringLiteral("en_US"));
        for (const QString &s : {QStringLiteral("Zoo"), QStringLiteral("李明"),
                                 QStringLiteral("apple"), QStringLiteral("Mary")})
            add(store, s, s);
        // In English, Han characters come after the Latin letters.
        EXPECT_EQ(subjects(store), (QStringList{QStringLiteral("apple"), QStringLiteral("Mary"),
                                                QStringLiteral("Zoo"), QStringLiteral("李明")}));
    }
    {
        // The user switches to Chinese: opening marks the keys for re-keying and returns at
        // once; until a background pass re-keys them, the rows are the same, in English order.
        const LocaleScope chinese(QStringLiteral("zh_CN"));
        auto db = open(Database::SortLanguage::User, QStringLiteral("zh"));
        ASSERT_TRUE(db);
        MessageStore store(db->connection());
        EXPECT_EQ(store.sortLanguage(), QStringLiteral("zh_CN"));
        EXPECT_TRUE(sortkeys::refreshPending(db->connection()).value());
        EXPECT_EQ(subjects(store), (QStringList{QStringLiteral("apple"), QStringLiteral("Mary"),
                                                QStringLiteral("Zoo"), QStringLiteral("李明")}));
        // Batches of one row: each leaves the list whole.
        for (int batch = 0;; ++batch) {
            ASSERT_LT(batch, 10);
            auto progress = sortkeys::refresh(db->connection(), 1);
            ASSERT_TRUE(progress.ok()) << qPrintable(progress.error().message());
            EXPECT_EQ(subjects(store).size(), 4);
            if (progress.value().finished())
                break;
        }
        EXPECT_FALSE(sortkeys::refreshPending(db->connection()).value());
        EXPECT_EQ(subjects(store), (QStringList{QStringLiteral("李明"), QStringLiteral("apple"),
                                                QStringLiteral("Mary"), QStringLiteral("Zoo")}));
        EXPECT_EQ(integrity(*db), QStringLiteral("ok"));
    }
    {
        // A script run with LANG=C keeps the cache's order, and writes in it.
        const LocaleScope c(QStringLiteral("C"));
        auto db = open(Database::SortLanguage::Stored, QStringLiteral("ctl"));
        ASSERT_TRUE(db);
        MessageStore store(db->connection());
        EXPECT_EQ(store.sortLanguage(), QStringLiteral("zh_CN"));
        add(store, QStringLiteral("a"), QStringLiteral("阿强"));
        add(store, QStringLiteral("w"), QStringLiteral("王芳"));
        EXPECT_EQ(subjects(store), (QStringList{QStringLiteral("阿强"), QStringLiteral("李明"),
                                                QStringLiteral("王芳"), QStringLiteral("apple"),
                                                QStringLiteral("Mary"), QStringLiteral("Zoo")}));
        EXPECT_EQ(integrity(*db), QStringLiteral("ok"));
    }
}

} // namespace
