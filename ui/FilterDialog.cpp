// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterDialog.h"

#include "FilterRuleEditor.h"
#include "filters/FilterFile.h"
#include "filters/FilterRules.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QUrl>
#include <QVBoxLayout>

namespace poplar::ui {

using filters::FilterRule;
using filters::FilterScriptCodec;

namespace {

enum Page { EditorPage, HandWrittenPage, EmptyPage };

} // namespace

FilterDialog::FilterDialog(QString path, QStringList folders, QList<FilterTagChoice> tags,
                           QWidget *parent)
    : QDialog(parent)
    , m_path(std::move(path))
    , m_notice(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_new(new QPushButton(tr("&New Rule"), this))
    , m_delete(new QPushButton(tr("&Delete Rule"), this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move D&own"), this))
    , m_pages(new QStackedWidget(this))
    , m_handWritten(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Message Filters"));
    m_confirm = [this] {
        return QMessageBox::question(
                   this, tr("Delete from the Server"),
                   tr("This rule deletes the messages it matches from the server at the next "
                      "sync (they stay on this computer). Each one is listed in the server "
                      "deletion queue first, where you can keep it.\n\nUse this rule?"),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
    m_editor = new FilterRuleEditor(
        std::move(folders), std::move(tags), [this] { return confirmServerDeletion(); }, this);

    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();
    auto *openFile = new QPushButton(tr("Open the &File"), this);
    openFile->setAutoDefault(false);
    openFile->setToolTip(QFileInfo(m_path).absoluteFilePath());
    connect(openFile, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_path)); });
    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(openFile, 0, Qt::AlignTop);

    m_list->setAccessibleName(tr("Rules, in the order they run"));
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_delete, m_up, m_down}) {
        b->setAutoDefault(false);
        listButtons->addWidget(b);
    }
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_editor);
    m_pages->addWidget(scroll);
    auto *handPage = new QWidget(this);
    auto *handLayout = new QVBoxLayout(handPage);
    handLayout->setContentsMargins(0, 0, 0, 0);
    auto *handLabel = new QLabel(tr("This rule was written by hand in a way this dialog cannot "
                                    "show. It is kept as it is, in its place; edit it in "
                                    "filters.sieve itself."),
                                 handPage);
    handLabel->setWordWrap(true);
    m_handWritten->setReadOnly(true);
    m_handWritten->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_handWritten->setAccessibleName(tr("The rule as written in filters.sieve"));
    handLayout->addWidget(handLabel);
    handLayout->addWidget(m_handWritten, 1);
    m_pages->addWidget(handPage);
    auto *empty = new QLabel(tr("No rule is chosen. New Rule adds one."), this);
    empty->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(empty);

    auto *body = new QHBoxLayout;
    body->addLayout(left, 2);
    body->addWidget(m_pages, 5);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(noticeRow);
    layout->addLayout(body, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &FilterDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FilterDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &FilterDialog::showRule);
    connect(m_list, &QListWidget::itemChanged, this, &FilterDialog::itemChanged);
    connect(m_editor, &FilterRuleEditor::nameChanged, this, [this](const QString &name) {
        if (QListWidgetItem *item = m_list->item(m_shown)) {
            FilterRule r = m_script.rules.at(m_shown);
            r.name = name.trimmed();
            const QSignalBlocker quiet(m_list);
            item->setText(itemText(r));
        }
    });
    connect(m_new, &QPushButton::clicked, this, [this] {
        keepShownRule();
        FilterRule r;
        r.name = tr("Rule %1").arg(m_script.rules.size() + 1);
        filters::FilterCondition c;
        r.conditions = {c};
        filters::FilterAction a;
        a.kind = filters::FilterAction::Kind::MoveTo;
        r.actions = {a};
        m_script.rules.append(r);
        m_shown = -1;
        fillList();
        m_list->setCurrentRow(int(m_script.rules.size()) - 1);
        m_editor->nameEdit()->setFocus();
        m_editor->nameEdit()->selectAll();
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        m_shown = -1; // its edits go with it
        m_script.rules.removeAt(row);
        fillList();
        m_list->setCurrentRow(std::min(row, int(m_script.rules.size()) - 1));
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });

    setTabOrder(m_list, m_new);
    setTabOrder(m_new, m_delete);
    setTabOrder(m_delete, m_up);
    setTabOrder(m_up, m_down);
    setTabOrder(m_down, m_editor->nameEdit());
    load();
    resize(900, 560);
}

bool FilterDialog::confirmServerDeletion()
{
    return !m_confirm || m_confirm();
}

