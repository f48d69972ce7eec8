// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18: File ▸ Import From Another Program… finds a Thunderbird profile, shows accounts
// and nested folders with their counts, takes its ticks from the keyboard, and imports off
// the GUI thread; Evolution is one of its programs.
#include "ImportProfileDialog.h"
#include "WindowFixture.h"

#include "EvolutionFixture.h"
#include "ProfileFixtures.h"

#include <QAction>
#include <QComboBox>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <gtest/gtest.h>

using namespace poplar;

namespace {

class ImportProfileDialogTest : public test::WindowFixture {
protected:
    ui::Services services()
    {
        return ui::Services{*m_profile, *m_accounts, m_secrets,  *m_passwords,
                            *m_store,   *m_sync,     *m_actions, *m_outbox};
    }

    static QTreeWidgetItem *item(QTreeWidget *tree, const QString &startsWith)
    {
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->text(0).startsWith(startsWith))
                return *it;
        }
        return nullptr;
    }

    QTemporaryDir m_home;
};

} // namespace

TEST_F(ImportProfileDialogTest, ShowsWhatItFoundAndImportsWhatIsTicked)
{
    QString profileDir;
    test::writeThunderbirdProfile(m_home.filePath(QStringLiteral(".thunderbird")), &profileDir);
    ui::MainWindow &window = makeWindow();
    EXPECT_TRUE(window.findChild<QAction *>(QStringLiteral("importProfileAction")));

    ui::ImportProfileDialog dialog(services(), m_home.path(), &window);
    QSignalSpy found(&dialog, &ui::ImportProfileDialog::foundProfile);
    QSignalSpy finished(&dialog, &ui::ImportProfileDialog::importFinished);
    dialog.show();
    ASSERT_TRUE(test::waitUntil([&] { return !found.isEmpty(); }, 30'000));
    ASSERT_TRUE(found.first().first().toBool());

    QTreeWidget *tree = dialog.contents();
    QTreeWidgetItem *home = item(tree, QStringLiteral("Home — alice@pop.home.example:995"));
    QTreeWidgetItem *work = item(tree, QStringLiteral("Work — "));
    ASSERT_TRUE(home && work);
    EXPECT_EQ(home->checkState(0), Qt::Checked);
    QTreeWidgetItem *q1 = item(tree, QStringLiteral("Q1"));
    ASSERT_TRUE(q1);
    EXPECT_EQ(q1->text(1), QStringLiteral("1"));
    ASSERT_TRUE(q1->parent() && q1->parent()->parent());
    EXPECT_EQ(q1->parent()->text(0), QStringLiteral("2024"));
    EXPECT_EQ(q1->parent()->parent()->text(0), QStringLiteral("Archives"));
    QTreeWidgetItem *inbox = item(tree, QStringLiteral("Inbox (into the account's Inbox)"));
    ASSERT_TRUE(inbox);
    EXPECT_EQ(inbox->text(1), QStringLiteral("4"));
    EXPECT_EQ(inbox->parent()->text(0), QStringLiteral("Home"));

    // Untick Work and its Inbox with the keyboard.
    tree->setFocus();
    tree->setCurrentItem(work);
    QTest::keyClick(tree, Qt::Key_Space);
    EXPECT_EQ(work->checkState(0), Qt::Unchecked);
    QTreeWidgetItem *workInbox = nullptr;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->text(0).startsWith(QLatin1String("Inbox")) && (*it)->parent() &&
            (*it)->parent()->text(0) == QLatin1String("Work"))
            workInbox = *it;
    }
    ASSERT_TRUE(workInbox);
    tree->setCurrentItem(workInbox);
    QTest::keyClick(tree, Qt::Key_Space);
    EXPECT_EQ(workInbox->checkState(0), Qt::Unchecked);

    dialog.startImport();
    EXPECT_TRUE(dialog.busy());
    ASSERT_TRUE(test::waitUntil([&] { return !finished.isEmpty(); }, 60'000));
    ASSERT_TRUE(finished.first().at(0).toBool()) << qPrintable(finished.first().at(1).toString());
    ASSERT_EQ(m_accounts->accounts().size(), 1);
    EXPECT_EQ(m_accounts->accounts().at(0).name, QStringLiteral("Home"));
    auto local = m_store->localFolders();
    ASSERT_TRUE(local.ok());
    EXPECT_TRUE(local.value().contains(QStringLiteral("Home/Archives/2024/Q1")));
    EXPECT_FALSE(local.value().contains(QStringLiteral("Work/Inbox")));
    EXPECT_TRUE(finished.first().at(1).toString().contains(QStringLiteral("Imported 10")))
        << qPrintable(finished.first().at(1).toString());
}

TEST_F(ImportProfileDialogTest, FindsEvolutionWhenItIsChosen)
{
    test::writeEvolutionProfile(m_home.path());
    ui::MainWindow &window = makeWindow();
    ui::ImportProfileDialog dialog(services(), m_home.path(), &window);
    QSignalSpy found(&dialog, &ui::ImportProfileDialog::foundProfile);
    dialog.show();
    ASSERT_TRUE(test::waitUntil([&] { return !found.isEmpty(); }, 30'000));
    EXPECT_FALSE(found.first().first().toBool()); // no Thunderbird in this home

    // Chosen from the keyboard: the last program in the list.
    auto *program = dialog.findChild<QComboBox *>();
    ASSERT_TRUE(program);
    program->setFocus();
    QTest::keyClick(program, Qt::Key_End);
    EXPECT_EQ(program->currentText(), QStringLiteral("Evolution"));
    ASSERT_TRUE(test::waitUntil([&] { return found.size() >= 2; }, 30'000));
    ASSERT_TRUE(found.last().first().toBool());

    QTreeWidget *tree = dialog.contents();
    EXPECT_TRUE(item(tree, QStringLiteral("Evo Home — alice@pop.home.example:995")));
    QTreeWidgetItem *year = item(tree, QStringLiteral("2024"));
    ASSERT_TRUE(year && year->parent());
    EXPECT_EQ(year->parent()->text(0), QStringLiteral("Projects"));
    EXPECT_EQ(year->text(1), QStringLiteral("1"));
    QTreeWidgetItem *inbox = item(tree, QStringLiteral("Inbox"));
    ASSERT_TRUE(inbox);
    EXPECT_EQ(inbox->text(1), QStringLiteral("3")); // the one deleted in Evolution not counted
}
