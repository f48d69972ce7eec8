// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace poplar::ui {

class ServerDeletions;

/// The line above an account's Trash while server deletions wait for the next check: "2
/// messages will be deleted from the server at the next check", and Keep on Server, which
/// takes them all off the queue. Hidden in other folders and when nothing waits. GUI thread.
class ServerDeletionBar : public QFrame {
    Q_OBJECT

public:
    /// `deletions` must outlive the bar.
    explicit ServerDeletionBar(ServerDeletions &deletions, QWidget *parent = nullptr);

    /// The folder shown: the bar speaks of this account's queue in its Trash. An empty id
    /// (a local folder, the Unified Inbox) hides it.
    void setFolder(const QString &accountId, store::Folder folder);
    [[nodiscard]] QLabel *textLabel() const { return m_text; }
    [[nodiscard]] QPushButton *keepButton() const { return m_keep; }

private:
    void showQueue();

    ServerDeletions &m_deletions;
    QLabel *m_text = nullptr;
    QPushButton *m_keep = nullptr;
    QString m_accountId;
    store::Folder m_folder = store::Folder::Inbox;
};

} // namespace poplar::ui
