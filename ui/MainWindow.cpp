// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "CacheChangeQueue.h"
#include "CacheUpkeep.h"
#include "ChangeProgress.h"
#include "ComposeActions.h"
#include "FiledByLabel.h"
#include "FilterActions.h"
#include "FolderTree.h"
#include "HelpActions.h"
#include "ImportProfileDialog.h"
#include "JunkActions.h"
#include "MailActions.h"
#include "MailCheck.h"
#include "MailTransfer.h"
#include "MessageCountLabel.h"
#include "MessageListModel.h"
#include "MessageListPane.h"
#include "MessageView.h"
#include "MessageWindow.h"
#include "OutboxBar.h"
#include "PartialMessageBar.h"
#include "PasswordPrompt.h"
#include "PrintActions.h"
#include "ProtocolLogDialog.h"
#include "ReadingActions.h"
#include "ReadingPreferences.h"
#include "SearchBar.h"
#include "SearchController.h"
#include "ServerDeletionBar.h"
#include "ServerDeletions.h"
#include "SettingsDialog.h"
#include "SyncFeedback.h"
#include "SyncProgressPanel.h"
#include "TagActions.h"
#include "WindowOptions.h"
#include "WindowSettingsKeys.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "smtp/OutboxController.h"
#include "store/MessageStore.h"
#include "sync/BulkActions.h"
#include "sync/SyncController.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QHash>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace poplar::ui {

using store::Folder;

MainWindow::MainWindow(Services services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    setWindowTitle(tr("Poplar"));
    setObjectName(QStringLiteral("mainWindow"));
    m_model = new MessageListModel(m_services.messages, this);
    // Made before the actions that use it, so it is deleted before them: closing stops the
    // change running before anything it reports to is gone.
    m_changes = new CacheChangeQueue(m_services.messages.database(), m_services.accounts, this);
    // Kept for Help ▸ Protocol Log; lines stay on the sync thread until asked for.
    m_services.sync.setKeepProtocolLog(true);
    createActions();
    createWidgets();
    createMenus();

    sync::SyncController &sync = m_services.sync;
    connect(&sync, &sync::SyncController::messagesStored, this, &MainWindow::syncStored);
    connect(&sync, &sync::SyncController::finished, this, &MainWindow::syncFinished);
    // New mail's clip shows once the index knows it has attachments. The indexer reports
    // every few dozen messages: the rows are read again at most every rereadAfterIndexMs,
    // not once per report.
    m_rereadIndexed = new QTimer(this);
    m_rereadIndexed->setSingleShot(true);
    m_rereadIndexed->setInterval(rereadAfterIndexMs);
    connect(m_rereadIndexed, &QTimer::timeout, m_model, &MessageListModel::rereadSummaries);
    connect(&sync, &sync::SyncController::indexed, this, [this] {
        if (!m_rereadIndexed->isActive())
            m_rereadIndexed->start();
    });
    connect(m_check, &MailCheck::declined, m_feedback, &SyncFeedback::showStatus);
    connect(m_partialBar, &PartialMessageBar::completed, this, &MainWindow::messageCompleted);
    const auto showError = &SyncFeedback::showError;
    const auto showNotice = &SyncFeedback::showNotice;
    connect(m_model, &MessageListModel::loadFailed, m_feedback, showError);
    connect(m_search, &SearchController::failed, m_feedback, showError);
    connect(m_partialBar, &PartialMessageBar::failed, m_feedback, showError);
    connect(m_mailActions, &MailActions::failed, m_feedback, showError);
    connect(m_mailActions, &MailActions::notice, m_feedback, showNotice);
    connect(m_serverDeletions, &ServerDeletions::failed, m_feedback, showError);
    connect(m_serverDeletions, &ServerDeletions::notice, m_feedback, showNotice);
    connect(m_transfer, &MailTransfer::failed, m_feedback, showError);
    connect(m_reading, &ReadingActions::failed, m_feedback, showError);
    connect(m_tags, &TagActions::failed, m_feedback, showError);
    connect(m_junk, &JunkActions::failed, m_feedback, showError);
    connect(m_junk, &JunkActions::notice, m_feedback, showNotice);
    connect(m_junk, &JunkActions::marked, this, [this] {
        for (const Account &account : m_services.accounts.accounts())
            addFiledFolders(account.id);
    });
    connect(m_reading, &ReadingActions::notice, m_feedback, showNotice);
    connect(m_transfer, &MailTransfer::notice, m_feedback, showNotice);
    connect(m_print, &PrintActions::failed, m_feedback, showError);
    connect(m_print, &PrintActions::notice, m_feedback, showNotice);
    connect(m_filters, &FilterActions::failed, m_feedback, showError);
    connect(m_filters, &FilterActions::notice, m_feedback, showNotice);
    // Filing may make folders: the tree is read again (the list already was).
    connect(m_filters, &FilterActions::messagesFiled, this, &MainWindow::reloadAccounts);
    // A rule's "delete from the server" queues deletions: the list's markers and the bar follow.
    connect(m_filters, &FilterActions::messagesFiled, m_serverDeletions, &ServerDeletions::refresh);
    // The cache file's own upkeep, off this thread: sort keys after a change of language,
    // compacting offered once a large Trash is emptied.
    m_upkeep = new CacheUpkeep(m_services.profile.cachePath(), this, this);
    connect(m_upkeep, &CacheUpkeep::sortKeysRefreshed, m_model, &MessageListModel::reorder);
    connect(m_upkeep, &CacheUpkeep::compacted, m_feedback, showNotice);
    connect(m_upkeep, &CacheUpkeep::failed, m_feedback, showError);
    connect(m_mailActions, &MailActions::trashEmptied, m_upkeep, &CacheUpkeep::considerCompacting);
    m_upkeep->refreshSortKeys();
    connect(m_transfer, &MailTransfer::imported, this, [this](const QString &folder) {
        reloadAccounts(); // the folder may be new
        showLocalFolder(folder);
    });

    connectOutbox();

    restoreLayout();
    m_options->layoutRestored();
    // Sorting starts once the header's saved indicator (date, newest first) is in place.
    m_list->setSortingEnabled(true);
    reloadAccounts();
    installPasswordPrompt();

    // Removals of an account's mail that were cut short (the window closed, Poplar or
    // poplarctl killed): finish them. An account that is there after all was not removed.
    const QStringList unfinished = m_services.accounts.removedWithMailLeft();
    for (const QString &accountId : unfinished) {
        if (m_services.accounts.account(accountId))
            (void)m_services.accounts.mailRemoved(accountId);
        else
            dropAccountMessages(accountId);
    }
}

