// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18: local folders nest ("Archive/2024" under "Archive"), as in the program the mail
// was imported from, and a nested one can be chosen by its whole name.
#include "FolderTree.h"

#include "store/MessageStore.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace poplar;

TEST(FolderTree, LocalFoldersNestByTheirPath)
{
    ui::FolderTree tree;
    tree.setAccounts({}, {QStringLiteral("Home/Archives/2024/Q1"), QStringLiteral("Archive/2024"),
                          QStringLiteral("Home/Archives"), QStringLiteral("Home/Sent")});
    ASSERT_EQ(tree.topLevelItemCount(), 1);
    QTreeWidgetItem *local = tree.topLevelItem(0);
    ASSERT_EQ(local->childCount(), 3); // Archive, Home, Trash
    QTreeWidgetItem *archive = local->child(0);
    EXPECT_EQ(archive->text(0), QStringLiteral("Archive"));
    ASSERT_EQ(archive->childCount(), 1);
    EXPECT_EQ(archive->child(0)->text(0), QStringLiteral("2024"));
    QTreeWidgetItem *home = local->child(1);
    EXPECT_EQ(home->text(0), QStringLiteral("Home"));
    ASSERT_EQ(home->childCount(), 2);
    QTreeWidgetItem *archives = home->child(0);
    EXPECT_EQ(archives->text(0), QStringLiteral("Archives"));
    ASSERT_EQ(archives->childCount(), 1);
    ASSERT_EQ(archives->child(0)->childCount(), 1);
    EXPECT_EQ(archives->child(0)->child(0)->text(0), QStringLiteral("Q1"));
    EXPECT_EQ(home->child(1)->text(0), QStringLiteral("Sent"));
    EXPECT_EQ(local->child(2)->text(0), QStringLiteral("Trash"));

    QSignalSpy chosen(&tree, &ui::FolderTree::localFolderSelected);
    ASSERT_TRUE(tree.selectLocalFolder(QStringLiteral("Home/Archives/2024/Q1")));
    ASSERT_EQ(chosen.count(), 1);
    // (the account whose folder it is, the folder): imported mail's, "local".
    EXPECT_EQ(chosen.first().at(0).toString(), store::MessageStore::localAccountId());
    EXPECT_EQ(chosen.first().at(1).toString(), QStringLiteral("Home/Archives/2024/Q1"));
    EXPECT_EQ(tree.currentItem(), archives->child(0)->child(0));
    // A level with no mail of its own is a folder too, named by its whole path.
    ASSERT_TRUE(tree.selectLocalFolder(QStringLiteral("Home")));
    EXPECT_EQ(chosen.last().at(1).toString(), QStringLiteral("Home"));
    EXPECT_FALSE(tree.selectLocalFolder(QStringLiteral("Q1")));
}
