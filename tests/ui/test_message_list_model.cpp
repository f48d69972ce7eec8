// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include "UiTestUtil.h"

#include "store/Database.h"
#include "store/MessageStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFont>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

using namespace poplar;
using namespace poplar::store;
using poplar::ui::MessageListModel;

namespace {

QDateTime day(int d)
{
    return QDateTime(QDate(2024, 3, d), QTime(9, 30), Qt::UTC);
}

class MessageListModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                 QStringLiteral("model-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());

        // Stored out of date order on purpose; one in another account, one in Trash.
        m_march3 = add(QStringLiteral("1"), QStringLiteral("u3"), QStringLiteral("Third"), day(3));
        m_march1 = add(QStringLiteral("1"), QStringLiteral("u1"), QStringLiteral("First"), day(1));
        m_march2 = add(QStringLiteral("1"), QStringLiteral("u2"), QStringLiteral("Second"), day(2));
        add(QStringLiteral("2"), QStringLiteral("x1"), QStringLiteral("Other account"), day(4));
        const qint64 trashed =
            add(QStringLiteral("1"), QStringLiteral("u0"), QStringLiteral("Old"), day(5));
        ASSERT_TRUE(m_store->moveToFolder(trashed, Folder::Trash).ok());
        ASSERT_TRUE(m_store->setSeen(m_march1, true).ok());
    }

    void TearDown() override
    {
        m_store.reset();
        m_db.reset();
    }

    qint64 add(const QString &account, const QString &uidl, const QString &subject,
               const QDateTime &date)
    {
        return test::storeMessage(*m_store, account, uidl,
                                  test::rfc5322(subject,
                                                QStringLiteral("Alice Example <alice@example.org>"),
                                                date, QStringLiteral("Hello.")));
    }

    static qint64 idAt(const MessageListModel &model, int row)
    {
        return model.index(row, 0).data(MessageListModel::MessageIdRole).toLongLong();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
    qint64 m_march1 = 0;
    qint64 m_march2 = 0;
    qint64 m_march3 = 0;
};

TEST_F(MessageListModelTest, ListsOneAccountsFolderNewestFirst)
{
    test::ModelTesterWarnings warnings;
    MessageListModel model(*m_store);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setFolder(QStringLiteral("1"), Folder::Inbox);

    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), 4);
    EXPECT_EQ(idAt(model, 0), m_march3);
    EXPECT_EQ(idAt(model, 1), m_march2);
    EXPECT_EQ(idAt(model, 2), m_march1);
    EXPECT_EQ(model.summaryAt(0).subject, QStringLiteral("Third"));
    EXPECT_EQ(model.index(0, MessageListModel::SubjectColumn).data().toString(),
              QStringLiteral("Third"));
    EXPECT_EQ(model.index(0, MessageListModel::FromColumn).data().toString(),
              QStringLiteral("Alice Example"));
    EXPECT_EQ(model.headerData(MessageListModel::DateColumn, Qt::Horizontal).toString(),
              QStringLiteral("Date"));

    // Unread rows are bold, read ones are not.
    EXPECT_TRUE(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    EXPECT_FALSE(model.index(2, 0).data(Qt::FontRole).value<QFont>().bold());
    model.setSeen(m_march3, true);
    EXPECT_FALSE(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());

    model.setFolder(QStringLiteral("1"), Folder::Trash);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.summaryAt(0).subject, QStringLiteral("Old"));

    EXPECT_TRUE(warnings.warnings().isEmpty()) << qPrintable(warnings.warnings().join(u'\n'));
}

TEST_F(MessageListModelTest, OnlyIdInNamesTheOneSelectedRowAndNothingForMore)
{
    MessageListModel model(*m_store);
    model.setFolder(QStringLiteral("1"), Folder::Inbox);
    ASSERT_EQ(model.rowCount(), 3);
    const int last = MessageListModel::ColumnCount - 1;
    const auto rows = [&](int top, int bottom) {
        return QItemSelectionRange(model.index(top, 0), model.index(bottom, last));
    };
    QItemSelection selection;
    EXPECT_EQ(model.onlyIdIn(selection), 0);
    selection.append(rows(1, 1));
    EXPECT_EQ(model.onlyIdIn(selection), m_march2);
    // The same row twice (one range a column, say) is still one row.
    selection.append(QItemSelectionRange(model.index(1, 0)));
    EXPECT_EQ(model.onlyIdIn(selection), m_march2);
    selection.append(rows(2, 2));
    EXPECT_EQ(model.onlyIdIn(selection), 0);
    // Every row in one range, as Ctrl+A selects them.
    EXPECT_EQ(model.onlyIdIn(QItemSelection(model.index(0, 0), model.index(2, last))), 0);
    EXPECT_EQ(model.idsIn(QItemSelection(model.index(0, 0), model.index(2, last))),
              (QList<qint64>{m_march3, m_march2, m_march1}));
}

