// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/MessageSorter.h"

#include "filters/FilterMessage.h"
#include "filters/JunkVerdict.h"
#include "store/MessageStore.h"

namespace poplar::filters {

bool MessageSorter::isClassified(const store::IncomingMessage &message)
{
    return message.localFolder.isEmpty() &&
           message.accountId != store::MessageStore::localAccountId();
}

void MessageSorter::sort(store::IncomingMessage &message,
                         const std::optional<junk::JunkScore> &score) const
{
    if (!isClassified(message))
        return;
    // A headers-only copy is tested at the size the server announced for the whole.
    const qint64 size = message.listedSize >= 0 ? message.listedSize : message.raw.size();
    const FilterMessage facts(message.raw, size);
    // The server's verdict first: junk goes to Junk whatever the rules say of its sender
    // (spam forges senders the rules trust).
    if (const JunkVerdict verdict = JunkVerdict::of(facts); verdict.junk) {
        message.folder = store::Folder::Inbox;
        message.localFolder = JunkVerdict::folderName();
        message.junk = true;
        message.junkReason = verdict.reason;
        return;
    }
    // Then the word list the user trained; also before the rules, for the same reason.
    if (score && score->isJunk()) {
        message.folder = store::Folder::Inbox;
        message.localFolder = JunkVerdict::folderName();
        message.junk = true;
        message.junkReason = junk::JunkClassifier::reasonFor(score->spamicity);
        return;
    }
    if (m_rules)
        apply(m_rules->evaluate(facts), message);
}

void MessageSorter::apply(const FilterOutcome &outcome, store::IncomingMessage &message)
{
    switch (outcome.placement) {
    case FilterOutcome::Placement::Inbox:
        message.folder = store::Folder::Inbox;
        message.localFolder.clear();
        break;
    case FilterOutcome::Placement::Folder:
        message.folder = store::Folder::Inbox;
        message.localFolder = outcome.folder;
        break;
    case FilterOutcome::Placement::Trash:
        message.folder = store::Folder::Trash;
        message.localFolder.clear();
        break;
    }
    message.seen = message.seen || outcome.seen;
    message.flagged = message.flagged || outcome.flagged;
    message.deleteOnServer = message.deleteOnServer || outcome.deleteOnServer;
    for (const QString &keyword : outcome.keywords) {
        if (!message.tags.contains(keyword, Qt::CaseInsensitive))
            message.tags.append(keyword);
    }
    message.filedBy = outcome.ruleName;
    message.filedByLine = outcome.ruleLine;
}

} // namespace poplar::filters
