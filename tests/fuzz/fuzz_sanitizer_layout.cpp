// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes, as HTML, go through the path the viewer takes: the sanitizer,
// then QTextDocument (setHtml and layout at a fixed width). Nothing may crash or hang
// (libFuzzer's -timeout), and the sanitized HTML keeps the safety invariants.
#include "mime/HtmlSanitizer.h"

#include "SafetyInvariants.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QImage>
#include <QTextDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

/// Answers resources as the viewer does (ui/BodyDocument.cpp, MessageView::resource): never
/// from a file and never "nothing", but a blank pixel for an image that is not loaded. A bare
/// QTextDocument reads local files named by the HTML, and Qt 6.4's table layout never ends
/// with null images sized by width alone (tests/bench/LayoutBombs.cpp).
class ViewerLikeDocument final : public QTextDocument {
protected:
    QVariant loadResource(int type, const QUrl &) override
    {
        if (type != QTextDocument::ImageResource)
            return QVariant(QByteArray());
        QImage blank(1, 1, QImage::Format_ARGB32);
        blank.fill(Qt::transparent);
        return blank;
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv); // fonts and layout need a GUI application
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const bool remoteAllowed = size % 2 == 0;
    const poplar::mime::SanitizedHtml clean = poplar::mime::sanitizeHtml(html, remoteAllowed);
    poplar::fuzz::checkSanitizedHtml(clean.html, remoteAllowed);
    ViewerLikeDocument document;
    document.setHtml(clean.html);
    document.setTextWidth(600);
    const QSizeF laidOut = document.documentLayout()->documentSize();
    return laidOut.width() >= 0 ? 0 : 1;
}
