// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "mime/RenderedMessage.h"
#include "store/DeletionQueue.h"
#include "store/MessageSummary.h"
#include "store/OutboxStore.h"
#include "store/TagStore.h"

#include <QJsonObject>

/// The JSON shapes of poplarctl (DESIGN.md): a public interface, changed only by extending.
namespace poplar::json {

[[nodiscard]] QJsonObject address(const mime::MailAddress &a);
/// One `list` row: id, account, uidl, folder, from, subject, date, size, seen, partial, ...,
/// tags.
/// `tags`: every tag (TagStore::tags()); the message's appear as "tags", their stored
/// names in the tags' order.
[[nodiscard]] QJsonObject summary(const store::MessageSummary &s,
                                  const QList<store::Tag> &tags = {});
/// `show`/`render`: subject, from, to, cc, date, text, html, attachments,
/// remoteContentBlocked, warnings.
[[nodiscard]] QJsonObject rendered(const mime::RenderedMessage &m);
/// `pending`: account, uidl, reason, since, messageId (or null), subject.
[[nodiscard]] QJsonObject pendingDeletion(const store::PendingDeletion &p);
/// `account list`: the settings, never a password.
[[nodiscard]] QJsonObject account(const Account &a);
/// `outbox`: id, account, subject, from, recipients, state (queued|sending|failed|sent),
/// attempts, nextAttempt, error, serverText, mayHaveBeenSentAlready, queuedAt, sentAt.
[[nodiscard]] QJsonObject outgoing(const store::OutgoingRecord &r);

} // namespace poplar::json
