// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerDeletions.h"

#include "CacheTask.h"
#include "MessageRowText.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "sync/SyncController.h"

#include <QAction>

namespace poplar::ui {

ServerDeletions::ServerDeletions(Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    m_keepAction = new QAction(MessageRowText::serverDeletionIcon(), tr("&Keep on Server"), this);
    m_keepAction->setObjectName(QStringLiteral("keepOnServerAction"));
    m_keepAction->setToolTip(tr("Do not delete the selected messages from the server at the "
                                "next check"));
    connect(m_keepAction, &QAction::triggered, this, [this] { keepOnServer(m_selected); });

    // While an account is checked its queue cannot change; when the check ends, the server
    // has deleted what it was asked to.
    connect(&m_services.sync, &sync::SyncController::started, this, [this] {
        updateAction();
        Q_EMIT changed();
    });
    connect(&m_services.sync, &sync::SyncController::finished, this,
            &ServerDeletions::syncFinished);
    updateAction();
}

int ServerDeletions::count(const QString &accountId) const
{
    return int(m_queue.uidls.value(accountId).size());
}

int ServerDeletions::withoutLocalCopy(const QString &accountId) const
{
    return m_queue.withoutCopy.value(accountId, 0);
}

bool ServerDeletions::isBeingChecked(const QString &accountId) const
{
    return m_services.sync.isSyncing(accountId);
}

void ServerDeletions::refresh()
{
    QStringList accountIds;
    for (const Account &account : m_services.accounts.accounts())
        accountIds.append(account.id);
    const int generation = ++m_generation;
    ++m_busy;
    runOnCache<Snapshot>(
        this, m_services.profile.cachePath(),
        [accountIds](QSqlDatabase db) -> Result<Snapshot> {
            const store::DeletionQueue queue(std::move(db));
            Snapshot read;
            for (const QString &accountId : accountIds) {
                auto queued = queue.queued(accountId);
                if (!queued)
                    return queued.error();
                for (const store::PendingDeletion &p : queued.value()) {
                    read.uidls[accountId].append(p.uidl);
                    if (p.messageId == 0)
                        ++read.withoutCopy[accountId];
                    else
                        read.byMessage.insert(p.messageId, {accountId, p.uidl});
                }
            }
            return read;
        },
        [this, generation](Result<Snapshot> read) {
            --m_busy;
            if (generation != m_generation)
                return; // a later read is on its way
            if (!read) {
                Q_EMIT failed(read.error().message());
                return;
            }
            m_queue = std::move(read).value();
            m_messageIds.clear();
            m_messageIds.reserve(m_queue.byMessage.size());
            for (auto it = m_queue.byMessage.cbegin(); it != m_queue.byMessage.cend(); ++it)
                m_messageIds.insert(it.key());
            updateAction();
            Q_EMIT changed();
        });
}

void ServerDeletions::setSelectedMessages(const QList<qint64> &ids)
{
    m_selected = ids;
    updateAction();
}

void ServerDeletions::updateAction()
{
    bool any = false;
    for (qint64 id : std::as_const(m_selected)) {
        const auto it = m_queue.byMessage.constFind(id);
        if (it != m_queue.byMessage.cend() && !isBeingChecked(it->accountId)) {
            any = true;
            break;
        }
    }
    m_keepAction->setEnabled(any);
}

void ServerDeletions::keepAllOnServer(const QString &accountId)
{
    const QList<QString> uidls = m_queue.uidls.value(accountId);
    if (!uidls.isEmpty())
        remove({{accountId, uidls}});
}

void ServerDeletions::keepOnServer(const QList<qint64> &messageIds)
{
    QHash<QString, QList<QString>> uidls;
    for (qint64 id : messageIds) {
        const auto it = m_queue.byMessage.constFind(id);
        if (it != m_queue.byMessage.cend())
            uidls[it->accountId].append(it->uidl);
    }
    if (!uidls.isEmpty())
        remove(uidls);
}

void ServerDeletions::remove(const QHash<QString, QList<QString>> &uidls)
{
    for (auto it = uidls.cbegin(); it != uidls.cend(); ++it) {
        if (!isBeingChecked(it.key()))
            continue;
        // That check has read the queue and may be deleting now: what it was told stands.
        const std::optional<Account> account = m_services.accounts.account(it.key());
        Q_EMIT failed(tr("%1 is being checked; try again when it is done.")
                          .arg(account ? account->name : it.key()));
        return;
    }
    ++m_busy;
    runOnCache<int>(
        this, m_services.profile.cachePath(),
        [uidls](QSqlDatabase db) -> Result<int> {
            store::DeletionQueue queue(db);
            store::Transaction txn(db);
            int kept = 0;
            for (auto it = uidls.cbegin(); it != uidls.cend(); ++it) {
                if (Status s = queue.remove(it.key(), it.value()); !s)
                    return s.error();
                kept += int(it.value().size());
            }
            if (Status s = txn.commit(); !s)
                return s.error();
            return kept;
        },
        [this](Result<int> kept) {
            --m_busy;
            if (!kept)
                Q_EMIT failed(kept.error().message());
            else
                Q_EMIT notice(kept.value() == 1
                                  ? tr("1 message stays on the server.")
                                  : tr("%1 messages stay on the server.").arg(kept.value()));
            refresh();
        });
}

void ServerDeletions::syncFinished(const sync::SyncResult &)
{
    refresh();
}

} // namespace poplar::ui
