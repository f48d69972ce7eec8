// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/BodyWalker.h"

#include "mime/GObjectPtr.h"
#include "mime/HeaderDecoder.h"
#include "mime/HtmlDocument.h"
#include "mime/HtmlSanitizer.h"
#include "mime/HtmlText.h"
#include "mime/PlainToHtml.h"
#include "mime/SmimeContent.h"
#include "mime/TextParts.h"

#include <algorithm>
#include <utility>

namespace poplar::mime {

namespace {

bool isType(GMimeObject *object, const char *major, const char *minor)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    return type && g_mime_content_type_is_type(type, major, minor);
}

bool isAttachmentDisposition(GMimeObject *object)
{
    const char *disposition = g_mime_object_get_disposition(object);
    return disposition && g_ascii_strcasecmp(disposition, "attachment") == 0;
}

/// Signature parts of a signed message are not something to open or save.
bool isSignature(GMimeObject *object)
{
    return isType(object, "application", "pgp-signature") ||
           isType(object, "application", "pkcs7-signature") ||
           isType(object, "application", "x-pkcs7-signature");
}

/// Parts a reader shows as text although they are not text/plain.
bool isReport(GMimeObject *object)
{
    return isType(object, "message", "delivery-status") ||
           isType(object, "message", "disposition-notification") ||
           isType(object, "message", "feedback-report") ||
           isType(object, "text", "rfc822-headers") || isType(object, "text", "enriched") ||
           isType(object, "text", "richtext");
}

QString contentIdOf(GMimeObject *object)
{
    const char *id = g_mime_object_get_content_id(object);
    return id ? QString::fromUtf8(id).trimmed() : QString();
}

QString headerBlock(const MessageHeaders &h)
{
    QString out = BodyWalker::tr("-------- Attached message --------") + QLatin1Char('\n');
    if (!h.from.address.isEmpty() || !h.from.name.isEmpty())
        out += BodyWalker::tr("From: %1").arg(h.from.display()) + QLatin1Char('\n');
    if (h.date.isValid())
        out += BodyWalker::tr("Date: %1").arg(h.date.toString(Qt::ISODate)) + QLatin1Char('\n');
    if (!h.subject.isEmpty())
        out += BodyWalker::tr("Subject: %1").arg(h.subject) + QLatin1Char('\n');
    return out;
}

} // namespace

BodyWalker::BodyWalker(const RenderOptions &options, QByteArray fallbackCharset,
                       RenderedMessage &out)
    : m_options(options)
    , m_fallbackCharset(std::move(fallbackCharset))
    , m_out(out)
{}

void BodyWalker::warnOnce(const QString &warning)
{
    if (!m_out.warnings.contains(warning))
        m_out.warnings.append(warning);
}

bool BodyWalker::countPart()
{
    if (++m_parts <= m_options.limits.maxParts)
        return true;
    warnOnce(tr("The message has more than %n parts; the rest is not shown.", nullptr,
                m_options.limits.maxParts));
    return false;
}

void BodyWalker::walk(GMimeObject *root)
{
    if (root)
        visit(root, 0, false);
}

void BodyWalker::visit(GMimeObject *object, int depth, bool insideMessage)
{
    if (depth > m_options.limits.maxDepth) {
        warnOnce(tr("The message is nested more than %n levels deep; the deeper parts are not "
                    "shown.",
                    nullptr, m_options.limits.maxDepth));
        return;
    }
    if (!countPart())
        return;
    if (GMIME_IS_MULTIPART(object))
        visitMultipart(GMIME_MULTIPART(object), depth, insideMessage);
    else if (GMIME_IS_MESSAGE_PART(object))
        visitMessage(GMIME_MESSAGE_PART(object), depth, insideMessage);
    else if (GMIME_IS_PART(object))
        visitLeaf(GMIME_PART(object), depth, insideMessage);
}

