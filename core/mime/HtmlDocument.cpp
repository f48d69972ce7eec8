// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HtmlDocument.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace poplar::mime {

GumboArena::GumboArena(std::size_t maxBytes)
    : m_maxBytes(maxBytes)
{}

GumboArena::~GumboArena()
{
    // One loop over everything gumbo still holds: the tree's depth never reaches the stack.
    while (m_head) {
        Header *next = m_head->next;
        std::free(m_head);
        m_head = next;
    }
}

void *GumboArena::allocate(void *arena, std::size_t size)
{
    auto *self = static_cast<GumboArena *>(arena);
    const std::size_t total = sizeof(Header) + size;
    if (self->m_exhausted || total > self->m_maxBytes - std::min(self->m_maxBytes, self->m_inUse)) {
        self->m_exhausted = true;
        std::longjmp(self->jump, 1); // gumbo has no way to fail an allocation; leave it
    }
    auto *header = static_cast<Header *>(std::malloc(total));
    if (!header) {
        self->m_exhausted = true;
        std::longjmp(self->jump, 1);
    }
    header->prev = nullptr;
    header->next = self->m_head;
    header->size = total;
    if (self->m_head)
        self->m_head->prev = header;
    self->m_head = header;
    self->m_inUse += total;
    return header + 1;
}

void GumboArena::deallocate(void *arena, void *block)
{
    if (!block)
        return;
    auto *self = static_cast<GumboArena *>(arena);
    Header *header = static_cast<Header *>(block) - 1;
    if (header->prev)
        header->prev->next = header->next;
    else
        self->m_head = header->next;
    if (header->next)
        header->next->prev = header->prev;
    self->m_inUse -= header->size;
    std::free(header);
}

namespace {

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool isOneOf(const QByteArray &name, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [&](const char *n) { return name == n; });
}

// Elements that never nest: void elements, and those so often left open (<p>, <li>,
// <td>) that counting them would misjudge an ordinary page as deep; gumbo closes an open
// one when the next starts, unless a counted element stands between them.
bool neverNests(const QByteArray &name)
{
    return isOneOf(name, {"area",  "base",     "br",    "col",    "embed",  "hr",     "img",
                          "input", "link",     "meta",  "param",  "source", "track",  "wbr",
                          "p",     "li",       "td",    "th",     "tr",     "option", "dt",
                          "dd",    "basefont", "frame", "keygen", "bgsound"});
}

// End tags of this group close their element only when no scope boundary is open above it.
bool isBlockEndTag(const QByteArray &name)
{
    return isOneOf(name, {"address", "article", "aside",  "blockquote", "center",   "details",
                          "dialog",  "dir",     "div",    "dl",         "fieldset", "figcaption",
                          "figure",  "footer",  "header", "hgroup",     "listing",  "main",
                          "menu",    "nav",     "ol",     "pre",        "section",  "summary",
                          "ul",      "table",   "form"});
}

bool isScopeBoundary(const QByteArray &name)
{
    return isOneOf(
        name, {"applet",         "caption",       "html", "table", "td", "th", "marquee", "object",
               "template",       "svg",           "math", "mi",    "mo", "mn", "ms",      "mtext",
               "annotation-xml", "foreignobject", "desc", "title"});
}

// HTML's "special" elements: any other end tag stops at one of them.
bool isSpecial(const QByteArray &name)
{
    return isScopeBoundary(name) || isBlockEndTag(name) ||
           isOneOf(name,
                   {"body",    "button",   "colgroup", "frameset",  "h1",     "h2",      "h3",
                    "h4",      "h5",       "h6",       "head",      "iframe", "isindex", "menuitem",
                    "noembed", "noframes", "noscript", "plaintext", "script", "select",  "style",
                    "tbody",   "textarea", "tfoot",    "thead",     "xmp"});
}

/// What gumbo's end tag `name` closes of the pre-scan's open elements: down to the nearest
/// element of that name, unless something that stops the end tag is open above it (then
/// nothing, which can only count deeper than gumbo does).
void closeTo(std::vector<QByteArray> &open, const QByteArray &name)
{
    const bool block = isBlockEndTag(name);
    for (auto i = open.size(); i-- > 0;) {
        if (open[i] == name) {
            open.resize(i);
            return;
        }
        if (block ? isScopeBoundary(open[i]) : isSpecial(open[i]))
            return;
    }
}

qsizetype findCaseInsensitive(QByteArrayView s, QByteArrayView needle, qsizetype from)
{
    for (qsizetype i = from; i + needle.size() <= s.size(); ++i) {
        if (qstrnicmp(s.data() + i, needle.data(), size_t(needle.size())) == 0)
            return i;
    }
    return s.size();
}

