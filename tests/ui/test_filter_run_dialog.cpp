// SPDX-License-Identifier: GPL-3.0-or-later
// Run Filters Now in the window with rules that delete on the server: the dry run says, per
// message, that it would be deleted from the server at the next check, and how many in all;
// Apply asks first with that number (Cancel changes nothing, Apply Without Deleting files
// only); what is queued shows in the window's server deletion queue like the user's own
// deletes.
#include "WindowFixture.h"

#include "FilterActions.h"
#include "FilterRunDialog.h"
#include "FolderTree.h"
#include "ServerDeletions.h"
#include "TestUtil.h"

#include "filters/FilterScript.h"

#include <QFile>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

using namespace poplar;
using filters::FilterAction;
using filters::FilterCondition;
using filters::FilterRule;
using Choice = ui::FilterRunDialog::ServerDeletionChoice;

namespace {

FilterRule subjectRule(const QString &name, const QString &subject,
                       const QList<FilterAction> &actions)
{
    FilterRule rule;
    rule.name = name;
    rule.conditions = {FilterCondition{
        FilterCondition::Field::Subject, FilterCondition::Match::Contains, {}, subject}};
    rule.actions = actions;
    return rule;
}

class RunFiltersDeletingTest : public test::WindowFixture {
protected:
    /// "Message 2" is filed into Twos, tagged Work and deleted on the server; "Message 1" only
    /// deleted on the server; "Message 3" left alone. Opens the window on the account's Inbox and
    /// runs the filters; returns the dry run's dialog.
    ui::FilterRunDialog *dryRun()
    {
        const QString account = addAccount(QStringLiteral("Home")); // leaves mail on the server
        m_ids = threeMessages(account);                             // "Message 3" .. "Message 1"
        filters::FilterScript script;
        script.rules = {subjectRule(QStringLiteral("Twos"), QStringLiteral("Message 2"),
                                    {{FilterAction::Kind::MoveTo, QStringLiteral("Twos")},
                                     {FilterAction::Kind::DeleteOnServer, {}},
                                     {FilterAction::Kind::Tag, QStringLiteral("$label2")}}),
                        subjectRule(QStringLiteral("Ones"), QStringLiteral("Message 1"),
                                    {{FilterAction::Kind::DeleteOnServer, {}}})};
        QFile f(m_profile->filtersPath());
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(filters::FilterScriptCodec::write(script).toUtf8());
        f.close();
        ui::MainWindow &window = makeWindow();
        EXPECT_TRUE(window.folderTree()->selectFolder(account, store::Folder::Inbox));
        EXPECT_TRUE(
            test::waitUntil([&] { return window.messageModel()->rowOf(m_ids.at(1)) >= 0; }));
        window.filterActions()->runFiltersAction()->trigger();
        EXPECT_TRUE(
            test::waitUntil([&] { return window.filterActions()->runDialog() != nullptr; }));
        return window.filterActions()->runDialog();
    }

    QList<store::PendingDeletion> queued()
    {
        const QList<Account> accounts = m_accounts->accounts();
        auto q = m_deletions->queued(accounts.front().id);
        EXPECT_TRUE(q.ok());
        return q.ok() ? q.value() : QList<store::PendingDeletion>{};
    }

    QList<qint64> m_ids;
};

} // namespace

