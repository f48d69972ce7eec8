// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/TextParts.h"

#include "mime/Charset.h"
#include "mime/FlowedText.h"
#include "mime/GObjectPtr.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>

namespace poplar::mime {

QByteArray decodedContent(GMimePart *part, qint64 maxBytes, bool *truncated)
{
    if (truncated)
        *truncated = false;
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    auto stream = GObjectPtr<GMimeStream>::adopt(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    qsizetype length = qsizetype(bytes->len);
    if (maxBytes >= 0 && length > maxBytes) {
        length = qsizetype(maxBytes);
        if (truncated)
            *truncated = true;
    }
    return QByteArray(reinterpret_cast<const char *>(bytes->data), length);
}

QByteArray charsetOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return {};
    const char *charset = g_mime_content_type_get_parameter(type, "charset");
    return charset ? QByteArray(charset) : QByteArray();
}

namespace {

QString parameter(GMimeObject *object, const char *name)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    const char *value = type ? g_mime_content_type_get_parameter(type, name) : nullptr;
    return value ? QString::fromUtf8(value).trimmed().toLower() : QString();
}

} // namespace

QByteArray htmlMetaCharset(QByteArrayView html)
{
    // A byte prescan, as the HTML standard's encoding sniffing does: the first charset=
    // in the first 4 KiB, within a <meta>. Not parsing: only a label is wanted.
    const QByteArray head =
        html.first(std::min<qsizetype>(html.size(), 4096)).toByteArray().toLower();
    const qsizetype meta = head.indexOf("<meta");
    if (meta < 0)
        return {};
    const qsizetype at = head.indexOf("charset=", meta);
    if (at < 0)
        return {};
    qsizetype i = at + 8;
    while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' '))
        ++i;
    const qsizetype begin = i;
    while (i < head.size() && (std::isalnum(uchar(head[i])) || head[i] == '-' || head[i] == '_' ||
                               head[i] == '.' || head[i] == ':'))
        ++i;
    return head.mid(begin, i - begin);
}

QString textOfPart(GMimePart *part, QStringList &warnings, qint64 maxBytes)
{
    bool truncated = false;
    const QByteArray bytes = decodedContent(part, maxBytes, &truncated);
    QByteArray charset = charsetOf(GMIME_OBJECT(part));
    // HTML often names its charset only in a <meta> tag; a browser would honour it.
    if (charset.isEmpty() && !isValidUtf8(bytes) &&
        g_mime_content_type_is_type(g_mime_object_get_content_type(GMIME_OBJECT(part)), "text",
                                    "html"))
        charset = htmlMetaCharset(bytes);
    const DecodedText decoded = decodeCharset(bytes, charset);
    if (!decoded.charsetKnown)
        warnings.append(
            QCoreApplication::translate("poplar::mime::TextParts",
                                        "Unknown character set \"%1\"; the text was guessed.")
                .arg(QString::fromLatin1(charset).left(40)));
    if (truncated)
        warnings.append(QCoreApplication::translate(
                            "poplar::mime::TextParts",
                            "A text part is longer than %1 MB; only the start is shown.")
                            .arg(maxBytes / (1024 * 1024)));
    QString text = decoded.text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (parameter(GMIME_OBJECT(part), "format") == QLatin1String("flowed"))
        text = unflow(text, parameter(GMIME_OBJECT(part), "delsp") == QLatin1String("yes"));
    return text;
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return QStringLiteral("application/octet-stream");
    GCharPtr name(g_mime_content_type_get_mime_type(type));
    return name ? QString::fromUtf8(name.get()).toLower()
                : QStringLiteral("application/octet-stream");
}

} // namespace poplar::mime
