// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "store/ServerPolicyStore.h"
#include "sync/CheckScheduler.h"
#include "sync/MessageActions.h"

#include "FolderTree.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "SettingsDialog.h"
#include "WindowSettingsKeys.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "store/MessageStore.h"
#include "sync/SyncController.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace poplar::ui {

using store::Folder;

namespace {

constexpr int transientMs = 6000;

QString errorColor()
{
    return QStringLiteral("#c01c28");
}

} // namespace

MainWindow::MainWindow(Services services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    setWindowTitle(tr("Poplar"));
    setObjectName(QStringLiteral("mainWindow"));
    m_model = new MessageListModel(m_services.messages, this);
    createActions();
    createWidgets();

    sync::SyncController &sync = m_services.sync;
    connect(&sync, &sync::SyncController::started, this, &MainWindow::syncStarted);
    connect(&sync, &sync::SyncController::progress, this, &MainWindow::syncProgress);
    connect(&sync, &sync::SyncController::messagesStored, this, &MainWindow::syncStored);
    connect(&sync, &sync::SyncController::finished, this, &MainWindow::syncFinished);
    connect(m_model, &MessageListModel::loadFailed, this,
            [this](const QString &message) { setStatus(message, true); });

    restoreLayout();
    // Sorting starts once the header's saved indicator (date, newest first) is in place.
    m_list->setSortingEnabled(true);
    reloadAccounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QStyle *s = style();
    m_getMessagesAction = new QAction(
        QIcon::fromTheme(QStringLiteral("mail-receive"), s->standardIcon(QStyle::SP_BrowserReload)),
        tr("&Get Messages"), this);
    m_getMessagesAction->setObjectName(QStringLiteral("getMessagesAction"));
    m_getMessagesAction->setShortcut(QKeySequence::Refresh); // F5
    m_getMessagesAction->setToolTip(tr("Download new mail for every account (F5)"));
    connect(m_getMessagesAction, &QAction::triggered, this, &MainWindow::getMessages);

    m_settingsAction =
        new QAction(QIcon::fromTheme(QStringLiteral("preferences-system"),
                                     s->standardIcon(QStyle::SP_FileDialogDetailedView)),
                    tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_quitAction =
        new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_deleteAction = new QAction(
        QIcon::fromTheme(QStringLiteral("edit-delete"), s->standardIcon(QStyle::SP_TrashIcon)),
        tr("&Delete"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setToolTip(tr("Move the selected messages to Trash (Del)"));
    m_deleteAction->setEnabled(false);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_getMessagesAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *message = menuBar()->addMenu(tr("&Message"));
    message->addAction(m_deleteAction);

    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(m_getMessagesAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addSeparator();
    toolBar->addAction(m_settingsAction);
}

void MainWindow::createWidgets()
{
    m_folders = new FolderTree(this);
    m_folders->setObjectName(QStringLiteral("folderTree"));
    connect(m_folders, &FolderTree::folderSelected, this, &MainWindow::showFolderContents);

    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView *header = m_list->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    header->resizeSection(MessageListModel::FromColumn, 220);
    // Wide enough for the longest date, in bold (unread); the size for "999 KB".
    QFont bold = m_list->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString longestDate =
        MessageListModel::formatDate(QDateTime(QDate(2000, 12, 28), QTime(23, 58)).toUTC());
    header->resizeSection(MessageListModel::DateColumn,
                          boldMetrics.horizontalAdvance(longestDate) + 24);
    header->resizeSection(MessageListModel::SizeColumn,
                          boldMetrics.horizontalAdvance(QStringLiteral("999 MB")) + 24);
    header->setSortIndicator(MessageListModel::DateColumn, Qt::DescendingOrder);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::messageSelectionChanged);

    m_view = new MessageView(this);
    m_view->setObjectName(QStringLiteral("messageView"));

    m_messageSplitter = new QSplitter(Qt::Vertical, this);
    m_messageSplitter->setObjectName(QStringLiteral("messageSplitter"));
    m_messageSplitter->addWidget(m_list);
    m_messageSplitter->addWidget(m_view);
    m_messageSplitter->setChildrenCollapsible(false);
    m_messageSplitter->setStretchFactor(1, 1);

    m_noAccounts = new QWidget(this);
    auto *hint = new QLabel(tr("No accounts yet — open Settings to add one."), m_noAccounts);
    hint->setObjectName(QStringLiteral("noAccountsHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    QFont hintFont = hint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.2);
    hint->setFont(hintFont);
    auto *openSettings =
        new QPushButton(m_settingsAction->icon(), tr("Open Settings…"), m_noAccounts);
    connect(openSettings, &QPushButton::clicked, this, &MainWindow::openSettings);
    auto *hintLayout = new QVBoxLayout(m_noAccounts);
    hintLayout->addStretch(1);
    hintLayout->addWidget(hint);
    hintLayout->addWidget(openSettings, 0, Qt::AlignHCenter);
    hintLayout->addStretch(2);

    m_center = new QStackedWidget(this);
    m_center->addWidget(m_messageSplitter);
    m_center->addWidget(m_noAccounts);

    m_folderSplitter = new QSplitter(Qt::Horizontal, this);
    m_folderSplitter->setObjectName(QStringLiteral("folderSplitter"));
    m_folderSplitter->addWidget(m_folders);
    m_folderSplitter->addWidget(m_center);
    m_folderSplitter->setChildrenCollapsible(false);
    m_folderSplitter->setStretchFactor(1, 1);
    setCentralWidget(m_folderSplitter);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("syncStatus"));
    m_statusLabel->setTextFormat(Qt::RichText); // every piece is escaped in setStatus()
    m_statusLabel->setContentsMargins(4, 0, 0, 0);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("messageCount"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_countLabel);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &MainWindow::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateCount);
}

void MainWindow::showFolder(const QString &accountId, Folder folder)
{
    m_folders->selectFolder(accountId, folder);
}

void MainWindow::getMessages()
{
    const QList<Account> accounts = m_services.accounts.accounts();
    if (accounts.isEmpty()) {
        setStatus(tr("No accounts yet — open Settings to add one."));
        return;
    }
    for (const Account &account : accounts) {
        if (m_scheduler)
            m_scheduler->noteChecked(account.id);
        m_services.sync.syncAccount(account);
    }
}

void MainWindow::startScheduledChecks()
{
    if (m_scheduler)
        return;
    // LOGIN-DELAY as the servers told it, from this thread's own cache connection.
    auto nextLogin = [db = m_services.messages.database()](const QString &accountId) {
        auto policy = store::ServerPolicyStore(db).load(accountId);
        return policy ? policy.value().nextLoginAllowed() : QDateTime();
    };
    m_scheduler = new sync::CheckScheduler(m_services.accounts, nextLogin, systemClock(), this);
    connect(m_scheduler, &sync::CheckScheduler::checkDue, this,
            [this](const Account &account) { m_services.sync.syncAccount(account); });
    m_scheduler->start();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_services.accounts, m_services.secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::accountRemoved, this, &MainWindow::dropAccountMessages);
    connect(dialog, &SettingsDialog::accountsChanged, this, &MainWindow::reloadAccounts);
    dialog->open();
}

void MainWindow::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (m_model->folder() == Folder::Trash) {
        statusBar()->showMessage(
            tr("Messages in Trash cannot be deleted for good yet; they stay in Trash."),
            transientMs);
        return;
    }
    int nextRow = m_model->rowCount();
    int moved = 0;
    for (qint64 id : ids) {
        nextRow = std::min(nextRow, m_model->rowOf(id));
        if (Status s = m_services.actions.moveToTrash(id); !s) {
            setStatus(s.error().message(), true);
            break;
        }
        m_model->removeMessage(id);
        ++moved;
    }
    selectRow(std::min(nextRow, m_model->rowCount() - 1));
    if (moved > 0)
        statusBar()->showMessage(moved == 1 ? tr("Moved 1 message to Trash.")
                                            : tr("Moved %1 messages to Trash.").arg(moved),
                                 transientMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::reloadAccounts()
{
    QString currentAccount = m_model->accountId();
    Folder currentFolder = m_model->folder();

    const QList<Account> accounts = m_services.accounts.accounts();
    m_accountNames.clear();
    for (const Account &a : accounts)
        m_accountNames.insert(a.id, a.name);
    m_folders->setAccounts(accounts);
    // Shown again even when it was shown before: the account may have changed.
    m_view->clear();
    m_model->setFolder({}, Folder::Inbox);

    if (accounts.isEmpty()) {
        m_center->setCurrentWidget(m_noAccounts);
        return;
    }
    m_center->setCurrentWidget(m_messageSplitter);
    if (!m_accountNames.contains(currentAccount)) {
        currentAccount = accounts.first().id;
        currentFolder = Folder::Inbox;
    }
    showFolder(currentAccount, currentFolder);
}

void MainWindow::showFolderContents(const QString &accountId, Folder folder)
{
    if (accountId == m_model->accountId() && folder == m_model->folder())
        return;
    m_view->clear();
    m_model->setFolder(accountId, folder);
    m_deleteAction->setEnabled(false);
}

void MainWindow::messageSelectionChanged()
{
    const QList<qint64> ids = selectedIds();
    m_deleteAction->setEnabled(!ids.isEmpty());
    if (ids.size() != 1) {
        m_view->clear();
        return;
    }
    const qint64 id = ids.first();
    if (id == m_view->messageId())
        return;
    Result<QByteArray> raw = m_services.messages.raw(id);
    if (!raw) {
        m_view->clear();
        setStatus(raw.error().message(), true);
        return;
    }
    const int row = m_model->rowOf(id);
    if (row >= 0 && !m_model->summaryAt(row).seen) {
        if (Status s = m_services.messages.setSeen(id, true); s)
            m_model->setSeen(id, true);
        else
            setStatus(s.error().message(), true);
    }
    m_view->showMessage(id, raw.value());
}

void MainWindow::selectRow(int row)
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

QList<qint64> MainWindow::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(index.data(MessageListModel::MessageIdRole).toLongLong());
    return ids;
}

void MainWindow::dropAccountMessages(const QString &accountId)
{
    if (m_services.sync.isSyncing(accountId)) {
        // Its sync may still commit a batch: remove the messages once it has stopped.
        m_removeAfterSync.insert(accountId);
        m_services.sync.cancel(accountId);
        return;
    }
    if (Status s = m_services.messages.removeAccount(accountId); !s)
        setStatus(s.error().message(), true);
}

void MainWindow::syncStarted(const QString &accountId)
{
    if (m_progress->isHidden()) { // nothing was running: a new round begins
        m_roundLines.clear();
        m_roundHadError = false;
    }
    m_progress->setRange(0, 0); // busy until the first progress report
    m_progress->show();
    setStatus(tr("Checking %1…").arg(accountName(accountId)));
}

void MainWindow::syncProgress(const QString &accountId, int done, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    setStatus(tr("Downloading %1: %2 of %3").arg(accountName(accountId)).arg(done).arg(total));
}

void MainWindow::syncStored(const QString &accountId, const QList<qint64> &ids)
{
    if (accountId == m_model->accountId() && m_model->folder() == Folder::Inbox)
        m_model->addMessages(ids);
}

void MainWindow::syncFinished(const sync::SyncResult &result)
{
    if (m_removeAfterSync.remove(result.accountId)) {
        dropAccountMessages(result.accountId);
    } else {
        const QString name = accountName(result.accountId);
        QString line;
        if (result.error) {
            line = tr("%1: %2").arg(name, result.error->message());
            m_roundHadError = true;
        } else if (result.newMessages == 0) {
            line = tr("%1: no new messages").arg(name);
        } else if (result.newMessages == 1) {
            line = tr("%1: 1 new message").arg(name);
        } else {
            line = tr("%1: %2 new messages").arg(name).arg(result.newMessages);
        }
        m_roundLines.append(line);
        setStatus(line, result.error.has_value());
        if (!result.warnings.isEmpty())
            m_statusLabel->setToolTip(result.warnings.join(QLatin1Char('\n')));
    }
    if (!m_services.sync.isIdle())
        return;
    m_progress->hide();
    if (m_roundLines.size() > 1) {
        // One line for the whole round; errors stay red.
        QStringList html;
        for (const QString &line : std::as_const(m_roundLines))
            html.append(line.toHtmlEscaped());
        m_statusLabel->setText(html.join(QStringLiteral(" &nbsp;·&nbsp; ")));
        m_statusLabel->setStyleSheet(
            m_roundHadError ? QStringLiteral("color: %1;").arg(errorColor()) : QString());
    }
}

void MainWindow::updateCount()
{
    if (m_model->accountId().isEmpty()) {
        m_countLabel->clear();
        return;
    }
    const int total = m_model->rowCount();
    const int unread = m_model->unreadCount();
    const QString messages =
        total == 1 ? tr("1 message") : tr("%1 messages").arg(QLocale().toString(total));
    m_countLabel->setText(unread == 0 ? messages : tr("%1, %2 unread").arg(messages).arg(unread));
}

QString MainWindow::accountName(const QString &accountId) const
{
    return m_accountNames.value(accountId, accountId);
}

void MainWindow::setStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text.toHtmlEscaped());
    m_statusLabel->setToolTip(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: %1;").arg(errorColor())
                                       : QString());
}

