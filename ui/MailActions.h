// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"

#include <QList>
#include <QObject>

class QAction;
class QTableView;
class QUndoStack;
class QWidget;

namespace poplar::ui {

class MessageListModel;

/// Delete, Restore, Undo/Redo and Empty Trash, as the message list offers them. Delete and
/// Restore go through sync::MessageActions (so the server deletion queue follows them) and
/// onto an undo stack; Empty Trash purges the local copies of the account shown, after
/// asking, and cannot be undone. GUI thread.
class MailActions : public QObject {
    Q_OBJECT

public:
    /// `services`, `list` and `model` must outlive this; `dialogParent` parents the question.
    MailActions(Services services, QTableView *list, MessageListModel *model,
                QWidget *dialogParent);
    ~MailActions() override;

    [[nodiscard]] QAction *deleteAction() const { return m_delete; }
    [[nodiscard]] QAction *restoreAction() const { return m_restore; }
    [[nodiscard]] QAction *undoAction() const { return m_undo; }
    [[nodiscard]] QAction *redoAction() const { return m_redo; }
    [[nodiscard]] QAction *emptyTrashAction() const { return m_emptyTrash; }
    [[nodiscard]] QAction *deletePermanentlyAction() const { return m_deletePermanently; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_stack; }

    /// The selection or the folder shown changed: enables what applies.
    void updateActions();

    void deleteSelected();
    void restoreSelected();
    /// Shift+Del: asks, then deletes the selected messages from this computer for good.
    void deleteSelectedPermanently();
    /// Asks, then purges the Trash of the account shown on a pool thread.
    void emptyTrash();
    /// Purges without asking (what emptyTrash does once the user said yes).
    void purgeTrash(const QString &accountId);

Q_SIGNALS:
    /// One line for the status bar, shown for a while.
    void notice(const QString &message);
    /// Something failed; one line for the status bar.
    void failed(const QString &message);
    /// Trash was purged; `count` messages are gone from this computer.
    void trashEmptied(const QString &accountId, int count);
    /// Messages went into or out of Trash, or were deleted for good: the server deletions
    /// queued for the next check may have changed with them.
    void trashChanged();

private:
    class MoveCommand;
    /// A question before something that cannot be undone.
    struct Question {
        QString name; ///< object names: "<name>Question" and "confirm<Name>"
        QString title;
        QString text;
        QString consequence;
        QString confirm; ///< the destructive button's text
    };
    [[nodiscard]] bool confirmDestructive(const Question &question) const;
    friend class MoveCommand;

    [[nodiscard]] QList<qint64> selectedIds() const;
    [[nodiscard]] int firstRowOf(const QList<qint64> &ids) const;
    void selectIds(const QList<qint64> &ids);
    /// Moves these messages (to Trash, or back); returns those that moved.
    QList<qint64> move(const QList<qint64> &ids, bool toTrash);
    /// The list shows what is now in the folder shown; the selection goes to `row`.
    void showMoved(const QList<qint64> &ids, int row);
    void selectRow(int row);

    Services m_services;
    QTableView *m_list;
    MessageListModel *m_model;
    QWidget *m_dialogParent;
    QUndoStack *m_stack = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_restore = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_emptyTrash = nullptr;
    QAction *m_deletePermanently = nullptr;
};

} // namespace poplar::ui
