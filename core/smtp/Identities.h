// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "mime/MessageBuilder.h"
#include "mime/ReplyBuilder.h"

#include <QList>

#include <optional>

namespace poplar::smtp {

/// Who mail from `account` is from: its identity's name and address.
[[nodiscard]] mime::MailAddress senderOf(const Account &account);
/// The reply's or forward's author: `account`'s identity (sender, Reply-To, signature), and
/// every address of `all` accounts as the user's own (left out of Reply All).
[[nodiscard]] mime::Responder responderFor(const Account &account, const QList<Account> &all);
/// The account's signature as it goes under a text: "-- \n", the signature and a line end
/// (RFC 3676 §4.3); empty when it has none.
[[nodiscard]] QString signatureBlock(const Account &account);
/// A new message from `account`: its sender, its Reply-To, and its signature under an empty
/// text (RFC 3676 §4.3's "-- " line).
[[nodiscard]] mime::OutgoingMessage newMessageFrom(const Account &account);
/// The account a reply to a message of `messageAccountId` goes out from: that one when it
/// can send, else the first of `all` that can; none when none can.
[[nodiscard]] std::optional<Account> sendingAccountFor(const QString &messageAccountId,
                                                       const QList<Account> &all);

} // namespace poplar::smtp
