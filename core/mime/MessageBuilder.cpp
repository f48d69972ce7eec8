// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MessageBuilder.h"

#include "mime/FlowedText.h"
#include "mime/GObjectPtr.h"
#include "mime/HeaderText.h"

#include <gmime/gmime.h>

#include <QCoreApplication>
#include <QMimeDatabase>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <mutex>

namespace poplar::mime {

namespace {

void ensureGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct FormatOptionsFree {
    void operator()(GMimeFormatOptions *o) const { g_mime_format_options_free(o); }
};

bool hasLineBreak(const QString &text)
{
    return text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
}

/// A data wrapper holding a copy of `bytes`, to be written with `encoding` as its
/// Content-Transfer-Encoding.
GObjectPtr<GMimeDataWrapper> wrap(const QByteArray &bytes)
{
    auto stream = GObjectPtr<GMimeStream>::adopt(
        g_mime_stream_mem_new_with_buffer(bytes.constData(), size_t(bytes.size())));
    return GObjectPtr<GMimeDataWrapper>::adopt(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
}

bool eightBit(const QByteArray &bytes)
{
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) >= 0x80; });
}

GObjectPtr<GMimeObject> textPart(const QString &body)
{
    auto part = GObjectPtr<GMimeTextPart>::adopt(g_mime_text_part_new_with_subtype("plain"));
    QString flowed = flow(body);
    if (!flowed.endsWith(QLatin1Char('\n')))
        flowed += QLatin1Char('\n');
    const QByteArray utf8 = flowed.toUtf8();
    g_mime_part_set_content(GMIME_PART(part.get()), wrap(utf8).get());
    GMimeObject *object = GMIME_OBJECT(part.get());
    g_mime_object_set_content_type_parameter(object, "charset",
                                             eightBit(utf8) ? "utf-8" : "us-ascii");
    g_mime_object_set_content_type_parameter(object, "format", "flowed");
    // 7bit for ASCII; otherwise quoted-printable or base64, whichever is shorter.
    g_mime_part_set_content_encoding(GMIME_PART(part.get()),
                                     g_mime_part_get_best_content_encoding(
                                         GMIME_PART(part.get()), GMIME_ENCODING_CONSTRAINT_7BIT));
    return GObjectPtr<GMimeObject>::ref(object);
}

GObjectPtr<GMimeObject> attachmentPart(const OutgoingAttachment &a)
{
    QString type = a.isMessage ? QStringLiteral("message/rfc822") : a.mimeType;
    if (type.isEmpty() || !type.contains(QLatin1Char('/')))
        type = QMimeDatabase().mimeTypeForFileNameAndData(a.fileName, a.data).name();
    const QByteArray major = type.section(QLatin1Char('/'), 0, 0).toLatin1();
    const QByteArray minor = type.section(QLatin1Char('/'), 1).toLatin1();
    auto part = GObjectPtr<GMimePart>::adopt(
        g_mime_part_new_with_type(major.constData(), minor.constData()));
    g_mime_part_set_content(part.get(), wrap(a.data).get());
    if (!a.fileName.isEmpty())
        g_mime_part_set_filename(part.get(), a.fileName.toUtf8().constData());
    if (a.isMessage) {
        // RFC 2046 §5.2.1: a message/rfc822 body is 7bit or 8bit, never encoded: the
        // recipient gets the original byte for byte.
        g_mime_part_set_content_encoding(part.get(), eightBit(a.data)
                                                         ? GMIME_CONTENT_ENCODING_8BIT
                                                         : GMIME_CONTENT_ENCODING_7BIT);
    } else {
        g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
    }
    return GObjectPtr<GMimeObject>::ref(GMIME_OBJECT(part.get()));
}

void addMailboxes(GMimeMessage *message, GMimeAddressType type, const QList<MailAddress> &list)
{
    for (const MailAddress &a : list) {
        g_mime_message_add_mailbox(message, type, a.name.toUtf8().constData(),
                                   a.address.trimmed().toUtf8().constData());
    }
}

QByteArray angleList(const QStringList &ids)
{
    QByteArrayList out;
    for (const QString &id : ids)
        out.append('<' + id.toUtf8() + '>');
    return out.join(' ');
}

} // namespace

QStringList OutgoingMessage::recipients() const
{
    QStringList out;
    for (const QList<MailAddress> *list : {&to, &cc, &bcc}) {
        for (const MailAddress &a : *list) {
            const QString address = a.address.trimmed();
            if (!address.isEmpty() && !out.contains(address, Qt::CaseInsensitive))
                out.append(address);
        }
    }
    return out;
}

QString MessageBuilder::newMessageId(const QString &senderAddress)
{
    // The sender's own domain: the id says nothing of this machine (its host name).
    QString domain = senderAddress.section(QLatin1Char('@'), -1).trimmed();
    if (domain.isEmpty() || !senderAddress.contains(QLatin1Char('@')))
        domain = QStringLiteral("poplar.invalid");
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('@') + domain;
}

