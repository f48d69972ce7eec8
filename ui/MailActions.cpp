// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailActions.h"

#include "CacheTask.h"
#include "MessageListModel.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "store/MessageStore.h"
#include "sync/MessageActions.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QUndoCommand>
#include <QUndoStack>

namespace poplar::ui {

using store::Folder;

/// One Delete (to Trash) or Restore (to the Inbox) of some messages, undoable.
class MailActions::MoveCommand : public QUndoCommand {
public:
    MoveCommand(MailActions *actions, QList<qint64> ids, bool toTrash)
        : QUndoCommand(toTrash ? MailActions::tr("Delete") : MailActions::tr("Restore"))
        , m_actions(actions)
        , m_ids(std::move(ids))
        , m_toTrash(toTrash)
    {}

    void redo() override
    {
        const int row = m_actions->firstRowOf(m_ids);
        m_moved = m_actions->move(m_ids, m_toTrash);
        // Nothing moved (the cache said no): nothing to undo either.
        setObsolete(m_moved.isEmpty());
        m_actions->showMoved(m_moved, row);
    }

    void undo() override
    {
        const QList<qint64> back = m_actions->move(m_moved, !m_toTrash);
        m_actions->showMoved(back, -1);
        m_actions->selectIds(back);
    }

private:
    MailActions *m_actions;
    QList<qint64> m_ids;
    QList<qint64> m_moved;
    bool m_toTrash;
};

MailActions::MailActions(Services services, QTableView *list, MessageListModel *model,
                         QWidget *dialogParent)
    : QObject(dialogParent)
    , m_services(services)
    , m_list(list)
    , m_model(model)
    , m_dialogParent(dialogParent)
    , m_stack(new QUndoStack(this))
{
    QStyle *s = dialogParent->style();
    m_delete = new QAction(
        QIcon::fromTheme(QStringLiteral("edit-delete"), s->standardIcon(QStyle::SP_TrashIcon)),
        tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setToolTip(tr("Move the selected messages to Trash (Del)"));
    connect(m_delete, &QAction::triggered, this, &MailActions::deleteSelected);

    m_restore =
        new QAction(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Restore to Inbox"), this);
    m_restore->setObjectName(QStringLiteral("restoreAction"));
    m_restore->setToolTip(tr("Move the selected messages out of Trash, back to the Inbox"));
    connect(m_restore, &QAction::triggered, this, &MailActions::restoreSelected);

    m_undo = m_stack->createUndoAction(this, tr("&Undo"));
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redo = m_stack->createRedoAction(this, tr("&Redo"));
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));

    m_emptyTrash =
        new QAction(QIcon::fromTheme(QStringLiteral("trash-empty")), tr("Empty &Trash…"), this);
    m_emptyTrash->setObjectName(QStringLiteral("emptyTrashAction"));
    m_emptyTrash->setToolTip(
        tr("Delete the messages in this account's Trash from this computer for good"));
    connect(m_emptyTrash, &QAction::triggered, this, &MailActions::emptyTrash);

    m_deletePermanently = new QAction(tr("Delete &Permanently…"), this);
    m_deletePermanently->setObjectName(QStringLiteral("deletePermanentlyAction"));
    m_deletePermanently->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_deletePermanently->setToolTip(
        tr("Delete the selected messages from this computer without passing through Trash"));
    connect(m_deletePermanently, &QAction::triggered, this,
            &MailActions::deleteSelectedPermanently);
    updateActions();
}

MailActions::~MailActions() = default;

void MailActions::updateActions()
{
    const bool any = !m_list->selectionModel()->selectedRows().isEmpty();
    const bool inTrash = m_model->folder() == Folder::Trash;
    m_delete->setEnabled(any);
    m_deletePermanently->setEnabled(any);
    m_restore->setEnabled(any && inTrash);
    m_emptyTrash->setEnabled(!m_model->accountId().isEmpty());
}

QList<qint64> MailActions::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(index.data(MessageListModel::MessageIdRole).toLongLong());
    return ids;
}

void MailActions::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (m_model->folder() == Folder::Trash) {
        Q_EMIT notice(tr("These messages are in Trash already; Empty Trash deletes them for "
                         "good."));
        return;
    }
    m_stack->push(new MoveCommand(this, ids, true));
}

void MailActions::restoreSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || m_model->folder() != Folder::Trash)
        return;
    m_stack->push(new MoveCommand(this, ids, false));
}

QList<qint64> MailActions::move(const QList<qint64> &ids, bool toTrash)
{
    QList<qint64> moved;
    for (qint64 id : ids) {
        const Status s =
            toTrash ? m_services.actions.moveToTrash(id) : m_services.actions.restore(id);
        if (!s) {
            Q_EMIT failed(s.error().message());
            break;
        }
        moved.append(id);
    }
    if (!moved.isEmpty()) {
        Q_EMIT trashChanged();
        const int n = int(moved.size());
        // Singular and plural spelled out: English has no .qm file to choose between them.
        if (toTrash)
            Q_EMIT notice(n == 1 ? tr("Moved 1 message to Trash.")
                                 : tr("Moved %1 messages to Trash.").arg(n));
        else
            Q_EMIT notice(n == 1 ? tr("Moved 1 message back to the Inbox.")
                                 : tr("Moved %1 messages back to the Inbox.").arg(n));
    }
    return moved;
}