void BodyWalker::visitMultipart(GMimeMultipart *multipart, int depth, bool insideMessage)
{
    GMimeObject *object = GMIME_OBJECT(multipart);
    const int count = g_mime_multipart_get_count(multipart);
    if (GMIME_IS_MULTIPART_ENCRYPTED(multipart)) {
        m_out.isEncrypted = true;
        warnOnce(tr("This message is encrypted; its content cannot be shown."));
        return;
    }
    if (GMIME_IS_MULTIPART_SIGNED(multipart) || isType(object, "multipart", "signed")) {
        m_out.isSigned = true; // said, not verified: verification needs a key store
        if (count > 0)
            visit(g_mime_multipart_get_part(multipart, 0), depth + 1, insideMessage);
        for (int i = 1; i < count; ++i) {
            GMimeObject *part = g_mime_multipart_get_part(multipart, i);
            if (!isSignature(part))
                visit(part, depth + 1, insideMessage);
        }
        return;
    }
    if (isType(object, "multipart", "alternative")) {
        visitAlternative(multipart, depth, insideMessage);
        return;
    }
    if (isType(object, "multipart", "related")) {
        visitRelated(multipart, depth, insideMessage);
        return;
    }
    for (int i = 0; i < count; ++i)
        visit(g_mime_multipart_get_part(multipart, i), depth + 1, insideMessage);
}

BodyWalker::Kind BodyWalker::kindOf(GMimeObject *object, int depth) const
{
    if (depth > m_options.limits.maxDepth)
        return Kind::None;
    if (GMIME_IS_MULTIPART(object)) {
        Kind best = Kind::None;
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        const int count = std::min(g_mime_multipart_get_count(multipart), 64);
        for (int i = 0; i < count && best != Kind::Html; ++i)
            best = std::max(best, kindOf(g_mime_multipart_get_part(multipart, i), depth + 1));
        return best;
    }
    if (GMIME_IS_MESSAGE_PART(object))
        return Kind::Plain;
    if (isAttachmentDisposition(object))
        return Kind::None;
    if (isType(object, "text", "html"))
        return Kind::Html;
    if (isType(object, "text", "plain") || isReport(object))
        return Kind::Plain;
    return Kind::None;
}

void BodyWalker::visitAlternative(GMimeMultipart *multipart, int depth, bool insideMessage)
{
    // The parts are in increasing faithfulness; take the last of the preferred kind.
    const int count = g_mime_multipart_get_count(multipart);
    const Kind wanted = m_options.preferHtml ? Kind::Html : Kind::Plain;
    int chosen = -1;
    int fallback = -1;
    for (int i = 0; i < count; ++i) {
        const Kind kind = kindOf(g_mime_multipart_get_part(multipart, i), depth + 1);
        if (kind == wanted)
            chosen = i;
        else if (kind != Kind::None)
            fallback = i;
    }
    if (chosen < 0)
        chosen = fallback >= 0 ? fallback : count - 1;
    if (chosen >= 0)
        visit(g_mime_multipart_get_part(multipart, chosen), depth + 1, insideMessage);
}

void BodyWalker::visitRelated(GMimeMultipart *multipart, int depth, bool insideMessage)
{
    const int count = g_mime_multipart_get_count(multipart);
    if (count == 0)
        return;
    // The root is named by start=, else it is the first part that can be a body (MHTML
    // files put the images first), else the first part.
    int root = -1;
    GMimeContentType *type = g_mime_object_get_content_type(GMIME_OBJECT(multipart));
    if (const char *start = type ? g_mime_content_type_get_parameter(type, "start") : nullptr) {
        QString wanted = QString::fromUtf8(start).trimmed();
        if (wanted.startsWith(QLatin1Char('<')) && wanted.endsWith(QLatin1Char('>')))
            wanted = wanted.mid(1, wanted.size() - 2);
        for (int i = 0; i < count && root < 0; ++i) {
            if (contentIdOf(g_mime_multipart_get_part(multipart, i)) == wanted)
                root = i;
        }
    }
    for (int i = 0; i < count && root < 0; ++i) {
        if (kindOf(g_mime_multipart_get_part(multipart, i), depth + 1) != Kind::None)
            root = i;
    }
    if (root < 0)
        root = 0;
    visit(g_mime_multipart_get_part(multipart, root), depth + 1, insideMessage);
    for (int i = 0; i < count; ++i) {
        if (i == root)
            continue;
        GMimeObject *part = g_mime_multipart_get_part(multipart, i);
        if (!GMIME_IS_PART(part) || insideMessage) {
            visit(part, depth + 1, insideMessage);
            continue;
        }
        if (!countPart())
            return;
        // Counted as an attachment until finish() finds the HTML referring to it.
        const qsizetype index = m_out.attachments.size();
        addAttachment(part, false);
        if (m_out.attachments.size() > index) {
            const char *location = g_mime_object_get_header(part, "Content-Location");
            m_related.append({index, contentIdOf(part),
                              location ? QString::fromUtf8(location).trimmed() : QString()});
        }
    }
}

