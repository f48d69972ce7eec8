// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"
#include "accounts/Account.h"
#include "store/MessageStore.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

class QAction;
class QItemSelection;
class QLabel;
class QSplitter;
class QTimer;
class QStackedWidget;
class QTableView;

namespace poplar::sync {
struct SyncResult;
} // namespace poplar::sync

namespace poplar::ui {

class CacheChangeQueue;
class FiledByLabel;
class FilterActions;
class ChangeProgress;
class ComposeActions;
class FolderTree;
class HelpActions;
class MailActions;
class MailCheck;
class MailTransfer;
class PrintActions;
class ReadingActions;
class TagActions;
class JunkActions;
class WindowOptions;
class ReadingPreferences;
class MessageListModel;
class MessageView;
class OutboxBar;
class PartialMessageBar;
class SearchBar;
class SearchController;
class ServerDeletionBar;
class ServerDeletions;
class CacheUpkeep;
class SyncFeedback;
class SyncProgressPanel;

/// The reader: accounts and their folders on the left, the message list above the message
/// on the right. Layout, actions and status only; the work is done by the services.
/// GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// The services must outlive the window.
    explicit MainWindow(Services services, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] MessageListModel *messageModel() const { return m_model; }
    [[nodiscard]] QTableView *messageList() const { return m_list; }
    [[nodiscard]] MessageView *messageView() const { return m_view; }
    [[nodiscard]] FolderTree *folderTree() const { return m_folders; }
    [[nodiscard]] QAction *getMessagesAction() const;
    [[nodiscard]] QAction *deleteAction() const;
    [[nodiscard]] QAction *findAction() const { return m_findAction; }
    [[nodiscard]] QAction *protocolLogAction() const { return m_protocolLogAction; }
    [[nodiscard]] HelpActions *helpActions() const { return m_help; }
    [[nodiscard]] SearchBar *searchBar() const { return m_searchBar; }
    [[nodiscard]] SearchController *search() const { return m_search; }
    [[nodiscard]] CacheUpkeep *cacheUpkeep() const { return m_upkeep; }
    [[nodiscard]] SyncProgressPanel *syncPanel() const;
    [[nodiscard]] PartialMessageBar *partialBar() const { return m_partialBar; }
    [[nodiscard]] ServerDeletions *serverDeletions() const { return m_serverDeletions; }
    [[nodiscard]] ServerDeletionBar *serverDeletionBar() const { return m_serverDeletionBar; }
    [[nodiscard]] MailActions *mailActions() const { return m_mailActions; }
    [[nodiscard]] MailTransfer *mailTransfer() const { return m_transfer; }
    [[nodiscard]] PrintActions *printActions() const { return m_print; }
    [[nodiscard]] FilterActions *filterActions() const { return m_filters; }
    [[nodiscard]] ReadingActions *readingActions() const { return m_reading; }
    [[nodiscard]] WindowOptions *windowOptions() const { return m_options; }
    [[nodiscard]] ReadingPreferences *readingPreferences() const { return m_readingPrefs; }
    [[nodiscard]] ComposeActions *composeActions() const { return m_compose; }
    [[nodiscard]] OutboxBar *outboxBar() const { return m_outboxBar; }
    /// Where the window's changes to the cache run (large ones off the GUI thread).
    [[nodiscard]] CacheChangeQueue *cacheChanges() const { return m_changes; }
    [[nodiscard]] JunkActions *junkActions() const { return m_junk; }
    [[nodiscard]] ChangeProgress *changeProgress() const { return m_changeProgress; }

    /// Starts the accounts' own schedules: start-up checks now, then every N minutes.
    /// main() calls it once the window is up; tests leave it off.
    void startScheduledChecks();

