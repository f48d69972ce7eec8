// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailActions.h"

#include "CacheChangeQueue.h"
#include "MessageListModel.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "store/MessageStore.h"
#include "sync/BulkActions.h"

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

namespace {

/// Messages that come into the folder shown are put in place one by one up to this many;
/// more, and the folder is read again (one query instead of one per message).
constexpr qsizetype placeOneByOne = 256;

} // namespace

/// One Delete (to Trash) or Restore (to the Inbox) of some messages, undoable. Undo moves
/// back those of them that are where the command put them.
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
        m_actions->move(m_ids, m_toTrash ? Folder::Trash : Folder::Inbox, false);
    }
    void undo() override
    {
        m_actions->move(m_ids, m_toTrash ? Folder::Inbox : Folder::Trash, true);
    }

private:
    MailActions *m_actions;
    QList<qint64> m_ids;
    bool m_toTrash;
};

MailActions::MailActions(Services services, CacheChangeQueue *changes, QTableView *list,
                         MessageListModel *model, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_services(services)
    , m_changes(changes)
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
    const bool any = m_list->selectionModel()->hasSelection();
    const bool inTrash = m_model->folder() == Folder::Trash;
    m_delete->setEnabled(any);
    m_deletePermanently->setEnabled(any);
    m_restore->setEnabled(any && inTrash);
    m_emptyTrash->setEnabled(!m_model->accountId().isEmpty());
}

