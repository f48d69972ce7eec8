// SPDX-License-Identifier: GPL-3.0-or-later
// Mail images: only PNG, JPEG, GIF and WebP become pixels, told by their bytes and checked
// against the declared type; SVG never (it reads local files); large images come scaled,
// and one message decodes a bounded amount.
#include "MailImageDecoder.h"
#include "MessageView.h"

#include "UiTestUtil.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>

#include <gtest/gtest.h>

#include <sys/inotify.h>
#include <unistd.h>

using poplar::ui::MailImageDecoder;
using poplar::ui::MessageView;

namespace {

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(image.save(&buffer, format)) << format;
    return bytes;
}

/// A 1 × 1 GIF (Qt writes no GIF).
QByteArray tinyGif()
{
    return QByteArray::fromBase64("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
}

QImage redSquare(int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::red);
    return image;
}

/// Counts how often a file is opened while alive (inotify IN_OPEN): the proof that nothing
/// read it, without tracing the process.
class OpenWatch {
public:
    explicit OpenWatch(const QString &path)
        : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        EXPECT_GE(m_fd, 0);
        EXPECT_GE(inotify_add_watch(m_fd, QFile::encodeName(path).constData(), IN_OPEN), 0);
    }
    ~OpenWatch() { ::close(m_fd); }
    OpenWatch(const OpenWatch &) = delete;
    OpenWatch &operator=(const OpenWatch &) = delete;

    int opens()
    {
        alignas(inotify_event) char events[4096];
        for (;;) {
            const ssize_t n = ::read(m_fd, events, sizeof events);
            if (n <= 0)
                break;
            for (ssize_t at = 0; at < n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(events + at);
                if (e->mask & IN_OPEN)
                    ++m_opens;
                at += ssize_t(sizeof(inotify_event) + e->len);
            }
        }
        return m_opens;
    }

private:
    int m_fd;
    int m_opens = 0;
};

/// An SVG that pulls in a local PNG, as a hostile message would.
QByteArray svgReading(const QString &path)
{
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"64\" height=\"64\">"
           "<image x=\"0\" y=\"0\" width=\"64\" height=\"64\" xlink:href=\"" +
           QFile::encodeName(path) + "\"/></svg>";
}

TEST(MailImageDecoder, AllowedRasterFormatsAreTheirOwnMagicBytes)
{
    EXPECT_EQ(MailImageDecoder::sniff(encoded(redSquare(2), "PNG")), MailImageDecoder::Format::Png);
    EXPECT_EQ(MailImageDecoder::sniff(encoded(redSquare(2), "JPEG")),
              MailImageDecoder::Format::Jpeg);
    EXPECT_EQ(MailImageDecoder::sniff(tinyGif()), MailImageDecoder::Format::Gif);
    EXPECT_EQ(MailImageDecoder::sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
              MailImageDecoder::Format::None);
    EXPECT_EQ(MailImageDecoder::sniff("<?xml version=\"1.0\"?><svg/>"),
              MailImageDecoder::Format::None);
    EXPECT_EQ(MailImageDecoder::sniff("BM\0\0"), MailImageDecoder::Format::None);
    EXPECT_EQ(MailImageDecoder::sniff("RIFF\0\0\0\0WAVE"), MailImageDecoder::Format::None);
}

TEST(MailImageDecoder, DecodesPngJpegGifAndWebP)
{
    MailImageDecoder decoder;
    for (const char *format : {"PNG", "JPEG"}) {
        const QImage image = decoder.decode(encoded(redSquare(8), format), QString());
        EXPECT_EQ(image.size(), QSize(8, 8)) << format;
    }
    EXPECT_EQ(decoder.decode(tinyGif(), QStringLiteral("image/gif")).size(), QSize(1, 1));
    if (!QImageReader::supportedImageFormats().contains("webp"))
        GTEST_SKIP() << "Qt's WebP plugin is missing (packaging/install-deps.sh installs it)";
    const QByteArray webp = encoded(redSquare(8), "WEBP");
    EXPECT_EQ(MailImageDecoder::sniff(webp), MailImageDecoder::Format::WebP);
    EXPECT_EQ(decoder.decode(webp, QStringLiteral("image/webp")).size(), QSize(8, 8));
}