TEST_F(MessageListModelTest, FoldersOfWhatTheUserWroteNameTheRecipientsNotTheUser)
{
    const qint64 sent = test::storeMessage(
        *m_store, QStringLiteral("1"), QString(),
        test::rfc5322(QStringLiteral("Plans"), QStringLiteral("Alice Example <alice@example.org>"),
                      day(6), QStringLiteral("Noon."),
                      QStringLiteral("Bob Example <bob@example.net>, carol@example.net")));
    ASSERT_TRUE(m_store->moveToFolder(sent, Folder::Sent).ok());
    MessageListModel model(*m_store);

    for (const Folder folder : {Folder::Sent, Folder::Outbox, Folder::Drafts}) {
        model.setFolder(QStringLiteral("1"), folder);
        EXPECT_EQ(model.headerData(MessageListModel::FromColumn, Qt::Horizontal).toString(),
                  QStringLiteral("To"));
    }
    model.setFolder(QStringLiteral("1"), Folder::Sent);
    ASSERT_EQ(model.rowCount(), 1);
    const QModelIndex who = model.index(0, MessageListModel::FromColumn);
    EXPECT_EQ(who.data().toString(),
              QStringLiteral("Bob Example <bob@example.net>, carol@example.net"));
    EXPECT_TRUE(who.data(Qt::ToolTipRole).toString().contains(QStringLiteral("To: Bob")));
    EXPECT_TRUE(who.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("To: Bob")));

    // Back in the Inbox (and in Trash, where a sent message may go), the sender as before.
    model.setFolder(QStringLiteral("1"), Folder::Inbox);
    EXPECT_EQ(model.headerData(MessageListModel::FromColumn, Qt::Horizontal).toString(),
              QStringLiteral("From"));
    EXPECT_EQ(model.index(0, MessageListModel::FromColumn).data().toString(),
              QStringLiteral("Alice Example"));
    ASSERT_TRUE(m_store->moveToFolder(sent, Folder::Trash).ok());
    model.setFolder(QStringLiteral("1"), Folder::Trash);
    EXPECT_EQ(model.headerData(MessageListModel::FromColumn, Qt::Horizontal).toString(),
              QStringLiteral("From"));
}

TEST_F(MessageListModelTest, AddMessagesInsertsInPlaceAndKeepsTheSelection)
{
    test::ModelTesterWarnings warnings;
    MessageListModel model(*m_store);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setFolder(QStringLiteral("1"), Folder::Inbox);
    ASSERT_EQ(model.rowCount(), 3);

    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(0, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ASSERT_EQ(selection.selectedRows().size(), 1);
    const qint64 selectedId = idAt(model, 0);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    const qint64 newest =
        add(QStringLiteral("1"), QStringLiteral("u9"), QStringLiteral("Newest"), day(20));
    const qint64 otherAccount =
        add(QStringLiteral("2"), QStringLiteral("x9"), QStringLiteral("Not here"), day(21));
    model.addMessages({newest, otherAccount, m_march2 /* already shown */});

    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(inserts.count(), 1);
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(idAt(model, 0), newest);
    const QModelIndexList selected = selection.selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().row(), 1);
    EXPECT_EQ(selected.first().data(MessageListModel::MessageIdRole).toLongLong(), selectedId);
    EXPECT_EQ(selection.currentIndex().data(MessageListModel::MessageIdRole).toLongLong(),
              selectedId);

    // An older message lands below the ones it is older than.
    const qint64 oldest = add(QStringLiteral("1"), QStringLiteral("u8"), QStringLiteral("Oldest"),
                              day(1).addDays(-10));
    model.addMessages({oldest});
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(idAt(model, 4), oldest);

    EXPECT_TRUE(warnings.warnings().isEmpty()) << qPrintable(warnings.warnings().join(u'\n'));
}

