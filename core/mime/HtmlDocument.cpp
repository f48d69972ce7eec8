// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HtmlDocument.h"

#include <array>
#include <cstring>
#include <vector>

namespace poplar::mime {

void GumboOutputDeleter::operator()(GumboOutput *output) const
{
    gumbo_destroy_output(&kGumboDefaultOptions, output);
}

namespace {

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isNameChar(char c)
{
    return isAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

// Elements that never nest: void elements, and those so often left open (<p>, <li>,
// <td>) that counting them would misjudge an ordinary page as deep.
bool neverNests(const QByteArray &name)
{
    static constexpr std::array<const char *, 24> names{
        "area", "base", "br",    "col",    "embed", "hr",  "img",      "input",
        "link", "meta", "param", "source", "track", "wbr", "p",        "li",
        "td",   "th",   "tr",    "option", "dt",    "dd",  "basefont", "frame"};
    for (const char *n : names) {
        if (name == n)
            return true;
    }
    return false;
}

// Elements whose content is raw text: a "<div" inside a script is not a tag.
bool isRawText(const QByteArray &name)
{
    return name == "script" || name == "style" || name == "textarea" || name == "title" ||
           name == "xmp" || name == "plaintext";
}

/// Index one past the '>' that ends the tag starting at `i`, minding quoted values.
qsizetype tagEnd(QByteArrayView s, qsizetype i)
{
    char quote = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return s.size();
}

qsizetype findCaseInsensitive(QByteArrayView s, QByteArrayView needle, qsizetype from)
{
    for (qsizetype i = from; i + needle.size() <= s.size(); ++i) {
        if (qstrnicmp(s.data() + i, needle.data(), size_t(needle.size())) == 0)
            return i;
    }
    return s.size();
}

} // namespace

QByteArray limitNesting(QByteArrayView s, int maxDepth, bool *changed)
{
    if (changed)
        *changed = false;
    QByteArray out;
    out.reserve(s.size());
    int depth = 0;
    std::vector<QByteArray> droppedOpen; // names of dropped start tags not yet closed
    qsizetype i = 0;
    while (i < s.size()) {
        const char *lt =
            static_cast<const char *>(std::memchr(s.data() + i, '<', size_t(s.size() - i)));
        const qsizetype at = lt ? lt - s.data() : s.size();
        out.append(s.data() + i, at - i);
        i = at;
        if (i >= s.size())
            break;
        if (s.sliced(i).startsWith("<!--")) {
            const qsizetype close = findCaseInsensitive(s, "-->", i + 4);
            const qsizetype end = std::min(s.size(), close + 3);
            out.append(s.data() + i, end - i);
            i = end;
            continue;
        }
        const bool closing = i + 1 < s.size() && s[i + 1] == '/';
        const qsizetype nameBegin = i + (closing ? 2 : 1);
        if (nameBegin >= s.size() || !isAlpha(s[nameBegin])) {
            out += '<';
            ++i;
            continue;
        }
        qsizetype nameEnd = nameBegin;
        while (nameEnd < s.size() && isNameChar(s[nameEnd]))
            ++nameEnd;
        const QByteArray name = s.sliced(nameBegin, nameEnd - nameBegin).toByteArray().toLower();
        const qsizetype end = tagEnd(s, nameEnd);
        const QByteArrayView tag = s.sliced(i, end - i);
        i = end;
        if (closing) {
            if (!droppedOpen.empty() && droppedOpen.back() == name) {
                droppedOpen.pop_back();
                continue;
            }
            if (!neverNests(name) && depth > 0)
                --depth;
            out += tag;
            continue;
        }
        if (isRawText(name)) {
            const qsizetype close = findCaseInsensitive(s, "</" + name, i);
            out += tag;
            out.append(s.data() + i, close - i);
            i = close;
            continue;
        }
        const bool selfClosing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
        if (neverNests(name) || selfClosing) {
            out += tag;
        } else if (depth >= maxDepth) {
            droppedOpen.push_back(name);
            if (changed)
                *changed = true;
        } else {
            ++depth;
            out += tag;
        }
    }
    return out;
}

ParsedHtml parseHtml(const QString &html, HtmlLimits limits)
{
    ParsedHtml out;
    QByteArray utf8 = html.toUtf8();
    if (utf8.size() > limits.maxBytes) {
        utf8.truncate(limits.maxBytes);
        out.truncated = true;
    }
    utf8 = limitNesting(utf8, limits.maxDepth, &out.flattened);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // nobody reads gumbo's parse errors; recording them costs time
    out.output.reset(gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size())));
    return out;
}

} // namespace poplar::mime
