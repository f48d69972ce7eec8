// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MessageRenderer.h"

#include "mime/GObjectPtr.h"
#include "mime/HtmlText.h"

#include <gmime/gmime.h>

#include <QStringDecoder>
#include <QTimeZone>

#include <cstring>
#include <mutex>

namespace poplar::mime {

namespace {

void ensureGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

GObjectPtr<GMimeMessage> parse(const QByteArray &raw)
{
    ensureGMime();
    auto stream = GObjectPtr<GMimeStream>::adopt(
        g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    auto parser = GObjectPtr<GMimeParser>::adopt(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    // nullptr: GMime's process-wide defaults (fallback charsets utf-8, iso-8859-1).
    return GObjectPtr<GMimeMessage>::adopt(g_mime_parser_construct_message(parser.get(), nullptr));
}

void appendAddresses(InternetAddressList *list, QList<MailAddress> &out)
{
    if (!list)
        return;
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            appendAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
            out.append({fromUtf8(internet_address_get_name(ia)),
                        fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)))});
        }
    }
}

QList<MailAddress> addresses(InternetAddressList *list)
{
    QList<MailAddress> out;
    appendAddresses(list, out);
    return out;
}

MessageHeaders headersOf(GMimeMessage *message)
{
    MessageHeaders h;
    h.subject = fromUtf8(g_mime_message_get_subject(message));
    const QList<MailAddress> from = addresses(g_mime_message_get_from(message));
    if (!from.isEmpty())
        h.from = from.first();
    h.to = addresses(g_mime_message_get_to(message));
    h.cc = addresses(g_mime_message_get_cc(message));
    h.replyTo = addresses(g_mime_message_get_reply_to(message));
    if (GDateTime *date = g_mime_message_get_date(message))
        h.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);
    h.messageId = fromUtf8(g_mime_message_get_message_id(message)).left(998);
    h.inReplyTo = fromUtf8(g_mime_object_get_header(GMIME_OBJECT(message), "In-Reply-To"))
                      .simplified()
                      .left(998);
    h.references = fromUtf8(g_mime_object_get_header(GMIME_OBJECT(message), "References"))
                       .simplified()
                       .left(8192);
    return h;
}

/// The part's content with its transfer encoding (base64, quoted-printable) undone.
QByteArray decodedContent(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    auto stream = GObjectPtr<GMimeStream>::adopt(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

/// Charset conversion that never fails: the declared charset when Qt knows it, then UTF-8 if
/// the bytes are valid UTF-8, then windows-1252 (what "no charset" means in practice).
QString decodeText(const QByteArray &bytes, const char *charset, QStringList &warnings)
{
    if (charset && *charset) {
        QStringDecoder decoder(charset);
        if (decoder.isValid())
            return decoder.decode(bytes);
        warnings.append(QStringLiteral("Unknown character set \"%1\"; the text was guessed.")
                            .arg(QString::fromLatin1(charset).left(40)));
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    QStringDecoder latin("windows-1252");
    return latin.isValid() ? latin.decode(bytes) : QString::fromLatin1(bytes);
}

bool isType(GMimeContentType *type, const char *major, const char *minor)
{
    return type && g_mime_content_type_is_type(type, major, minor);
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return QStringLiteral("application/octet-stream");
    GCharPtr name(g_mime_content_type_get_mime_type(type));
    return QString::fromUtf8(name.get()).toLower();
}

} // namespace

QString MailAddress::display() const
{
    if (name.isEmpty())
        return address;
    if (address.isEmpty())
        return name;
    return name + QStringLiteral(" <") + address + QLatin1Char('>');
}

namespace {

// Where the header block ends: the line ending before the first empty line (CRLF or bare
// LF), or -1. Found line by line from the start, so it costs the header's size, not the
// message's (a substring search for "\n\n" ran to the end of every CRLF message).
qsizetype headerBlockEnd(const QByteArray &raw)
{
    const char *const begin = raw.constData();
    const char *const end = begin + raw.size();
    const char *line = begin;
    while (line < end) {
        if (*line == '\n' || (*line == '\r' && line + 1 < end && line[1] == '\n')) {
            const qsizetype blank = line - begin;
            if (blank >= 2 && line[-2] == '\r')
                return blank - 2;
            return blank >= 1 ? blank - 1 : 0;
        }
        const auto *newline =
            static_cast<const char *>(std::memchr(line, '\n', size_t(end - line)));
        if (!newline)
            return -1;
        line = newline + 1;
    }
    return -1;
}

} // namespace

MessageHeaders MessageRenderer::headers(const QByteArray &raw)
{
    // Only the header block is needed; parsing just it keeps storing a big message cheap.
    const qsizetype end = headerBlockEnd(raw);
    const QByteArray block = end < 0 ? raw : raw.left(end) + "\r\n\r\n";
    auto message = parse(block);
    if (!message)
        return {};
    return headersOf(message.get());
}

RenderedMessage MessageRenderer::render(const QByteArray &raw, RenderLimits limits)
{
    RenderedMessage out;
    auto message = parse(raw);
    if (!message) {
        out.warnings.append(
            QStringLiteral("The message could not be read as MIME; shown as raw text."));
        out.text = decodeText(raw, nullptr, out.warnings);
        return out;
    }
    out.headers = headersOf(message.get());

    GMimePart *plainPart = nullptr;
    GMimePart *htmlPart = nullptr;
    int parts = 0;
    GMimePartIter *iter = g_mime_part_iter_new(GMIME_OBJECT(message.get()));
    const std::unique_ptr<GMimePartIter, decltype(&g_mime_part_iter_free)> iterOwner(
        iter, &g_mime_part_iter_free);
    if (g_mime_part_iter_is_valid(iter)) {
        do {
            if (++parts > limits.maxParts) {
                out.warnings.append(
                    QStringLiteral("The message has more than %1 parts; the rest is not shown.")
                        .arg(limits.maxParts));
                break;
            }
            GMimeObject *current = g_mime_part_iter_get_current(iter);
            if (!GMIME_IS_PART(current))
                continue;
            GMimePart *part = GMIME_PART(current);
            GMimeContentType *type = g_mime_object_get_content_type(current);
            const bool attachment = g_mime_part_is_attachment(part) ||
                                    (g_mime_part_get_filename(part) && !isType(type, "text", "*"));
            if (!attachment && isType(type, "text", "plain") && !plainPart) {
                plainPart = part;
            } else if (!attachment && isType(type, "text", "html") && !htmlPart) {
                htmlPart = part;
            } else {
                AttachmentInfo info;
                info.filename = fromUtf8(g_mime_part_get_filename(part));
                info.mimeType = mimeTypeOf(current);
                info.size = decodedContent(part).size();
                out.attachments.append(info);
            }
        } while (g_mime_part_iter_next(iter));
    }

    // Plain text is what this reader shows; HTML is read for its text when it is all there is.
    if (plainPart) {
        GMimeContentType *type = g_mime_object_get_content_type(GMIME_OBJECT(plainPart));
        out.text = decodeText(decodedContent(plainPart),
                              g_mime_content_type_get_parameter(type, "charset"), out.warnings);
    } else if (htmlPart) {
        GMimeContentType *type = g_mime_object_get_content_type(GMIME_OBJECT(htmlPart));
        const QString html =
            decodeText(decodedContent(htmlPart), g_mime_content_type_get_parameter(type, "charset"),
                       out.warnings);
        const HtmlText text = htmlToText(html);
        out.text = text.text;
        out.html = true;
        out.remoteContentBlocked = text.remoteResources;
    }
    return out;
}

} // namespace poplar::mime
