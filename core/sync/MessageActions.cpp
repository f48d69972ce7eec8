// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessageActions.h"

#include "accounts/AccountStore.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "store/OutboxStore.h"

namespace poplar::sync {

bool deletesOnServer(const Account &account)
{
    return account.leaveOnServer && account.deleteFromServerOnLocalDelete;
}

MessageActions::MessageActions(store::MessageStore &messages, store::DeletionQueue &queue,
                               const AccountStore &accounts, Clock clock)
    : m_messages(messages)
    , m_queue(queue)
    , m_accounts(accounts)
    , m_clock(std::move(clock))
{}

Status MessageActions::moveToTrash(qint64 messageId)
{
    auto message = m_messages.message(messageId);
    if (!message)
        return message.error();
    store::Transaction txn(m_messages.database());
    if (Status s = trash(message.value()); !s)
        return s;
    return txn.commit();
}

Status MessageActions::deletePermanently(qint64 messageId)
{
    auto message = m_messages.message(messageId);
    if (!message)
        return message.error();
    store::Transaction txn(m_messages.database());
    if (message.value().folder != store::Folder::Trash) {
        if (Status s = trash(message.value()); !s)
            return s;
    }
    if (Status s = m_messages.purgeMessage(messageId); !s)
        return s;
    return txn.commit();
}

Status MessageActions::trash(const store::MessageSummary &message)
{
    if (Status s = m_messages.moveToFolder(message.id, store::Folder::Trash); !s)
        return s;
    const auto account = m_accounts.account(message.accountId);
    const bool queue = account && deletesOnServer(*account) && !message.uidl.isEmpty();
    if (queue)
        return m_queue.enqueue(account->id, message.uidl, m_clock(), message.id);
    return {};
}

Status MessageActions::restore(qint64 messageId)
{
    auto message = m_messages.message(messageId);
    if (!message)
        return message.error();
    store::Transaction txn(m_messages.database());
    // Back where it came from: the Inbox, or Sent, the Outbox or Drafts for what the user
    // wrote.
    const store::MessageSummary &m = message.value();
    auto home = store::restoredFolder(m_messages.database(), messageId, m.uidl, m.accountId);
    if (!home)
        return home.error();
    if (Status s = m_messages.moveToFolder(messageId, home.value()); !s)
        return s;
    if (!message.value().uidl.isEmpty()) {
        if (Status s = m_queue.remove(message.value().accountId, {message.value().uidl}); !s)
            return s;
    }
    return txn.commit();
}

} // namespace poplar::sync
