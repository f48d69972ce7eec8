// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HeaderDecoder.h"

#include "mime/Charset.h"
#include "mime/GObjectPtr.h"
#include "mime/HeaderText.h"

#include <QTimeZone>

#include <memory>

namespace poplar::mime {

namespace {

struct DateTimeUnref {
    void operator()(GDateTime *date) const { g_date_time_unref(date); }
};

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
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
            out.append({fromUtf8(internet_address_get_name(ia)).simplified(),
                        fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)))});
        }
    }
}

/// An address header: encoded-words and 8-bit bytes decoded by us first (see
/// prepareAddressHeader), then GMime's address parser for the structure.
QList<MailAddress> addresses(const char *raw, QByteArrayView fallback)
{
    QList<MailAddress> out;
    if (!raw)
        return out;
    const QByteArray prepared = prepareAddressHeader(raw, fallback);
    auto list = GObjectPtr<InternetAddressList>::adopt(
        internet_address_list_parse(nullptr, prepared.constData()));
    appendAddresses(list.get(), out);
    return out;
}

QDateTime dateOf(const char *raw)
{
    if (!raw)
        return {};
    std::unique_ptr<GDateTime, DateTimeUnref> date(g_mime_utils_header_decode_date(raw));
    if (!date) {
        // GMime refuses a leap second (":60"), which RFC 5322 allows; a second early is
        // closer to the truth than no date.
        QByteArray value(raw);
        if (const qsizetype at = value.indexOf(":60"); at > 0) {
            value.replace(at, 3, ":59");
            date.reset(g_mime_utils_header_decode_date(value.constData()));
        }
    }
    if (!date)
        return {};
    return QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date.get()), Qt::UTC);
}

/// A Message-ID as GMime's message object reads one, for a header block split without it: the raw
/// value unfolded and decoded as text (g_mime_header_get_value), then the id inside its angle
/// brackets.
QString messageIdFromRaw(const char *raw)
{
    if (!raw)
        return {};
    std::unique_ptr<char, decltype(&g_free)> unfolded(g_mime_utils_header_unfold(raw), &g_free);
    std::unique_ptr<char, decltype(&g_free)> value(
        g_mime_utils_header_decode_text(nullptr, unfolded.get()), &g_free);
    if (!value)
        return {};
    std::unique_ptr<char, decltype(&g_free)> id(g_mime_utils_decode_message_id(value.get()),
                                                &g_free);
    return fromUtf8(id.get());
}

/// The facts from raw header values, however they were found; `messageId` is already read
/// (GMimeMessage keeps the last Message-ID, each one added replacing the one before).
template<typename FirstRaw>
MessageHeaders decodeFacts(FirstRaw first, const QString &messageId, QByteArrayView fallbackCharset)
{
    MessageHeaders h;
    if (const char *subject = first("Subject"))
        h.subject = decodeHeaderText(subject, fallbackCharset);
    const QList<MailAddress> from = addresses(first("From"), fallbackCharset);
    if (!from.isEmpty())
        h.from = from.first();
    h.to = addresses(first("To"), fallbackCharset);
    h.cc = addresses(first("Cc"), fallbackCharset);
    h.replyTo = addresses(first("Reply-To"), fallbackCharset);
    h.date = dateOf(first("Date"));
    h.messageId = messageId.left(998);
    h.inReplyTo = fromUtf8(first("In-Reply-To")).simplified().left(998);
    h.references = fromUtf8(first("References")).simplified().left(8192);
    return h;
}

} // namespace

const char *rawHeader(GMimeObject *object, const char *name)
{
    GMimeHeaderList *headers = g_mime_object_get_header_list(object);
    if (!headers)
        return nullptr;
    GMimeHeader *header = g_mime_header_list_get_header(headers, name);
    return header ? g_mime_header_get_raw_value(header) : nullptr;
}

MessageHeaders decodeMessageHeaders(GMimeObject *message, QByteArrayView fallbackCharset)
{
    const QString messageId = GMIME_IS_MESSAGE(message)
                                  ? fromUtf8(g_mime_message_get_message_id(GMIME_MESSAGE(message)))
                                  : QString();
    return decodeFacts([message](const char *name) { return rawHeader(message, name); }, messageId,
                       fallbackCharset);
}

MessageHeaders decodeMessageHeaders(const HeaderFields &fields, QByteArrayView fallbackCharset)
{
    const HeaderFields::Field *id = fields.last("Message-ID");
    return decodeFacts([&fields](const char *name) { return fields.first(name); },
                       id ? messageIdFromRaw(id->rawValue.constData()) : QString(),
                       fallbackCharset);
}

QByteArray bodyCharset(GMimeObject *message)
{
    GMimeObject *root =
        GMIME_IS_MESSAGE(message) ? g_mime_message_get_mime_part(GMIME_MESSAGE(message)) : message;
    if (!root)
        return {};
    std::unique_ptr<GMimePartIter, decltype(&g_mime_part_iter_free)> iter(
        g_mime_part_iter_new(root), &g_mime_part_iter_free);
    // The root itself is not visited by the iterator.
    for (GMimeObject *part = root; part; part = g_mime_part_iter_next(iter.get())
                                                    ? g_mime_part_iter_get_current(iter.get())
                                                    : nullptr) {
        GMimeContentType *type = g_mime_object_get_content_type(part);
        if (!type || !g_mime_content_type_is_type(type, "text", "*"))
            continue;
        if (const char *charset = g_mime_content_type_get_parameter(type, "charset");
            charset && *charset)
            return QByteArray(charset);
    }
    return {};
}

QByteArray scanCharset(QByteArrayView raw)
{
    const QByteArrayView head = raw.first(std::min<qsizetype>(raw.size(), 64 * 1024));
    // "charset=" in any case, found in place: lowering a copy of the first 64 KiB cost
    // more than GMime's whole header parse.
    constexpr QByteArrayView needle("charset=");
    qsizetype at = -1;
    for (qsizetype p = 0; p + needle.size() <= head.size(); ++p) {
        if ((head[p] | 0x20) != 'c')
            continue;
        qsizetype k = 1;
        while (k < needle.size() && (head[p + k] | 0x20) == needle[k])
            ++k;
        if (k == needle.size()) {
            at = p;
            break;
        }
    }
    if (at < 0)
        return {};
    qsizetype i = at + needle.size();
    if (i < head.size() && (head[i] == '"' || head[i] == '\''))
        ++i;
    const qsizetype begin = i;
    while (i < head.size() && (QChar::isLetterOrNumber(uchar(head[i])) || head[i] == '-' ||
                               head[i] == '_' || head[i] == '.' || head[i] == ':'))
        ++i;
    return head.sliced(begin, i - begin).toByteArray();
}

QString filenameOf(GMimeObject *object, QByteArrayView fallbackCharset)
{
    const char *name = g_mime_object_get_content_disposition_parameter(object, "filename");
    if (!name || !*name)
        name = g_mime_object_get_content_type_parameter(object, "name");
    if (!name)
        return {};
    // GMime has undone RFC 2231 already; encoded-words (Outlook's habit) and raw 8-bit
    // bytes are read as for any header.
    return decodeHeaderText(name, fallbackCharset);
}

} // namespace poplar::mime