MainWindow::~MainWindow()
{
    m_services.passwords.setPrompt({}); // the prompts' parent is going
}

void MainWindow::installPasswordPrompt()
{
    // Window-modal and without a nested event loop: the check waits, the window does not.
    m_services.passwords.setPrompt([this](const Account &account, const QString &reason,
                                          PasswordProvider::AnswerCallback answer) {
        auto *prompt = new PasswordPrompt(account, reason, this);
        prompt->setAttribute(Qt::WA_DeleteOnClose);
        connect(prompt, &QDialog::finished, this, [prompt, answer](int result) {
            if (result != QDialog::Accepted)
                return answer(std::nullopt);
            answer(PasswordProvider::Answer{prompt->password(), prompt->remember()});
        });
        prompt->open();
    });
}

void MainWindow::createActions()
{
    m_settingsAction =
        new QAction(QIcon::fromTheme(QStringLiteral("preferences-system"),
                                     style()->standardIcon(QStyle::SP_FileDialogDetailedView)),
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

    m_findAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Find…"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find); // Ctrl+F
    m_findAction->setToolTip(tr("Search the messages of this folder (Ctrl+F)"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_searchBar->setFocus(Qt::ShortcutFocusReason);
        m_searchBar->selectAll();
    });

    m_help = new HelpActions(m_services.profile, this);

    m_importProfileAction = new QAction(tr("Import From Another &Program…"), this);
    m_importProfileAction->setObjectName(QStringLiteral("importProfileAction"));
    m_importProfileAction->setToolTip(
        tr("Move in from Thunderbird, Claws Mail, Sylpheed or Evolution: accounts, folders and "
           "what was already downloaded"));
    connect(m_importProfileAction, &QAction::triggered, this, &MainWindow::openImportProfile);

    m_protocolLogAction = new QAction(tr("&Protocol Log…"), this);
    m_protocolLogAction->setObjectName(QStringLiteral("protocolLogAction"));
    m_protocolLogAction->setToolTip(
        tr("What the last check said to each server, without passwords, to copy into a "
           "bug report"));
    connect(m_protocolLogAction, &QAction::triggered, this, &MainWindow::openProtocolLog);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_check->getMessagesAction());
    file->addAction(m_compose->newMessageAction());
    file->addAction(m_reading->openFileAction());
    file->addAction(m_options->workOfflineAction());
    file->addSeparator();
    file->addAction(m_transfer->saveAsAction());
    file->addAction(m_print->exportPdfAction());
    file->addAction(m_print->printAction());
    file->addAction(m_transfer->importMboxAction());
    file->addAction(m_transfer->importMaildirAction());
    file->addAction(m_importProfileAction);
    file->addAction(m_transfer->exportFolderAction());
    file->addSeparator();
    file->addAction(m_mailActions->emptyTrashAction());
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_mailActions->undoAction());
    edit->addAction(m_mailActions->redoAction());
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_filters->editFiltersAction());
    edit->addAction(m_tags->editTagsAction());
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_options->paneBesideAction());
    view->addAction(m_options->threadedAction());
    view->addAction(m_readingPrefs->preferPlainTextAction());
    QMenu *message = menuBar()->addMenu(tr("&Message"));
    message->addAction(m_compose->newMessageAction());
    message->addAction(m_compose->replyAction());
    message->addAction(m_compose->replyAllAction());
    message->addAction(m_compose->forwardAction());
    message->addAction(m_compose->forwardAsAttachmentAction());
    message->addSeparator();
    message->addAction(m_mailActions->deleteAction());
    message->addAction(m_mailActions->restoreAction());
    message->addAction(m_mailActions->deletePermanentlyAction());
    message->addAction(m_serverDeletions->keepOnServerAction());
    message->addSeparator();
    message->addAction(m_reading->openInWindowAction());
    message->addAction(m_reading->viewSourceAction());
    message->addAction(m_reading->toggleReadAction());
    message->addAction(m_reading->toggleFlagAction());
    message->addMenu(m_tags->menu());
    message->addAction(m_junk->junkAction());
    message->addAction(m_junk->notJunkAction());
    message->addAction(m_filters->runFiltersAction());
    message->addSeparator();
    message->addAction(m_reading->nextUnreadAction());
    message->addAction(m_reading->previousUnreadAction());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_help->gettingStartedAction());
    help->addAction(m_protocolLogAction);
    help->addSeparator();
    help->addAction(m_help->aboutAction());

    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(m_check->getMessagesAction());
    toolBar->addAction(m_compose->newMessageAction());
    toolBar->addSeparator();
    toolBar->addAction(m_compose->replyAction());
    toolBar->addAction(m_compose->replyAllAction());
    toolBar->addAction(m_compose->forwardAction());
    toolBar->addSeparator();
    toolBar->addAction(m_mailActions->deleteAction());
    toolBar->addSeparator();
    toolBar->addAction(m_settingsAction);
}

