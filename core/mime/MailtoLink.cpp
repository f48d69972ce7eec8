// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MailtoLink.h"

#include <QUrlQuery>

namespace poplar::mime {

QUrl mailtoForDesktop(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) != 0)
        return url;
    const QUrlQuery query(url);
    QUrlQuery kept;
    const auto items = query.queryItems(QUrl::FullyEncoded);
    for (const auto &[key, value] : items) {
        const QString k = QUrl::fromPercentEncoding(key.toUtf8()).trimmed().toLower();
        if (k == QLatin1String("to") || k == QLatin1String("cc") || k == QLatin1String("subject") ||
            k == QLatin1String("body"))
            kept.addQueryItem(k, value);
    }
    QUrl safe;
    safe.setScheme(QStringLiteral("mailto"));
    safe.setPath(url.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    if (!kept.isEmpty())
        safe.setQuery(kept.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return safe;
}

} // namespace poplar::mime
