// SPDX-License-Identifier: GPL-3.0-or-later
// The Filters dialog on real widgets: rules made, ordered, disabled and saved as Sieve that
// reads back the same; hand-written rules shown read-only and kept; a broken file left
// alone; tags written by keyword ("To Do" too); "delete from the server" asked about; and
// Run Filters Now in the window, a dry run first, then Apply on the cache change queue's
// worker.
#include "WindowFixture.h"

#include "FilterActions.h"
#include "FilterDialog.h"
#include "FilterRuleEditor.h"
#include "FilterRunDialog.h"
#include "FolderTree.h"

#include "filters/FilterFile.h"
#include "filters/FilterScript.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace poplar;
using filters::FilterAction;
using filters::FilterCondition;
using filters::FilterRule;
using filters::FilterScriptCodec;

namespace {

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

class FilterDialogTest : public ::testing::Test {
protected:
    QString path() const { return m_dir.filePath(QStringLiteral("filters.sieve")); }
    std::unique_ptr<ui::FilterDialog> open()
    {
        auto d = std::make_unique<ui::FilterDialog>(
            path(), QStringList{QStringLiteral("Bills"), QStringLiteral("Lists")},
            QList<ui::FilterTagChoice>{
                {QStringLiteral("$label2"), QStringLiteral("Work"), QStringLiteral("Work")},
                {QStringLiteral("$label4"), QStringLiteral("To Do"), QStringLiteral("To Do")}});
        d->setConfirmServerDeletion([this] {
            ++m_asked;
            return m_answer;
        });
        d->show();
        return d;
    }

    static void choose(QComboBox *box, int data)
    {
        const int i = box->findData(data);
        ASSERT_GE(i, 0);
        box->setCurrentIndex(i);
    }

    QTemporaryDir m_dir;
    int m_asked = 0;
    bool m_answer = true;
};

} // namespace

