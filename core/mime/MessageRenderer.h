// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"

#include <QByteArray>
#include <QCoreApplication>

namespace poplar::mime {

/// Caps that keep a hostile message from costing unbounded time or memory. Past a cap the
/// reader shows what it has and says so in a warning.
struct RenderLimits {
    int maxParts = 1000;                           ///< MIME parts visited
    int maxDepth = 32;                             ///< multipart and message nesting
    qint64 maxDecodedBytes = 256LL * 1024 * 1024;  ///< attachment bytes kept in memory
    qint64 maxTextBytes = 8LL * 1024 * 1024;       ///< bytes of one text part shown
    qint64 maxHtmlTreeBytes = 128LL * 1024 * 1024; ///< parser memory for one HTML part
};

struct RenderOptions {
    bool preferHtml = true;          ///< of multipart/alternative, show HTML (else plain text)
    bool allowRemoteContent = false; ///< keep remote images and CSS in the HTML body
    RenderLimits limits;
};

/// Parses raw RFC 5322 bytes with GMime into plain Qt values. Any thread: each call makes
/// and drops its own GMime objects, none escapes. Never fails: what cannot be read becomes
/// a warning in the result.
class MessageRenderer {
    Q_DECLARE_TR_FUNCTIONS(poplar::mime::MessageRenderer)

public:
    /// Headers only: what the cache needs to list a message.
    [[nodiscard]] static MessageHeaders headers(const QByteArray &raw);
    /// The raw (undecoded, unfolded by GMime) values of every top-level header `name`
    /// (any case), in order; reads the header block only.
    [[nodiscard]] static QList<QByteArray> headerValues(const QByteArray &raw, const char *name);
    /// Every top-level header field, in order: its name as written and its raw value (line
    /// breaks of its continuations included). The same fields the list and the viewer read,
    /// so a filter tests what the user is shown.
    [[nodiscard]] static QList<std::pair<QByteArray, QByteArray>>
    headerFields(const QByteArray &raw);
    /// The whole message as the reader shows it.
    [[nodiscard]] static RenderedMessage render(const QByteArray &raw, RenderLimits limits = {});
    [[nodiscard]] static RenderedMessage render(const QByteArray &raw,
                                                const RenderOptions &options);
};

} // namespace poplar::mime