void FilterDialog::load()
{
    QFile file(m_path);
    QString text;
    std::optional<QString> unreadable;
    if (file.exists()) {
        if (file.size() > filters::FilterFile::maxBytes)
            unreadable =
                tr("the file is larger than %1 KB").arg(filters::FilterFile::maxBytes / 1024);
        else if (!file.open(QIODevice::ReadOnly))
            unreadable = file.errorString();
        else {
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            text = utf8(file.readAll());
            if (utf8.hasError())
                unreadable = tr("the file is not UTF-8 text");
        }
    }
    filters::ReadFilterScript read;
    if (!unreadable) {
        read = FilterScriptCodec::read(text);
        unreadable = read.error;
    }
    if (unreadable) {
        m_editable = false;
        m_notice->setText(tr("filters.sieve cannot be edited here: %1. Correct it in a text "
                             "editor (Open the File). Until then no rule runs and all mail "
                             "stays in the Inbox.")
                              .arg(*unreadable));
        m_notice->show();
        m_handWritten->setPlainText(text);
        m_pages->setCurrentIndex(HandWrittenPage);
        for (QWidget *w : std::initializer_list<QWidget *>{
                 m_list, m_new, m_delete, m_up, m_down, m_buttons->button(QDialogButtonBox::Save)})
            w->setEnabled(false);
        return;
    }
    m_script = read.script;
    if (const int n = read.handWrittenCount(); n > 0) {
        m_notice->setText(n == 1 ? tr("One rule in filters.sieve was written by hand in a way "
                                      "this dialog cannot show. It is shown read-only, keeps "
                                      "its place and is saved unchanged.")
                                 : tr("%1 rules in filters.sieve were written by hand in a way "
                                      "this dialog cannot show. They are shown read-only, keep "
                                      "their places and are saved unchanged.")
                                       .arg(n));
        m_notice->show();
    }
    fillList();
    m_list->setCurrentRow(m_script.rules.isEmpty() ? -1 : 0);
    if (m_script.rules.isEmpty())
        showRule(-1);
}

QString FilterDialog::itemText(const FilterRule &rule) const
{
    const QString name = rule.name.isEmpty() ? tr("(no name)") : rule.name;
    return rule.editable() ? name : tr("%1 (written by hand)").arg(name);
}

void FilterDialog::fillList()
{
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const FilterRule &r : m_script.rules) {
        auto *item = new QListWidgetItem(itemText(r), m_list);
        if (r.editable()) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(r.enabled ? Qt::Checked : Qt::Unchecked);
        } else {
            // Not the dialog's to turn on or off: no check box at all.
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
            QFont italic = item->font();
            italic.setItalic(true);
            item->setFont(italic);
        }
    }
    m_shown = -1;
}

void FilterDialog::keepShownRule()
{
    if (m_shown < 0 || m_shown >= m_script.rules.size() || !m_script.rules.at(m_shown).editable())
        return;
    FilterRule r = m_editor->rule();
    r.enabled = m_script.rules.at(m_shown).enabled;
    m_script.rules[m_shown] = r;
}

void FilterDialog::showRule(int row)
{
    keepShownRule();
    m_shown = row;
    const bool valid = row >= 0 && row < m_script.rules.size();
    m_delete->setEnabled(valid);
    m_up->setEnabled(valid && row > 0);
    m_down->setEnabled(valid && row + 1 < m_script.rules.size());
    if (!valid) {
        m_pages->setCurrentIndex(EmptyPage);
        return;
    }
    const FilterRule &r = m_script.rules.at(row);
    if (r.editable()) {
        m_editor->setRule(r);
        m_pages->setCurrentIndex(EditorPage);
    } else {
        m_handWritten->setPlainText(r.handWritten);
        m_pages->setCurrentIndex(HandWrittenPage);
    }
}

void FilterDialog::itemChanged(QListWidgetItem *item)
{
    const int row = m_list->row(item);
    if (row < 0 || row >= m_script.rules.size() || !m_script.rules.at(row).editable())
        return;
    if (row == m_shown)
        keepShownRule();
    const bool on = item->checkState() == Qt::Checked;
    FilterRule &r = m_script.rules[row];
    if (on && !r.enabled && r.deletesOnServer() && !confirmServerDeletion()) {
        const QSignalBlocker quiet(m_list);
        item->setCheckState(Qt::Unchecked);
        return;
    }
    r.enabled = on;
}

void FilterDialog::move(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_script.rules.size())
        return;
    keepShownRule();
    m_script.rules.move(row, to);
    fillList();
    m_list->setCurrentRow(to);
    (by < 0 ? m_up : m_down)->setFocus();
}

filters::FilterScript FilterDialog::script()
{
    keepShownRule();
    return m_script;
}

bool FilterDialog::save()
{
    if (!m_editable)
        return false;
    const filters::FilterScript s = script();
    for (int i = 0; i < s.rules.size(); ++i) {
        if (const QString p = FilterScriptCodec::problem(s.rules.at(i)); !p.isEmpty()) {
            m_problem->setText(tr("%1: %2").arg(itemText(s.rules.at(i)), p));
            m_problem->show();
            m_list->setCurrentRow(i);
            return false;
        }
    }
    const QString text = FilterScriptCodec::write(s);
    // The rules the dialog writes always compile; this catches a hand-written rule that
    // only compiled beside what it was written with.
    auto compiled = filters::FilterRules::compile(text);
    if (auto *e = std::get_if<filters::SieveError>(&compiled)) {
        m_problem->setText(
            tr("The rules were not saved: %1").arg(filters::FilterFile::describe(m_path, *e)));
        m_problem->show();
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        m_problem->setText(tr("The rules were not saved: %1").arg(file.errorString()));
        m_problem->show();
        return false;
    }
    m_problem->hide();
    return true;
}

void FilterDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace poplar::ui