TEST_F(FilterDialogTest, RulesMadeInTheDialogAreSavedAsSieveThatReadsBackTheSame)
{
    auto dialog = open();
    EXPECT_FALSE(dialog->notice()->isVisible());
    EXPECT_EQ(dialog->ruleList()->count(), 0);

    // First rule: Subject contains "Invoice" -> Bills, mark read.
    dialog->newButton()->click();
    ASSERT_EQ(dialog->ruleList()->count(), 1);
    ui::FilterRuleEditor *editor = dialog->editor();
    editor->nameEdit()->clear();
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("Invoices"));
    EXPECT_EQ(dialog->ruleList()->item(0)->text(), QStringLiteral("Invoices"));
    ASSERT_EQ(editor->conditionRows().size(), 1);
    ui::FilterConditionRow *subject = editor->conditionRows().front();
    choose(subject->field(), int(FilterCondition::Field::Subject));
    QTest::keyClicks(subject->value(), QStringLiteral("Invoice"));
    ASSERT_EQ(editor->actionRows().size(), 1);
    editor->actionRows().front()->folder()->setCurrentText(QStringLiteral("Bills"));
    editor->addActionButton()->click();
    choose(editor->actionRows().at(1)->kind(), int(FilterAction::Kind::MarkRead));

    // Second rule: any of From contains "@lists." or the header List-Id, size over 50 KB ->
    // tag Work; then turned off and moved to the top.
    dialog->newButton()->click();
    editor->nameEdit()->setText(QStringLiteral("Lists"));
    for (QRadioButton *b : editor->findChildren<QRadioButton *>()) {
        if (b->text().contains(QStringLiteral("an&y")))
            b->click();
    }
    ui::FilterConditionRow *from = editor->conditionRows().front();
    choose(from->field(), int(FilterCondition::Field::From));
    from->value()->setText(QStringLiteral("@lists."));
    editor->addConditionButton()->click();
    ui::FilterConditionRow *header = editor->conditionRows().at(1);
    choose(header->field(), int(FilterCondition::Field::Header));
    EXPECT_FALSE(header->header()->isHidden()); // shown once the row is laid out
    header->header()->setText(QStringLiteral("List-Id"));
    choose(header->match(), int(FilterCondition::Match::DoesNotContain));
    header->value()->setText(QStringLiteral("private"));
    editor->addConditionButton()->click();
    ui::FilterConditionRow *size = editor->conditionRows().at(2);
    choose(size->field(), int(FilterCondition::Field::Size));
    EXPECT_FALSE(size->kilobytes()->isHidden());
    EXPECT_TRUE(size->value()->isHidden());
    size->kilobytes()->setValue(50);
    choose(editor->actionRows().front()->kind(), int(FilterAction::Kind::Tag));
    dialog->ruleList()->item(1)->setCheckState(Qt::Unchecked);
    dialog->upButton()->click();
    EXPECT_EQ(dialog->ruleList()->item(0)->text(), QStringLiteral("Lists"));

    // Enter saves (Save is the default button).
    QTest::keyClick(editor->nameEdit(), Qt::Key_Return);
    EXPECT_FALSE(dialog->isVisible());
    const QString saved = readFile(path());
    ASSERT_FALSE(saved.isEmpty());
    EXPECT_FALSE(filters::FilterFile::load(path()).error) << qPrintable(saved);
    const auto read = FilterScriptCodec::read(saved);
    ASSERT_EQ(read.script.rules.size(), 2);

    FilterRule lists;
    lists.name = QStringLiteral("Lists");
    lists.enabled = false;
    lists.matchAll = false;
    lists.conditions = {FilterCondition{FilterCondition::Field::From,
                                        FilterCondition::Match::Contains,
                                        {},
                                        QStringLiteral("@lists.")},
                        FilterCondition{FilterCondition::Field::Header,
                                        FilterCondition::Match::DoesNotContain,
                                        QStringLiteral("List-Id"), QStringLiteral("private")},
                        FilterCondition{FilterCondition::Field::Size,
                                        FilterCondition::Match::Contains,
                                        {},
                                        {},
                                        true,
                                        50 * 1024}};
    lists.actions = {{FilterAction::Kind::Tag, QStringLiteral("$label2")}}; // Work's keyword
    FilterRule invoices;
    invoices.name = QStringLiteral("Invoices");
    invoices.conditions = {FilterCondition{FilterCondition::Field::Subject,
                                           FilterCondition::Match::Contains,
                                           {},
                                           QStringLiteral("Invoice")}};
    invoices.actions = {{FilterAction::Kind::MoveTo, QStringLiteral("Bills")},
                        {FilterAction::Kind::MarkRead, {}}};
    EXPECT_EQ(read.script.rules.at(0), lists) << qPrintable(saved);
    EXPECT_EQ(read.script.rules.at(1), invoices) << qPrintable(saved);

    // Opened again, the dialog shows the same rules, the first one off.
    auto again = open();
    ASSERT_EQ(again->ruleList()->count(), 2);
    EXPECT_EQ(again->ruleList()->item(0)->checkState(), Qt::Unchecked);
    EXPECT_EQ(again->ruleList()->item(1)->checkState(), Qt::Checked);
    EXPECT_EQ(again->script(), read.script);
}

TEST_F(FilterDialogTest, ATagIsWrittenByItsKeywordAndAnOlderRuleByNameShowsItsTag)
{
    // Written before tags had keywords: Work by its name (in another case), and a keyword
    // no tag has.
    writeFile(path(), QStringLiteral("require [\"imap4flags\"];\n"
                                     "# rule: Old\n"
                                     "if header :contains \"subject\" \"report\" {\n"
                                     "  addflag \"work\";\n"
                                     "}\n"
                                     "# rule: Client\n"
                                     "if header :contains \"subject\" \"client\" {\n"
                                     "  addflag \"client_x\";\n"
                                     "}\n"));
    auto dialog = open();
    ASSERT_EQ(dialog->ruleList()->count(), 2);
    dialog->ruleList()->setCurrentRow(0);
    ui::FilterRuleEditor *editor = dialog->editor();
    ASSERT_EQ(editor->actionRows().size(), 1);
    QComboBox *tag = editor->actionRows().front()->tag();
    EXPECT_EQ(tag->currentText(), QStringLiteral("Work"));
    EXPECT_EQ(tag->count(), 2); // found among the tags, not added as a stranger
    // To Do, a name with a space, is offered and chosen like any other.
    tag->setCurrentIndex(tag->findText(QStringLiteral("To Do")));
    dialog->ruleList()->setCurrentRow(1);
    QComboBox *stranger = editor->actionRows().front()->tag();
    EXPECT_EQ(stranger->currentText(), QStringLiteral("client_x"));
    ASSERT_TRUE(dialog->save()) << qPrintable(dialog->problem()->text());
    const QString saved = readFile(path());
    EXPECT_TRUE(saved.contains(QStringLiteral("addflag \"$label4\";"))) << qPrintable(saved);
    EXPECT_TRUE(saved.contains(QStringLiteral("addflag \"client_x\";"))) << qPrintable(saved);
    EXPECT_FALSE(saved.contains(QStringLiteral("To Do"))) << qPrintable(saved);
    EXPECT_FALSE(filters::FilterFile::load(path()).error) << qPrintable(saved);
}

