// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReadingActions.h"

#include "CacheChangeQueue.h"
#include "MessageListModel.h"
#include "MessageWindow.h"

#include "store/MessageStore.h"
#include "sync/BulkActions.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMimeData>
#include <QTableView>

namespace poplar::ui {

namespace {

/// The local files among dropped URLs: what can be opened as messages.
QStringList localFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

ReadingActions::ReadingActions(QWidget *window, QTableView *list, MessageListModel *model,
                               store::MessageStore &store, CacheChangeQueue *changes,
                               ReadingPreferences *preferences, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_list(list)
    , m_model(model)
    , m_store(store)
    , m_changes(changes)
    , m_preferences(preferences)
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &key) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        return action;
    };
    m_openFile =
        make(tr("&Open Message File…"), QStringLiteral("openFileAction"), QKeySequence::Open);
    m_openInWindow = make(tr("Open in &Window"), QStringLiteral("openInWindowAction"),
                          QKeySequence(Qt::Key_Return));
    // Enter on the keypad too, but only while the list has the focus: Return in the search
    // box must stay the search box's.
    m_openInWindow->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_openInWindow->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_list->addAction(m_openInWindow);
    m_viewSource = make(tr("View &Source"), QStringLiteral("viewSourceAction"),
                        QKeySequence(Qt::CTRL | Qt::Key_U));
    m_toggleRead = make(tr("Mark as Read/&Unread"), QStringLiteral("toggleReadAction"),
                        QKeySequence(Qt::Key_M));
    m_toggleFlag =
        make(tr("&Flag/Unflag"), QStringLiteral("toggleFlagAction"), QKeySequence(Qt::Key_S));
    m_nextUnread =
        make(tr("&Next Unread"), QStringLiteral("nextUnreadAction"), QKeySequence(Qt::Key_N));
    m_previousUnread = make(tr("&Previous Unread"), QStringLiteral("previousUnreadAction"),
                            QKeySequence(Qt::Key_P));
    // Single letters would swallow typing anywhere else (the search box): list only.
    for (QAction *action : {m_toggleRead, m_toggleFlag, m_nextUnread, m_previousUnread}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_list->addAction(action);
    }

    connect(m_openFile, &QAction::triggered, this, &ReadingActions::chooseFiles);
    connect(m_openInWindow, &QAction::triggered, this, &ReadingActions::openInWindow);
    connect(m_viewSource, &QAction::triggered, this, &ReadingActions::viewSource);
    connect(m_toggleRead, &QAction::triggered, this, &ReadingActions::toggleRead);
    connect(m_toggleFlag, &QAction::triggered, this, &ReadingActions::toggleFlag);
    connect(m_nextUnread, &QAction::triggered, this, [this] { goToUnread(+1); });
    connect(m_previousUnread, &QAction::triggered, this, [this] { goToUnread(-1); });
    connect(m_list, &QAbstractItemView::doubleClicked, this, &ReadingActions::openInWindow);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReadingActions::updateEnabled);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReadingActions::updateEnabled);
    updateEnabled();

    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);
}

void ReadingActions::openFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        QString error;
        if (MessageWindow *window = MessageWindow::openFile(path, &error, m_preferences, m_window))
            Q_EMIT windowOpened(window);
        else
            Q_EMIT failed(error);
    }
}

bool ReadingActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::DragEnter) {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (!localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = localFiles(drop->mimeData());
        if (!files.isEmpty()) {
            drop->acceptProposedAction();
            openFiles(files);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

qint64 ReadingActions::currentId() const
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    return current.isValid() ? current.data(MessageListModel::MessageIdRole).toLongLong() : 0;
}

QByteArray ReadingActions::currentRaw() const
{
    const qint64 id = currentId();
    if (id <= 0)
        return {};
    Result<QByteArray> raw = m_store.raw(id);
    if (!raw) {
        Q_EMIT const_cast<ReadingActions *>(this)->failed(raw.error().message());
        return {};
    }
    return raw.value();
}

void ReadingActions::chooseFiles()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(m_window, tr("Open Message File"), QString(),
                                      tr("Messages (*.eml *.msg *.txt);;All files (*)"));
    openFiles(files);
}

void ReadingActions::openInWindow()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    if (current.isValid() && m_model->summaryAt(current.row()).folder == store::Folder::Drafts) {
        Q_EMIT draftChosen(currentId());
        return;
    }
    const QByteArray raw = currentRaw();
    if (raw.isEmpty())
        return;
    auto *window = new MessageWindow(currentId(), raw, QString(), m_preferences, m_window);
    Q_EMIT windowOpened(window);
    window->show();
}

void ReadingActions::viewSource()
{
    const QByteArray raw = currentRaw();
    if (!raw.isEmpty()) {
        const QModelIndex current = m_list->selectionModel()->currentIndex();
        const QString subject =
            m_model->summaryAt(current.row()).subject; // the title says whose source it is
        MessageWindow::showSource(raw, subject, m_window);
    }
}

QList<qint64> ReadingActions::targetIds() const
{
    QList<qint64> ids = m_model->idsIn(m_list->selectionModel()->selection());
    if (ids.isEmpty() && currentId() > 0)
        ids.append(currentId());
    return ids;
}

void ReadingActions::toggleRead()
{
    const qint64 id = currentId();
    if (id <= 0)
        return;
    const int row = m_list->selectionModel()->currentIndex().row();
    const bool seen = !m_model->summaryAt(row).seen;
    const QList<qint64> ids = targetIds();
    // The list shows it at once; the cache follows (on the change queue's worker when
    // there are many).
    m_model->setSeen(ids, seen);
    m_changes->run(
        seen ? tr("Marking messages as read") : tr("Marking messages as unread"), ids.size(),
        [ids, seen](sync::BulkActions &actions) { return actions.setSeen(ids, seen); }, this,
        [this](const sync::BulkOutcome &outcome) { changed(outcome); });
}

void ReadingActions::toggleFlag()
{
    const qint64 id = currentId();
    if (id <= 0)
        return;
    const bool flagged =
        !m_model->summaryAt(m_list->selectionModel()->currentIndex().row()).flagged;
    const QList<qint64> ids = targetIds();
    m_model->setFlagged(ids, flagged);
    m_changes->run(
        flagged ? tr("Flagging messages") : tr("Removing flags"), ids.size(),
        [ids, flagged](sync::BulkActions &actions) { return actions.setFlagged(ids, flagged); },
        this, [this](const sync::BulkOutcome &outcome) { changed(outcome); });
}

void ReadingActions::changed(const sync::BulkOutcome &outcome)
{
    if (!outcome.ok())
        Q_EMIT failed(outcome.error->message());
    // Rows read from the cache before the change was stored show it now (or, after an
    // error, show what is stored).
    m_model->rereadChanged();
}

void ReadingActions::goToUnread(int step)
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    // The model asks the cache, not every row on the way: a large folder stays fast.
    const int from = current.isValid() ? current.row() : (step > 0 ? -1 : m_model->rowCount());
    const int row = m_model->nextUnreadRow(from, step);
    if (row >= 0) {
        m_list->selectRow(row);
        m_list->scrollTo(m_model->index(row, 0));
        return;
    }
    Q_EMIT notice(step > 0 ? tr("No unread message below this one")
                           : tr("No unread message above this one"));
}

void ReadingActions::updateEnabled()
{
    const bool hasMessage = currentId() > 0;
    for (QAction *action : {m_openInWindow, m_viewSource, m_toggleRead, m_toggleFlag})
        action->setEnabled(hasMessage);
}

} // namespace poplar::ui
