// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/TagStore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

class QAction;
class QMenu;
class QTableView;
class QWidget;

namespace poplar::ui {

class CacheChangeQueue;
class MessageListModel;
class TagsDialog;

/// Tags on the selected messages, as in Thunderbird: keys 1-5 toggle the first five tags
/// (while the list has the focus), and Message ▸ Tag holds a checkable action per tag,
/// checked when the current message has it. The selected messages all take the opposite
/// of the current message's state; the change goes through the CacheChangeQueue as Delete
/// and Mark Read do, so tagging 100,000 selected messages never stalls the window. The
/// menu ends with Edit Tags…, whose changes show in the menu and the list at once.
class TagActions : public QObject {
    Q_OBJECT

public:
    /// `list` shows `model`; both, the connection `db` (the GUI thread's, for the tags
    /// themselves) and `changes` must outlive this object. `menuParent` owns the Tag menu.
    TagActions(QTableView *list, MessageListModel *model, QSqlDatabase db,
               CacheChangeQueue *changes, QWidget *menuParent, QObject *parent = nullptr);

    [[nodiscard]] QMenu *menu() const { return m_menu; }
    /// Opens the Edit Tags dialog (TagsDialog).
    [[nodiscard]] QAction *editTagsAction() const { return m_editTags; }
    /// Reads the tags again (names, colours, order) into the menu and the list.
    void reload();
    /// Opens Edit Tags, or raises it when it is open.
    void editTags();

Q_SIGNALS:
    void failed(const QString &message);

private:
    void toggle(qint64 tagId);
    void updateChecked();
    [[nodiscard]] QList<qint64> targetIds() const;

    QTableView *m_list;
    MessageListModel *m_model;
    QSqlDatabase m_db;
    CacheChangeQueue *m_changes;
    QMenu *m_menu;
    QList<store::Tag> m_tags;
    QList<QAction *> m_actions;
    QAction *m_editTags;
    QPointer<TagsDialog> m_dialog;
};

} // namespace poplar::ui
