// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterRuleEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace poplar::ui {

using filters::FilterAction;
using filters::FilterCondition;
using filters::FilterRule;

namespace {

int indexOfData(const QComboBox *box, int value)
{
    return std::max(0, box->findData(value));
}

} // namespace

// --- one condition -------------------------------------------------------------------------

FilterConditionRow::FilterConditionRow(QWidget *parent)
    : QWidget(parent)
    , m_field(new QComboBox(this))
    , m_header(new QLineEdit(this))
    , m_match(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_sizeOver(new QComboBox(this))
    , m_kilobytes(new QSpinBox(this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    using F = FilterCondition::Field;
    using M = FilterCondition::Match;
    m_field->addItem(tr("From"), int(F::From));
    m_field->addItem(tr("To or Cc"), int(F::ToOrCc));
    m_field->addItem(tr("Subject"), int(F::Subject));
    m_field->addItem(tr("The header"), int(F::Header));
    m_field->addItem(tr("Size"), int(F::Size));
    m_field->setAccessibleName(tr("What the condition looks at"));
    m_header->setPlaceholderText(tr("Header name, e.g. List-Id"));
    m_header->setAccessibleName(tr("Header name"));
    m_match->addItem(tr("contains"), int(M::Contains));
    m_match->addItem(tr("does not contain"), int(M::DoesNotContain));
    m_match->addItem(tr("is"), int(M::Is));
    m_match->addItem(tr("matches (* and ?)"), int(M::Matches));
    m_match->setAccessibleName(tr("How to compare"));
    m_value->setAccessibleName(tr("Text to look for"));
    m_sizeOver->addItem(tr("is greater than"), true);
    m_sizeOver->addItem(tr("is less than"), false);
    m_sizeOver->setAccessibleName(tr("Greater or less"));
    m_kilobytes->setRange(0, 4 * 1024 * 1024);
    m_kilobytes->setSuffix(tr(" KB"));
    m_kilobytes->setAccessibleName(tr("Size in kilobytes"));
    m_remove->setAccessibleName(tr("Remove this condition"));
    m_remove->setAutoDefault(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_field, m_header, m_match, m_value,
                                                       m_sizeOver, m_kilobytes, m_remove})
        layout->addWidget(w);
    layout->setStretch(3, 1);
    connect(m_field, &QComboBox::currentIndexChanged, this, &FilterConditionRow::showFieldParts);
    connect(m_kilobytes, &QSpinBox::valueChanged, this, [this] { m_exactBytes.reset(); });
    showFieldParts();
}

void FilterConditionRow::showFieldParts()
{
    const auto field = FilterCondition::Field(m_field->currentData().toInt());
    const bool isSize = field == FilterCondition::Field::Size;
    m_header->setVisible(field == FilterCondition::Field::Header);
    m_match->setVisible(!isSize);
    m_value->setVisible(!isSize);
    m_sizeOver->setVisible(isSize);
    m_kilobytes->setVisible(isSize);
}

void FilterConditionRow::set(const FilterCondition &c)
{
    m_field->setCurrentIndex(indexOfData(m_field, int(c.field)));
    m_header->setText(c.header);
    m_match->setCurrentIndex(indexOfData(m_match, int(c.match)));
    m_value->setText(c.value);
    m_sizeOver->setCurrentIndex(c.over ? 0 : 1);
    m_kilobytes->setValue(int(c.bytes / 1024));
    // A size written by hand in bytes stays exact until the user changes it.
    if (c.bytes % 1024 != 0)
        m_exactBytes = c.bytes;
    else
        m_exactBytes.reset();
    showFieldParts();
}

FilterCondition FilterConditionRow::condition() const
{
    FilterCondition c;
    c.field = FilterCondition::Field(m_field->currentData().toInt());
    if (c.field == FilterCondition::Field::Size) {
        c.over = m_sizeOver->currentData().toBool();
        c.bytes = m_exactBytes ? *m_exactBytes : qint64(m_kilobytes->value()) * 1024;
        return c;
    }
    c.match = FilterCondition::Match(m_match->currentData().toInt());
    c.value = m_value->text();
    if (c.field == FilterCondition::Field::Header)
        c.header = m_header->text().trimmed();
    return c;
}

// --- one action ----------------------------------------------------------------------------

FilterActionRow::FilterActionRow(const QStringList &folders, const QList<FilterTagChoice> &tags,
                                 QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_folder(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    using K = FilterAction::Kind;
    m_kind->addItem(tr("Move to folder"), int(K::MoveTo));
    m_kind->addItem(tr("Tag with"), int(K::Tag));
    m_kind->addItem(tr("Mark as read"), int(K::MarkRead));
    m_kind->addItem(tr("Mark as flagged"), int(K::MarkFlagged));
    m_kind->addItem(tr("Move to Trash"), int(K::Trash));
    m_kind->addItem(tr("Stop processing further rules"), int(K::Stop));
    m_kind->addItem(tr("Delete from the server"), int(K::DeleteOnServer));
    m_kind->setAccessibleName(tr("What to do"));
    m_folder->setEditable(true); // a new folder is made by filing into it
    m_folder->addItems(folders);
    m_folder->setCurrentIndex(-1);
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->lineEdit()->setPlaceholderText(tr("Folder name"));
    for (const FilterTagChoice &t : tags) {
        m_tag->addItem(t.shown, t.keyword);
        m_tagNames.append({t.name, t.shown});
    }
    m_tag->setAccessibleName(tr("Tag"));
    m_remove->setAccessibleName(tr("Remove this action"));
    m_remove->setAutoDefault(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind);
    layout->addWidget(m_folder, 1);
    layout->addWidget(m_tag, 1);
    layout->addStretch();
    layout->addWidget(m_remove);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int previous = std::exchange(m_shownKind, m_kind->currentIndex());
        showKindParts();
        Q_EMIT kindChosen(previous);
    });
    showKindParts();
}