QAction *MainWindow::deleteAction() const
{
    return m_mailActions->deleteAction();
}

SyncProgressPanel *MainWindow::syncPanel() const
{
    return m_feedback->panel();
}

void MainWindow::createWidgets()
{
    m_folders = new FolderTree(this);
    m_folders->setObjectName(QStringLiteral("folderTree"));
    connect(m_folders, &FolderTree::folderSelected, this, &MainWindow::showFolderContents);
    connect(m_folders, &FolderTree::localFolderSelected, this,
            &MainWindow::showLocalFolderContents);
    connect(m_folders, &FolderTree::unifiedInboxSelected, this,
            &MainWindow::showUnifiedInboxContents);

    auto *listPane = new MessageListPane(m_model, this);
    m_list = listPane->list();
    m_searchBar = listPane->searchBar();
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::messageSelectionChanged);
    m_search = new SearchController(m_searchBar, m_list, listPane->searchResults(), m_model,
                                    m_services.profile.cachePath(), this);
    // A search's results replace the rows under the selection: the preview follows.
    connect(m_search, &SearchController::selectionReplaced, this,
            &MainWindow::messageSelectionChanged);
    m_mailActions = new MailActions(m_services, m_changes, m_list, m_model, this);
    // Server deletions queued for the next check: marked in the list, counted above Trash.
    m_serverDeletions = new ServerDeletions(m_services, this);
    m_serverDeletionBar = new ServerDeletionBar(*m_serverDeletions, listPane);
    listPane->addFolderBar(m_serverDeletionBar);
    connect(m_serverDeletions, &ServerDeletions::changed, this,
            [this] { m_model->setServerDeletions(m_serverDeletions->messageIds()); });
    connect(m_mailActions, &MailActions::trashChanged, m_serverDeletions,
            &ServerDeletions::refresh);
    m_transfer = new MailTransfer(m_services, m_model, this);
    // What waits in an account's Outbox, and why, above its list.
    m_outboxBar = new OutboxBar(m_services.outbox, m_services.accounts,
                                m_services.profile.cachePath(), listPane);
    listPane->addFolderBar(m_outboxBar);
    // Writing: the list's message (and so the viewer's) is the one answered. While working
    // offline a message waits in the Outbox.
    m_compose = new ComposeActions(m_services, this, m_list, m_model,
                                   [this] { return !m_options->isOffline(); });

    m_view = new MessageView(this);
    m_view->setObjectName(QStringLiteral("messageView"));
    m_readingPrefs = new ReadingPreferences(m_services.profile.iniPath(), m_view, this);
    m_print = new PrintActions(m_view, this);
    m_reading = new ReadingActions(this, m_list, m_model, m_services.messages, m_changes,
                                   m_readingPrefs, this);
    m_tags = new TagActions(m_list, m_model, m_services.messages.database(), m_changes, this, this);
    m_junk = new JunkActions(m_list, m_model, m_services.profile.cachePath(), this);
    m_filters = new FilterActions(m_services, m_changes, m_model, this);
    // The folder list's context menu: Run Filters Now on the folder clicked (a right click
    // makes it the current one).
    m_folders->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_folders->addAction(m_filters->runFiltersAction());
    connect(m_reading, &ReadingActions::windowOpened, m_compose, &ComposeActions::addTo);
    connect(m_reading, &ReadingActions::draftChosen, m_compose, &ComposeActions::editDraft);
    // "Download the rest" lives above the viewer, outside it: the viewer shows what it is
    // given and knows nothing of syncing.
    auto *viewPane = new QWidget(this);
    m_partialBar = new PartialMessageBar(m_services.sync, m_services.accounts, viewPane);
    auto *viewLayout = new QVBoxLayout(viewPane);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    viewLayout->setSpacing(0);
    viewLayout->addWidget(m_partialBar);
    m_filedBy = new FiledByLabel(viewPane);
    viewLayout->addWidget(m_filedBy);
    viewLayout->addWidget(m_view, 1);

    m_messageSplitter = new QSplitter(Qt::Vertical, this);
    m_messageSplitter->setObjectName(QStringLiteral("messageSplitter"));
    m_messageSplitter->addWidget(listPane);
    m_messageSplitter->addWidget(viewPane);
    m_messageSplitter->setChildrenCollapsible(false);
    m_messageSplitter->setStretchFactor(1, 1);
    m_options = new WindowOptions(m_services.profile.iniPath(), m_messageSplitter, this);
    m_check = new MailCheck(m_services, m_options, this);
    connect(m_options, &WindowOptions::offlineChanged, this, [this](bool offline) {
        if (!offline)
            sendWaiting(true); // back online: what waits goes now
    });
    m_model->setThreaded(m_options->isThreaded());
    connect(m_options, &WindowOptions::threadedChanged, m_model, &MessageListModel::setThreaded);

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

    m_feedback = new SyncFeedback(m_services.sync, m_services.accounts, this);
    m_feedback->restoreLastGoodCheck(m_services.profile.iniPath());
    statusBar()->addWidget(m_feedback->statusLabel(), 1);
    m_changeProgress = new ChangeProgress(m_changes, this);
    statusBar()->addPermanentWidget(m_changeProgress);
    statusBar()->addPermanentWidget(m_feedback->panel());
    statusBar()->addPermanentWidget(new MessageCountLabel(m_model, this));
    statusBar()->addPermanentWidget(m_feedback->lastCheckLabel());
}

