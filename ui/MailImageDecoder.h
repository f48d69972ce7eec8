// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace poplar::ui {

/// The one way an image that came with mail (an inline part, a data: URL, a remote image the
/// user allowed) becomes pixels. Only raster formats that cannot refer to anything outside
/// their own bytes are decoded: PNG, JPEG, GIF and WebP, recognised by their magic bytes and
/// checked against the type the message declared; never SVG or anything Qt would guess. A
/// large image is scaled while it is decoded, and one message decodes a bounded number of
/// bytes in all; past a cap the caller gets a null image (its placeholder). Not thread-safe:
/// one decoder per shown message, on the thread that lays the message out.
class MailImageDecoder {
public:
    enum class Format { None, Png, Jpeg, Gif, WebP };

    /// No side of a decoded image is longer than this...
    static constexpr int maxSide = 4096;
    /// ...and no decoded image has more pixels than this (larger ones are scaled down).
    static constexpr qint64 maxPixels = 8 * 1024 * 1024;
    /// Images whose header claims more pixels than this are not decoded at all.
    static constexpr qint64 maxSourcePixels = 100 * 1000 * 1000;
    /// What the images of one message may take decoded, in all.
    static constexpr qint64 maxBytesPerMessage = 64 * 1024 * 1024;

    /// The format `bytes` start like; None for anything not on the allow-list.
    [[nodiscard]] static Format sniff(const QByteArray &bytes);

    /// The pixels of `bytes`, or a null image: when the bytes are not an allowed format, when
    /// `declaredType` (a MIME type, parameters allowed, empty when unknown) names a type that
    /// is not an allowed raster format, when the image is broken, or when this message's
    /// budget is spent. Two allowed raster types mixed up (a JPEG labelled image/png) are
    /// decoded as what the bytes are.
    [[nodiscard]] QImage decode(const QByteArray &bytes, const QString &declaredType);

    /// A new message: the budget is whole again.
    void reset();

    /// Bytes of decoded pixels handed out since reset().
    [[nodiscard]] qint64 decodedBytes() const { return m_decodedBytes; }
    /// How many images were handed to an image reader since reset() (a test hook).
    [[nodiscard]] int readerRuns() const { return m_readerRuns; }

    /// The size `source` is decoded at: itself, or scaled down (aspect kept) to the caps.
    [[nodiscard]] static QSize boundedSize(const QSize &source);

private:
    qint64 m_decodedBytes = 0;
    int m_readerRuns = 0;
};

} // namespace poplar::ui
