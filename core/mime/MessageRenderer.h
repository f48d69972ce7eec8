// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"

#include <QByteArray>

namespace poplar::mime {

/// Caps that keep a hostile message from costing unbounded time or memory.
struct RenderLimits {
    int maxParts = 1000;
};

/// Parses raw RFC 5322 bytes with GMime into plain Qt values. Any thread: each call makes
/// and drops its own GMime objects, none escapes. Never fails: what cannot be read becomes
/// a warning in the result.
class MessageRenderer {
public:
    /// Headers only: what the cache needs to list a message.
    [[nodiscard]] static MessageHeaders headers(const QByteArray &raw);
    /// The whole message as the reader shows it.
    [[nodiscard]] static RenderedMessage render(const QByteArray &raw, RenderLimits limits = {});
};

} // namespace poplar::mime
