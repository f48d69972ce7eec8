// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagsDialog.h"

#include "CacheChangeQueue.h"

#include <QAbstractButton>
#include <QAction>
#include <QColorDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace poplar::ui {

namespace {

constexpr int TagIdRole = Qt::UserRole + 1;

/// The colours a new tag takes, the first no tag has yet: apart from the five defaults and
/// from one another, and readable as text on a light or a dark list.
constexpr std::array newTagColours{"#008b8b", "#c71585", "#8b4513", "#4682b4",
                                   "#b8860b", "#2e8b57", "#6a5acd", "#d2691e"};

QIcon swatch(const QString &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 96));
    painter.setBrush(QColor(colour));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 15, 15), 3, 3);
    return QIcon(pixmap);
}

} // namespace

TagsDialog::TagsDialog(QSqlDatabase db, CacheChangeQueue *changes, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_changes(changes)
    , m_list(new QListWidget(this))
    , m_newName(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_rename(new QPushButton(tr("&Rename"), this))
    , m_colour(new QPushButton(tr("&Colour…"), this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move D&own"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Edit Tags"));
    setObjectName(QStringLiteral("tagsDialog"));

    m_list->setObjectName(QStringLiteral("tagList"));
    m_list->setAccessibleName(tr("Tags"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setIconSize(QSize(16, 16));
    auto *listLabel = new QLabel(tr("&Tags (keys 1 to 5 put the first five on the selected "
                                    "messages):"),
                                 this);
    listLabel->setWordWrap(true);
    listLabel->setBuddy(m_list);

    // Enter in the name field adds; no button of the dialog is a default one, or Enter
    // would close it as well.
    for (QPushButton *b : {m_add, m_rename, m_colour, m_up, m_down, m_delete})
        b->setAutoDefault(false);
    m_add->setObjectName(QStringLiteral("addTagButton"));
    m_rename->setObjectName(QStringLiteral("renameTagButton"));
    m_colour->setObjectName(QStringLiteral("tagColourButton"));
    m_up->setObjectName(QStringLiteral("moveTagUpButton"));
    m_down->setObjectName(QStringLiteral("moveTagDownButton"));
    m_delete->setObjectName(QStringLiteral("deleteTagButton"));
    m_newName->setObjectName(QStringLiteral("newTagName"));
    m_newName->setPlaceholderText(tr("Name of a new tag"));
    m_newName->setAccessibleName(tr("New tag name"));
    auto *newLabel = new QLabel(tr("&New tag:"), this);
    newLabel->setBuddy(m_newName);

    m_problem->setObjectName(QStringLiteral("tagProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020")); // as the Filters dialog's
    m_problem->hide();

    // The list's own keys: Delete deletes, Ctrl+Up and Ctrl+Down move.
    auto addKey = [this](const QKeySequence &key, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_list->addAction(action);
    };
    addKey(QKeySequence::Delete, [this] { deleteTag(); });
    addKey(QKeySequence(Qt::CTRL | Qt::Key_Up), [this] { move(-1); });
    addKey(QKeySequence(Qt::CTRL | Qt::Key_Down), [this] { move(1); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);

    auto *side = new QVBoxLayout;
    side->addWidget(m_rename);
    side->addWidget(m_colour);
    side->addSpacing(12);
    side->addWidget(m_up);
    side->addWidget(m_down);
    side->addSpacing(12);
    side->addWidget(m_delete);
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *adding = new QHBoxLayout;
    adding->addWidget(newLabel);
    adding->addWidget(m_newName, 1);
    adding->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listLabel);
    layout->addLayout(row, 1);
    layout->addLayout(adding);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &TagsDialog::addTag);
    connect(m_newName, &QLineEdit::returnPressed, this, &TagsDialog::addTag);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem()) {
            m_list->setFocus();
            m_list->editItem(item);
        }
    });
    connect(m_colour, &QPushButton::clicked, this, &TagsDialog::chooseColour);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_delete, &QPushButton::clicked, this, &TagsDialog::deleteTag);
    connect(m_list, &QListWidget::itemChanged, this, &TagsDialog::renamed);
    connect(m_list, &QListWidget::currentRowChanged, this, &TagsDialog::updateButtons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reload(0);
    m_list->setFocus();
    resize(460, 360);
}

void TagsDialog::refresh()
{
    showProblem({});
    reload(selectedTag() ? selectedTag()->id : 0);
}

void TagsDialog::reload(qint64 selectId)
{
    auto tags = store::TagStore(m_db).tags();
    if (!tags) {
        showProblem(tags.error().message());
        return;
    }
    m_tags = tags.value();
    const int keepRow = std::max(0, m_list->currentRow());
    m_filling = true;
    m_list->clear();
    int selectRow = -1;
    for (qsizetype i = 0; i < m_tags.size(); ++i) {
        const store::Tag &tag = m_tags.at(i);
        auto *item = new QListWidgetItem(swatch(tag.colour), tag.displayName(), m_list);
        item->setData(TagIdRole, tag.id);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        const QString about =
            i < 5 ? tr("Key %1, colour %2; filters call it %3")
                        .arg(i + 1)
                        .arg(tag.colour, tag.keyword)
                  : tr("Colour %1; filters call it %2").arg(tag.colour, tag.keyword);
        item->setToolTip(about);
        item->setData(Qt::AccessibleDescriptionRole, about);
        if (tag.id == selectId)
            selectRow = int(i);
    }
    m_filling = false;
    if (!m_tags.isEmpty())
        m_list->setCurrentRow(selectRow >= 0 ? selectRow : std::min(keepRow, m_list->count() - 1));
    updateButtons();
}

