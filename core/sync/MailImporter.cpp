// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MailImporter.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/HeaderFacts.h"

#include <QSqlError>

#include <optional>

namespace poplar::sync {

MailImporter::MailImporter(store::MessageStore &store)
    : m_store(store)
{}

Result<ImportResult> MailImporter::importMailbox(store::MailboxReader::Format format,
                                                 const QString &path, const QString &folder)
{
    auto reader = store::MailboxReader::open(format, path);
    if (!reader)
        return reader.error();
    return importFrom(*reader.value(), folder);
}

Result<ImportResult> MailImporter::importFrom(store::MailboxReader &reader, const QString &folder)
{
    if (folder.trimmed().isEmpty())
        return Error{Error::Code::Config, tr("A local folder needs a name"), {}};
    ImportResult result;
    int committed = 0;
    auto failed = [&](const Error &e) {
        Error error = e;
        error.detail += tr(" (%n message(s) were imported before this)", nullptr, committed);
        return error;
    };

    std::optional<store::Transaction> txn;
    int inBatch = 0;
    for (;;) {
        auto next = reader.next();
        if (!next)
            return failed(next.error());
        if (!next.value())
            break;
        store::MailboxMessage &m = *next.value();
        if (!m.skipReason.isEmpty() || m.raw.isEmpty()) {
            ++result.skipped;
            result.warnings.append(m.skipReason.isEmpty()
                                       ? tr("%1: empty, skipped").arg(m.origin)
                                       : tr("%1: %2").arg(m.origin, m.skipReason));
            continue;
        }
        if (!txn) {
            txn.emplace(m_store.database());
            if (!txn->active())
                return failed(store::storageError(tr("Cannot start a transaction"),
                                                  m_store.database().lastError().text()));
        }
        // Inside the transaction, so a message twice in the same mailbox is caught as well.
        auto known = m_store.inLocalFolder(folder, m.raw);
        if (!known)
            return failed(known.error());
        if (known.value()) {
            ++result.duplicates;
            continue;
        }
        store::IncomingMessage message;
        message.accountId = store::MessageStore::localAccountId();
        message.localFolder = folder;
        message.headers = headerFacts(m.raw);
        message.raw = std::move(m.raw);
        if (auto id = m_store.insert(message); !id)
            return failed(id.error());
        ++result.imported;
        if (++inBatch == batchMessages) {
            if (Status s = txn->commit(); !s)
                return failed(s.error());
            txn.reset();
            committed = result.imported;
            inBatch = 0;
        }
    }
    if (txn) {
        if (Status s = txn->commit(); !s)
            return failed(s.error());
    }
    return result;
}

} // namespace poplar::sync