QList<MailAddress> MessageBuilder::parseAddresses(const QByteArray &headerValue)
{
    ensureGMime();
    QList<MailAddress> out;
    const QByteArray prepared = prepareAddressHeader(headerValue);
    auto list = GObjectPtr<InternetAddressList>::adopt(
        internet_address_list_parse(nullptr, prepared.constData()));
    if (!list)
        return out;
    // Groups ("undisclosed-recipients:;" or "team: a@x, b@y;") give their members.
    std::function<void(InternetAddressList *)> walk = [&](InternetAddressList *l) {
        for (int i = 0; i < internet_address_list_length(l); ++i) {
            InternetAddress *a = internet_address_list_get_address(l, i);
            if (INTERNET_ADDRESS_IS_GROUP(a)) {
                walk(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)));
                continue;
            }
            const char *name = internet_address_get_name(a);
            const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
            out.append({QString::fromUtf8(name ? name : ""), QString::fromUtf8(addr ? addr : "")});
        }
    };
    walk(list.get());
    return out;
}

Result<BuiltMessage> MessageBuilder::build(const OutgoingMessage &m, Purpose purpose)
{
    ensureGMime();
    auto invalid = [](const QString &why) { return Error{Error::Code::Config, why, {}}; };
    if (m.from.address.trimmed().isEmpty())
        return invalid(
            QCoreApplication::translate("MessageBuilder", "The message has no sender address"));
    if (purpose == Purpose::Send && m.recipients().isEmpty())
        return invalid(
            QCoreApplication::translate("MessageBuilder", "The message has no recipient"));
    // A line break in any header field would let it write headers of its own.
    QStringList fields{m.subject, m.inReplyTo, m.messageId, m.from.name, m.from.address};
    fields += m.references;
    for (const QList<MailAddress> *list : {&m.to, &m.cc, &m.bcc, &m.replyTo}) {
        for (const MailAddress &a : *list)
            fields << a.name << a.address;
    }
    for (const OutgoingAttachment &a : m.attachments)
        fields << a.fileName << a.mimeType;
    if (std::any_of(fields.begin(), fields.end(), hasLineBreak))
        return invalid(QCoreApplication::translate(
            "MessageBuilder", "A header of the message (an address, the subject or a file "
                              "name) contains a line break"));

    auto message = GObjectPtr<GMimeMessage>::adopt(g_mime_message_new(TRUE));
    GMimeMessage *msg = message.get();
    addMailboxes(msg, GMIME_ADDRESS_TYPE_FROM, {m.from});
    addMailboxes(msg, GMIME_ADDRESS_TYPE_TO, m.to);
    addMailboxes(msg, GMIME_ADDRESS_TYPE_CC, m.cc);
    if (purpose == Purpose::Draft)
        addMailboxes(msg, GMIME_ADDRESS_TYPE_BCC, m.bcc);
    addMailboxes(msg, GMIME_ADDRESS_TYPE_REPLY_TO, m.replyTo);
    g_mime_message_set_subject(msg, m.subject.toUtf8().constData(), "utf-8");
    const QDateTime date = m.date.isValid() ? m.date : QDateTime::currentDateTime();
    GDateTime *gdate = g_date_time_new_from_unix_local(date.toSecsSinceEpoch());
    g_mime_message_set_date(msg, gdate);
    g_date_time_unref(gdate);
    const QString messageId = m.messageId.isEmpty() ? newMessageId(m.from.address) : m.messageId;
    g_mime_message_set_message_id(msg, messageId.toUtf8().constData());
    if (!m.inReplyTo.isEmpty())
        g_mime_object_set_header(GMIME_OBJECT(msg), "In-Reply-To",
                                 ('<' + m.inReplyTo.toUtf8() + '>').constData(), nullptr);
    if (!m.references.isEmpty())
        g_mime_object_set_header(GMIME_OBJECT(msg), "References",
                                 angleList(m.references).constData(), nullptr);
    g_mime_object_set_header(GMIME_OBJECT(msg), "User-Agent", "Poplar", nullptr);

    GObjectPtr<GMimeObject> body = textPart(m.body);
    if (m.attachments.isEmpty()) {
        g_mime_message_set_mime_part(msg, body.get());
    } else {
        auto mixed = GObjectPtr<GMimeMultipart>::adopt(g_mime_multipart_new_with_subtype("mixed"));
        g_mime_multipart_add(mixed.get(), body.get());
        for (const OutgoingAttachment &a : m.attachments)
            g_mime_multipart_add(mixed.get(), attachmentPart(a).get());
        g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed.get()));
    }

    std::unique_ptr<GMimeFormatOptions, FormatOptionsFree> options(g_mime_format_options_new());
    g_mime_format_options_set_newline_format(options.get(), GMIME_NEWLINE_FORMAT_DOS);
    g_mime_format_options_set_param_encoding_method(options.get(),
                                                    GMIME_PARAM_ENCODING_METHOD_RFC2231);
    auto stream = GObjectPtr<GMimeStream>::adopt(g_mime_stream_mem_new());
    if (g_mime_object_write_to_stream(GMIME_OBJECT(msg), options.get(), stream.get()) < 0)
        return Error{
            Error::Code::Storage,
            QCoreApplication::translate("MessageBuilder", "The message could not be written"),
            {}};
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return BuiltMessage{
        QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len)), messageId};
}

} // namespace poplar::mime