TEST_F(RunFiltersDeletingTest, TheDryRunSaysWhatWouldLeaveTheServerAndApplyAsksFirst)
{
    ui::FilterRunDialog *dry = dryRun();
    ASSERT_TRUE(dry);
    ASSERT_EQ(dry->list()->topLevelItemCount(), 2);
    const QString deleteWords = QStringLiteral("delete from the server at the next check");
    for (int i = 0; i < 2; ++i) {
        QTreeWidgetItem *line = dry->list()->topLevelItem(i);
        EXPECT_TRUE(line->text(3).contains(deleteWords)) << qPrintable(line->text(3));
        // Each row names the rule that changes it, the one that only deletes too.
        if (line->text(0) == QLatin1String("Message 2")) {
            EXPECT_EQ(line->text(1), QStringLiteral("Twos"));
            EXPECT_EQ(line->text(2), QStringLiteral("Twos"));
            // The tag by the name the user knows, not by its keyword.
            EXPECT_TRUE(line->text(3).contains(QStringLiteral("tag Work")))
                << qPrintable(line->text(3));
            EXPECT_FALSE(line->text(3).contains(QStringLiteral("$label2")));
        } else {
            EXPECT_EQ(line->text(1), QStringLiteral("Ones"));
            EXPECT_EQ(line->text(2), QStringLiteral("(stays)"));
        }
    }
    EXPECT_TRUE(dry->summary()->text().contains(
        QStringLiteral("2 would be deleted from the server at the next check")))
        << qPrintable(dry->summary()->text());
    // The columns after the message are shown whole (the message takes what is left): the
    // words of the deletion were cut off at the dialog's first size.
    dry->resize(560, 400); // narrow: the message column gives way, not the others
    dry->show();
    QCoreApplication::processEvents();
    const QFontMetrics metrics(dry->list()->font());
    for (int column = 1; column < 4; ++column) {
        const QString text = dry->list()->topLevelItem(0)->text(column);
        EXPECT_GE(dry->list()->header()->sectionSize(column), metrics.horizontalAdvance(text))
            << "column " << column << ": " << qPrintable(text);
    }

    // Asked with the number; Cancel: nothing is filed or queued, and Apply stays offered.
    QList<qsizetype> asked;
    Choice answer = Choice::Cancel;
    dry->setConfirmServerDeletions([&](qsizetype count) {
        asked.append(count);
        return answer;
    });
    dry->applyButton()->click();
    EXPECT_EQ(asked, QList<qsizetype>{2});
    EXPECT_TRUE(dry->applyButton()->isEnabled());
    EXPECT_FALSE(m_window->filterActions()->runDialog() == nullptr);
    EXPECT_TRUE(m_store->message(m_ids.at(1)).value().localFolder.isEmpty());
    EXPECT_TRUE(queued().isEmpty());

    answer = Choice::ApplyAndDelete;
    dry->applyButton()->click();
    EXPECT_EQ(asked.size(), 2);
    ASSERT_TRUE(test::waitUntil([&] { return queued().size() == 2; }));
    EXPECT_EQ(m_store->message(m_ids.at(1)).value().localFolder, QStringLiteral("Twos"));
    EXPECT_EQ(m_store->message(m_ids.at(2)).value().folder, store::Folder::Inbox);
    ASSERT_TRUE(test::waitUntil([&] {
        return dry->summary()->text().contains(
            QStringLiteral("2 messages will be deleted from the server at the next check"));
    })) << qPrintable(dry->summary()->text());
    // The window's queue shows them, as it shows the user's own deletes.
    ui::ServerDeletions *deletions = m_window->serverDeletions();
    ASSERT_TRUE(test::waitUntil([&] {
        return deletions->messageIds() == QSet<qint64>{m_ids.at(1), m_ids.at(2)};
    }));
    EXPECT_EQ(deletions->count(queued().front().accountId), 2);
}

TEST_F(RunFiltersDeletingTest, ApplyWithoutDeletingFilesButQueuesNothing)
{
    ui::FilterRunDialog *dry = dryRun();
    ASSERT_TRUE(dry);
    dry->setConfirmServerDeletions([](qsizetype) { return Choice::ApplyWithoutDeleting; });
    dry->applyButton()->click();
    ASSERT_TRUE(test::waitUntil([&] {
        return m_store->message(m_ids.at(1)).value().localFolder == QStringLiteral("Twos");
    }));
    ASSERT_TRUE(test::waitUntil([&] { return !dry->applyButton()->isEnabled(); }));
    ASSERT_TRUE(test::waitUntil([&] {
        return dry->summary()->text().contains(QStringLiteral("1 message was changed"));
    })) << qPrintable(dry->summary()->text());
    EXPECT_FALSE(dry->summary()->text().contains(QStringLiteral("server")));
    EXPECT_TRUE(queued().isEmpty());
}

TEST_F(RunFiltersDeletingTest, MailImportedFromFilesIsNotOfferedToTheFilters)
{
    // Filters sort an account's mail; a folder of mail imported from files has no account,
    // and a run there said only "No rule changes any message".
    store::IncomingMessage imported;
    imported.accountId = store::MessageStore::localAccountId();
    imported.localFolder = QStringLiteral("Imported");
    imported.raw = test::makeMessage(QStringLiteral("Message 1 again"),
                                     QStringLiteral("bob@example.org"), QStringLiteral("Old."));
    ASSERT_TRUE(m_store->insert(imported).ok());
    ASSERT_TRUE(dryRun());
    QAction *run = m_window->filterActions()->runFiltersAction();
    EXPECT_TRUE(run->isEnabled());
    ASSERT_TRUE(m_window->folderTree()->selectLocalFolder(QStringLiteral("Imported")));
    EXPECT_FALSE(run->isEnabled());
    EXPECT_FALSE(run->statusTip().isEmpty());
    const QList<Account> accounts = m_accounts->accounts();
    ASSERT_TRUE(m_window->folderTree()->selectFolder(accounts.front().id, store::Folder::Inbox));
    EXPECT_TRUE(run->isEnabled());
}
