// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Clock.h"
#include "util/Error.h"

namespace poplar {
class AccountStore;
}

namespace poplar::store {
class DeletionQueue;
class MessageStore;
} // namespace poplar::store

namespace poplar::sync {

/// What Delete and Undo mean, the same in the GUI and in poplarctl: the message moves to
/// Trash at once (offline too), and where the account says so its server copy is queued for
/// deletion at the next sync; restoring it takes it off the queue.
class MessageActions {
public:
    MessageActions(store::MessageStore &messages, store::DeletionQueue &queue,
                   const AccountStore &accounts, Clock clock = systemClock());

    [[nodiscard]] Status moveToTrash(qint64 messageId);
    [[nodiscard]] Status restore(qint64 messageId);

private:
    store::MessageStore &m_messages;
    store::DeletionQueue &m_queue;
    const AccountStore &m_accounts;
    Clock m_clock;
};

} // namespace poplar::sync