TEST_F(MessageListModelTest, ABatchOfNewMailGoesInRunByRunWhereAReloadPutsIt)
{
    test::ModelTesterWarnings warnings;
    MessageListModel model(*m_store);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setFolder(QStringLiteral("1"), Folder::Inbox);
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_EQ(model.unreadCount(), 2); // March 2 and 3

    // 120 newer than all (one run at the top), 40 between March 1 and 2 (one run), 40
    // older than all (one run at the end); stored in no particular order, every fourth read.
    QList<qint64> batch;
    int n = 0;
    const auto store = [&](const QDateTime &date) {
        const qint64 id = add(QStringLiteral("1"), QStringLiteral("b%1").arg(n),
                              QStringLiteral("Batch %1").arg(n), date);
        if (n % 4 == 0) {
            EXPECT_TRUE(m_store->setSeen(id, true).ok());
        }
        ++n;
        batch.append(id);
    };
    for (int i = 0; i < 40; ++i) {
        store(day(10).addSecs(i * 60));
        store(day(1).addSecs(3600 + i * 60));
        store(day(11).addSecs(i * 60));
        store(day(1).addDays(-5).addSecs(i * 60));
        store(day(12).addSecs(i * 60));
    }
    std::reverse(batch.begin(), batch.end());

    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.addMessages(batch);
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(inserts.count(), 3) << "one signal per run of neighbours";
    ASSERT_EQ(model.rowCount(), 203);
    // 200 new, 150 of them unread, counted without reading the folder again.
    EXPECT_EQ(model.unreadCount(), 152);

    QList<qint64> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(idAt(model, row));
    MessageListModel reloaded(*m_store);
    reloaded.setFolder(QStringLiteral("1"), Folder::Inbox);
    QList<qint64> expected;
    for (int row = 0; row < reloaded.rowCount(); ++row)
        expected.append(idAt(reloaded, row));
    EXPECT_EQ(rows, expected);
    EXPECT_EQ(reloaded.unreadCount(), 152);
    EXPECT_TRUE(warnings.warnings().isEmpty()) << qPrintable(warnings.warnings().join(u'\n'));
}

TEST_F(MessageListModelTest, SortingKeepsSelectionAndNewRowsFollowTheSortOrder)
{
    test::ModelTesterWarnings warnings;
    MessageListModel model(*m_store);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setFolder(QStringLiteral("1"), Folder::Inbox);
    QItemSelectionModel selection(&model);
    selection.select(model.index(0, 0),
                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
    EXPECT_EQ(model.summaryAt(0).subject, QStringLiteral("First"));
    EXPECT_EQ(model.summaryAt(1).subject, QStringLiteral("Second"));
    EXPECT_EQ(model.summaryAt(2).subject, QStringLiteral("Third"));
    ASSERT_EQ(selection.selectedRows().size(), 1);
    EXPECT_EQ(selection.selectedRows().first().data(MessageListModel::MessageIdRole).toLongLong(),
              m_march3);

    const qint64 id =
        add(QStringLiteral("1"), QStringLiteral("u7"), QStringLiteral("Reply"), day(10));
    model.addMessages({id});
    EXPECT_EQ(model.summaryAt(1).subject, QStringLiteral("Reply"));

    model.removeMessage(id);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.rowOf(id), -1);

    EXPECT_TRUE(warnings.warnings().isEmpty()) << qPrintable(warnings.warnings().join(u'\n'));
}

TEST_F(MessageListModelTest, TextSortsFoldAsciiCase)
{
    add(QStringLiteral("3"), QStringLiteral("c1"), QStringLiteral("banana"), day(1));
    add(QStringLiteral("3"), QStringLiteral("c2"), QStringLiteral("Apple"), day(2));
    const qint64 cherry =
        add(QStringLiteral("3"), QStringLiteral("c3"), QStringLiteral("Cherry"), day(3));
    MessageListModel model(*m_store);
    model.setFolder(QStringLiteral("3"), Folder::Inbox);
    model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.summaryAt(0).subject, QStringLiteral("Apple"));
    EXPECT_EQ(model.summaryAt(1).subject, QStringLiteral("banana"));
    EXPECT_EQ(model.summaryAt(2).subject, QStringLiteral("Cherry"));
    // A new row lands where a reload would put it: the model's order is the index's.
    ASSERT_TRUE(m_store->moveToFolder(cherry, Folder::Trash).ok());
    model.removeMessage(cherry);
    const qint64 blueberry =
        add(QStringLiteral("3"), QStringLiteral("c4"), QStringLiteral("Blueberry"), day(4));
    model.addMessages({blueberry});
    EXPECT_EQ(model.rowOf(blueberry), 2);
    EXPECT_EQ(model.unreadCount(), 3);
}