void MainWindow::showFolder(const QString &accountId, Folder folder)
{
    m_folders->selectFolder(accountId, folder);
}

void MainWindow::showLocalFolder(const QString &name, const QString &accountId)
{
    m_folders->selectLocalFolder(name, accountId);
}

void MainWindow::showUnifiedInbox()
{
    m_folders->selectUnifiedInbox();
}

QAction *MainWindow::getMessagesAction() const
{
    return m_check->getMessagesAction();
}

void MainWindow::getMessages()
{
    m_check->checkAll();
}

void MainWindow::startScheduledChecks()
{
    m_check->startSchedules();
    sendWaiting(false); // what a previous run left waiting, when its time has come
}

void MainWindow::sendWaiting(bool now)
{
    if (m_options->isOffline())
        return;
    QList<Account> senders;
    for (const Account &a : m_services.accounts.accounts()) {
        if (a.canSend())
            senders.append(a);
    }
    if (!senders.isEmpty())
        m_services.outbox.sendWaiting(senders, now);
}

void MainWindow::reloadIfShown(const QString &accountId, Folder folder)
{
    if (m_model->isUnifiedInbox() || m_model->folder() != folder ||
        (!m_model->localFolder().isEmpty() && folder == Folder::Inbox &&
         m_model->accountId() == store::MessageStore::localAccountId()) ||
        (!accountId.isEmpty() && m_model->accountId() != accountId))
        return;
    const QList<qint64> selected = selectedIds();
    m_model->reload();
    if (selected.size() == 1) {
        if (const int row = m_model->rowOf(selected.first()); row >= 0)
            m_list->selectRow(row);
    }
}