TEST_F(FilterDialogTest, EscapeClosesWithoutWritingAndAnIncompleteRuleIsNotSaved)
{
    auto dialog = open();
    dialog->newButton()->click();
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_FALSE(QFile::exists(path()));

    auto second = open();
    second->newButton()->click(); // Move To with no folder chosen
    EXPECT_FALSE(second->save());
    EXPECT_TRUE(second->problem()->isVisible());
    EXPECT_FALSE(QFile::exists(path()));
}

TEST_F(FilterDialogTest, HandWrittenRulesAreShownReadOnlyAndSavedUnchanged)
{
    const QString branches = QStringLiteral("# rule: Branches\n"
                                            "if exists \"x-spam\" {\n"
                                            "  discard;\n"
                                            "} elsif header :is \"subject\" \"X\" {\n"
                                            "  keep;\n"
                                            "}\n");
    writeFile(path(), QStringLiteral("require [\"fileinto\"];\n"
                                     "# rule: Mine\n"
                                     "if anyof (header :contains \"subject\" \"a\") {\n"
                                     "  fileinto \"Bills\";\n"
                                     "}\n") +
                          branches);
    auto dialog = open();
    EXPECT_TRUE(dialog->notice()->isVisible());
    EXPECT_TRUE(dialog->notice()->text().contains(QStringLiteral("by hand")));
    ASSERT_EQ(dialog->ruleList()->count(), 2);
    QListWidgetItem *hand = dialog->ruleList()->item(1);
    EXPECT_TRUE(hand->text().contains(QStringLiteral("Branches")));
    EXPECT_FALSE(hand->flags() & Qt::ItemIsUserCheckable);
    dialog->ruleList()->setCurrentRow(1);
    auto *text = dialog->findChild<QPlainTextEdit *>();
    ASSERT_TRUE(text);
    EXPECT_TRUE(text->isVisible());
    EXPECT_TRUE(text->isReadOnly());
    EXPECT_EQ(text->toPlainText(), branches);

    // Edit the other rule, put the hand-written one first, save.
    dialog->ruleList()->setCurrentRow(0);
    dialog->editor()->nameEdit()->setText(QStringLiteral("Mine, renamed"));
    dialog->downButton()->click();
    ASSERT_TRUE(dialog->save());
    const QString saved = readFile(path());
    EXPECT_TRUE(saved.contains(branches)) << qPrintable(saved);
    EXPECT_LT(saved.indexOf(branches), saved.indexOf(QStringLiteral("# rule: Mine, renamed")));
    EXPECT_FALSE(filters::FilterFile::load(path()).error);
}

TEST_F(FilterDialogTest, AFileThatDoesNotParseIsShownAndNeverOverwritten)
{
    const QString broken = QStringLiteral("if header :contains \"subject\" \"x\" {\n  stop;\n");
    writeFile(path(), broken);
    auto dialog = open();
    EXPECT_TRUE(dialog->notice()->isVisible());
    EXPECT_TRUE(dialog->notice()->text().contains(QStringLiteral("Line")));
    EXPECT_FALSE(dialog->buttons()->button(QDialogButtonBox::Save)->isEnabled());
    EXPECT_FALSE(dialog->newButton()->isEnabled());
    EXPECT_FALSE(dialog->save());
    EXPECT_EQ(readFile(path()), broken);
}