TEST(MailImageDecoder, DeclaredTypeMustBeAnAllowedRaster)
{
    MailImageDecoder decoder;
    const QByteArray png = encoded(redSquare(4), "PNG");
    EXPECT_FALSE(decoder.decode(png, QStringLiteral("image/png")).isNull());
    EXPECT_FALSE(decoder.decode(png, QStringLiteral("IMAGE/PNG; name=a.png")).isNull());
    EXPECT_FALSE(decoder.decode(png, QStringLiteral("application/octet-stream")).isNull());
    // Mixed up among allowed rasters: decoded as what the bytes are.
    EXPECT_FALSE(decoder.decode(png, QStringLiteral("image/jpeg")).isNull());
    // Claimed to be something else: nothing.
    EXPECT_TRUE(decoder.decode(png, QStringLiteral("image/svg+xml")).isNull());
    EXPECT_TRUE(decoder.decode(png, QStringLiteral("text/html")).isNull());
    EXPECT_TRUE(decoder.decode(png, QStringLiteral("image/tiff")).isNull());
    // Broken bytes behind good magic: nothing, and no crash.
    EXPECT_TRUE(decoder.decode(png.left(40), QStringLiteral("image/png")).isNull());
    EXPECT_TRUE(decoder.decode("\x89PNG\r\n\x1a\n", QStringLiteral("image/png")).isNull());
    EXPECT_TRUE(decoder.decode(QByteArray(), QString()).isNull());
}

TEST(MailImageDecoder, SvgIsNeverDecodedAndOpensNoFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString secret = dir.filePath(QStringLiteral("secret.png"));
    ASSERT_TRUE(redSquare(16).save(secret, "PNG"));
    const QByteArray svg = svgReading(secret);

    // The attack is real: Qt's own auto-detection opens the file (when its SVG plugin is here).
    if (QImageReader::supportedImageFormats().contains("svg")) {
        OpenWatch control(secret);
        const QImage guessed = QImage::fromData(svg);
        EXPECT_FALSE(guessed.isNull());
        EXPECT_GE(control.opens(), 1) << "Qt's SVG reader did not open the linked file";
    }

    OpenWatch watch(secret);
    MailImageDecoder decoder;
    for (const char *declared : {"image/png", "image/svg+xml", "", "application/octet-stream"})
        EXPECT_TRUE(decoder.decode(svg, QString::fromLatin1(declared)).isNull()) << declared;
    // Even behind a PNG's magic bytes the SVG is read as PNG, never as SVG.
    EXPECT_TRUE(decoder.decode("\x89PNG\r\n\x1a\n" + svg, QStringLiteral("image/png")).isNull());
    EXPECT_EQ(watch.opens(), 0);
    EXPECT_EQ(decoder.decodedBytes(), 0);
}

TEST(MailImageDecoder, LargeImagesAreScaledOnDecode)
{
    // 5600 × 5600 (31 Mpx, 125 MB decoded at full size): comes at most maxPixels.
    QImage big(5600, 5600, QImage::Format_Mono);
    big.fill(0);
    const QByteArray png = encoded(big, "PNG");
    ASSERT_LT(png.size(), 1024 * 1024);
    MailImageDecoder decoder;
    const QImage image = decoder.decode(png, QStringLiteral("image/png"));
    ASSERT_FALSE(image.isNull());
    EXPECT_LE(image.width(), MailImageDecoder::maxSide);
    EXPECT_LE(qint64(image.width()) * image.height(), MailImageDecoder::maxPixels);
    EXPECT_EQ(image.width(), image.height()); // the aspect is kept
    EXPECT_GT(image.width(), 2000);
    EXPECT_LE(decoder.decodedBytes(), qint64(image.sizeInBytes()));

    // A wide strip keeps its shape within the longest side.
    EXPECT_EQ(MailImageDecoder::boundedSize(QSize(20000, 100)), QSize(4096, 20));
    EXPECT_EQ(MailImageDecoder::boundedSize(QSize(640, 480)), QSize(640, 480));
}

