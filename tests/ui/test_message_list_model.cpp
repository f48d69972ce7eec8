// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include "UiTestUtil.h"

#include "store/Database.h"
#include "store/MessageStore.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

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

TEST_F(MessageListModelTest, ShowsNothingWithoutAnAccount)
{
    MessageListModel model(*m_store);
    model.setFolder(QString(), Folder::Inbox);
    EXPECT_EQ(model.rowCount(), 0);
    model.addMessages({m_march1});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