void MainWindow::connectOutbox()
{
    smtp::OutboxController &outbox = m_services.outbox;
    const auto showError = &SyncFeedback::showError;
    const auto showNotice = &SyncFeedback::showNotice;
    connect(m_outboxBar, &OutboxBar::failed, m_feedback, showError);
    connect(m_compose, &ComposeActions::failed, m_feedback, showError);
    connect(m_compose, &ComposeActions::notice, m_feedback, showNotice);
    connect(m_compose, &ComposeActions::submitted, this, [this](qint64, bool sendingNow) {
        m_feedback->showNotice(sendingNow
                                   ? tr("Sending the message…")
                                   : tr("Working offline: the message waits in the Outbox and "
                                        "goes once you are online again."));
    });
    auto changed = [this] {
        m_outboxBar->refresh();
        for (Folder f : {Folder::Outbox, Folder::Sent, Folder::Drafts})
            reloadIfShown({}, f);
    };
    connect(&outbox, &smtp::OutboxController::submitted, this, changed);
    connect(&outbox, &smtp::OutboxController::edited, this, changed);
    connect(&outbox, &smtp::OutboxController::draftSaved, this,
            [this] { reloadIfShown({}, Folder::Drafts); });
    connect(&outbox, &smtp::OutboxController::messageSent, this,
            [this, changed](qint64, bool maybeTwice) {
                changed();
                if (maybeTwice)
                    m_feedback->showError(
                        tr("A message was sent again after the connection dropped at the end "
                           "of an earlier attempt: it may arrive twice."));
                else
                    m_feedback->showNotice(tr("Message sent."));
            });
    connect(
        &outbox, &smtp::OutboxController::messageNotSent, this,
        [this, changed](qint64, const Error &why, bool permanent) {
            changed();
            if (permanent)
                m_feedback->showError(tr("The server refused a message; it stays in the Outbox: %1")
                                          .arg(why.message()));
            else
                m_feedback->showNotice(tr("A message waits in the Outbox: %1").arg(why.message()));
        });
    connect(&outbox, &smtp::OutboxController::accountFinished, m_outboxBar, &OutboxBar::refresh);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_services.accounts, m_services.secrets, this);
    dialog->setPasswords(&m_services.passwords);
    dialog->setSync(&m_services.sync);
    dialog->setOutbox(&m_services.outbox);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::accountRemoved, this, &MainWindow::dropAccountMessages);
    connect(dialog, &SettingsDialog::accountsChanged, this, &MainWindow::reloadAccounts);
    dialog->open();
}

void MainWindow::openImportProfile()
{
    auto *dialog = new ImportProfileDialog(m_services, QDir::homePath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportProfileDialog::importFinished, this, [this](bool, const QString &text) {
        reloadAccounts(); // accounts and folders may be new
        m_feedback->showNotice(text);
    });
    dialog->open();
}

void MainWindow::deleteSelected()
{
    m_mailActions->deleteSelected();
}