qsizetype afterNext(QByteArrayView s, char c, qsizetype from)
{
    if (from >= s.size())
        return s.size();
    const auto *at =
        static_cast<const char *>(std::memchr(s.data() + from, c, size_t(s.size() - from)));
    return at ? at - s.data() + 1 : s.size();
}

/// Where a comment opened at `i` ("<!--") ends for gumbo: the earliest of "<!-->",
/// "<!--->", "-->" and "--!>" (ending it early only makes the scan count more tags).
qsizetype commentEnd(QByteArrayView s, qsizetype i)
{
    const qsizetype body = i + 4;
    if (body < s.size() && s[body] == '>')
        return body + 1;
    if (body + 1 < s.size() && s[body] == '-' && s[body + 1] == '>')
        return body + 2;
    const qsizetype dashes = findCaseInsensitive(s, "-->", body);
    const qsizetype bang = findCaseInsensitive(s, "--!>", body);
    return std::min({s.size(), dashes + 3, bang + 4});
}

struct Tag {
    qsizetype end = 0; ///< one past its '>'
    QByteArray name;   ///< lower case, as gumbo names it (everything up to space, '/' or '>')
    bool selfClosing = false;
};

/// Reads the tag whose name starts at `nameBegin` as gumbo's tokenizer does: quotes open a
/// value only right after '=' (a stray quote elsewhere is part of a name).
Tag readTag(QByteArrayView s, qsizetype nameBegin)
{
    enum class State {
        Name,
        BeforeAttr,
        AttrName,
        AfterAttr,
        BeforeValue,
        Quoted,
        Unquoted,
        AfterQuoted,
        SelfClosing
    };
    Tag tag;
    State state = State::Name;
    char quote = 0;
    qsizetype i = nameBegin;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        switch (state) {
        case State::Name:
            if (isSpace(c) || c == '/' || c == '>') {
                tag.name = s.sliced(nameBegin, i - nameBegin).toByteArray().toLower();
                state = State::BeforeAttr;
                --i; // reconsume
            }
            break;
        case State::BeforeAttr:
            if (c == '/')
                state = State::SelfClosing;
            else if (c == '>')
                return tag.end = i + 1, tag;
            else if (!isSpace(c))
                state = State::AttrName;
            break;
        case State::AttrName:
            if (isSpace(c))
                state = State::AfterAttr;
            else if (c == '/')
                state = State::SelfClosing;
            else if (c == '=')
                state = State::BeforeValue;
            else if (c == '>')
                return tag.end = i + 1, tag;
            break;
        case State::AfterAttr:
            if (c == '/')
                state = State::SelfClosing;
            else if (c == '=')
                state = State::BeforeValue;
            else if (c == '>')
                return tag.end = i + 1, tag;
            else if (!isSpace(c))
                state = State::AttrName;
            break;
        case State::BeforeValue:
            if (c == '"' || c == '\'') {
                quote = c;
                state = State::Quoted;
            } else if (c == '>') {
                return tag.end = i + 1, tag;
            } else if (!isSpace(c)) {
                state = State::Unquoted;
            }
            break;
        case State::Quoted:
            if (c == quote)
                state = State::AfterQuoted;
            break;
        case State::Unquoted:
            if (isSpace(c))
                state = State::BeforeAttr;
            else if (c == '>')
                return tag.end = i + 1, tag;
            break;
        case State::AfterQuoted:
            state = State::BeforeAttr;
            --i;
            break;
        case State::SelfClosing:
            if (c == '>') {
                tag.selfClosing = true;
                return tag.end = i + 1, tag;
            }
            state = State::BeforeAttr;
            --i;
            break;
        }
    }
    if (tag.name.isEmpty())
        tag.name = s.sliced(nameBegin).toByteArray().toLower();
    tag.end = s.size();
    return tag;
}

bool inForeignContent(const std::vector<QByteArray> &open)
{
    return std::any_of(open.cbegin(), open.cend(),
                       [](const QByteArray &n) { return n == "svg" || n == "math"; });
}

} // namespace

