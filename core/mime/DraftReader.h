// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageBuilder.h"

#include <QByteArray>

namespace poplar::mime {

/// A draft as MessageBuilder wrote it (Purpose::Draft), read back into the message being
/// written: addresses (Bcc too), subject, threading, the text (unflowed) and attachments,
/// a forwarded message as the bytes GMime gives back for it. Any thread.
[[nodiscard]] OutgoingMessage readDraft(const QByteArray &raw);

} // namespace poplar::mime
