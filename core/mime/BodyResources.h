// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace poplar::mime {

/// Where a shown message's body gets its images: the message's own parts (cid: and
/// Content-Location URLs), data: URLs, and, only once the user allowed remote content for
/// this message, http and https images fetched with no cookies and a size cap. Never a
/// local file, whatever the HTML asks for. GUI thread.
class BodyResources : public QObject {
    Q_OBJECT

public:
    explicit BodyResources(QObject *parent = nullptr);

    /// A new message: its inline parts, and whether it may fetch from the net.
    void reset(const QHash<QString, InlineResource> &inlineResources, bool remoteAllowed);

    /// An image's bytes as they came, and the MIME type the message (or the server) gave
    /// them; the type is a claim to check, not a fact.
    struct Bytes {
        QByteArray data;
        QString declaredType;
    };

    /// The bytes for `url`, or empty. For an allowed remote URL not fetched yet, empty now,
    /// and fetched() follows when the bytes are here.
    [[nodiscard]] Bytes image(const QUrl &url);

    static constexpr qint64 maxRemoteBytes = 10 * 1024 * 1024;
    static constexpr int maxRemoteRequests = 200;

Q_SIGNALS:
    void fetched(const QUrl &url);

private:
    void fetch(const QUrl &url);

    QHash<QString, InlineResource> m_inline;
    bool m_remoteAllowed = false;
    QHash<QUrl, Bytes> m_remote;
    QSet<QUrl> m_requested;
    quint64 m_generation = 0; ///< replies for an earlier message are dropped
    QNetworkAccessManager *m_network = nullptr;
};

/// The bytes of a data: URL (RFC 2397), base64 or percent-encoded; empty if malformed.
[[nodiscard]] QByteArray dataUrlBytes(const QUrl &url);
/// The media type a data: URL declares ("image/png"), lower case; empty if none.
[[nodiscard]] QString dataUrlType(const QUrl &url);

} // namespace poplar::mime