/// A message that answers another: Message-ID, In-Reply-To and References as clients write.
QByteArray reply(const QString &subject, const QString &messageId, const QString &parents,
                 const QDateTime &date)
{
    QString raw = QString::fromUtf8(test::rfc5322(subject, QStringLiteral("Bob <bob@example.org>"),
                                                  date, QStringLiteral("Reply.")));
    raw.remove(QRegularExpression(QStringLiteral("Message-ID: [^\r]*\r\n")));
    QByteArray headers = "Message-ID: <" + messageId.toUtf8() + ">\r\n";
    if (!parents.isEmpty()) {
        headers += "In-Reply-To: " + parents.split(u' ').constLast().toUtf8() + "\r\n";
        headers += "References: " + parents.toUtf8() + "\r\n";
    }
    return headers + raw.toUtf8();
}

/// "Plan" (1 March), "Lunch?" (3 March) and "Re: Plan" (2 March) answering Plan.
struct PlanAndLunch {
    qint64 plan;
    qint64 lunch;
    qint64 answer;
};

PlanAndLunch storePlanAndLunch(MessageStore &store, const QString &account)
{
    PlanAndLunch ids{};
    ids.plan = test::storeMessage(store, account, QStringLiteral("r"),
                                  reply(QStringLiteral("Plan"), QStringLiteral("r@x"), {}, day(1)));
    ids.lunch =
        test::storeMessage(store, account, QStringLiteral("o"),
                           reply(QStringLiteral("Lunch?"), QStringLiteral("o@x"), {}, day(3)));
    ids.answer = test::storeMessage(
        store, account, QStringLiteral("a"),
        reply(QStringLiteral("Re: Plan"), QStringLiteral("a@x"), QStringLiteral("<r@x>"), day(2)));
    return ids;
}

/// "Re: Re: Plan" (9 March), answering "Re: Plan": new mail for the Plan thread.
qint64 storeLateAnswer(MessageStore &store, const QString &account)
{
    return test::storeMessage(store, account, QStringLiteral("l"),
                              reply(QStringLiteral("Re: Re: Plan"), QStringLiteral("l@x"),
                                    QStringLiteral("<r@x> <a@x>"), day(9)));
}

TEST_F(MessageListModelTest, ThreadsGroupRepliesAndANewReplyJoinsItsThreadKeepingSelection)
{
    const QString acct = QStringLiteral("7");
    const auto [root, other, answer] = storePlanAndLunch(*m_store, acct);

    MessageListModel model(*m_store);
    test::ModelTesterWarnings warnings;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setFolder(acct, Folder::Inbox); // newest first: Lunch?, Re: Plan, Plan
    EXPECT_EQ(idAt(model, 0), other);
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(0, 0), QItemSelectionModel::SelectCurrent);

    model.setThreaded(true);
    // "Lunch?" is the newest, so its thread leads; Plan follows with its answer under it.
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(idAt(model, 0), other);
    EXPECT_EQ(idAt(model, 1), root);
    EXPECT_EQ(idAt(model, 2), answer);
    EXPECT_EQ(model.index(2, MessageListModel::SubjectColumn)
                  .data(MessageListModel::ThreadDepthRole)
                  .toInt(),
              1);
    EXPECT_EQ(model.index(1, 0).data(MessageListModel::ThreadDepthRole).toInt(), 0);

    // A second answer to Plan, newest of all: Plan's thread moves to the top, the answer
    // goes under it, and the selected row is still "Lunch?".
    selection.setCurrentIndex(model.index(0, 0), QItemSelectionModel::ClearAndSelect);
    const qint64 late = storeLateAnswer(*m_store, acct);
    model.addMessages({late});
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(idAt(model, 0), root);
    EXPECT_EQ(idAt(model, 1), answer);
    EXPECT_EQ(idAt(model, 2), late);
    EXPECT_EQ(model.index(2, 0).data(MessageListModel::ThreadDepthRole).toInt(), 2);
    EXPECT_EQ(idAt(model, 3), other);
    EXPECT_EQ(selection.currentIndex().row(), 3);

    // Back to a flat list, newest first.
    model.setThreaded(false);
    EXPECT_EQ(idAt(model, 0), late);
    EXPECT_EQ(model.index(0, 0).data(MessageListModel::ThreadDepthRole).toInt(), 0);
    EXPECT_EQ(selection.currentIndex().row(), 1);
    EXPECT_TRUE(warnings.warnings().isEmpty()) << qPrintable(warnings.warnings().join(u'\n'));
}

