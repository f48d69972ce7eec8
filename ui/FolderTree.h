// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "store/MessageStore.h"

#include <QHash>

#include <QTreeWidget>

namespace poplar::ui {

/// The accounts, each with its local folders (Inbox, Trash; Drafts, Outbox and Sent for an
/// account that sends mail), under a Unified Inbox when there is more than one account. Choosing an
/// account stands for its Inbox. GUI thread.
class FolderTree : public QTreeWidget {
    Q_OBJECT

public:
    explicit FolderTree(QWidget *parent = nullptr);

    /// Shows the Unified Inbox (for two accounts or more), these accounts (in this order),
    /// each with the folders its filters filed mail into (`filedFolders`, by account id)
    /// after its Inbox, then "Local Folders" with these local folders (imported mail) and
    /// its Trash when there are any; selects nothing and emits nothing.
    void setAccounts(const QList<Account> &accounts, const QStringList &localFolders = {},
                     const QHash<QString, QStringList> &filedFolders = {});
    /// Makes this folder the current one; false when it is not in the tree.
    bool selectFolder(const QString &accountId, store::Folder folder);
    /// Makes this local folder (of imported mail, or of an account's filed mail) the
    /// current one; false when it is not in the tree.
    bool selectLocalFolder(const QString &name,
                           const QString &accountId = store::MessageStore::localAccountId());
    /// Makes the Unified Inbox the current folder; false when the tree has none.
    bool selectUnifiedInbox();

Q_SIGNALS:
    /// The user (or selectFolder) chose a folder. The Trash of "Local Folders" comes as
    /// account MessageStore::localAccountId().
    void folderSelected(const QString &accountId, poplar::store::Folder folder);
    /// The user (or selectLocalFolder) chose a local folder: imported mail's (account
    /// MessageStore::localAccountId()) or a folder of an account's filed mail.
    void localFolderSelected(const QString &accountId, const QString &name);
    /// The user (or selectUnifiedInbox) chose the Unified Inbox.
    void unifiedInboxSelected();

private:
    void currentChanged(QTreeWidgetItem *item);
    void makeCurrent(QTreeWidgetItem *item);
};

} // namespace poplar::ui
