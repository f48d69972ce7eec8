// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "store/MessageSummary.h"

#include <QTreeWidget>

namespace poplar::ui {

/// The accounts, each with its local folders (Inbox, Trash). Choosing an account stands for
/// its Inbox. GUI thread.
class FolderTree : public QTreeWidget {
    Q_OBJECT

public:
    explicit FolderTree(QWidget *parent = nullptr);

    /// Shows these accounts (in this order); selects nothing and emits nothing.
    void setAccounts(const QList<Account> &accounts);
    /// Makes this folder the current one; false when it is not in the tree.
    bool selectFolder(const QString &accountId, store::Folder folder);

Q_SIGNALS:
    /// The user (or selectFolder) chose a folder.
    void folderSelected(const QString &accountId, poplar::store::Folder folder);

private:
    void currentChanged(QTreeWidgetItem *item);
};

} // namespace poplar::ui