void BodyWalker::visitMessage(GMimeMessagePart *part, int depth, bool insideMessage)
{
    GMimeObject *object = GMIME_OBJECT(part);
    const bool named = !filenameOf(object, m_fallbackCharset).isEmpty();
    if (!insideMessage && (named || isAttachmentDisposition(object)))
        addAttachment(object, false);
    GMimeMessage *message = g_mime_message_part_get_message(part);
    if (!message)
        return;
    // Shown nested, as a reader shows a forwarded message; its own attachments stay inside.
    m_pieces.append(
        {false, headerBlock(decodeMessageHeaders(GMIME_OBJECT(message), m_fallbackCharset))});
    if (GMimeObject *body = g_mime_message_get_mime_part(message))
        visit(body, depth + 1, true);
}

void BodyWalker::visitEntity(const QByteArray &bytes, int depth, bool insideMessage)
{
    auto stream = GObjectPtr<GMimeStream>::adopt(
        g_mime_stream_mem_new_with_buffer(bytes.constData(), size_t(bytes.size())));
    auto parser = GObjectPtr<GMimeParser>::adopt(g_mime_parser_new_with_stream(stream.get()));
    auto entity =
        GObjectPtr<GMimeObject>::adopt(g_mime_parser_construct_part(parser.get(), nullptr));
    // Everything taken from the entity is copied into Qt values on the way, so it may go
    // when this returns.
    if (entity)
        visit(entity.get(), depth + 1, insideMessage);
}

void BodyWalker::visitLeaf(GMimePart *part, int depth, bool insideMessage)
{
    GMimeObject *object = GMIME_OBJECT(part);
    if (isSignature(object))
        return;
    if (isType(object, "application", "pkcs7-mime") ||
        isType(object, "application", "x-pkcs7-mime")) {
        const char *smime = g_mime_object_get_content_type_parameter(object, "smime-type");
        const bool signedData = smime && g_ascii_strcasecmp(smime, "signed-data") == 0;
        // Opaque signed: the content travels inside the PKCS #7 blob. Without a
        // smime-type, trying is how to tell it from encrypted data.
        const QByteArray content =
            signedData || !smime ? smimeSignedContent(decodedContent(part)) : QByteArray();
        if (!content.isEmpty()) {
            m_out.isSigned = true;
            visitEntity(content, depth, insideMessage);
        } else if (signedData) {
            m_out.isSigned = true;
            warnOnce(tr("This message is signed in a form that could not be read."));
        } else {
            m_out.isEncrypted = true;
            warnOnce(tr("This message is encrypted; its content cannot be shown."));
        }
        return;
    }
    const bool attachment = isAttachmentDisposition(object);
    const bool named = !filenameOf(object, m_fallbackCharset).isEmpty();
    const bool html = isType(object, "text", "html");
    const bool text = html || isType(object, "text", "plain") || isReport(object);
    // A named text part is the body only while there is none yet: a text file attached
    // after the body is an attachment, a lone named text part is what there is to read.
    if (text && !attachment && (!named || m_pieces.isEmpty())) {
        QString content = textOfPart(part, m_out.warnings, m_options.limits.maxTextBytes);
        m_pieces.append({html, std::move(content)});
        return;
    }
    if (!insideMessage)
        addAttachment(object, insideMessage);
}

