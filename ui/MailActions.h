// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"

#include "store/MessageSummary.h"

#include <QList>
#include <QObject>

class QAction;
class QTableView;
class QUndoStack;
class QWidget;

namespace poplar::sync {
struct BulkOutcome;
}

namespace poplar::ui {

class CacheChangeQueue;
class MessageListModel;

/// Delete, Restore, Undo/Redo and Empty Trash, as the message list offers them. Each is one
/// change to the cache through `changes` (sync::BulkActions, so the server deletion queue
/// follows it), whatever the number of messages: the rows leave the list at once, and the
/// cache follows on the change queue's worker when there are many. Delete and Restore go
/// onto an undo stack; Empty Trash and Delete Permanently ask first and cannot be undone.
/// GUI thread.
class MailActions : public QObject {
    Q_OBJECT

public:
    /// `services`, `changes`, `list` and `model` must outlive this; `dialogParent` parents
    /// the questions.
    MailActions(Services services, CacheChangeQueue *changes, QTableView *list,
                MessageListModel *model, QWidget *dialogParent);
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
    /// Asks, then purges the Trash of the account shown on the change queue's worker.
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
    void selectIds(const QList<qint64> &ids);
    /// Moves these messages (to Trash, or back to the Inbox). The rows leave the folder
    /// shown at once and the selection goes to the row after them, or, with `selectMoved`,
    /// the messages are selected where they arrive.
    void move(const QList<qint64> &ids, store::Folder to, bool selectMoved);
    void moved(const sync::BulkOutcome &outcome, store::Folder to, bool selectMoved);
    /// Drops these rows, and selects the row that took the place of the first of them.
    void removeRows(const QList<qint64> &ids);
    /// A change ended: the list shows where these messages are now (in `folder`, or gone
    /// when nullopt), whatever folder it shows by then. After an error it is read again, as
    /// rows may have left it for a change that was not made.
    void showWhere(const sync::BulkOutcome &outcome, std::optional<store::Folder> folder);
    void selectRow(int row);
    [[nodiscard]] QString accountName(const QString &accountId) const;

    Services m_services;
    CacheChangeQueue *m_changes;
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