QList<qint64> MailActions::selectedIds() const
{
    return m_model->idsIn(m_list->selectionModel()->selection());
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

void MailActions::move(const QList<qint64> &ids, Folder to, bool selectMoved)
{
    if (ids.isEmpty())
        return;
    // The rows leave the folder shown now; in the folder they go to, they come once stored.
    if (m_model->folder() != to) {
        if (selectMoved)
            m_model->removeMessages(QSet<qint64>(ids.cbegin(), ids.cend()));
        else
            removeRows(ids);
    }
    const bool toTrash = to == Folder::Trash;
    m_changes->run(
        toTrash ? tr("Moving messages to Trash") : tr("Moving messages back to the Inbox"),
        ids.size(),
        [ids, toTrash](sync::BulkActions &actions) {
            return toTrash ? actions.moveToTrash(ids) : actions.restore(ids);
        },
        this,
        [this, to, selectMoved](const sync::BulkOutcome &outcome) {
            moved(outcome, to, selectMoved);
        });
}

void MailActions::moved(const sync::BulkOutcome &outcome, Folder to, bool selectMoved)
{
    showWhere(outcome, to);
    if (outcome.changed.isEmpty())
        return;
    Q_EMIT trashChanged();
    if (outcome.ok()) {
        const qsizetype n = outcome.changed.size();
        // Singular and plural spelled out: English has no .qm file to choose between them.
        if (to == Folder::Trash)
            Q_EMIT notice(n == 1 ? tr("Moved 1 message to Trash.")
                                 : tr("Moved %1 messages to Trash.").arg(n));
        else
            Q_EMIT notice(n == 1 ? tr("Moved 1 message back to the Inbox.")
                                 : tr("Moved %1 messages back to the Inbox.").arg(n));
    }
    if (selectMoved)
        selectIds(outcome.changed);
}

void MailActions::removeRows(const QList<qint64> &ids)
{
    const QList<int> rows = m_model->rowsOf(QSet<qint64>(ids.cbegin(), ids.cend()));
    if (rows.isEmpty())
        return;
    m_model->removeMessages(QSet<qint64>(ids.cbegin(), ids.cend()));
    selectRow(std::min(rows.first(), m_model->rowCount() - 1));
}

void MailActions::showWhere(const sync::BulkOutcome &outcome, std::optional<Folder> folder)
{
    if (!outcome.ok()) {
        Q_EMIT failed(outcome.error->message());
        m_model->reload();
        return;
    }
    const QList<qint64> &ids = outcome.changed;
    if (ids.isEmpty())
        return;
    if (!folder || m_model->folder() != *folder) {
        // Gone, or gone elsewhere: the rows leave, if the list read them before the change,
        // and the unread ones are counted in the cache as it is now.
        m_model->removeMessages(QSet<qint64>(ids.cbegin(), ids.cend()));
        m_model->recountUnread();
        return;
    }
    // A local folder is read again: its rows do not say which local folder they are in.
    if (!m_model->localFolder().isEmpty() || ids.size() > placeOneByOne)
        m_model->reload();
    else
        m_model->addMessages(ids);
}

void MailActions::selectIds(const QList<qint64> &ids)
{
    const QList<int> rows = m_model->rowsOf(QSet<qint64>(ids.cbegin(), ids.cend()));
    if (rows.isEmpty())
        return;
    // One range for each run of adjacent rows, not one per row.
    QItemSelection selection;
    const int last = MessageListModel::ColumnCount - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        selection.select(m_model->index(rows.at(i), 0), m_model->index(rows.at(j), last));
        i = j + 1;
    }
    const QModelIndex current = m_model->index(rows.first(), 0);
    m_list->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    m_list->scrollTo(current);
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
    removeRows(ids);
    // Undoing an earlier move of a message that is gone can only fail: forget them all.
    m_stack->clear();
    m_changes->run(
        tr("Deleting messages for good"), ids.size(),
        [ids](sync::BulkActions &actions) { return actions.deletePermanently(ids); }, this,
        [this](const sync::BulkOutcome &outcome) {
            showWhere(outcome, std::nullopt);
            if (outcome.changed.isEmpty())
                return;
            Q_EMIT trashChanged();
            const qsizetype n = outcome.changed.size();
            if (outcome.ok())
                Q_EMIT notice(n == 1 ? tr("Deleted 1 message for good.")
                                     : tr("Deleted %1 messages for good.").arg(n));
        });
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
    const QString name = accountName(accountId);
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
    // Undoing a delete of a message that is gone can only fail: forget them all.
    m_stack->clear();
    const auto showsThisTrash = [this, accountId] {
        return m_model->accountId() == accountId && m_model->folder() == Folder::Trash &&
               m_model->localFolder().isEmpty();
    };
    if (showsThisTrash()) {
        const QList<qint64> &shown = m_model->folderMessages();
        m_model->removeMessages(QSet<qint64>(shown.cbegin(), shown.cend()));
    }
    m_changes->run(
        tr("Emptying the Trash of %1").arg(accountName(accountId)), 0,
        [accountId](sync::BulkActions &actions) { return actions.purgeTrash(accountId); }, this,
        [this, accountId, showsThisTrash](const sync::BulkOutcome &outcome) {
            updateActions();
            m_stack->clear(); // deletes made meanwhile went into this Trash too
            if (!outcome.ok()) {
                Q_EMIT failed(outcome.error->message());
                if (showsThisTrash())
                    m_model->reload(); // what is left of it
            } else if (showsThisTrash()) {
                m_model->removeMessages(
                    QSet<qint64>(outcome.changed.cbegin(), outcome.changed.cend()));
                m_model->recountUnread();
            }
            if (outcome.count == 0 && !outcome.ok())
                return;
            const qint64 n = outcome.count;
            if (outcome.ok())
                Q_EMIT notice(n == 1 ? tr("Deleted 1 message from Trash.")
                                     : tr("Deleted %1 messages from Trash.").arg(n));
            Q_EMIT trashEmptied(accountId, int(n));
            Q_EMIT trashChanged();
        });
}

QString MailActions::accountName(const QString &accountId) const
{
    if (accountId == store::MessageStore::localAccountId())
        return tr("Local Folders");
    const std::optional<Account> account = m_services.accounts.account(accountId);
    return account ? account->name : accountId;
}

} // namespace poplar::ui
