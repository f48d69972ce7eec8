// SPDX-License-Identifier: GPL-3.0-or-later
#include "BodyDocument.h"

#include "MailImageDecoder.h"

#include "mime/BodyResources.h"
#include "mime/TextLimits.h"

#include <QImage>
#include <QTextBlock>
#include <QThread>

#include <memory>

namespace poplar::ui {

BodyDocument::BodyDocument(Resolver resolver, QObject *parent)
    : QTextDocument(parent)
    , m_resolver(std::move(resolver))
{}

QVariant BodyDocument::loadResource(int type, const QUrl &name)
{
    // Never QTextDocument's own, and never "nothing": with no answer, or a null image, Qt
    // reads a local file by the image's name, and decodes bytes with a guessed format (SVG,
    // which references files itself).
    if (type != QTextDocument::ImageResource)
        return QVariant(QByteArray());
    const QVariant image = m_resolver ? m_resolver(name) : QVariant();
    if (image.userType() == QMetaType::QImage && !image.value<QImage>().isNull()) {
        addResource(type, name, image); // kept: a layout asks for each image again and again
        return image;
    }
    // Not cached: the GUI thread's resolver may have it later (a remote image).
    QImage blank(1, 1, QImage::Format_ARGB32);
    blank.fill(Qt::transparent);
    return blank;
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
    // One decoder per built body: the message's budget is shared by all its images.
    auto decoder = std::make_shared<MailImageDecoder>();
    return [parts, decoder](const QUrl &url) -> QVariant {
        QByteArray bytes;
        QString declaredType;
        if (const auto it = parts.constFind(url.toString()); it != parts.cend()) {
            bytes = it->data;
            declaredType = it->mimeType;
        } else if (url.scheme().compare(QLatin1String("data"), Qt::CaseInsensitive) == 0) {
            bytes = mime::dataUrlBytes(url);
            declaredType = mime::dataUrlType(url);
        }
        if (bytes.isEmpty())
            return {};
        QImage image = decoder->decode(bytes, declaredType);
        if (image.isNull()) {
            // Refused (not an allowed raster, or over the message's budget): answered here,
            // so the document keeps it, and the GUI thread's resolver never decodes it again
            // with a budget of its own.
            image = QImage(1, 1, QImage::Format_ARGB32);
            image.fill(Qt::transparent);
        }
        return image;
    };
}

} // namespace poplar::ui