void MainWindow::restoreLayout()
{
    QSettings settings(m_services.profile.iniPath(), QSettings::IniFormat);
    settings.beginGroup(keys::windowGroup);
    if (!restoreGeometry(settings.value(keys::geometry).toByteArray()))
        resize(1100, 720);
    restoreState(settings.value(keys::state).toByteArray());
    if (!m_folderSplitter->restoreState(settings.value(keys::folderSplitter).toByteArray()))
        m_folderSplitter->setSizes({210, width() - 210});
    if (!m_messageSplitter->restoreState(settings.value(keys::messageSplitter).toByteArray())) {
        const int h = std::max(height() - 120, 400);
        m_messageSplitter->setSizes({h * 2 / 5, h * 3 / 5});
    }
    m_list->horizontalHeader()->restoreState(settings.value(keys::listHeader).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings(m_services.profile.iniPath(), QSettings::IniFormat);
    settings.beginGroup(keys::windowGroup);
    settings.setValue(keys::geometry, saveGeometry());
    settings.setValue(keys::state, saveState());
    settings.setValue(keys::folderSplitter, m_folderSplitter->saveState());
    settings.setValue(keys::messageSplitter, m_messageSplitter->saveState());
    settings.setValue(keys::listHeader, m_list->horizontalHeader()->saveState());
}

} // namespace poplar::ui