const store::Tag *TagsDialog::selectedTag() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const qint64 id = item->data(TagIdRole).toLongLong();
    for (const store::Tag &t : m_tags) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

void TagsDialog::updateButtons()
{
    const int row = m_list->currentRow();
    const bool chosen = row >= 0;
    m_rename->setEnabled(chosen);
    m_colour->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    m_up->setEnabled(chosen && row > 0);
    m_down->setEnabled(chosen && row < m_list->count() - 1);
}

void TagsDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void TagsDialog::changed(const Status &status, qint64 selectId)
{
    if (!status) {
        showProblem(status.error().message());
        reload(selectedTag() ? selectedTag()->id : 0);
        return;
    }
    showProblem({});
    reload(selectId);
    Q_EMIT tagsChanged();
}

QString TagsDialog::unusedColour() const
{
    for (const char *colour : newTagColours) {
        const bool used =
            std::any_of(m_tags.cbegin(), m_tags.cend(), [colour](const store::Tag &t) {
                return t.colour.compare(QLatin1String(colour), Qt::CaseInsensitive) == 0;
            });
        if (!used)
            return QString::fromLatin1(colour);
    }
    return QStringLiteral("#808080");
}

void TagsDialog::addTag()
{
    auto added = store::TagStore(m_db).addTag(m_newName->text(), unusedColour());
    if (!added) {
        showProblem(added.error().message());
        m_newName->setFocus();
        return;
    }
    m_newName->clear();
    changed({}, added.value().id);
}

void TagsDialog::renamed(QListWidgetItem *item)
{
    if (m_filling)
        return;
    const qint64 id = item->data(TagIdRole).toLongLong();
    const auto tag = std::find_if(m_tags.begin(), m_tags.end(),
                                  [id](const store::Tag &t) { return t.id == id; });
    if (tag == m_tags.end())
        return;
    const QString typed = item->text().trimmed();
    // The list is not refilled here: the item is still being edited's model data.
    auto putBack = [this, item](const QString &text) {
        m_filling = true;
        item->setText(text);
        m_filling = false;
    };
    if (typed == tag->displayName()) {
        putBack(typed); // spaces around it, nothing more
        return;
    }
    if (Status s = store::TagStore(m_db).renameTag(id, typed); !s) {
        showProblem(s.error().message());
        putBack(tag->displayName());
        return;
    }
    tag->name = typed;
    putBack(tag->displayName());
    showProblem({});
    Q_EMIT tagsChanged();
}

void TagsDialog::chooseColour()
{
    const store::Tag *tag = selectedTag();
    if (!tag)
        return;
    auto *dialog = new QColorDialog(QColor(tag->colour), this);
    dialog->setObjectName(QStringLiteral("tagColourDialog"));
    dialog->setOption(QColorDialog::DontUseNativeDialog);
    dialog->setWindowTitle(tr("Colour of “%1”").arg(tag->displayName()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = tag->id;
    connect(dialog, &QColorDialog::colorSelected, this, [this, id](const QColor &colour) {
        changed(store::TagStore(m_db).setColour(id, colour.name()), id);
    });
    dialog->open();
}

void TagsDialog::move(int steps)
{
    const store::Tag *tag = selectedTag();
    if (!tag)
        return;
    const qint64 id = tag->id;
    changed(store::TagStore(m_db).moveTag(id, steps), id);
}

void TagsDialog::deleteTag()
{
    const store::Tag *tag = selectedTag();
    if (!tag)
        return;
    const qint64 id = tag->id;
    auto count = store::TagStore(m_db).messageCount(id);
    if (!count) {
        showProblem(count.error().message());
        return;
    }
    if (count.value() == 0) {
        removeTag(id, 0);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Tag"),
                                tr("Delete the tag “%1”?").arg(tag->displayName()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteTagQuestion"));
    box->setInformativeText(
        count.value() == 1
            ? tr("1 message carries this tag. It will be taken off it; the message itself stays.")
            : tr("%1 messages carry this tag. It will be taken off them; the messages themselves "
                 "stay.")
                  .arg(QLocale().toString(count.value())));
    QPushButton *remove = box->addButton(tr("&Delete Tag"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteTag"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 messages = count.value();
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, id, messages](QAbstractButton *clicked) {
                if (clicked == remove)
                    removeTag(id, messages);
            });
    box->open();
}

void TagsDialog::removeTag(qint64 tagId, qint64 messages)
{
    // The row below takes its place in the selection (or the one above, for the last).
    const int row = m_list->currentRow();
    const qint64 next = row + 1 < m_tags.size() ? m_tags.at(row + 1).id
                        : row > 0               ? m_tags.at(row - 1).id
                                                : 0;
    // No message to take it off (the queue reads a size of 0 as "not known yet"): at once.
    if (!m_changes || messages == 0) {
        changed(store::TagStore(m_db).removeTag(tagId), next);
        return;
    }
    m_changes->run(
        tr("Deleting a tag"), messages,
        [tagId](sync::BulkActions &actions) { return actions.removeTag(tagId); }, this,
        [this, next](const sync::BulkOutcome &outcome) {
            changed(outcome.ok() ? Status{} : Status(*outcome.error), next);
        });
}

} // namespace poplar::ui
