// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderTree.h"

#include "filters/JunkVerdict.h"
#include "store/MessageStore.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QStyle>

#include <tuple>

#include <utility>

namespace poplar::ui {

using store::Folder;

namespace {

enum ItemRole {
    AccountIdRole = Qt::UserRole + 1,
    FolderRole,
    IsFolderRole,
    LocalFolderRole,
    UnifiedRole,
};

} // namespace

FolderTree::FolderTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setAccessibleName(tr("Folders"));
    setColumnCount(1);
    setMinimumWidth(120);
    connect(this, &QTreeWidget::currentItemChanged, this, &FolderTree::currentChanged);
}

void FolderTree::setAccounts(const QList<Account> &accounts, const QStringList &localFolders,
                             const QHash<QString, QStringList> &filedFolders)
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
    const QIcon draftsIcon =
        QIcon::fromTheme(QStringLiteral("document-edit"), s->standardIcon(QStyle::SP_FileIcon));
    const QIcon outboxIcon =
        QIcon::fromTheme(QStringLiteral("mail-folder-outbox"), s->standardIcon(QStyle::SP_ArrowUp));
    const QIcon sentIcon = QIcon::fromTheme(QStringLiteral("mail-folder-sent"),
                                            s->standardIcon(QStyle::SP_DialogApplyButton));
    // An account that sends mail has its Drafts, Outbox and Sent between Inbox and Trash.
    const std::tuple<Folder, QString, QIcon, bool> folders[] = {
        {Folder::Inbox, tr("Inbox"), inboxIcon, false},
        {Folder::Drafts, tr("Drafts"), draftsIcon, true},
        {Folder::Outbox, tr("Outbox"), outboxIcon, true},
        {Folder::Sent, tr("Sent"), sentIcon, true},
        {Folder::Trash, tr("Trash"), trashIcon, false}};
    if (accounts.size() > 1) {
        // Thunderbird's "Unified Folders": every account's new mail in one list.
        auto *unified = new QTreeWidgetItem(this, {tr("Unified Inbox")});
        unified->setIcon(0, inboxIcon);
        unified->setData(0, IsFolderRole, true);
        unified->setData(0, UnifiedRole, true);
        unified->setToolTip(0, tr("The Inboxes of all accounts together"));
    }
    for (const Account &a : accounts) {
        auto *top = new QTreeWidgetItem(this, {a.name});
        top->setIcon(0, accountIcon);
        top->setData(0, AccountIdRole, a.id);
        top->setData(0, IsFolderRole, false);
        top->setToolTip(0, tr("%1@%2").arg(a.user, a.host));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const auto &[folder, label, icon, sending] : folders) {
            if (sending && !a.canSend())
                continue;
            auto *item = new QTreeWidgetItem(top, {label});
            item->setIcon(0, icon);
            item->setData(0, AccountIdRole, a.id);
            item->setData(0, FolderRole, int(folder));
            item->setData(0, IsFolderRole, true);
            if (folder != Folder::Inbox)
                continue;
            // The folders its rules file mail into come right after the Inbox they
            // would otherwise have gone to; Junk last of them, next to Trash.
            QStringList filed = filedFolders.value(a.id);
            if (filed.removeAll(filters::JunkVerdict::folderName()) > 0)
                filed.append(filters::JunkVerdict::folderName());
            for (const QString &name : std::as_const(filed)) {
                const bool junk = name == filters::JunkVerdict::folderName();
                auto *filed = new QTreeWidgetItem(top, {junk ? tr("Junk") : name});
                filed->setIcon(
                    0, junk ? QIcon::fromTheme(QStringLiteral("mail-mark-junk"),
                                               s->standardIcon(QStyle::SP_MessageBoxWarning))
                            : QIcon::fromTheme(QStringLiteral("folder"),
                                               s->standardIcon(QStyle::SP_DirIcon)));
                filed->setData(0, AccountIdRole, a.id);
                filed->setData(0, FolderRole, int(Folder::Inbox));
                filed->setData(0, LocalFolderRole, name);
                filed->setData(0, IsFolderRole, true);
                filed->setToolTip(0, junk ? tr("Mail the server's spam filter marked as junk")
                                          : tr("Mail your filters filed here"));
            }
        }
    }
    if (!localFolders.isEmpty()) {
        const QString local = store::MessageStore::localAccountId();
        auto *top = new QTreeWidgetItem(this, {tr("Local Folders")});
        top->setIcon(
            0, QIcon::fromTheme(QStringLiteral("folder"), s->standardIcon(QStyle::SP_DirHomeIcon)));
        top->setData(0, AccountIdRole, local);
        top->setData(0, IsFolderRole, false);
        top->setToolTip(0, tr("Mail imported from mbox files and Maildirs"));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        const QIcon folderIcon =
            QIcon::fromTheme(QStringLiteral("folder"), s->standardIcon(QStyle::SP_DirIcon));
        // "Archive/2024" nests under "Archive": a level that holds no mail of its own is still
        // a folder to click (it shows an empty list), as in the program the mail came from.
        QHash<QString, QTreeWidgetItem *> byPath;
        QStringList sorted = localFolders;
        sorted.sort(Qt::CaseInsensitive);
        for (const QString &name : std::as_const(sorted)) {
            QTreeWidgetItem *parent = top;
            QString path;
            for (const QString &level : name.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
                path = path.isEmpty() ? level : path + QLatin1Char('/') + level;
                QTreeWidgetItem *&item = byPath[path];
                if (!item) {
                    item = new QTreeWidgetItem(parent, {level});
                    item->setIcon(0, folderIcon);
                    item->setData(0, AccountIdRole, local);
                    item->setData(0, FolderRole, int(Folder::Inbox));
                    item->setData(0, LocalFolderRole, path);
                    item->setData(0, IsFolderRole, true);
                    item->setToolTip(0, path);
                }
                parent = item;
            }
        }
        auto *trash = new QTreeWidgetItem(top, {tr("Trash")});
        trash->setIcon(0, trashIcon);
        trash->setData(0, AccountIdRole, local);
        trash->setData(0, FolderRole, int(Folder::Trash));
        trash->setData(0, IsFolderRole, true);
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
            if (child->data(0, FolderRole).toInt() == int(folder) &&
                child->data(0, LocalFolderRole).toString().isEmpty()) {
                makeCurrent(child);
                return true;
            }
        }
    }
    return false;
}

