// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MessageRenderer.h"

#include "mime/BodyWalker.h"
#include "mime/Charset.h"
#include "mime/GObjectPtr.h"
#include "mime/HeaderDecoder.h"
#include "mime/MessageRepair.h"
#include "mime/PlainToHtml.h"

#include <gmime/gmime.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace poplar::mime {

namespace {

void ensureGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

/// Lends `raw` to GMime as a GByteArray instead of letting GMime copy it: a 25 MB message
/// would otherwise be held twice while it is shown. GMime never writes to a stream it
/// parses. Released, without freeing Qt's data, after the message that reads from it.
class BorrowedBytes {
public:
    explicit BorrowedBytes(const QByteArray &raw)
        : m_array(g_byte_array_new_take(
              reinterpret_cast<guint8 *>(const_cast<char *>(raw.constData())), size_t(raw.size())))
    {}
    ~BorrowedBytes() { (void)g_byte_array_free(m_array, FALSE); }
    BorrowedBytes(const BorrowedBytes &) = delete;
    BorrowedBytes &operator=(const BorrowedBytes &) = delete;
    [[nodiscard]] GByteArray *get() const { return m_array; }

private:
    GByteArray *m_array;
};

/// A parsed message and the bytes it reads from; members go in reverse order, so the
/// message (and the stream its parts keep) goes before the borrowed bytes.
struct ParsedMessage {
    std::unique_ptr<BorrowedBytes> bytes;
    GObjectPtr<GMimeMessage> message;
};

struct ParserOptionsFree {
    void operator()(GMimeParserOptions *options) const { g_mime_parser_options_free(options); }
};

/// GMime decodes raw 8-bit parameter values (a file name with no RFC 2231) itself, trying
/// its fallback charsets in turn; Latin-1 by default. The message's own charset joins the
/// list, so a GBK file name in GBK mail is read as GBK, as the headers are.
std::unique_ptr<GMimeParserOptions, ParserOptionsFree> parserOptions(const QByteArray &charset)
{
    std::unique_ptr<GMimeParserOptions, ParserOptionsFree> options(g_mime_parser_options_new());
    QByteArray name = canonicalCharset(charset);
    if (name == "windows-949")
        name = "CP949"; // iconv's name for it
    if (name.isEmpty() || name == "utf-8" || name == "windows-1252") {
        const char *charsets[] = {"utf-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(options.get(), charsets);
    } else {
        const char *charsets[] = {"utf-8", name.constData(), "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(options.get(), charsets);
    }
    return options;
}

/// A parser reading `bytes` in place (they outlive it); messages as their format.
GObjectPtr<GMimeParser> parserOver(BorrowedBytes &bytes)
{
    auto stream =
        GObjectPtr<GMimeStream>::adopt(g_mime_stream_mem_new_with_byte_array(bytes.get()));
    g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream.get()), FALSE);
    // The parser holds its own reference to the stream.
    auto parser = GObjectPtr<GMimeParser>::adopt(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    return parser;
}

ParsedMessage parse(const QByteArray &raw)
{
    ensureGMime();
    ParsedMessage out;
    out.bytes = std::make_unique<BorrowedBytes>(raw);
    const auto parser = parserOver(*out.bytes);
    // Header text is decoded by us from the raw values (HeaderDecoder), so GMime's
    // fallback charsets matter only for parameters.
    const auto options = parserOptions(scanCharset(raw));
    out.message = GObjectPtr<GMimeMessage>::adopt(
        g_mime_parser_construct_message(parser.get(), options.get()));
    return out;
}

// Where the header block ends: the line ending before the first empty line (CRLF or bare
// LF), or -1. Found line by line from the start, so it costs the header's size, not the
// message's (a substring search for "\n\n" ran to the end of every CRLF message). A line
// that is neither a field (no ':') nor a continuation, after a field, ends it too: the
// viewer reads the message so (repairForParsing puts a blank line there), and the list
// must show the same sender and subject as the viewer.
qsizetype headerBlockEnd(const QByteArray &raw)
{
    const char *const begin = raw.constData();
    const char *const end = begin + raw.size();
    const char *line = begin;
    bool sawField = false;
    while (line < end) {
        const auto *newline =
            static_cast<const char *>(std::memchr(line, '\n', size_t(end - line)));
        const char *const lineEnd = newline ? newline : end;
        const bool blank = *line == '\n' || (*line == '\r' && line + 1 < end && line[1] == '\n');
        bool endsBlock = blank;
        if (!blank && *line != ' ' && *line != '\t') {
            if (std::memchr(line, ':', size_t(lineEnd - line)))
                sawField = true;
            else
                endsBlock = sawField;
        }
        if (endsBlock) {
            const qsizetype at = line - begin;
            if (at >= 2 && line[-2] == '\r')
                return at - 2;
            return at >= 1 ? at - 1 : 0;
        }
        if (!newline)
            return -1;
        line = newline + 1;
    }
    return -1;
}

/// The header block of a repaired message, each field ending in a line break, as GMime's
/// parser read it when the block was handed to it alone.
QByteArray headerBlockOf(const QByteArray &repaired)
{
    const qsizetype end = headerBlockEnd(repaired);
    return end < 0 ? repaired : repaired.left(end) + "\r\n\r\n";
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

MessageHeaders MessageRenderer::headers(const QByteArray &raw)
{
    // Only the header block is needed; splitting just it keeps storing a big message cheap.
    QStringList ignored;
    const QByteArray repaired = repairHeaderStart(raw, ignored);
    const QByteArray block = headerBlockOf(repaired); // the fields point into it
    ensureGMime(); // its address and date parsers still read the values
    // No parts to ask for the body's charset: the first charset= in the bytes stands in.
    return decodeMessageHeaders(HeaderFields(block), scanCharset(repaired));
}

QList<QByteArray> MessageRenderer::headerValues(const QByteArray &raw, const char *name)
{
    QStringList ignored;
    const QByteArray block = headerBlockOf(repairHeaderStart(raw, ignored));
    return HeaderFields(block).all(name);
}

QList<std::pair<QByteArray, QByteArray>> MessageRenderer::headerFields(const QByteArray &raw)
{
    QStringList ignored;
    const QByteArray block = headerBlockOf(repairHeaderStart(raw, ignored));
    const HeaderFields fields(block);
    QList<std::pair<QByteArray, QByteArray>> out;
    out.reserve(fields.fields().size());
    for (const HeaderFields::Field &f : fields.fields())
        out.append({f.name.toByteArray(), f.rawValue});
    return out;
}

RenderedMessage MessageRenderer::render(const QByteArray &raw, RenderLimits limits)
{
    RenderOptions options;
    options.limits = limits;
    return render(raw, options);
}

RenderedMessage MessageRenderer::render(const QByteArray &raw, const RenderOptions &options)
{
    RenderedMessage out;
    const QByteArray repaired = repairForParsing(raw, out.warnings);
    const ParsedMessage parsed = parse(repaired);
    GMimeMessage *message = parsed.message.get();
    if (!message) {
        out.warnings.append(tr("The message could not be read as MIME; shown as raw text."));
        out.text = decodeText(raw, {});
        out.htmlBody = plainToHtml(out.text);
        return out;
    }
    GMimeObject *object = GMIME_OBJECT(message);
    // Raw 8-bit headers are read in the body's charset; when no part declares one, the
    // first charset= anywhere (an HTML <meta>, say) is the best guess there is.
    QByteArray charset = bodyCharset(object);
    if (charset.isEmpty())
        charset = scanCharset(repaired);
    out.headers = decodeMessageHeaders(object, charset);
    BodyWalker walker(options, charset, out);
    walker.walk(g_mime_message_get_mime_part(message));
    walker.finish();
    return out;
}

} // namespace poplar::mime
