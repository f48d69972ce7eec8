// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagActions.h"

#include "CacheChangeQueue.h"
#include "MessageListModel.h"
#include "TagsDialog.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QMenu>
#include <QPixmap>
#include <QTableView>

namespace poplar::ui {

TagActions::TagActions(QTableView *list, MessageListModel *model, QSqlDatabase db,
                       CacheChangeQueue *changes, QWidget *menuParent, QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_model(model)
    , m_db(std::move(db))
    , m_changes(changes)
    , m_menu(new QMenu(tr("Ta&g"), menuParent))
    , m_editTags(new QAction(tr("&Edit Tags…"), this))
{
    m_menu->setObjectName(QStringLiteral("tagMenu"));
    m_editTags->setObjectName(QStringLiteral("editTagsAction"));
    connect(m_editTags, &QAction::triggered, this, &TagActions::editTags);
    connect(m_menu, &QMenu::aboutToShow, this, &TagActions::updateChecked);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TagActions::updateChecked);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TagActions::updateChecked);
    reload();
}

void TagActions::reload()
{
    auto tags = store::TagStore(m_db).tags();
    if (!tags) {
        Q_EMIT failed(tags.error().message());
        return;
    }
    m_tags = tags.value();
    for (QAction *action : std::as_const(m_actions)) {
        m_list->removeAction(action);
        delete action; // owned by this object; the menu only shows it
    }
    m_actions.clear();
    m_menu->clear();
    for (qsizetype i = 0; i < m_tags.size(); ++i) {
        const store::Tag &tag = m_tags.at(i);
        // A name's '&' is a letter, not a mnemonic ("R&D").
        auto *action =
            new QAction(QString(tag.displayName()).replace(u'&', QStringLiteral("&&")), this);
        action->setObjectName(QStringLiteral("tagAction%1").arg(i + 1));
        action->setCheckable(true);
        QPixmap swatch(12, 12);
        swatch.fill(QColor(tag.colour));
        action->setIcon(QIcon(swatch));
        if (i < 5) {
            // Digits would swallow typing anywhere else (the search box): list only.
            action->setShortcut(QKeySequence(Qt::Key_1 + int(i)));
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            m_list->addAction(action);
        }
        const qint64 id = tag.id;
        connect(action, &QAction::triggered, this, [this, id] { toggle(id); });
        m_menu->addAction(action);
        m_actions.append(action);
    }
    m_menu->addSeparator();
    m_menu->addAction(m_editTags);
    m_model->setTags(m_tags);
    updateChecked();
}

void TagActions::editTags()
{
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    if (!m_dialog) {
        // Kept when closed (the window owns it): a tag deletion still running on the change
        // queue's worker then still reaches reload().
        m_dialog = new TagsDialog(m_db, m_changes, m_menu->parentWidget());
        connect(m_dialog, &TagsDialog::tagsChanged, this, &TagActions::reload);
    } else {
        m_dialog->refresh();
    }
    m_dialog->open();
}

QList<qint64> TagActions::targetIds() const
{
    QList<qint64> ids = m_model->idsIn(m_list->selectionModel()->selection());
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    if (ids.isEmpty() && current.isValid())
        ids.append(m_model->summaryAt(current.row()).id);
    return ids;
}

void TagActions::toggle(qint64 tagId)
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const bool on = !m_model->summaryAt(current.row()).tagIds.contains(tagId);
    const QList<qint64> ids = targetIds();
    m_changes->run(
        on ? tr("Tagging messages") : tr("Removing a tag"), ids.size(),
        [ids, tagId, on](sync::BulkActions &actions) { return actions.setTag(ids, tagId, on); },
        this,
        [this](const sync::BulkOutcome &outcome) {
            if (!outcome.ok())
                Q_EMIT failed(outcome.error->message());
            m_model->rereadChanged();
            updateChecked();
        });
}

void TagActions::updateChecked()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    const bool hasMessage = current.isValid();
    const QList<qint64> tagIds =
        hasMessage ? m_model->summaryAt(current.row()).tagIds : QList<qint64>{};
    for (qsizetype i = 0; i < m_actions.size() && i < m_tags.size(); ++i) {
        m_actions.at(i)->setEnabled(hasMessage);
        m_actions.at(i)->setChecked(tagIds.contains(m_tags.at(i).id));
    }
}

} // namespace poplar::ui