int MailActions::firstRowOf(const QList<qint64> &ids) const
{
    int first = -1;
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && (first < 0 || row < first))
            first = row;
    }
    return first;
}

void MailActions::showMoved(const QList<qint64> &ids, int row)
{
    if (ids.isEmpty())
        return;
    for (qint64 id : ids)
        m_model->removeMessage(id);
    // Those that came into the folder shown appear in it (a local folder is read again:
    // its rows do not say which local folder they belong to).
    if (m_model->localFolder().isEmpty())
        m_model->addMessages(ids);
    else
        m_model->reload();
    if (row >= 0)
        selectRow(std::min(row, m_model->rowCount() - 1));
}

void MailActions::selectIds(const QList<qint64> &ids)
{
    QItemSelection selection;
    int current = -1;
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        selection.select(m_model->index(row, 0),
                         m_model->index(row, MessageListModel::ColumnCount - 1));
        if (current < 0)
            current = row;
    }
    if (current < 0)
        return;
    m_list->selectionModel()->setCurrentIndex(m_model->index(current, 0),
                                              QItemSelectionModel::NoUpdate);
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    m_list->scrollTo(m_model->index(current, 0));
}

void MailActions::selectRow(int row)
{
    if (row < 0) {
        m_list->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_list->scrollTo(index);
}

bool MailActions::confirmDestructive(const Question &question) const
{
    // Cancel is the default: Enter must never destroy mail by accident. The object names
    // ("<name>Question", "confirm<Name>") are what tests answer.
    QMessageBox box(QMessageBox::Warning, question.title, question.text, QMessageBox::NoButton,
                    m_dialogParent);
    box.setObjectName(question.name + QStringLiteral("Question"));
    box.setInformativeText(question.consequence);
    QPushButton *confirm = box.addButton(question.confirm, QMessageBox::DestructiveRole);
    QString name = question.name;
    name[0] = name[0].toUpper();
    confirm->setObjectName(QStringLiteral("confirm") + name);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == confirm;
}

void MailActions::deleteSelectedPermanently()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const Question question{
        QStringLiteral("deletePermanently"), tr("Delete Permanently"),
        ids.size() == 1
            ? tr("Delete the selected message from this computer for good?")
            : tr("Delete the %1 selected messages from this computer for good?").arg(ids.size()),
        tr("This cannot be undone. The server copy is deleted at the next check if the account "
           "deletes there what is deleted here."),
        tr("Delete")};
    if (!confirmDestructive(question))
        return;
    const int row = firstRowOf(ids);
    QList<qint64> gone;
    for (qint64 id : ids) {
        if (Status s = m_services.actions.deletePermanently(id); !s) {
            Q_EMIT failed(s.error().message());
            break;
        }
        gone.append(id);
    }
    if (gone.isEmpty())
        return;
    Q_EMIT trashChanged();
    // Undoing an earlier move of a message that is gone can only fail: forget them all.
    m_stack->clear();
    for (qint64 id : std::as_const(gone))
        m_model->removeMessage(id);
    selectRow(std::min(row, m_model->rowCount() - 1));
    Q_EMIT notice(gone.size() == 1 ? tr("Deleted 1 message for good.")
                                   : tr("Deleted %1 messages for good.").arg(gone.size()));
}

void MailActions::emptyTrash()
{
    const QString accountId = m_model->accountId();
    if (accountId.isEmpty())
        return;
    const auto count = m_services.messages.count(Folder::Trash, accountId);
    if (!count) {
        Q_EMIT failed(count.error().message());
        return;
    }
    const std::optional<Account> account = m_services.accounts.account(accountId);
    const QString name = account ? account->name : tr("Local Folders");
    if (count.value() == 0) {
        Q_EMIT notice(tr("The Trash of %1 is empty.").arg(name));
        return;
    }
    const Question question{
        QStringLiteral("emptyTrash"), tr("Empty Trash"),
        count.value() == 1
            ? tr("Delete the message in the Trash of %1 from this computer for good?").arg(name)
            : tr("Delete the %1 messages in the Trash of %2 from this computer for good?")
                  .arg(count.value())
                  .arg(name),
        tr("This cannot be undone. Copies still on the server stay there and are not "
           "downloaded again."),
        tr("Empty Trash")};
    if (confirmDestructive(question))
        purgeTrash(accountId);
}

void MailActions::purgeTrash(const QString &accountId)
{
    m_emptyTrash->setEnabled(false);
    runOnCache<int>(
        this, m_services.profile.cachePath(),
        [accountId](QSqlDatabase db) {
            return store::MessageStore(std::move(db)).purgeTrash(accountId);
        },
        [this, accountId](Result<int> purged) {
            updateActions();
            if (!purged) {
                Q_EMIT failed(purged.error().message());
                return;
            }
            // Undoing a delete of a message that is gone can only fail: forget them all.
            m_stack->clear();
            if (m_model->accountId() == accountId && m_model->folder() == Folder::Trash)
                m_model->reload();
            Q_EMIT notice(purged.value() == 1
                              ? tr("Deleted 1 message from Trash.")
                              : tr("Deleted %1 messages from Trash.").arg(purged.value()));
            Q_EMIT trashEmptied(accountId, purged.value());
            Q_EMIT trashChanged();
        });
}

} // namespace poplar::ui