    /// Shows this account's folder, selecting it in the folder tree.
    void showFolder(const QString &accountId, store::Folder folder);
    /// Shows a local folder (imported mail, or with `accountId` a folder that account's
    /// filters filed mail into), selecting it in the folder tree.
    void showLocalFolder(const QString &name,
                         const QString &accountId = store::MessageStore::localAccountId());
    /// Shows the Unified Inbox, when there is one (two accounts or more).
    void showUnifiedInbox();

public Q_SLOTS:
    void getMessages();
    void openSettings();
    void deleteSelected();
    void openProtocolLog();
    /// File ▸ Import From Another Program…
    void openImportProfile();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void installPasswordPrompt();
    void createWidgets();
    void createMenus();
    void reloadAccounts();
    void showFolderContents(const QString &accountId, store::Folder folder);
    void showLocalFolderContents(const QString &accountId, const QString &name);
    /// The folders each account's filters filed mail into, for the folder tree.
    [[nodiscard]] QHash<QString, QStringList> filedFolders(const QList<Account> &accounts);
    /// Shows folders that filters filed new mail into, when the tree lacks them.
    void addFiledFolders(const QString &accountId);
    void showUnifiedInboxContents();
    void folderShown();
    void messageSelectionChanged();
    void messageCompleted(qint64 id);
    [[nodiscard]] QList<qint64> selectedIds() const;
    /// Deletes a removed account's mail from the cache (on the change queue's worker).
    void dropAccountMessages(const QString &accountId);
    void markSeen(qint64 id);

    void syncStored(const QString &accountId, const QList<qint64> &ids);
    /// Wiring to the Outbox: what it says reaches the status line, and a folder of what the
    /// user writes that is shown is read again when it changed.
    void connectOutbox();
    /// Reads the list again when it shows this account's `folder`.
    void reloadIfShown(const QString &accountId, store::Folder folder);
    /// Sends what waits for every account that can send (all of it with `now`, else what is
    /// due), unless working offline.
    void sendWaiting(bool now);
    void syncFinished(const sync::SyncResult &result);

    void restoreLayout();
    void saveLayout() const;

    Services m_services;
    QSet<QString> m_removeAfterSync;                 ///< removed accounts whose sync must end first
    QHash<QString, QString> m_accountNames;          ///< id → name, as the tree shows them
    QHash<QString, QStringList> m_shownFiledFolders; ///< by account id, as the tree shows them
    CacheChangeQueue *m_changes = nullptr;
    QTimer *m_rereadIndexed = nullptr; ///< coalesces the indexer's reports
    static constexpr int rereadAfterIndexMs = 200;
    ChangeProgress *m_changeProgress = nullptr;

    MessageListModel *m_model = nullptr;
    FolderTree *m_folders = nullptr;
    QStackedWidget *m_center = nullptr;
    QSplitter *m_folderSplitter = nullptr;
    QSplitter *m_messageSplitter = nullptr;
    QTableView *m_list = nullptr;
    MessageView *m_view = nullptr;
    QWidget *m_noAccounts = nullptr;
    SyncFeedback *m_feedback = nullptr;
    MailCheck *m_check = nullptr;
    SearchBar *m_searchBar = nullptr;
    SearchController *m_search = nullptr;
    CacheUpkeep *m_upkeep = nullptr;
    PartialMessageBar *m_partialBar = nullptr;
    FiledByLabel *m_filedBy = nullptr;
    ServerDeletions *m_serverDeletions = nullptr;
    ServerDeletionBar *m_serverDeletionBar = nullptr;
    MailActions *m_mailActions = nullptr;
    MailTransfer *m_transfer = nullptr;
    PrintActions *m_print = nullptr;
    ReadingActions *m_reading = nullptr;
    TagActions *m_tags = nullptr;
    JunkActions *m_junk = nullptr;
    FilterActions *m_filters = nullptr;
    WindowOptions *m_options = nullptr;
    ReadingPreferences *m_readingPrefs = nullptr;
    ComposeActions *m_compose = nullptr;
    OutboxBar *m_outboxBar = nullptr;

    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_protocolLogAction = nullptr;
    QAction *m_importProfileAction = nullptr;
    HelpActions *m_help = nullptr;
};

} // namespace poplar::ui
