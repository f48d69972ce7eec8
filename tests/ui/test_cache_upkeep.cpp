// SPDX-License-Identifier: GPL-3.0-or-later
// The cache's upkeep off the GUI thread: sort keys brought to a new language, compacting
// offered after a large Empty Trash, and the check run when the cache will not open.
#include "WindowFixture.h"

#include "CacheUpkeep.h"
#include "DamagedCachePrompt.h"
#include "MailActions.h"
#include "MessageListModel.h"

#include "store/CacheCompactor.h"
#include "store/SortKeys.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace poplar;
using poplar::store::Folder;

namespace {

class CacheUpkeepTest : public test::WindowFixture {
protected:
    /// `count` messages of about `kb` KB in the account's Inbox; their ids.
    QList<qint64> bigMessages(const QString &account, int count, int kb)
    {
        QList<qint64> ids;
        for (int i = 0; i < count; ++i) {
            ids.append(test::storeMessage(
                *m_store, account, QStringLiteral("big-%1").arg(i),
                test::rfc5322(QStringLiteral("Big %1").arg(i), QStringLiteral("a@example.org"),
                              at(1 + i % 20, 8), QString(kb * 1024, QLatin1Char('z')))));
        }
        return ids;
    }
    qint64 cacheBytes() const
    {
        const QString path = m_profile->cachePath();
        return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    }
};

TEST_F(CacheUpkeepTest, AfterALargeEmptyTrashCompactingIsOfferedAndGivesTheSpaceBack)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = bigMessages(account, 30, 200);
    for (qsizetype i = 0; i < 25; ++i)
        ASSERT_TRUE(m_actions->moveToTrash(ids.at(i)).ok());
    ui::MainWindow &window = makeWindow();
    ui::CacheUpkeep *upkeep = window.cacheUpkeep();
    ASSERT_NE(upkeep, nullptr);
    upkeep->setOfferFrom(1024 * 1024);
    upkeep->setAnswerForTests(true);
    QSignalSpy offered(upkeep, &ui::CacheUpkeep::compactionOffered);
    QSignalSpy compacted(upkeep, &ui::CacheUpkeep::compacted);

