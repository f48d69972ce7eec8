// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailImageDecoder.h"

#include <QBuffer>
#include <QImageReader>

#include <algorithm>
#include <cmath>

namespace poplar::ui {

namespace {

using Format = MailImageDecoder::Format;

/// What a declared MIME type allows: an allowed raster format, "whatever the bytes are"
/// (no type, or the generic octet-stream), or nothing at all.
enum class Declared { Raster, Unknown, Refused };

Declared declaredKind(const QString &mimeType)
{
    const QString type = mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type.isEmpty() || type == QLatin1String("application/octet-stream"))
        return Declared::Unknown;
    static const char *const raster[] = {"image/png",  "image/x-png", "image/apng",
                                         "image/jpeg", "image/jpg",   "image/pjpeg",
                                         "image/gif",  "image/webp",  "image/x-webp"};
    for (const char *r : raster) {
        if (type == QLatin1String(r))
            return Declared::Raster;
    }
    return Declared::Refused; // image/svg+xml, text/html, image/tiff, anything else
}

const char *readerFormat(Format format)
{
    switch (format) {
    case Format::Png:
        return "png";
    case Format::Jpeg:
        return "jpeg";
    case Format::Gif:
        return "gif";
    case Format::WebP:
        return "webp";
    case Format::None:
        break;
    }
    return nullptr;
}

} // namespace

MailImageDecoder::Format MailImageDecoder::sniff(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return Format::Png;
    if (bytes.startsWith("\xff\xd8\xff"))
        return Format::Jpeg;
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return Format::Gif;
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return Format::WebP;
    return Format::None;
}

QSize MailImageDecoder::boundedSize(const QSize &source)
{
    if (source.isEmpty())
        return {};
    const double w = source.width();
    const double h = source.height();
    double scale = std::min({1.0, maxSide / w, maxSide / h});
    if (w * h * scale * scale > double(maxPixels))
        scale = std::sqrt(double(maxPixels) / (w * h));
    // Rounded down, so the caps hold; never below one pixel.
    return {std::max(1, int(w * scale)), std::max(1, int(h * scale))};
}

QImage MailImageDecoder::decode(const QByteArray &bytes, const QString &declaredType)
{
    const Format format = sniff(bytes);
    if (format == Format::None || declaredKind(declaredType) == Declared::Refused)
        return {};
    if (m_decodedBytes >= maxBytesPerMessage)
        return {};

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    // The format is ours, from the magic bytes: Qt must not guess one (SVG reads files).
    QImageReader reader(&buffer, readerFormat(format));
    reader.setDecideFormatFromContent(false);
    reader.setAutoDetectImageFormat(false);
    if (!reader.canRead())
        return {};
    const QSize source = reader.size();
    if (source.isEmpty() || qint64(source.width()) * source.height() > maxSourcePixels)
        return {};
    const QSize target = boundedSize(source);
    if (target != source)
        reader.setScaledSize(target);
    // What this image will take decoded, at most 4 bytes a pixel: over the budget, not read.
    const qint64 expected = qint64(target.width()) * target.height() * 4;
    if (m_decodedBytes + expected > maxBytesPerMessage)
        return {};
    ++m_readerRuns;
    QImage image = reader.read();
    if (image.isNull())
        return {};
    // A reader that ignored the scaled size still hands out no more than the caps.
    if (image.width() > target.width() || image.height() > target.height())
        image = image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_decodedBytes += image.sizeInBytes();
    return image;
}

void MailImageDecoder::reset()
{
    m_decodedBytes = 0;
    m_readerRuns = 0;
}

} // namespace poplar::ui