void FilterActionRow::showKindParts()
{
    const auto kind = FilterAction::Kind(m_kind->currentData().toInt());
    m_folder->setVisible(kind == FilterAction::Kind::MoveTo);
    m_tag->setVisible(kind == FilterAction::Kind::Tag);
}

void FilterActionRow::set(const FilterAction &a)
{
    const QSignalBlocker quiet(m_kind); // not a choice of the user's: no confirmation
    m_kind->setCurrentIndex(indexOfData(m_kind, int(a.kind)));
    m_shownKind = m_kind->currentIndex();
    if (a.kind == FilterAction::Kind::MoveTo)
        m_folder->setCurrentText(a.argument);
    if (a.kind == FilterAction::Kind::Tag) {
        int i = tagIndex(a.argument);
        if (i < 0) {
            // A tag the script names that is not (yet) among the tags: shown as it is.
            m_tag->addItem(a.argument, a.argument);
            i = m_tag->count() - 1;
        }
        m_tag->setCurrentIndex(i);
    }
    showKindParts();
}

int FilterActionRow::tagIndex(const QString &keyword) const
{
    // Keywords are case-insensitive (IMAP). A rule written before tags had keywords names
    // its tag (addflag "Work"): found by name, it is written back with the keyword.
    for (int i = 0; i < m_tag->count(); ++i) {
        if (m_tag->itemData(i).toString().compare(keyword, Qt::CaseInsensitive) == 0)
            return i;
    }
    for (int i = 0; i < m_tag->count() && i < m_tagNames.size(); ++i) {
        const auto &[name, shown] = m_tagNames.at(i);
        if (name.compare(keyword, Qt::CaseInsensitive) == 0 ||
            shown.compare(keyword, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

FilterAction FilterActionRow::action() const
{
    FilterAction a;
    a.kind = FilterAction::Kind(m_kind->currentData().toInt());
    if (a.kind == FilterAction::Kind::MoveTo)
        a.argument = m_folder->currentText().trimmed();
    else if (a.kind == FilterAction::Kind::Tag)
        a.argument = m_tag->currentData().toString();
    return a;
}

// --- the rule ------------------------------------------------------------------------------

FilterRuleEditor::FilterRuleEditor(QStringList folders, QList<FilterTagChoice> tags,
                                   Confirm confirmServerDeletion, QWidget *parent)
    : QWidget(parent)
    , m_folders(std::move(folders))
    , m_tags(std::move(tags))
    , m_confirm(std::move(confirmServerDeletion))
    , m_name(new QLineEdit(this))
    , m_all(new QRadioButton(tr("Match a&ll of the conditions"), this))
    , m_any(new QRadioButton(tr("Match an&y of the conditions"), this))
    , m_addCondition(new QPushButton(tr("Add &Condition"), this))
    , m_addAction(new QPushButton(tr("Add &Action"), this))
{
    auto *form = new QFormLayout;
    auto *nameLabel = new QLabel(tr("Rule na&me:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);

    auto *conditions = new QGroupBox(tr("Conditions"), this);
    auto *conditionsLayout = new QVBoxLayout(conditions);
    auto *matchRow = new QHBoxLayout;
    matchRow->addWidget(m_all);
    matchRow->addWidget(m_any);
    matchRow->addStretch();
    conditionsLayout->addLayout(matchRow);
    m_conditionBox = new QVBoxLayout;
    conditionsLayout->addLayout(m_conditionBox);
    auto *noCondition =
        new QLabel(tr("With no condition, the rule applies to every message."), conditions);
    noCondition->setWordWrap(true);
    conditionsLayout->addWidget(noCondition);
    conditionsLayout->addWidget(m_addCondition, 0, Qt::AlignLeft);

    auto *actions = new QGroupBox(tr("Actions"), this);
    auto *actionsLayout = new QVBoxLayout(actions);
    m_actionBox = new QVBoxLayout;
    actionsLayout->addLayout(m_actionBox);
    actionsLayout->addWidget(m_addAction, 0, Qt::AlignLeft);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(conditions);
    layout->addWidget(actions);
    layout->addStretch();
    m_all->setChecked(true);
    m_addCondition->setAutoDefault(false);
    m_addAction->setAutoDefault(false);

    connect(m_name, &QLineEdit::textEdited, this, &FilterRuleEditor::nameChanged);
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        FilterCondition c;
        c.field = FilterCondition::Field::Subject;
        addCondition(c)->value()->setFocus();
    });
    connect(m_addAction, &QPushButton::clicked, this, [this] {
        FilterAction a;
        a.kind = FilterAction::Kind::MoveTo;
        addAction(a)->kind()->setFocus();
    });
}

FilterConditionRow *FilterRuleEditor::addCondition(const FilterCondition &condition)
{
    auto *row = new FilterConditionRow(this);
    row->set(condition);
    m_conditionBox->addWidget(row);
    m_conditions.append(row);
    connect(row->removeButton(), &QPushButton::clicked, this, [this, row] { removeRow(row); });
    return row;
}

FilterActionRow *FilterRuleEditor::addAction(const FilterAction &action)
{
    auto *row = new FilterActionRow(m_folders, m_tags, this);
    row->set(action);
    m_actionBox->addWidget(row);
    m_actions.append(row);
    connect(row->removeButton(), &QPushButton::clicked, this, [this, row] { removeRow(row); });
    connect(row, &FilterActionRow::kindChosen, this, [this, row](int previous) {
        if (row->action().kind != FilterAction::Kind::DeleteOnServer || !m_confirm || m_confirm())
            return;
        const QSignalBlocker quiet(row->kind());
        row->kind()->setCurrentIndex(previous);
        row->set(row->action());
    });
    return row;
}

void FilterRuleEditor::removeRow(QWidget *row)
{
    m_conditions.removeIf([row](const QWidget *w) { return w == row; });
    m_actions.removeIf([row](const QWidget *w) { return w == row; });
    row->deleteLater();
    row->hide();
}

void FilterRuleEditor::setRule(const FilterRule &rule)
{
    for (QWidget *row : m_conditions)
        delete row;
    for (QWidget *row : m_actions)
        delete row;
    m_conditions.clear();
    m_actions.clear();
    m_name->setText(rule.name);
    (rule.matchAll ? m_all : m_any)->setChecked(true);
    for (const FilterCondition &c : rule.conditions)
        addCondition(c);
    for (const FilterAction &a : rule.actions)
        addAction(a);
}

FilterRule FilterRuleEditor::rule() const
{
    FilterRule r;
    r.name = m_name->text().trimmed();
    r.matchAll = m_all->isChecked();
    for (const FilterConditionRow *row : m_conditions)
        r.conditions.append(row->condition());
    for (const FilterActionRow *row : m_actions)
        r.actions.append(row->action());
    return r;
}

} // namespace poplar::ui