TEST_F(MessageListModelTest, LargeFoldersAreThreadedOffTheGuiThread)
{
    const QString acct = QStringLiteral("8");
    const auto [root, other, answer] = storePlanAndLunch(*m_store, acct);
    MessageListModel model(*m_store);
    model.setBackgroundThreadingFrom(1); // as if these three were 100,000
    model.setFolder(acct, Folder::Inbox);
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(1, 0), QItemSelectionModel::SelectCurrent); // Re: Plan
    QSignalSpy arranged(&model, &MessageListModel::threadsArranged);
    model.setThreaded(true);
    // Still flat, newest first, until the pool thread is done.
    EXPECT_EQ(idAt(model, 1), answer);
    ASSERT_TRUE(arranged.wait(5000));
    EXPECT_EQ(idAt(model, 0), other);
    EXPECT_EQ(idAt(model, 1), root);
    EXPECT_EQ(idAt(model, 2), answer);
    EXPECT_EQ(model.index(2, 0).data(MessageListModel::ThreadDepthRole).toInt(), 1);
    EXPECT_EQ(selection.currentIndex().row(), 2);

    // New mail: the threads stay as they are, the reply waits at the end, then joins Plan.
    const qint64 late = storeLateAnswer(*m_store, acct);
    model.addMessages({late});
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(idAt(model, 0), other);
    EXPECT_EQ(idAt(model, 2), answer);
    EXPECT_EQ(model.index(2, 0).data(MessageListModel::ThreadDepthRole).toInt(), 1);
    EXPECT_EQ(idAt(model, 3), late);
    ASSERT_TRUE(arranged.wait(5000));
    EXPECT_EQ(idAt(model, 0), root);
    EXPECT_EQ(idAt(model, 2), late);
    EXPECT_EQ(model.index(2, 0).data(MessageListModel::ThreadDepthRole).toInt(), 2);
    EXPECT_EQ(idAt(model, 3), other);
    EXPECT_EQ(selection.currentIndex().row(), 1); // still "Re: Plan"

    // Turned off before a run ends, its result is dropped.
    model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
    model.setThreaded(false);
    QTest::qWait(200);
    EXPECT_EQ(arranged.count(), 2);
    EXPECT_EQ(idAt(model, 0), other); // Lunch?, Plan, Re: Plan, Re: Re: Plan
    EXPECT_EQ(model.index(2, 0).data(MessageListModel::ThreadDepthRole).toInt(), 0);
}

TEST_F(MessageListModelTest, TheUnifiedInboxShowsEveryAccountsInboxAndTheirNewMail)
{
    MessageListModel model(*m_store);
    model.setUnifiedInbox();
    EXPECT_TRUE(model.isUnifiedInbox());
    EXPECT_TRUE(model.hasFolder());
    EXPECT_TRUE(model.accountId().isEmpty());
    // Account 1's three Inbox messages and account 2's one; not account 1's Trash.
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.index(0, 0).data(MessageListModel::AccountIdRole).toString(),
              QStringLiteral("2"));
    EXPECT_EQ(idAt(model, 1), m_march3);
    EXPECT_EQ(model.unreadCount(), 3);

    const qint64 fresh =
        add(QStringLiteral("2"), QStringLiteral("x2"), QStringLiteral("New elsewhere"), day(20));
    const qint64 trash =
        add(QStringLiteral("1"), QStringLiteral("t9"), QStringLiteral("Bin"), day(21));
    ASSERT_TRUE(m_store->moveToFolder(trash, Folder::Trash).ok());
    model.addMessages({fresh, trash});
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(idAt(model, 0), fresh);

    // Choosing one account's folder leaves the Unified Inbox.
    model.setFolder(QStringLiteral("1"), Folder::Inbox);
    EXPECT_FALSE(model.isUnifiedInbox());
    EXPECT_EQ(model.rowCount(), 3);
}

