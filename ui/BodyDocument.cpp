// SPDX-License-Identifier: GPL-3.0-or-later
#include "BodyDocument.h"

#include "mime/BodyResources.h"
#include "mime/TextLimits.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QTextBlock>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace poplar::ui {

namespace {

/// Pixels an image in a body keeps at most (a 2048x2048 square): larger ones are scaled.
constexpr qint64 maxBodyImagePixels = 2048 * 2048;

} // namespace

BodyDocument::BodyDocument(Resolver resolver, QObject *parent)
    : QTextDocument(parent)
    , m_resolver(std::move(resolver))
{}

QVariant BodyDocument::loadResource(int type, const QUrl &name)
{
    // Never QTextDocument's own: it would read local files for relative and file: URLs.
    if (type != QTextDocument::ImageResource || !m_resolver)
        return {};
    const QVariant image = m_resolver(name);
    if (image.isValid())
        addResource(type, name, image); // kept: a layout asks for each image again and again
    return image;
}

std::unique_ptr<BodyDocument> layOutBody(const mime::RenderedMessage &message,
                                         const BodyLayout &layout, BodyDocument::Resolver resolver,
                                         QThread *target)
{
    auto document = std::make_unique<BodyDocument>(std::move(resolver));
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(layout.font);
    document->setDocumentMargin(layout.margin);
    document->setTextWidth(layout.width);
    // A huge plain text laid out as HTML (a <br> per line) costs more than as plain text,
    // and there is no markup to lose.
    if (!message.html && message.text.size() > plainLayoutAbove)
        document->setPlainText(mime::breakLongWords(message.text));
    else
        document->setHtml(message.htmlBody);
    // Every image decoded here, once: the GUI thread's layout finds them in the cache.
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                (void)document->resource(QTextDocument::ImageResource,
                                         QUrl(format.toImageFormat().name()));
        }
    }
    document->moveToThread(target);
    return document;
}

BodyDocument::Resolver inlineImageResolver(const QHash<QString, mime::InlineResource> &parts)
{
    return [parts](const QUrl &url) -> QVariant {
        QByteArray bytes;
        if (const auto it = parts.constFind(url.toString()); it != parts.cend())
            bytes = it->data;
        else if (url.scheme().compare(QLatin1String("data"), Qt::CaseInsensitive) == 0)
            bytes = mime::dataUrlBytes(url);
        if (bytes.isEmpty())
            return {};
        QBuffer buffer(&bytes);
        QImageReader reader(&buffer);
        // Scaled while decoded: a 5600x5600 image would keep 120 MB, and more as a pixmap.
        if (const QSize size = reader.size(); size.isValid()) {
            const qint64 pixels = qint64(size.width()) * size.height();
            if (pixels > maxBodyImagePixels) {
                const double scale = std::sqrt(double(maxBodyImagePixels) / double(pixels));
                reader.setScaledSize(QSize(std::max(1, int(size.width() * scale)),
                                           std::max(1, int(size.height() * scale))));
            }
        }
        const QImage image = reader.read();
        if (image.isNull())
            return {};
        return image;
    };
}

} // namespace poplar::ui