QByteArray limitNesting(QByteArrayView s, int maxDepth, bool *changed)
{
    if (changed)
        *changed = false;
    QByteArray out;
    out.reserve(s.size());
    std::vector<QByteArray> open;        // what the scan believes gumbo has open
    std::vector<QByteArray> droppedOpen; // names of dropped start tags not yet closed
    qsizetype i = 0;
    auto copyTo = [&](qsizetype end) {
        out.append(s.data() + i, end - i);
        i = end;
    };
    while (i < s.size()) {
        const char *lt =
            static_cast<const char *>(std::memchr(s.data() + i, '<', size_t(s.size() - i)));
        copyTo(lt ? lt - s.data() : s.size());
        if (i >= s.size())
            break;
        const QByteArrayView rest = s.sliced(i);
        if (rest.startsWith("<!--")) {
            copyTo(commentEnd(s, i));
            continue;
        }
        if (rest.startsWith("<!") || rest.startsWith("<?") ||
            (rest.startsWith("</") && rest.size() > 2 && !isAlpha(rest[2]))) {
            copyTo(afterNext(s, '>', i + 2)); // doctype or bogus comment: up to the first '>'
            continue;
        }
        const bool closing = rest.startsWith("</");
        const qsizetype nameBegin = i + (closing ? 2 : 1);
        if (nameBegin >= s.size() || !isAlpha(s[nameBegin])) {
            copyTo(i + 1); // a '<' that starts no tag is text
            continue;
        }
        const Tag tag = readTag(s, nameBegin);
        const QByteArrayView text = s.sliced(i, tag.end - i);
        i = tag.end;
        if (closing) {
            if (!droppedOpen.empty() && droppedOpen.back() == tag.name) {
                droppedOpen.pop_back();
                continue;
            }
            closeTo(open, tag.name);
            out += text;
            continue;
        }
        if ((tag.name == "script" || tag.name == "style") && !inForeignContent(open)) {
            // Raw text in HTML: a "<div" inside is not a tag. The first "</script" ends it
            // here; gumbo never ends it sooner.
            const qsizetype close = findCaseInsensitive(s, "</" + tag.name, i);
            out += text;
            copyTo(close);
            continue;
        }
        // A self-closing slash on a non-void element is ignored by gumbo (<q/> opens a q),
        // so only the element decides.
        if (neverNests(tag.name)) {
            out += text;
        } else if (open.size() >= size_t(maxDepth)) {
            droppedOpen.push_back(tag.name);
            if (changed)
                *changed = true;
        } else {
            open.push_back(tag.name);
            out += text;
        }
    }
    return out;
}

namespace {

GumboOutput *parseInArena(GumboArena &arena, const GumboOptions &options, const char *data,
                          std::size_t size)
{
    // Nothing here has a destructor for longjmp to skip: gumbo is C and its memory is the
    // arena's.
    if (setjmp(arena.jump) != 0)
        return nullptr;
    return gumbo_parse_with_options(&options, data, size);
}

} // namespace

ParsedHtml parseHtml(const QString &html, HtmlLimits limits)
{
    ParsedHtml out;
    out.maxDepth = std::max(1, limits.maxDepth);
    QByteArray utf8 = html.toUtf8();
    if (utf8.size() > limits.maxBytes) {
        utf8.truncate(limits.maxBytes);
        out.truncated = true;
    }
    if (limits.preScanDepth > 0)
        utf8 = limitNesting(utf8, limits.preScanDepth, &out.flattened);
    out.arena = std::make_unique<GumboArena>(limits.maxTreeBytes);
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboArena::allocate;
    options.deallocator = &GumboArena::deallocate;
    options.userdata = out.arena.get();
    options.max_errors = 0; // nobody reads gumbo's parse errors; recording them costs time
    out.output = parseInArena(*out.arena, options, utf8.constData(), size_t(utf8.size()));
    out.failed = !out.output;
    return out;
}

int treeDepth(const ParsedHtml &parsed)
{
    if (!parsed.output)
        return 0;
    struct Frame {
        const GumboNode *node;
        int depth;
    };
    int deepest = 0;
    std::vector<Frame> pending{{parsed.output->document, 0}};
    while (!pending.empty()) {
        const Frame frame = pending.back();
        pending.pop_back();
        const GumboVector *children = nullptr;
        if (frame.node->type == GUMBO_NODE_DOCUMENT)
            children = &frame.node->v.document.children;
        else if (frame.node->type == GUMBO_NODE_ELEMENT || frame.node->type == GUMBO_NODE_TEMPLATE)
            children = &frame.node->v.element.children;
        if (!children)
            continue;
        deepest = std::max(deepest, frame.depth);
        for (unsigned i = 0; i < children->length; ++i)
            pending.push_back({static_cast<const GumboNode *>(children->data[i]), frame.depth + 1});
    }
    return deepest;
}

} // namespace poplar::mime