bool FolderTree::selectLocalFolder(const QString &name, const QString &accountId)
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = topLevelItem(i);
        if (top->data(0, AccountIdRole).toString() != accountId)
            continue;
        // Depth first through the nested folders.
        QList<QTreeWidgetItem *> pending{top};
        while (!pending.isEmpty()) {
            QTreeWidgetItem *item = pending.takeLast();
            if (item != top && item->data(0, LocalFolderRole).toString() == name) {
                makeCurrent(item);
                return true;
            }
            for (int j = item->childCount() - 1; j >= 0; --j)
                pending.append(item->child(j));
        }
    }
    return false;
}

bool FolderTree::selectUnifiedInbox()
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, UnifiedRole).toBool()) {
            makeCurrent(topLevelItem(i));
            return true;
        }
    }
    return false;
}

void FolderTree::makeCurrent(QTreeWidgetItem *item)
{
    if (currentItem() == item)
        currentChanged(item); // say it again: the caller wants it shown
    else
        setCurrentItem(item);
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
    if (item->data(0, UnifiedRole).toBool()) {
        Q_EMIT unifiedInboxSelected();
        return;
    }
    if (const QString local = item->data(0, LocalFolderRole).toString(); !local.isEmpty()) {
        Q_EMIT localFolderSelected(item->data(0, AccountIdRole).toString(), local);
        return;
    }
    Q_EMIT folderSelected(item->data(0, AccountIdRole).toString(),
                          Folder(item->data(0, FolderRole).toInt()));
}

} // namespace poplar::ui