TEST(MailImageDecoder, OneMessageDecodesABoundedAmount)
{
    MailImageDecoder decoder;
    // Large, cheap to send (one colour compresses well): each decodes to maxPixels * 4 bytes.
    QImage large(2896, 2896, QImage::Format_RGB32);
    large.fill(Qt::blue);
    const QByteArray png = encoded(large, "PNG");
    int shown = 0;
    for (int i = 0; i < 8; ++i) {
        if (!decoder.decode(png, QStringLiteral("image/png")).isNull())
            ++shown;
    }
    EXPECT_GE(shown, 1);
    EXPECT_LT(shown, 8);
    EXPECT_LE(decoder.decodedBytes(), MailImageDecoder::maxBytesPerMessage);
    // Small ones still fit beside them until the budget is spent; a new message starts afresh.
    decoder.reset();
    EXPECT_EQ(decoder.decodedBytes(), 0);
    EXPECT_FALSE(decoder.decode(png, QStringLiteral("image/png")).isNull());
}

// The viewer decodes through it: the attack as a message would carry it.
class MailImagesInTheViewer : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_secret = m_dir.filePath(QStringLiteral("secret.png"));
        ASSERT_TRUE(redSquare(16).save(m_secret, "PNG"));
    }

    /// Shows `raw` and asks the body for `url` as its layout would; returns what it got.
    QImage shownImage(MessageView &view, const QByteArray &raw, const QString &url)
    {
        QSignalSpy rendered(&view, &MessageView::rendered);
        view.showMessage(1, raw);
        EXPECT_TRUE(poplar::test::waitUntil([&] { return rendered.count() >= 1; }));
        auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
        EXPECT_NE(body, nullptr);
        if (!body)
            return {};
        return body->loadResource(QTextDocument::ImageResource, QUrl(url)).value<QImage>();
    }

    QTemporaryDir m_dir;
    QString m_secret;
};

/// Nothing of `image` but transparent pixels: the viewer's placeholder, no content.
bool isPlaceholder(const QImage &image)
{
    return image.isNull() || (image.size() == QSize(1, 1) && image.pixelColor(0, 0).alpha() == 0);
}

TEST_F(MailImagesInTheViewer, SvgInADataPngUrlShowsNothingAndOpensNoFile)
{
    const QByteArray dataUrl = "data:image/png;base64," + svgReading(m_secret).toBase64();
    const QByteArray raw = "From: a@example.org\r\nSubject: Pic\r\nMIME-Version: 1.0\r\n"
                           "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Pic <img src=\"" +
                           dataUrl + "\"></p>\r\n";
    OpenWatch watch(m_secret);
    MessageView view;
    view.show();
    const QImage shown = shownImage(view, raw, QString::fromLatin1(dataUrl));
    EXPECT_TRUE(isPlaceholder(shown)) << shown.width() << "x" << shown.height();
    QCoreApplication::processEvents();
    EXPECT_EQ(watch.opens(), 0);
    EXPECT_EQ(view.imageDecoder().decodedBytes(), 0);
}

TEST_F(MailImagesInTheViewer, SvgCidPartShowsNothingAndOpensNoFile)
{
    const QByteArray raw =
        "From: a@example.org\r\nSubject: Logo\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/related; boundary=\"r\"\r\n\r\n--r\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Logo <img src=\"cid:logo@x\"></p>\r\n"
        "--r\r\nContent-Type: image/svg+xml\r\nContent-ID: <logo@x>\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        svgReading(m_secret).toBase64() + "\r\n--r--\r\n";
    OpenWatch watch(m_secret);
    MessageView view;
    view.show();
    const QImage shown = shownImage(view, raw, QStringLiteral("cid:logo@x"));
    EXPECT_TRUE(isPlaceholder(shown)) << shown.width() << "x" << shown.height();
    QCoreApplication::processEvents();
    EXPECT_EQ(watch.opens(), 0);
    EXPECT_EQ(view.imageDecoder().decodedBytes(), 0);
}

