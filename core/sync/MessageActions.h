// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"
#include "util/Clock.h"
#include "util/Error.h"

namespace poplar {
class AccountStore;
struct Account;
} // namespace poplar

namespace poplar::store {
class DeletionQueue;
class MessageStore;
} // namespace poplar::store

namespace poplar::sync {

/// Whether deleting a message here queues the deletion of its server copy at the next sync:
/// the account leaves mail on the server and deletes there what is deleted here. (An account
/// that does not leave mail on the server has deleted its copies already.)
[[nodiscard]] bool deletesOnServer(const Account &account);

/// What Delete and Undo mean, the same in the GUI and in poplarctl: the message moves to
/// Trash at once (offline too), and where the account says so its server copy is queued for
/// deletion at the next sync; restoring it takes it off the queue.
class MessageActions {
public:
    MessageActions(store::MessageStore &messages, store::DeletionQueue &queue,
                   const AccountStore &accounts, Clock clock = systemClock());

    [[nodiscard]] Status moveToTrash(qint64 messageId);
    [[nodiscard]] Status restore(qint64 messageId);
    /// Shift+Del: gone from this computer at once, without passing through Trash; the
    /// server copy is queued for deletion exactly as Delete would queue it.
    [[nodiscard]] Status deletePermanently(qint64 messageId);

private:
    /// Moves to Trash and queues the server deletion the account's policy asks for, in the
    /// caller's transaction.
    [[nodiscard]] Status trash(const store::MessageSummary &message);

    store::MessageStore &m_messages;
    store::DeletionQueue &m_queue;
    const AccountStore &m_accounts;
    Clock m_clock;
};

} // namespace poplar::sync