TEST(MessageListModelLanguage, ChineseSubjectsSortByPinyinAndNewRowsFollow)
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("model-zh"),
                                 Database::SortLanguage::User);
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        MessageStore store(db.value()->connection());
        const auto add = [&store](const QString &uidl, const QString &subject) {
            return test::storeMessage(store, QStringLiteral("1"), uidl,
                                      test::rfc5322(subject, QStringLiteral("Li <li@example.org>"),
                                                    day(1), QStringLiteral("正文")));
        };
        add(QStringLiteral("z"), QStringLiteral("张伟的报告"));
        add(QStringLiteral("l"), QStringLiteral("李明的会议纪要"));
        add(QStringLiteral("w"), QStringLiteral("王芳的通知"));
        MessageListModel model(store);
        model.setFolder(QStringLiteral("1"), Folder::Inbox);
        model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
        ASSERT_EQ(model.rowCount(), 3);
        // Pinyin (li, wang, zhang), not code points (张 U+5F20 comes first there).
        EXPECT_EQ(model.summaryAt(0).subject, QStringLiteral("李明的会议纪要"));
        EXPECT_EQ(model.summaryAt(1).subject, QStringLiteral("王芳的通知"));
        EXPECT_EQ(model.summaryAt(2).subject, QStringLiteral("张伟的报告"));
        // 阿 ("a", U+963F: last by code point) arrives and lands first, as a reload puts it.
        const qint64 a = add(QStringLiteral("a"), QStringLiteral("阿强的问题"));
        model.addMessages({a});
        EXPECT_EQ(model.rowOf(a), 0);
        model.reload();
        EXPECT_EQ(model.rowOf(a), 0);
    }
    QLocale::setDefault(saved);
}

TEST(MessageListModelLanguage, NewRowsLandExactlyWhereTheStoredSortKeysPutThem)
{
    // The list's indexes order by stored ICU sort keys; the model places a new row itself.
    // Both must agree on every kind of text, or a reload would move rows under the user.
    const QLocale saved;
    QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("model-keys"),
                                 Database::SortLanguage::User);
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        MessageStore store(db.value()->connection());
        const QString longText(300, QLatin1Char('x'));
        // Past the keyed length only the date tells these apart; a surrogate pair at the cut.
        const QStringList texts{QStringLiteral("Ärger"),
                                QStringLiteral("arger"),
                                QStringLiteral("Arger"),
                                QStringLiteral("résumé"),
                                QStringLiteral("resume"),
                                QStringLiteral("李明"),
                                QStringLiteral("Straße"),
                                QStringLiteral("strasse"),
                                QString(),
                                QStringLiteral("9 Ziffern"),
                                longText + u'a',
                                longText + u'b',
                                QString(255, u'y') + QStringLiteral("😀z"),
                                QString(255, u'y') + QStringLiteral("😀a"),
                                QStringLiteral("Zoë"),
                                QStringLiteral("zoe")};
        int uidl = 0;
        const auto add = [&](int i) {
            IncomingMessage m;
            m.accountId = QStringLiteral("1");
            m.uidl = QStringLiteral("k%1").arg(++uidl);
            m.raw = "Subject: x\r\n\r\nx\r\n";
            m.headers.subject = texts.at(i % texts.size());
            m.headers.fromName = texts.at((i * 7 + 3) % texts.size());
            m.headers.fromAddress = QStringLiteral("p%1@example.org").arg(i % 4);
            m.headers.date = day(1 + i % 3);
            return store.insert(m).value();
        };
        for (int i = 0; i < 10; ++i)
            add(i);
        for (const int column :
             {int(MessageListModel::SubjectColumn), int(MessageListModel::FromColumn)}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                MessageListModel model(store);
                model.setFolder(QStringLiteral("1"), Folder::Inbox);
                model.sort(column, order);
                for (int i = 0; i < 2 * int(texts.size()); ++i)
                    model.addMessages({add(i * 5 + 1)});
                QList<qint64> shown;
                for (int row = 0; row < model.rowCount(); ++row)
                    shown.append(model.summaryAt(row).id);
                model.reload();
                QList<qint64> reloaded;
                for (int row = 0; row < model.rowCount(); ++row)
                    reloaded.append(model.summaryAt(row).id);
                EXPECT_EQ(shown, reloaded) << "column " << column << ", order " << order;
            }
        }
    }
    QLocale::setDefault(saved);
}

