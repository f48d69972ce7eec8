// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

class QAction;

namespace poplar::sync {
struct SyncResult;
}

namespace poplar::ui {

/// The server deletions queued for the next check (store::DeletionQueue: what was deleted
/// here in an account that deletes on the server too), as the window shows them: which
/// messages carry the marker in the list, how many wait per account, and Keep on Server,
/// which takes deletions off the queue. Reads and changes the queue on a pool thread (a
/// queue can hold a whole Trash) and reads it again when a check ends or mail moves.
/// GUI thread.
class ServerDeletions : public QObject {
    Q_OBJECT

public:
    /// `services` must outlive this. Knows nothing until the first refresh().
    explicit ServerDeletions(Services services, QObject *parent = nullptr);

    /// Keep on Server for the selected messages (those of them that are queued).
    [[nodiscard]] QAction *keepOnServerAction() const { return m_keepAction; }

    /// Reads the queue again (on a pool thread); changed() follows.
    void refresh();
    /// Whether a refresh or a change is under way (for tests).
    [[nodiscard]] bool isBusy() const { return m_busy > 0; }

    /// The local copies whose server copy is queued for deletion.
    [[nodiscard]] const QSet<qint64> &messageIds() const { return m_messageIds; }
    /// How many of this account's server copies are queued for deletion.
    [[nodiscard]] int count(const QString &accountId) const;
    /// How many of those have no copy here any more (deleted for good, or Trash emptied).
    [[nodiscard]] int withoutLocalCopy(const QString &accountId) const;
    /// Whether this account is being checked: its queue is read by that check and cannot
    /// change under it.
    [[nodiscard]] bool isBeingChecked(const QString &accountId) const;

    /// The selection changed: Keep on Server applies to these messages.
    void setSelectedMessages(const QList<qint64> &ids);
    /// Takes every queued deletion of this account off the queue.
    void keepAllOnServer(const QString &accountId);
    /// Takes these messages' queued deletions off the queue.
    void keepOnServer(const QList<qint64> &messageIds);

Q_SIGNALS:
    /// What the queue holds (or whether it can be changed) is read anew.
    void changed();
    /// One line for the status bar.
    void notice(const QString &message);
    /// Reading or changing the queue failed; one line for the status bar.
    void failed(const QString &message);

private:
    struct Entry {
        QString accountId;
        QString uidl;
    };
    /// The queue as read: account -> queued UIDLs, message id -> its queue entry.
    struct Snapshot {
        QHash<QString, QList<QString>> uidls;
        QHash<QString, int> withoutCopy;
        QHash<qint64, Entry> byMessage;
    };
    /// Takes these entries off the queue, one transaction per account.
    void remove(const QHash<QString, QList<QString>> &uidls);
    void syncFinished(const sync::SyncResult &result);
    void updateAction();

    Services m_services;
    QAction *m_keepAction = nullptr;
    Snapshot m_queue;
    QSet<qint64> m_messageIds;
    QList<qint64> m_selected;
    int m_generation = 0; ///< of the last read asked; older reads are stale
    int m_busy = 0;
};

} // namespace poplar::ui
