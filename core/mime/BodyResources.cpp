// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/BodyResources.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace poplar::mime {

QByteArray dataUrlBytes(const QUrl &url)
{
    const QByteArray encoded = url.toEncoded();
    const qsizetype comma = encoded.indexOf(',');
    if (!encoded.startsWith("data:") || comma < 0)
        return {};
    const QByteArray meta = encoded.left(comma);
    const QByteArray payload = QByteArray::fromPercentEncoding(encoded.mid(comma + 1));
    return meta.endsWith(";base64") ? QByteArray::fromBase64(payload) : payload;
}

QString dataUrlType(const QUrl &url)
{
    const QByteArray encoded = url.toEncoded();
    const qsizetype comma = encoded.indexOf(',');
    if (!encoded.startsWith("data:") || comma < 0)
        return {};
    const QByteArray meta = QByteArray::fromPercentEncoding(encoded.mid(5, comma - 5));
    return QString::fromLatin1(meta.left(meta.indexOf(';'))).trimmed().toLower();
}

BodyResources::BodyResources(QObject *parent)
    : QObject(parent)
{}

void BodyResources::reset(const QHash<QString, InlineResource> &inlineResources, bool remoteAllowed)
{
    ++m_generation;
    m_inline = inlineResources;
    m_remoteAllowed = remoteAllowed;
    m_remote.clear();
    m_requested.clear();
}

BodyResources::Bytes BodyResources::image(const QUrl &url)
{
    if (const auto it = m_inline.constFind(url.toString()); it != m_inline.cend())
        return {it->data, it->mimeType};
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("data"))
        return {dataUrlBytes(url), dataUrlType(url)};
    if (!m_remoteAllowed || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return {};
    if (const auto it = m_remote.constFind(url); it != m_remote.cend())
        return *it;
    fetch(url);
    return {};
}

void BodyResources::fetch(const QUrl &url)
{
    if (m_requested.contains(url) || m_requested.size() >= maxRemoteRequests)
        return;
    m_requested.insert(url);
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(20'000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > maxRemoteBytes)
            reply->abort();
    });
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, generation] {
        reply->deleteLater();
        if (generation != m_generation || reply->error() != QNetworkReply::NoError)
            return;
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        m_remote.insert(url, {reply->readAll(), type});
        Q_EMIT fetched(url);
    });
}

} // namespace poplar::mime