void BodyWalker::addAttachment(GMimeObject *object, bool insideMessage)
{
    if (insideMessage)
        return;
    AttachmentInfo info;
    info.filename = filenameOf(object, m_fallbackCharset);
    info.mimeType = mimeTypeOf(object);
    const qint64 budget = std::max<qint64>(0, m_options.limits.maxDecodedBytes - m_decodedBytes);
    QByteArray data;
    if (GMIME_IS_PART(object)) {
        data = decodedContent(GMIME_PART(object));
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        if (GMimeMessage *message = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object))) {
            auto stream = GObjectPtr<GMimeStream>::adopt(g_mime_stream_mem_new());
            g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, stream.get());
            GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
            data = QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
        }
        info.mimeType = QStringLiteral("message/rfc822");
    }
    info.size = data.size();
    if (info.size > budget) {
        info.dataComplete = false;
        warnOnce(tr("The attachments are larger than %1 MB together; the rest "
                    "cannot be opened or saved.")
                     .arg(m_options.limits.maxDecodedBytes / (1024 * 1024)));
    } else {
        info.data = std::move(data);
        m_decodedBytes += info.size;
    }
    m_out.attachments.append(info);
}

void BodyWalker::finish()
{
    // Related parts the HTML refers to are shown inline, not listed as attachments.
    QString allHtml;
    for (const Piece &piece : m_pieces) {
        if (piece.html)
            allHtml += piece.content;
    }
    QList<qsizetype> inlined;
    for (const RelatedCandidate &c : m_related) {
        QStringList urls;
        if (!c.contentId.isEmpty())
            urls.append(QStringLiteral("cid:") + c.contentId);
        if (!c.location.isEmpty())
            urls.append(c.location);
        const bool referenced = std::any_of(urls.cbegin(), urls.cend(), [&](const QString &u) {
            return allHtml.contains(u, Qt::CaseInsensitive);
        });
        if (!referenced)
            continue;
        const AttachmentInfo &a = m_out.attachments.at(c.attachment);
        for (const QString &u : urls)
            m_out.inlineResources.insert(u, {a.mimeType, a.data});
        inlined.append(c.attachment);
    }
    std::sort(inlined.begin(), inlined.end(), std::greater<>());
    for (const qsizetype index : inlined)
        m_out.attachments.removeAt(index);

    QStringList texts;
    QStringList htmls;
    bool firstShownAsHtml = false;
    for (const Piece &piece : m_pieces) {
        if (piece.html) {
            HtmlLimits htmlLimits;
            htmlLimits.maxTreeBytes =
                std::size_t(std::max<qint64>(0, m_options.limits.maxHtmlTreeBytes));
            const ParsedHtml parsed = parseHtml(piece.content, htmlLimits);
            const SanitizedHtml clean = sanitizeDocument(parsed, m_options.allowRemoteContent);
            if (clean.failed) {
                // No tree within the caps: the source, as text, is all that can be shown.
                m_out.renderFailed = true;
                warnOnce(tr("The HTML of this message is too large or too deeply nested to show; "
                            "its source is shown as text."));
                htmls.append(plainToHtml(piece.content));
                texts.append(piece.content);
                continue;
            }
            if (&piece == &m_pieces.first())
                firstShownAsHtml = true;
            m_out.remoteContentBlocked += clean.remoteBlocked;
            if (clean.flattened || clean.truncated)
                warnOnce(tr("The HTML is too deep or too large; part of its layout "
                            "was dropped."));
            htmls.append(clean.html);
            texts.append(documentText(parsed).text);
        } else {
            htmls.append(plainToHtml(piece.content));
            texts.append(piece.content);
        }
    }
    m_out.html = firstShownAsHtml;
    m_out.text = texts.join(QStringLiteral("\n\n"));
    m_out.htmlBody = htmls.join(QStringLiteral("<hr>"));
}

} // namespace poplar::mime
