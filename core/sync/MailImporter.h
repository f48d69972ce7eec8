// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MailboxReader.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace poplar::store {
class MessageStore;
}

namespace poplar::sync {

/// What an import did.
struct ImportResult {
    int imported = 0;
    int duplicates = 0;   ///< already in the folder: left out without a warning
    int skipped = 0;      ///< left out for a reason in `warnings` (too large, unreadable, empty)
    QStringList warnings; ///< one per skipped message, naming where it was in the mailbox
};

/// Copies the messages of an mbox or a Maildir into a local folder of the cache. They belong
/// to no account (MessageStore::localAccountId(), no UIDL), so no sync ever touches them.
/// A message already in the folder byte for byte is left out, so importing twice adds nothing.
class MailImporter {
    Q_DECLARE_TR_FUNCTIONS(poplar::sync::MailImporter)

public:
    /// Messages per transaction: few commits (each one syncs to disk), small rollbacks.
    static constexpr int batchMessages = 200;

    explicit MailImporter(store::MessageStore &store);

    /// Opens the mailbox at `path` and imports it into `folder`.
    [[nodiscard]] Result<ImportResult> importMailbox(store::MailboxReader::Format format,
                                                     const QString &path, const QString &folder);
    /// Imports what `reader` yields into `folder`. On an error, the batches already committed
    /// stay, and the error says how many messages they held.
    [[nodiscard]] Result<ImportResult> importFrom(store::MailboxReader &reader,
                                                  const QString &folder);

private:
    store::MessageStore &m_store;
};

} // namespace poplar::sync