void MainWindow::openProtocolLog()
{
    auto *dialog = new ProtocolLogDialog(m_services.sync, m_services.accounts.accounts(),
                                         m_model->accountId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
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
    const QString currentLocal = m_model->localFolder();
    const bool wasUnified = m_model->isUnifiedInbox();

    const QList<Account> accounts = m_services.accounts.accounts();
    QHash<QString, QString> names; // id → name, as the tree shows them
    for (const Account &a : accounts)
        names.insert(a.id, a.name);
    // Kept with the names of removed accounts: their mail may still be on its way out.
    m_accountNames.insert(names);
    m_feedback->setAccountNames(names);
    m_model->setAccountNames(names);
    m_serverDeletions->refresh(); // an account may be gone, or delete on the server no more
    auto localFolders = m_services.messages.localFolders();
    if (!localFolders)
        m_feedback->showError(localFolders.error().message());
    const QStringList locals = localFolders ? localFolders.value() : QStringList();
    m_shownFiledFolders = filedFolders(accounts);
    m_folders->setAccounts(accounts, locals, m_shownFiledFolders);
    // Shown again even when it was shown before: the account may have changed.
    m_view->clear();
    m_model->setFolder({}, Folder::Inbox);

    if (accounts.isEmpty() && locals.isEmpty()) {
        m_center->setCurrentWidget(m_noAccounts);
        return;
    }
    m_center->setCurrentWidget(m_messageSplitter);
    if (wasUnified && m_folders->selectUnifiedInbox())
        return;
    if (!currentLocal.isEmpty() && currentAccount == store::MessageStore::localAccountId() &&
        locals.contains(currentLocal)) {
        showLocalFolder(currentLocal);
        return;
    }
    if (!currentLocal.isEmpty() &&
        m_shownFiledFolders.value(currentAccount).contains(currentLocal)) {
        showLocalFolder(currentLocal, currentAccount);
        return;
    }
    const bool localTrash = currentAccount == store::MessageStore::localAccountId() &&
                            currentLocal.isEmpty() && !locals.isEmpty();
    if (!names.contains(currentAccount) && !localTrash) {
        if (accounts.isEmpty()) {
            showLocalFolder(locals.first());
            return;
        }
        currentAccount = accounts.first().id;
        currentFolder = Folder::Inbox;
    }
    showFolder(currentAccount, currentFolder);
}

void MainWindow::showFolderContents(const QString &accountId, Folder folder)
{
    if (!m_model->isUnifiedInbox() && accountId == m_model->accountId() &&
        folder == m_model->folder() && m_model->localFolder().isEmpty())
        return;
    m_view->clear();
    m_model->setFolder(accountId, folder);
    folderShown();
}

void MainWindow::showUnifiedInboxContents()
{
    if (m_model->isUnifiedInbox())
        return;
    m_view->clear();
    m_model->setUnifiedInbox();
    folderShown();
}

void MainWindow::showLocalFolderContents(const QString &accountId, const QString &name)
{
    if (name == m_model->localFolder() && accountId == m_model->accountId())
        return;
    m_view->clear();
    m_model->setLocalFolder(name, accountId);
    folderShown();
}

QHash<QString, QStringList> MainWindow::filedFolders(const QList<Account> &accounts)
{
    // A few index seeks per account and folder (localFolders), as for imported mail.
    QHash<QString, QStringList> out;
    for (const Account &a : accounts) {
        auto names = m_services.messages.localFolders(a.id);
        if (!names) {
            m_feedback->showError(names.error().message());
            continue;
        }
        if (!names.value().isEmpty())
            out.insert(a.id, names.value());
    }
    return out;
}

void MainWindow::addFiledFolders(const QString &accountId)
{
    auto names = m_services.messages.localFolders(accountId);
    if (!names || names.value() == m_shownFiledFolders.value(accountId))
        return;
    reloadAccounts(); // keeps the folder shown, and shows the new one
}

void MainWindow::folderShown()
{
    m_partialBar->clearMessage();
    m_filedBy->clearMessage();
    m_transfer->setCurrentMessage(0, {});
    m_mailActions->updateActions();
    m_serverDeletionBar->setFolder(m_model->accountId(), m_model->folder());
    m_outboxBar->setFolder(m_model->isUnifiedInbox() ? QString() : m_model->accountId(),
                           m_model->folder());
    m_compose->updateActions();
    m_search->folderChanged(); // the query in the box applies to the new folder
}

void MainWindow::messageSelectionChanged()
{
    const QList<qint64> ids = selectedIds();
    m_mailActions->updateActions();
    m_junk->updateActions();
    m_compose->updateActions();
    m_outboxBar->setSelection(ids);
    m_serverDeletions->setSelectedMessages(ids);
    if (ids.size() != 1) {
        m_view->clear();
        m_partialBar->clearMessage();
        m_filedBy->clearMessage();
        m_transfer->setCurrentMessage(0, {});
        return;
    }
    const qint64 id = ids.first();
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_partialBar->showFor(m_model->summaryAt(row));
        m_filedBy->showFor(m_model->summaryAt(row));
        m_transfer->setCurrentMessage(id, m_model->summaryAt(row).subject);
    }
    if (id == m_view->messageId())
        return;
    Result<QByteArray> raw = m_services.messages.raw(id);
    if (!raw) {
        m_view->clear();
        m_feedback->showError(raw.error().message());
        return;
    }
    if (row >= 0 && !m_model->summaryAt(row).seen)
        markSeen(id);
    m_view->showMessage(id, raw.value());
}

