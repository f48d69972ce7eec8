// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderTree.h"

#include <QPersistentModelIndex>
#include <QStyle>

#include <utility>

namespace poplar::ui {

using store::Folder;

namespace {

enum ItemRole { AccountIdRole = Qt::UserRole + 1, FolderRole, IsFolderRole };

} // namespace

FolderTree::FolderTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setMinimumWidth(120);
    connect(this, &QTreeWidget::currentItemChanged, this, &FolderTree::currentChanged);
}

void FolderTree::setAccounts(const QList<Account> &accounts)
{
    const QSignalBlocker blocker(this);
    clear();
    QStyle *s = style();
    const QIcon accountIcon =
        QIcon::fromTheme(QStringLiteral("folder-mail"), s->standardIcon(QStyle::SP_DriveNetIcon));
    const QIcon inboxIcon =
        QIcon::fromTheme(QStringLiteral("mail-folder-inbox"), s->standardIcon(QStyle::SP_DirIcon));
    const QIcon trashIcon =
        QIcon::fromTheme(QStringLiteral("user-trash"), s->standardIcon(QStyle::SP_TrashIcon));
    const std::pair<Folder, QString> folders[] = {{Folder::Inbox, tr("Inbox")},
                                                  {Folder::Trash, tr("Trash")}};
    for (const Account &a : accounts) {
        auto *top = new QTreeWidgetItem(this, {a.name});
        top->setIcon(0, accountIcon);
        top->setData(0, AccountIdRole, a.id);
        top->setData(0, IsFolderRole, false);
        top->setToolTip(0, tr("%1@%2").arg(a.user, a.host));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const auto &[folder, label] : folders) {
            auto *item = new QTreeWidgetItem(top, {label});
            item->setIcon(0, folder == Folder::Inbox ? inboxIcon : trashIcon);
            item->setData(0, AccountIdRole, a.id);
            item->setData(0, FolderRole, int(folder));
            item->setData(0, IsFolderRole, true);
        }
    }
    expandAll();
}

bool FolderTree::selectFolder(const QString &accountId, Folder folder)
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *account = topLevelItem(i);
        if (account->data(0, AccountIdRole).toString() != accountId)
            continue;
        for (int j = 0; j < account->childCount(); ++j) {
            QTreeWidgetItem *child = account->child(j);
            if (child->data(0, FolderRole).toInt() == int(folder)) {
                if (currentItem() == child)
                    currentChanged(child); // say it again: the caller wants it shown
                else
                    setCurrentItem(child);
                return true;
            }
        }
    }
    return false;
}

void FolderTree::currentChanged(QTreeWidgetItem *item)
{
    if (!item)
        return;
    if (!item->data(0, IsFolderRole).toBool()) {
        // An account stands for its Inbox. Moved there once the click that chose the account
        // has finished selecting, or the click would leave the account item selected.
        if (item->childCount() > 0) {
            const QPersistentModelIndex inbox(indexFromItem(item->child(0)));
            QMetaObject::invokeMethod(
                this,
                [this, inbox] {
                    if (inbox.isValid())
                        setCurrentIndex(inbox);
                },
                Qt::QueuedConnection);
        }
        return;
    }
    Q_EMIT folderSelected(item->data(0, AccountIdRole).toString(),
                          Folder(item->data(0, FolderRole).toInt()));
}

} // namespace poplar::ui
