// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes, as HTML, go through the path the viewer takes: the sanitizer,
// then QTextDocument (setHtml and layout at a fixed width). Nothing may crash or hang
// (libFuzzer's -timeout), and the sanitized HTML keeps the safety invariants.
#include "mime/HtmlSanitizer.h"

#include "SafetyInvariants.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QTextDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv); // fonts and layout need a GUI application
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const poplar::mime::SanitizedHtml clean = poplar::mime::sanitizeHtml(html, size % 2 == 0);
    poplar::fuzz::checkSanitizedHtml(clean.html);
    QTextDocument document;
    document.setHtml(clean.html);
    document.setTextWidth(600);
    const QSizeF laidOut = document.documentLayout()->documentSize();
    return laidOut.width() >= 0 ? 0 : 1;
}