void MainWindow::markSeen(qint64 id)
{
    // Through the change queue, so it never waits for a large change to let go of the cache.
    m_model->setSeen(id, true);
    m_changes->run(
        tr("Marking messages as read"), 1,
        [id](sync::BulkActions &actions) { return actions.setSeen({id}, true); }, this,
        [this](const sync::BulkOutcome &outcome) {
            if (outcome.ok())
                return;
            m_feedback->showError(outcome.error->message());
            m_model->rereadChanged();
        });
}

void MainWindow::messageCompleted(qint64 id)
{
    m_model->refreshMessage(id);
    const auto summary = m_services.messages.message(id);
    if (summary)
        m_feedback->noteRestFetched(summary.value().accountId);
    if (m_view->messageId() != id)
        return;
    // The viewer still shows the headers-only copy: show the whole message now.
    Result<QByteArray> raw = m_services.messages.raw(id);
    if (!raw) {
        m_feedback->showError(raw.error().message());
        return;
    }
    m_view->showMessage(id, raw.value());
    if (const int row = m_model->rowOf(id); row >= 0)
        m_partialBar->showFor(m_model->summaryAt(row));
}

QList<qint64> MainWindow::selectedIds() const
{
    return m_model->idsIn(m_list->selectionModel()->selection());
}

void MainWindow::dropAccountMessages(const QString &accountId)
{
    // The account store recorded the removal (removedWithMailLeft) when it removed the
    // account: a removal cut short here is finished at the next start.
    if (m_services.sync.isSyncing(accountId)) {
        // Its sync may still commit a batch: remove the messages once it has stopped.
        m_removeAfterSync.insert(accountId);
        m_services.sync.cancel(accountId);
        return;
    }
    const QString name = m_accountNames.value(accountId, accountId);
    m_changes->run(
        tr("Removing the mail of %1").arg(name), 0,
        [accountId](sync::BulkActions &actions) { return actions.removeAccount(accountId); }, this,
        [this, accountId, name](const sync::BulkOutcome &outcome) {
            // A list read while the messages were still there (the Unified Inbox) drops them.
            m_model->removeMessages(QSet<qint64>(outcome.changed.cbegin(), outcome.changed.cend()));
            m_model->recountUnread();
            if (!outcome.ok()) {
                m_feedback->showError(outcome.error->message());
                return;
            }
            if (Status s = m_services.accounts.mailRemoved(accountId); !s)
                m_feedback->showError(s.error().message());
            if (outcome.count > 0)
                m_upkeep->considerCompacting(); // a large deletion, as Empty Trash is
            const qint64 n = outcome.count;
            m_feedback->showNotice(
                n == 1 ? tr("Removed the one message of %1 from this computer.").arg(name)
                       : tr("Removed the %1 messages of %2 from this computer.").arg(n).arg(name));
        });
}

void MainWindow::syncStored(const QString &accountId, const QList<qint64> &ids)
{
    // The model keeps those its list holds: filed mail goes to its folder, not the Inbox.
    if (m_model->isUnifiedInbox() || accountId == m_model->accountId())
        m_model->addMessages(ids);
}

void MainWindow::syncFinished(const sync::SyncResult &result)
{
    // A removed account's sync was stopped so that its messages could go: no news of it.
    const bool removed = m_removeAfterSync.remove(result.accountId);
    if (removed)
        dropAccountMessages(result.accountId);
    m_feedback->syncFinished(result, !removed);
    if (!removed && result.newMessages > 0)
        addFiledFolders(result.accountId);
    // The line is up again: what waits for this account goes now, backoff or not.
    if (result.ok() && !removed) {
        const auto account = m_services.accounts.account(result.accountId);
        if (account && account->canSend() && !m_options->isOffline())
            m_services.outbox.sendWaiting({*account}, true);
    }
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