TEST_F(MailImagesInTheViewer, HugeInlinePngIsShownScaled)
{
    QImage big(5600, 5600, QImage::Format_Mono);
    big.fill(1);
    const QByteArray raw =
        "From: a@example.org\r\nSubject: Big\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/related; boundary=\"r\"\r\n\r\n--r\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n<p><img src=\"cid:big@x\"></p>\r\n"
        "--r\r\nContent-Type: image/png\r\nContent-ID: <big@x>\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        encoded(big, "PNG").toBase64() + "\r\n--r--\r\n";
    MessageView view;
    const QImage shown = shownImage(view, raw, QStringLiteral("cid:big@x"));
    ASSERT_FALSE(shown.isNull());
    EXPECT_LE(shown.width(), MailImageDecoder::maxSide);
    EXPECT_LE(qint64(shown.width()) * shown.height(), MailImageDecoder::maxPixels);
    EXPECT_GT(shown.width(), 1);
}

TEST_F(MailImagesInTheViewer, ImagesOverTheBudgetAreNotDecodedAgainOnTheGuiThread)
{
    // Four images of maxPixels each: the message's budget holds two. The others must stay
    // refused, not be decoded afresh on the GUI thread when the layout asks for them.
    QImage large(2896, 2896, QImage::Format_RGB32);
    large.fill(Qt::blue);
    const QByteArray png = encoded(large, "PNG").toBase64();
    QByteArray html = "<p>";
    QByteArray parts;
    for (int i = 0; i < 4; ++i) {
        const QByteArray cid = "img" + QByteArray::number(i) + "@x";
        html += "<img src=\"cid:" + cid + "\">";
        parts += "--r\r\nContent-Type: image/png\r\nContent-ID: <" + cid +
                 ">\r\nContent-Transfer-Encoding: base64\r\n\r\n" + png + "\r\n";
    }
    const QByteArray raw = "From: a@example.org\r\nSubject: Four\r\nMIME-Version: 1.0\r\n"
                           "Content-Type: multipart/related; boundary=\"r\"\r\n\r\n--r\r\n"
                           "Content-Type: text/html; charset=utf-8\r\n\r\n" +
                           html + "</p>\r\n" + parts + "--r--\r\n";
    MessageView view;
    view.resize(900, 700);
    view.show();
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(1, raw);
    ASSERT_TRUE(poplar::test::waitUntil([&] { return rendered.count() >= 1; }));
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    qint64 shownBytes = 0;
    int shown = 0;
    for (int i = 0; i < 4; ++i) {
        const QUrl url(QStringLiteral("cid:img%1@x").arg(i));
        const QImage image =
            body->document()->resource(QTextDocument::ImageResource, url).value<QImage>();
        if (!isPlaceholder(image)) {
            ++shown;
            shownBytes += image.sizeInBytes();
        }
    }
    EXPECT_GE(shown, 1);
    EXPECT_LT(shown, 4);
    EXPECT_LE(shownBytes, MailImageDecoder::maxBytesPerMessage);
    EXPECT_EQ(view.imageDecoder().decodedBytes(), 0) << "decoded again on the GUI thread";
}

TEST_F(MailImagesInTheViewer, TheDocumentNeverFallsBackToLocalFilesOrDataUrls)
{
    // What the layout asks for goes through QTextDocument::resource; when the browser
    // returns nothing, Qt itself decodes data: URLs and reads local files. It never may.
    const QByteArray raw = "From: a@example.org\r\nSubject: x\r\n\r\nHello.\r\n";
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(1, raw);
    ASSERT_TRUE(poplar::test::waitUntil([&] { return rendered.count() >= 1; }));
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    OpenWatch watch(m_secret);
    const QList<QUrl> urls = {
        QUrl::fromLocalFile(m_secret), QUrl(m_secret), QUrl(QFileInfo(m_secret).fileName()),
        QUrl(QString::fromLatin1("data:image/png;base64," + svgReading(m_secret).toBase64()))};
    for (const QUrl &url : urls) {
        for (int type : {int(QTextDocument::ImageResource), int(QTextDocument::StyleSheetResource),
                         int(QTextDocument::HtmlResource)}) {
            const QVariant got = body->document()->resource(type, url);
            if (got.metaType() == QMetaType::fromType<QImage>()) {
                EXPECT_TRUE(isPlaceholder(got.value<QImage>())) << qPrintable(url.toString());
            } else if (got.metaType() == QMetaType::fromType<QByteArray>()) {
                EXPECT_TRUE(got.toByteArray().isEmpty()) << qPrintable(url.toString());
            }
        }
    }
    EXPECT_EQ(watch.opens(), 0);
}

} // namespace