TEST_F(FilterDialogTest, DeletingFromTheServerIsAskedWhenChosenAndWhenEnabled)
{
    auto dialog = open();
    dialog->newButton()->click();
    ui::FilterActionRow *row = dialog->editor()->actionRows().front();
    m_answer = false;
    choose(row->kind(), int(FilterAction::Kind::DeleteOnServer));
    EXPECT_EQ(m_asked, 1);
    EXPECT_EQ(row->action().kind, FilterAction::Kind::MoveTo); // declined: as it was

    m_answer = true;
    choose(row->kind(), int(FilterAction::Kind::DeleteOnServer));
    EXPECT_EQ(m_asked, 2);
    EXPECT_EQ(row->action().kind, FilterAction::Kind::DeleteOnServer);

    // Off, then on again: asked again; declined, it stays off.
    QListWidgetItem *item = dialog->ruleList()->item(0);
    item->setCheckState(Qt::Unchecked);
    EXPECT_EQ(m_asked, 2);
    m_answer = false;
    item->setCheckState(Qt::Checked);
    EXPECT_EQ(m_asked, 3);
    EXPECT_EQ(item->checkState(), Qt::Unchecked);
    ASSERT_TRUE(dialog->save());
    const auto read = FilterScriptCodec::read(readFile(path()));
    ASSERT_EQ(read.script.rules.size(), 1);
    EXPECT_FALSE(read.script.rules.front().enabled);
    EXPECT_TRUE(read.script.rules.front().deletesOnServer());
    EXPECT_TRUE(readFile(path()).contains(QStringLiteral("addflag \"\\\\Deleted\";")));
}

namespace {

class RunFiltersTest : public test::WindowFixture {};

} // namespace

TEST_F(RunFiltersTest, ADryRunListsWhatWouldMoveAndApplyMovesItOffTheGuiThread)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const QList<qint64> ids = threeMessages(account); // "Message 3" .. "Message 1"
    filters::FilterScript script;
    FilterRule rule;
    rule.name = QStringLiteral("Twos");
    rule.conditions = {FilterCondition{FilterCondition::Field::Subject,
                                       FilterCondition::Match::Contains,
                                       {},
                                       QStringLiteral("Message 2")}};
    rule.actions = {{FilterAction::Kind::MoveTo, QStringLiteral("Twos")},
                    {FilterAction::Kind::MarkFlagged, {}}};
    script.rules = {rule};
    writeFile(m_profile->filtersPath(), FilterScriptCodec::write(script));
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(window.folderTree()->selectFolder(account, store::Folder::Inbox));
    ASSERT_TRUE(test::waitUntil([&] { return window.messageModel()->rowOf(ids.at(1)) >= 0; }));

    ui::FilterActions *filters = window.filterActions();
    // Where the user finds it: Edit, Message, and the folder list's context menu.
    EXPECT_TRUE(window.folderTree()->actions().contains(filters->runFiltersAction()));
    bool inEdit = false;
    bool inMessage = false;
    for (QAction *menu : window.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        inEdit = inEdit || menu->menu()->actions().contains(filters->editFiltersAction());
        inMessage = inMessage || menu->menu()->actions().contains(filters->runFiltersAction());
    }
    EXPECT_TRUE(inEdit);
    EXPECT_TRUE(inMessage);

    filters->runFiltersAction()->trigger();
    ASSERT_TRUE(test::waitUntil([&] { return filters->runDialog() != nullptr; }));
    ui::FilterRunDialog *dry = filters->runDialog();
    ASSERT_EQ(dry->list()->topLevelItemCount(), 1);
    QTreeWidgetItem *line = dry->list()->topLevelItem(0);
    EXPECT_EQ(line->text(0), QStringLiteral("Message 2"));
    EXPECT_EQ(line->text(1), QStringLiteral("Twos"));
    EXPECT_EQ(line->text(2), QStringLiteral("Twos"));
    EXPECT_FALSE(line->text(3).isEmpty()); // flagged
    // A dry run: nothing has moved.
    auto before = m_store->message(ids.at(1));
    ASSERT_TRUE(before.ok());
    EXPECT_TRUE(before.value().localFolder.isEmpty());
    EXPECT_GE(window.messageModel()->rowOf(ids.at(1)), 0);

    dry->applyButton()->click();
    ASSERT_TRUE(test::waitUntil([&] {
        auto m = m_store->message(ids.at(1));
        return m.ok() && m.value().localFolder == QStringLiteral("Twos");
    }));
    ASSERT_TRUE(test::waitUntil([&] { return window.messageModel()->rowOf(ids.at(1)) < 0; }));
    EXPECT_TRUE(m_store->message(ids.at(1)).value().flagged);
    EXPECT_EQ(m_store->message(ids.at(1)).value().filedBy, QStringLiteral("Twos"));
    EXPECT_GE(window.messageModel()->rowOf(ids.at(0)), 0);
    EXPECT_TRUE(dry->summary()->text().contains(QStringLiteral("1")));
    EXPECT_FALSE(dry->applyButton()->isEnabled());
}