/// 100,000 messages in one account's Inbox: what the list must handle without reading it all.
class LargeFolderTest : public ::testing::Test {
protected:
    static constexpr int count = 100'000;

    struct Spec {
        qint64 id;
        QString sender;
        QString subject;
        QDateTime date;
        qint64 size;
    };

    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                 QStringLiteral("large-model-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
        Transaction txn(m_db->connection());
        MessageStore::Inserter inserter = m_store->inserter();
        const QDateTime base(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        m_specs.reserve(count);
        for (int i = 0; i < count; ++i) {
            IncomingMessage m;
            m.accountId = QStringLiteral("big");
            m.uidl = QString::number(i);
            // Subjects, senders and sizes in orders of their own, unlike the dates'.
            m.headers.subject =
                QStringLiteral("Subject %1").arg(qint64(i) * 7919 % count, 6, 10, QLatin1Char('0'));
            m.headers.fromName =
                QStringLiteral("Sender %1").arg(qint64(i) * 4099 % count, 6, 10, QLatin1Char('0'));
            m.headers.date = base.addSecs(qint64(i) * 60);
            m.raw = QByteArray(100 + (i * 37) % 997, 'x');
            auto id = inserter.insert(m);
            ASSERT_TRUE(id.ok());
            m_specs.append(
                {id.value(), m.headers.fromName, m.headers.subject, m.headers.date, m.raw.size()});
        }
        ASSERT_TRUE(txn.commit().ok());
        QSqlQuery q(m_db->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE messages SET seen = 1 WHERE id % 3 <> 0")));
        m_unread = int(std::count_if(m_specs.cbegin(), m_specs.cend(),
                                     [](const Spec &s) { return s.id % 3 == 0; }));
    }

    void TearDown() override
    {
        m_store.reset();
        m_db.reset();
    }

    /// The id the list shows first when sorted by `key` ascending (ties: date, then id).
    template<typename Key> std::pair<qint64, qint64> ends(Key key) const
    {
        auto less = [&](const Spec &a, const Spec &b) {
            return std::tuple(key(a), a.date, a.id) < std::tuple(key(b), b.date, b.id);
        };
        const auto [low, high] = std::minmax_element(m_specs.cbegin(), m_specs.cend(), less);
        return {low->id, high->id};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
    QList<Spec> m_specs;
    int m_unread = 0;
};

TEST_F(LargeFolderTest, OpensScrollsAndSortsWithoutReadingEveryRow)
{
    MessageListModel model(*m_store);
    model.setFolder(QStringLiteral("big"), Folder::Inbox);
    ASSERT_EQ(model.rowCount(), count);
    EXPECT_EQ(model.cachedRowCount(), 0);
    EXPECT_EQ(model.unreadCount(), m_unread);

    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(800, 600);
    view.show();
    view.grab(); // paints the first screen
    EXPECT_EQ(model.index(0, MessageListModel::SubjectColumn).data().toString(),
              m_specs.last().subject); // newest first
    EXPECT_GT(model.cachedRowCount(), 0);
    EXPECT_LE(model.cachedRowCount(), MessageListModel::blockRows);

    view.scrollToBottom();
    view.grab();
    EXPECT_EQ(model.summaryAt(count - 1).id, m_specs.first().id);
    EXPECT_LE(model.cachedRowCount(), 2 * MessageListModel::blockRows);

    // Scrolling through the whole folder keeps only a bounded part of it.
    for (int row = 0; row < count; row += 997)
        ASSERT_FALSE(model.index(row, 0).data().toString().isEmpty()) << row;
    EXPECT_LE(model.cachedRowCount(), MessageListModel::cacheRows);
    EXPECT_EQ(model.rowOf(m_specs.at(count / 2).id), count - 1 - count / 2);

    // Unread messages are every third id; going down from the top finds the first of them.
    const int firstUnread = model.nextUnreadRow(-1, 1);
    ASSERT_GE(firstUnread, 0);
    EXPECT_EQ(model.summaryAt(firstUnread).id % 3, 0);
    EXPECT_FALSE(model.summaryAt(firstUnread).seen);
    EXPECT_LT(firstUnread, 3);
    EXPECT_EQ(model.nextUnreadRow(firstUnread, -1), -1);
    const int lastUnread = model.nextUnreadRow(count, -1);
    EXPECT_GT(lastUnread, count - 4);
    EXPECT_EQ(model.nextUnreadRow(lastUnread, 1), -1);
    EXPECT_LE(model.cachedRowCount(), MessageListModel::cacheRows);

    const auto bySender = ends([](const Spec &s) { return s.sender; });
    const auto bySubject = ends([](const Spec &s) { return s.subject; });
    const auto bySize = ends([](const Spec &s) { return s.size; });
    const auto byDate = ends([](const Spec &) { return 0; });
    const std::pair<int, std::pair<qint64, qint64>> columns[] = {
        {MessageListModel::FromColumn, bySender},
        {MessageListModel::SubjectColumn, bySubject},
        {MessageListModel::SizeColumn, bySize},
        {MessageListModel::DateColumn, byDate},
    };
    for (const auto &[column, expected] : columns) {
        model.sort(column, Qt::AscendingOrder);
        ASSERT_EQ(model.rowCount(), count);
        EXPECT_EQ(model.summaryAt(0).id, expected.first) << column;
        EXPECT_EQ(model.summaryAt(count - 1).id, expected.second) << column;
        model.sort(column, Qt::DescendingOrder);
        EXPECT_EQ(model.summaryAt(0).id, expected.second) << column;
        EXPECT_EQ(model.summaryAt(count - 1).id, expected.first) << column;
        EXPECT_LE(model.cachedRowCount(), MessageListModel::cacheRows);
    }
}

TEST_F(LargeFolderTest, NewMailIsInsertedWithoutLosingTheSelection)
{
    MessageListModel model(*m_store);
    model.setFolder(QStringLiteral("big"), Folder::Inbox);
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.resize(800, 600);
    view.show();
    const int selectedRow = 500;
    view.selectionModel()->setCurrentIndex(model.index(selectedRow, 0),
                                           QItemSelectionModel::ClearAndSelect |
                                               QItemSelectionModel::Rows);
    view.scrollTo(model.index(selectedRow, 0));
    view.grab();
    const qint64 selectedId = model.summaryAt(selectedRow).id;

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    IncomingMessage newest;
    newest.accountId = QStringLiteral("big");
    newest.uidl = QStringLiteral("new-1");
    newest.headers.subject = QStringLiteral("Just arrived");
    newest.headers.date = QDateTime(QDate(2030, 1, 1), QTime(8, 0), Qt::UTC);
    newest.raw = "Subject: Just arrived\r\n\r\nHi\r\n";
    IncomingMessage middle = newest;
    middle.uidl = QStringLiteral("new-2");
    middle.headers.date = m_specs.at(count / 2).date.addSecs(30);
    auto first = m_store->insert(newest);
    auto second = m_store->insert(middle);
    ASSERT_TRUE(first.ok() && second.ok());
    model.addMessages({first.value(), second.value()});

    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(inserts.count(), 2);
    ASSERT_EQ(model.rowCount(), count + 2);
    EXPECT_EQ(model.summaryAt(0).id, first.value());
    EXPECT_EQ(model.rowOf(second.value()), count - count / 2);
    EXPECT_EQ(model.unreadCount(), m_unread + 2);
    const QModelIndexList selected = view.selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().row(), selectedRow + 1);
    EXPECT_EQ(selected.first().data(MessageListModel::MessageIdRole).toLongLong(), selectedId);
    EXPECT_EQ(view.currentIndex().data(MessageListModel::MessageIdRole).toLongLong(), selectedId);
    EXPECT_LE(model.cachedRowCount(), MessageListModel::cacheRows);
}

TEST_F(MessageListModelTest, ShowsNothingWithoutAnAccount)
{
    MessageListModel model(*m_store);
    model.setFolder(QString(), Folder::Inbox);
    EXPECT_EQ(model.rowCount(), 0);
    model.addMessages({m_march1});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
