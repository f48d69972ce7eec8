// SPDX-License-Identifier: GPL-3.0-or-later
// Changes to thousands of messages from the window: the rows leave at once, the cache
// follows on the change queue's worker, the server deletion queue follows each account's
// policy, Ctrl+Z undoes it, and the window keeps answering meanwhile.
#include "WindowFixture.h"

#include "CacheChangeQueue.h"
#include "ChangeProgress.h"
#include "FolderTree.h"
#include "MailActions.h"
#include "SettingsDialog.h"
#include "store/WorkCache.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace poplar;
using poplar::store::Folder;

namespace {

class BulkActionsUiTest : public test::WindowFixture {
protected:
    /// `count` messages for the account, the newest first in the list (stored fast, in one
    /// transaction); returns their ids, newest first.
    QList<qint64> fill(const QString &account, int count, int minutesApart = 2,
                       int offsetMinutes = 0)
    {
        QList<qint64> ids;
        store::Transaction txn(m_db->connection());
        store::MessageStore::Inserter inserter(m_db->connection());
        const QDateTime newest(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
        for (int i = 0; i < count; ++i) {
            store::IncomingMessage m;
            m.accountId = account;
            m.uidl = QStringLiteral("%1-%2").arg(account).arg(i);
            m.headers.subject = QStringLiteral("Message %1 of %2").arg(i).arg(account);
            m.headers.fromAddress = QStringLiteral("sender@example.org");
            m.headers.date = newest.addSecs(-60 * (qint64(i) * minutesApart + offsetMinutes));
            m.raw = test::rfc5322(m.headers.subject, m.headers.fromAddress, m.headers.date,
                                  QStringLiteral("Text"));
            auto id = inserter.insert(m);
            EXPECT_TRUE(id.ok());
            if (id)
                ids.append(id.value());
        }
        EXPECT_TRUE(txn.commit().ok());
        return ids;
    }

    qint64 rows(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        EXPECT_TRUE(q.exec(sql) && q.next()) << qPrintable(sql);
        return q.value(0).toLongLong();
    }

    qint64 queued(const QString &account)
    {
        return rows(QStringLiteral("SELECT COUNT(*) FROM server_deletions WHERE account_id = '%1'")
                        .arg(account));
    }

    static bool idle(ui::MainWindow &window) { return !window.cacheChanges()->isBusy(); }

    /// Selects rows first..last as a shift-click does.
    static void selectRows(ui::MainWindow &window, int first, int last)
    {
        ui::MessageListModel *model = window.messageModel();
        QItemSelectionModel *selection = window.messageList()->selectionModel();
        selection->setCurrentIndex(model->index(first, 0), QItemSelectionModel::NoUpdate);
        selection->select(QItemSelection(model->index(first, 0),
                                         model->index(last, ui::MessageListModel::ColumnCount - 1)),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
};

TEST_F(BulkActionsUiTest, DeletingThousandsLeavesTheRightRowsQueuesPerAccountAndUndoes)
{
    const QString home = addAccount(QStringLiteral("Home")); // deletes on the server too
    Account workAccount = m_accounts->account(addAccount(QStringLiteral("Work"))).value();
    workAccount.deleteFromServerOnLocalDelete = false;
    ASSERT_TRUE(m_accounts->update(workAccount).ok());
    const QString work = workAccount.id;
    // Interleaved in time: the Unified Inbox shows them mixed.
    const QList<qint64> homeIds = fill(home, 1500);
    const QList<qint64> workIds = fill(work, 1500, 2, 1);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.folderTree()->selectUnifiedInbox());
    ui::MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 3000);

    // The newest 2000: rows 0 to 1999, 1000 of each account.
    selectRows(window, 0, 1999);
    QList<qint64> chosen;
    for (int row = 0; row < 2000; ++row)
        chosen.append(model->index(row, 0).data(ui::MessageListModel::MessageIdRole).toLongLong());
    const qint64 firstKept =
        model->index(2000, 0).data(ui::MessageListModel::MessageIdRole).toLongLong();
    window.messageList()->setFocus();
    QTest::keyClick(window.messageList(), Qt::Key_Delete);

    // The rows left at once, and the next message is the one selected.
    EXPECT_EQ(model->rowCount(), 1000);
    const QModelIndexList selected = window.messageList()->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().data(ui::MessageListModel::MessageIdRole).toLongLong(), firstKept);

