// SPDX-License-Identifier: GPL-3.0-or-later
#include "LayoutBombs.h"

#include <QBuffer>
#include <QImage>

namespace poplar::bench {

namespace {

QByteArray message(const QByteArray &subject, const QByteArray &type, const QByteArray &body)
{
    return "From: Bomb <bomb@example.org>\r\nTo: me@example.org\r\nSubject: " + subject +
           "\r\nDate: Mon, 6 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: " +
           type + "\r\n\r\n" + body + "\r\n";
}

QByteArray html(const QString &body)
{
    return message("Layout", "text/html; charset=utf-8", body.toUtf8());
}

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0x20, 0x60, 0xa0));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray wrappedBase64(const QByteArray &bytes)
{
    const QByteArray b64 = bytes.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

QString nestedTables(int depth)
{
    return QStringLiteral("<table><tr><td>").repeated(depth) + QStringLiteral("deep") +
           QStringLiteral("</td></tr></table>").repeated(depth);
}

} // namespace

QList<LayoutBomb> layoutBombs(const QStringList &names)
{
    QList<LayoutBomb> out;
    auto want = [&names](const char *name) {
        return names.isEmpty() || names.contains(QLatin1String(name));
    };
    if (want("tables-nested-25"))
        out.append({QStringLiteral("tables-nested-25"), html(nestedTables(25))});
    if (want("tables-nested-10000"))
        out.append({QStringLiteral("tables-nested-10000"), html(nestedTables(10000))});
    if (want("table-spans-250")) {
        QString body = QStringLiteral("<table>");
        for (int row = 0; row < 10; ++row)
            body += QStringLiteral("<tr>") +
                    QStringLiteral("<td colspan=65535 rowspan=65535>x</td>").repeated(25) +
                    QStringLiteral("</tr>");
        out.append({QStringLiteral("table-spans-250"), html(body + QStringLiteral("</table>"))});
    }
    if (want("word-5mb-html"))
        out.append({QStringLiteral("word-5mb-html"),
                    html(QStringLiteral("<p>") + QString(5 * 1024 * 1024, QLatin1Char('w')) +
                         QStringLiteral("</p>"))});
    if (want("word-5mb-plain"))
        out.append(
            {QStringLiteral("word-5mb-plain"),
             message("Word", "text/plain; charset=us-ascii", QByteArray(5 * 1024 * 1024, 'w'))});
    if (want("subject-1mb"))
        out.append({QStringLiteral("subject-1mb"),
                    message(QByteArray(1024 * 1024, 's'), "text/plain; charset=us-ascii",
                            "A short body.")});
    if (want("images-4x5600")) {
        const QByteArray part = wrappedBase64(png(5600, 5600));
        QByteArray body = "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Images:";
        for (int i = 0; i < 4; ++i)
            body += "<img src=\"cid:img" + QByteArray::number(i) + "@x\">";
        body += "</p>\r\n";
        for (int i = 0; i < 4; ++i)
            body += "--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                    "Content-ID: <img" +
                    QByteArray::number(i) + "@x>\r\n\r\n" + part;
        body += "--b--";
        out.append({QStringLiteral("images-4x5600"),
                    message("Images", "multipart/related; boundary=\"b\"", body)});
    }
    // Found by the sanitizer-layout fuzzer: Qt 6.4's table layout never ends when an image
    // it cannot load, sized by width alone, comes before a table with another such image
    // after text in a cell. Remote images held back lose their source: newsletters' pixels.
    if (want("unloaded-images-width-only"))
        out.append({QStringLiteral("unloaded-images-width-only"),
                    html(QStringLiteral("<img src=\"http://tracker.example/a.gif\" width=\"1\">"
                                        "<table><tr><td>Hello<img width=\"1\" "
                                        "src=\"http://tracker.example/b.gif\"></td></tr>"
                                        "</table>"))});
    if (want("image-declared-huge"))
        out.append({QStringLiteral("image-declared-huge"),
                    html(QStringLiteral("<img width=\"100000\" height=\"100000\" "
                                        "src=\"data:image/png;base64,%1\">")
                             .arg(QString::fromLatin1(png(1, 1).toBase64())))});
    return out;
}

} // namespace poplar::bench
