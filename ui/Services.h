// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace poplar {
class Profile;
class AccountStore;
class PasswordProvider;
class SecretStore;
} // namespace poplar

namespace poplar::store {
class MessageStore;
}

namespace poplar::smtp {
class OutboxController;
}

namespace poplar::sync {
class MessageActions;
class SyncController;
} // namespace poplar::sync

namespace poplar::ui {

/// The application's services, made and owned by main() (the composition root), which
/// must keep them alive longer than any window that holds this struct. GUI thread only.
struct Services {
    Profile &profile;
    AccountStore &accounts;
    SecretStore &secrets;
    PasswordProvider &passwords;   ///< the one the sync uses; the window installs its prompt
    store::MessageStore &messages; ///< on the GUI thread's own cache connection
    sync::SyncController &sync;
    sync::MessageActions &actions;  ///< Delete and restore, as poplarctl does them
    smtp::OutboxController &outbox; ///< the Outbox and the sending thread
};

} // namespace poplar::ui