    window.mailActions()->purgeTrash(account);
    ASSERT_TRUE(test::waitUntil([&] { return offered.count() == 1; }));
    EXPECT_GT(offered.first().first().toLongLong(), 4 * 1024 * 1024);
    const qint64 before = cacheBytes();
    ASSERT_TRUE(test::waitUntil([&] { return compacted.count() == 1; }, 20'000));
    EXPECT_TRUE(compacted.first().first().toString().startsWith(
        QStringLiteral("Compacted the mail cache")));
    EXPECT_LT(cacheBytes(), before - 4 * 1024 * 1024);
    // The window's own connection reads on, and the rest of the mail is whole.
    window.showFolder(account, Folder::Inbox);
    EXPECT_EQ(window.messageModel()->rowCount(), 5);
    EXPECT_TRUE(m_store->raw(ids.at(27)).ok());
}

TEST_F(CacheUpkeepTest, TheOfferCanBeDeclinedAndNothingIsCompacted)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = bigMessages(account, 20, 200);
    for (const qint64 id : ids)
        ASSERT_TRUE(m_actions->moveToTrash(id).ok());
    ui::MainWindow &window = makeWindow();
    ui::CacheUpkeep *upkeep = window.cacheUpkeep();
    QSignalSpy offered(upkeep, &ui::CacheUpkeep::compactionOffered);
    QSignalSpy compacted(upkeep, &ui::CacheUpkeep::compacted);
    // The real question this time, with a threshold the test can reach.
    upkeep->setOfferFrom(1024 * 1024);
    window.mailActions()->purgeTrash(account);
    ASSERT_TRUE(test::waitUntil([&] { return offered.count() == 1; }));
    QMessageBox *question = nullptr;
    ASSERT_TRUE(test::waitUntil([&] {
        question = window.findChild<QMessageBox *>();
        return question && question->isVisible();
    }));
    EXPECT_TRUE(question->text().contains(QStringLiteral("unused inside the mail cache")))
        << qPrintable(question->text());
    QPushButton *notNow = nullptr;
    for (QAbstractButton *b : question->buttons()) {
        if (b->text() == QStringLiteral("Not Now"))
            notNow = qobject_cast<QPushButton *>(b);
    }
    ASSERT_NE(notNow, nullptr);
    notNow->click();
    ASSERT_TRUE(test::waitUntil([&] { return !window.findChild<QMessageBox *>(); }));
    EXPECT_EQ(compacted.count(), 0);
    EXPECT_FALSE(upkeep->isCompacting());
}

TEST_F(CacheUpkeepTest, AnOldCacheIsCompactedWholeAtTheNextStartWhenAsked)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = bigMessages(account, 30, 200);
    for (qsizetype i = 0; i < 25; ++i)
        ASSERT_TRUE(m_actions->moveToTrash(ids.at(i)).ok());
    {
        // As a cache made before incremental vacuuming was the default.
        QSqlQuery q(m_db->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA auto_vacuum = NONE")));
        ASSERT_TRUE(q.exec(QStringLiteral("VACUUM")));
    }
    ui::MainWindow &window = makeWindow();
    ui::CacheUpkeep *upkeep = window.cacheUpkeep();
    upkeep->setOfferFrom(1024 * 1024);
    upkeep->setAnswerForTests(true);
    QSignalSpy compacted(upkeep, &ui::CacheUpkeep::compacted);
    const qint64 before = cacheBytes();
    window.mailActions()->purgeTrash(account);
    ASSERT_TRUE(test::waitUntil([&] { return compacted.count() == 1; }));
    EXPECT_EQ(compacted.first().first().toString(),
              QStringLiteral("The mail cache will be compacted the next time Poplar starts."));
    EXPECT_GE(cacheBytes(), before - 1024 * 1024) << "nothing is compacted while Poplar runs";

    // The next start, before the window: compacted whole, and in steps from then on.
    const QString notice =
        ui::CacheUpkeep::compactAtStartIfAsked(m_db->connection(), m_profile->cachePath());
    EXPECT_TRUE(notice.startsWith(QStringLiteral("Compacted the mail cache")))
        << qPrintable(notice);
    EXPECT_LT(cacheBytes(), before - 4 * 1024 * 1024);
    EXPECT_TRUE(ui::CacheUpkeep::compactAtStartIfAsked(m_db->connection(), m_profile->cachePath())
                    .isEmpty())
        << "asked once, done once";
    EXPECT_TRUE(store::CacheCompactor(m_db->connection(), m_profile->cachePath())
                    .space()
                    .value()
                    .incremental);
    EXPECT_TRUE(m_store->raw(ids.at(27)).ok());
}

TEST_F(CacheUpkeepTest, AFewDeletedMessagesAreNotWorthAnOffer)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account);
    ASSERT_TRUE(m_actions->moveToTrash(ids.at(0)).ok());
    ui::MainWindow &window = makeWindow();
    QSignalSpy offered(window.cacheUpkeep(), &ui::CacheUpkeep::compactionOffered);
    QSignalSpy emptied(window.mailActions(), &ui::MailActions::trashEmptied);
    window.mailActions()->purgeTrash(account);
    ASSERT_TRUE(test::waitUntil([&] { return emptied.count() == 1; }));
    // The measuring runs on a pool thread: give it the time it takes, then nothing came.
    QTest::qWait(500);
    EXPECT_EQ(offered.count(), 0);
}

TEST_F(CacheUpkeepTest, SortKeysOfAnotherLanguageAreRekeyedInTheBackground)
{
    const QString account = addAccount(QStringLiteral("Home"));
    for (const QString &subject :
         {QStringLiteral("Zoo"), QStringLiteral("李明"), QStringLiteral("apple")}) {
        test::storeMessage(
            *m_store, account, subject,
            test::rfc5322(subject, QStringLiteral("a@example.org"), at(1, 8), QStringLiteral("x")));
    }
    // As if Poplar had started in Chinese: the keys are English ones, marked for re-keying.
    ASSERT_TRUE(
        store::sortkeys::switchLanguage(m_db->connection(), QStringLiteral("zh_CN"), false).ok());
    ui::MainWindow &window = makeWindow(); // starts the re-keying
    window.showFolder(account, Folder::Inbox);
    ui::MessageListModel *model = window.messageModel();
    model->sort(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    ASSERT_TRUE(test::waitUntil(
        [&] { return !store::sortkeys::refreshPending(m_db->connection()).value(); }));
    // The list was read again in the new order when the keys were done.
    ASSERT_TRUE(test::waitUntil([&] {
        return model->rowCount() == 3 && model->summaryAt(0).subject == QStringLiteral("李明");
    }));
    EXPECT_EQ(model->summaryAt(1).subject, QStringLiteral("apple"));
    EXPECT_EQ(model->summaryAt(2).subject, QStringLiteral("Zoo"));
}

TEST(DamagedCachePromptTest, SaysWhatTheCheckFound)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100'000, 'x'));
    }
    const QString text = ui::DamagedCachePrompt::findings(path, QStringLiteral("Cannot open"));
    EXPECT_TRUE(text.startsWith(QStringLiteral("Cannot open\n\n"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("SQLite cannot read the file as a database")))
        << qPrintable(text);
}

} // namespace