    ASSERT_TRUE(test::waitUntil([&] { return idle(window); }, 30'000));
    EXPECT_EQ(m_store->count(Folder::Trash, home).value(), 1000);
    EXPECT_EQ(m_store->count(Folder::Trash, work).value(), 1000);
    EXPECT_EQ(m_store->count(Folder::Inbox, home).value(), 500);
    for (qint64 id : {chosen.first(), chosen.at(999), chosen.last()})
        EXPECT_EQ(m_store->message(id).value().folder, Folder::Trash);
    for (int row = 0; row < model->rowCount(); ++row)
        ASSERT_FALSE(chosen.contains(
            model->index(row, 0).data(ui::MessageListModel::MessageIdRole).toLongLong()));
    // Home deletes on the server what is deleted here; Work keeps its copies.
    EXPECT_EQ(queued(home), 1000);
    EXPECT_EQ(queued(work), 0);
    // The count under the list says what is left, once the cache says it too (the message
    // selected after the deleted ones was shown, and so read).
    auto *count = window.findChild<QLabel *>(QStringLiteral("messageCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_TRUE(count->text().endsWith(QStringLiteral(", 999 unread")))
        << qPrintable(count->text());

    QTest::keyClick(window.messageList(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(test::waitUntil([&] { return idle(window) && model->rowCount() == 3000; }, 30'000));
    EXPECT_EQ(m_store->count(Folder::Inbox, home).value(), 1500);
    EXPECT_EQ(m_store->count(Folder::Inbox, work).value(), 1500);
    EXPECT_EQ(queued(home), 0);
    // What came back is what is selected.
    const QList<qint64> reselected =
        model->idsIn(window.messageList()->selectionModel()->selection());
    EXPECT_EQ(QSet<qint64>(reselected.cbegin(), reselected.cend()),
              QSet<qint64>(chosen.cbegin(), chosen.cend()));
    Q_UNUSED(homeIds);
    Q_UNUSED(workIds);
}

TEST_F(BulkActionsUiTest, TheWindowKeepsAnsweringWhileALargeTrashIsEmptied)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = fill(home, 3000);
    ASSERT_TRUE(sync::BulkActions(m_db->connection(), {}).moveToTrash(ids).ok());
    ui::MainWindow &window = makeWindow();
    window.showFolder(home, Folder::Trash);
    ASSERT_EQ(window.messageModel()->rowCount(), 3000);
    // Many short transactions with rests between them: the change takes a while.
    window.cacheChanges()->setPacing(std::chrono::milliseconds(1), std::chrono::milliseconds(10));

    int ticksWhileBusy = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (window.cacheChanges()->isBusy())
            ++ticksWhileBusy;
    });
    ticker.start();
    QSignalSpy progress(window.cacheChanges(), &ui::CacheChangeQueue::progress);
    QSignalSpy emptied(window.mailActions(), &ui::MailActions::trashEmptied);
    // What the status bar says as the parts are done (it shows itself after a moment).
    QStringList said;
    QObject::connect(window.cacheChanges(), &ui::CacheChangeQueue::progress, &window,
                     [&] { said.append(window.changeProgress()->text()); });
    window.mailActions()->purgeTrash(home);
    // It returned at once: the change runs on the worker, and the list is empty already.
    EXPECT_TRUE(window.cacheChanges()->isBusy());
    EXPECT_EQ(window.messageModel()->rowCount(), 0);

    ASSERT_TRUE(test::waitUntil([&] { return emptied.count() == 1; }, 60'000));
    EXPECT_GT(ticksWhileBusy, 0) << "the event loop ran while the Trash was emptied";
    EXPECT_GE(progress.count(), 2);
    EXPECT_EQ(progress.last().at(0).toLongLong(), 3000);
    ASSERT_FALSE(said.isEmpty());
    EXPECT_EQ(said.last(), QStringLiteral("Emptying the Trash of Home: %1 of %1 messages")
                               .arg(QLocale().toString(3000)));
    EXPECT_EQ(emptied.first().at(1).toInt(), 3000);
    EXPECT_EQ(m_store->count(Folder::Trash, home).value(), 0);
    ASSERT_TRUE(test::waitUntil([&] { return window.changeProgress()->isHidden(); }));
}

TEST_F(BulkActionsUiTest, AChangeOnTheWorkerHasAPageCacheForItsSize)
{
    ui::MainWindow &window = makeWindow();
    qint64 during = 0;
    bool done = false;
    // More messages than a change done on the GUI thread's own connection: the worker's.
    window.cacheChanges()->run(
        QStringLiteral("Looking"), ui::CacheChangeQueue::inlineLimit + 1,
        [&during](sync::BulkActions &actions) {
            QSqlQuery q(actions.database());
            if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
                during = q.value(0).toLongLong();
            return sync::BulkOutcome{};
        },
        &window, [&done](const sync::BulkOutcome &) { done = true; });
    ASSERT_TRUE(test::waitUntil([&] { return done; }));
    EXPECT_EQ(during, -store::WorkCache::kb);
}

TEST_F(BulkActionsUiTest, TaggingThousandsRunsOnTheWorkerAndEveryOneIsTagged)
{
    const QString home = addAccount(QStringLiteral("Home"));
    fill(home, 2000);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ui::MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 2000);
    selectRows(window, 0, 1499);
    window.messageList()->setFocus();
    window.cacheChanges()->setPacing(std::chrono::milliseconds(1), std::chrono::milliseconds(5));

    QTest::keyClick(window.messageList(), Qt::Key_1);
    // The key returned at once: 1,500 messages are tagged on the worker, not the GUI thread.
    EXPECT_TRUE(window.cacheChanges()->isBusy());
    ASSERT_TRUE(test::waitUntil([&] { return idle(window); }, 60'000));
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM message_tags")), 1500);
    const QModelIndex first = model->index(0, ui::MessageListModel::SubjectColumn);
    const QModelIndex notChosen = model->index(1500, ui::MessageListModel::SubjectColumn);
    EXPECT_TRUE(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Important")));
    EXPECT_FALSE(notChosen.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Important")));

    // Again: the current message has the tag, so it comes off all of them.
    QTest::keyClick(window.messageList(), Qt::Key_1);
    ASSERT_TRUE(test::waitUntil([&] { return idle(window); }, 60'000));
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM message_tags")), 0);
}

TEST_F(BulkActionsUiTest, EmptyTrashAndRemovingAnAccountLeaveNothingOfItBehind)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QString work = addAccount(QStringLiteral("Work"));
    const QList<qint64> homeIds = fill(home, 2000);
    fill(work, 10);
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO mailboxes (account_id, host, port, user) "
                                      "VALUES ('%1', '127.0.0.1', 110, 'alice')")
                           .arg(home)));
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    selectRows(window, 0, 699);
    window.deleteAction()->trigger();
    ASSERT_TRUE(test::waitUntil([&] { return idle(window); }, 30'000));
    ASSERT_EQ(m_store->count(Folder::Trash, home).value(), 700);
    ASSERT_EQ(queued(home), 700);

    QSignalSpy emptied(window.mailActions(), &ui::MailActions::trashEmptied);
    window.mailActions()->purgeTrash(home);
    ASSERT_TRUE(test::waitUntil([&] { return emptied.count() == 1; }, 30'000));
    EXPECT_EQ(m_store->count(Folder::Trash, home).value(), 0);
    EXPECT_EQ(m_store->count(Folder::Inbox, home).value(), 1300);
    EXPECT_EQ(
        rows(QStringLiteral("SELECT COUNT(*) FROM downloads WHERE account_id = '%1'").arg(home)),
        2000)
        << "known still: an emptied Trash does not come back at the next sync";

    // Settings ▸ Remove: the account goes, and its mail with everything the cache knew of it.
    window.openSettings();
    ui::SettingsDialog *settings = nullptr;
    ASSERT_TRUE(test::waitUntil([&] {
        settings = window.findChild<ui::SettingsDialog *>();
        return settings && settings->isVisible();
    }));
    settings->findChild<QListWidget *>(QStringLiteral("accountList"))->setCurrentRow(0);
    settings->removeAccount();
    QMessageBox *box = nullptr;
    ASSERT_TRUE(test::waitUntil([&] {
        box = settings->findChild<QMessageBox *>(QStringLiteral("removeConfirmation"));
        return box && box->isVisible();
    }));
    box->button(QMessageBox::Yes)->click();
    ASSERT_FALSE(m_accounts->account(home).has_value());
    ASSERT_TRUE(test::waitUntil([&] { return idle(window); }, 30'000));
    for (const char *table :
         {"messages", "downloads", "mailboxes", "server_deletions", "server_policy"}) {
        EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE account_id = '%2'")
                           .arg(QLatin1String(table), home)),
                  0)
            << table;
    }
    EXPECT_EQ(m_store->count(Folder::Inbox, work).value(), 10);
    EXPECT_FALSE(m_store->message(homeIds.last()).ok());
    // Nothing is left to finish at the next start.
    EXPECT_TRUE(m_accounts->removedWithMailLeft().isEmpty());
}

TEST_F(BulkActionsUiTest, ARemovalTheLastSessionDidNotFinishIsFinishedAtStart)
{
    const QString kept = addAccount(QStringLiteral("Kept"));
    fill(kept, 5);
    // An account removed from poplar.ini whose mail was still in the cache when Poplar (or
    // poplarctl) was killed: the account store recorded the removal.
    const QString gone = addAccount(QStringLiteral("Gone"));
    fill(gone, 400);
    ASSERT_TRUE(m_accounts->remove(gone).ok());
    ASSERT_EQ(m_accounts->removedWithMailLeft(), QStringList{gone});
    {
        // And one recorded by hand that is still there: it was not removed.
        QSettings ini(m_profile->iniPath(), QSettings::IniFormat);
        ini.setValue(QStringLiteral("accounts/removedWithMailLeft"), QStringList{gone, kept});
    }
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(test::waitUntil([&] { return idle(window); }, 30'000));
    for (const char *table : {"messages", "downloads"}) {
        EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE account_id = '%2'")
                           .arg(QLatin1String(table), gone)),
                  0)
            << table;
    }
    // An account that is there was not removed: its mail stays.
    EXPECT_EQ(m_store->count(Folder::Inbox, kept).value(), 5);
    EXPECT_TRUE(m_accounts->removedWithMailLeft().isEmpty());
}

TEST_F(BulkActionsUiTest, MMarksEverySelectedMessage)
{
    const QString home = addAccount(QStringLiteral("Home"));
    fill(home, 1200);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.messageList()->setFocus();
    selectRows(window, 100, 1099);
    QTest::keyClick(window.messageList(), Qt::Key_M);
    ui::MessageListModel *model = window.messageModel();
    // The rows on screen show it at once; the cache follows, and then every row shows it.
    EXPECT_TRUE(model->summaryAt(100).seen);
    EXPECT_FALSE(model->summaryAt(99).seen);
    ASSERT_TRUE(test::waitUntil([&] { return idle(window); }, 30'000));
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM messages WHERE seen = 1")), 1000);
    EXPECT_EQ(model->unreadCount(), 200);
    EXPECT_TRUE(model->summaryAt(1099).seen);
    EXPECT_FALSE(model->summaryAt(1100).seen);
}

} // namespace
