// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"
#include "util/Error.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace poplar::smtp {

/// The addresses a composer offers as the user types, from the cache: the people the user
/// wrote to (in Sent and the Outbox) first, most written to first, then the people mail
/// came from, most frequent first; each address once, the user's own left out. Reads the
/// whole cache: run it off the GUI thread (ui::runOnCache). Any thread, its own connection.
class AddressSuggestions {
public:
    /// At most `limit` addresses in that order; `ownAddresses` (any case) are left out.
    [[nodiscard]] static Result<QList<mime::MailAddress>>
    load(const QSqlDatabase &db, const QStringList &ownAddresses, int limit = 5000);
};

} // namespace poplar::smtp
