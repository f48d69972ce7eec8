// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/DraftReader.h"

#include "mime/FlowedText.h"
#include "mime/GObjectPtr.h"
#include "mime/MessageRenderer.h"

#include <gmime/gmime.h>

#include <QRegularExpression>
#include <QStringDecoder>

#include <mutex>

namespace poplar::mime {

namespace {

QByteArray bytesOf(GMimeStream *stream)
{
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    return QByteArray(reinterpret_cast<const char *>(array->data), qsizetype(array->len));
}

QByteArray decodedContent(GMimePart *part)
{
    auto out = GObjectPtr<GMimeStream>::adopt(g_mime_stream_mem_new());
    if (GMimeDataWrapper *content = g_mime_part_get_content(part))
        g_mime_data_wrapper_write_to_stream(content, out.get());
    return bytesOf(out.get());
}

QString textOf(GMimePart *part)
{
    const QByteArray bytes = decodedContent(part);
    GMimeObject *object = GMIME_OBJECT(part);
    const char *charset = g_mime_object_get_content_type_parameter(object, "charset");
    QStringDecoder decoder(charset ? charset : "utf-8");
    QString text = decoder.isValid() ? decoder.decode(bytes) : QString::fromUtf8(bytes);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const char *format = g_mime_object_get_content_type_parameter(object, "format");
    if (format && qstricmp(format, "flowed") == 0) {
        const char *delSp = g_mime_object_get_content_type_parameter(object, "delsp");
        text = unflow(text, delSp && qstricmp(delSp, "yes") == 0);
    }
    return text;
}

void readPart(GMimeObject *object, OutgoingMessage &out, bool &haveText)
{
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
            readPart(g_mime_multipart_get_part(multipart, i), out, haveText);
        return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        auto stream = GObjectPtr<GMimeStream>::adopt(g_mime_stream_mem_new());
        // A draft is stored with CRLF line ends (as everything Poplar writes), and so is the
        // message in it: written back the same way, its bytes are the ones attached.
        GMimeFormatOptions *options = g_mime_format_options_new();
        g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
        if (inner)
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), options, stream.get());
        g_mime_format_options_free(options);
        const char *name = g_mime_object_get_content_disposition_parameter(object, "filename");
        out.attachments.append({QString::fromUtf8(name ? name : "message.eml"),
                                QStringLiteral("message/rfc822"), bytesOf(stream.get()), true});
        return;
    }
    if (!GMIME_IS_PART(object))
        return;
    GMimePart *part = GMIME_PART(object);
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!haveText && g_mime_content_type_is_type(type, "text", "plain") &&
        !g_mime_part_is_attachment(part)) {
        out.body = textOf(part);
        haveText = true;
        return;
    }
    const char *name = g_mime_part_get_filename(part);
    char *mimeType = g_mime_content_type_get_mime_type(type);
    out.attachments.append({QString::fromUtf8(name ? name : ""), QString::fromUtf8(mimeType),
                            decodedContent(part), false});
    g_free(mimeType);
}

QStringList messageIds(const QString &text)
{
    QStringList out;
    static const QRegularExpression id(QStringLiteral("<([^<>\\s]+)>"));
    for (auto it = id.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

} // namespace

OutgoingMessage readDraft(const QByteArray &raw)
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
    OutgoingMessage out;
    const MessageHeaders h = MessageRenderer::headers(raw);
    out.from = h.from;
    out.to = h.to;
    out.cc = h.cc;
    out.bcc = MessageBuilder::parseAddresses(MessageRenderer::headerValues(raw, "Bcc").value(0));
    out.replyTo = h.replyTo;
    out.subject = h.subject;
    out.inReplyTo = messageIds(h.inReplyTo).value(0);
    out.references = messageIds(h.references);

    auto stream = GObjectPtr<GMimeStream>::adopt(
        g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    auto parser = GObjectPtr<GMimeParser>::adopt(g_mime_parser_new_with_stream(stream.get()));
    auto message =
        GObjectPtr<GMimeMessage>::adopt(g_mime_parser_construct_message(parser.get(), nullptr));
    bool haveText = false;
    if (message && g_mime_message_get_mime_part(message.get()))
        readPart(g_mime_message_get_mime_part(message.get()), out, haveText);
    return out;
}

} // namespace poplar::mime
