// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every sanitized body must satisfy, whatever the mail was (DESIGN.md promises 4 and
// 5): checked by the fuzz targets on every output; a violation aborts, so libFuzzer keeps
// the input. Walks gumbo's reading of the output with an explicit stack.

#include "mime/HtmlDocument.h"

#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace poplar::fuzz {

/// Output nesting bound: the sanitizer's depth limit, plus html and body of the re-parse and
/// a little for what gumbo adds reading a fragment back (an implied tbody).
inline constexpr int kMaxOutputDepth = 256 + 8;

[[noreturn]] inline void violated(const char *what, const QString &detail)
{
    std::fprintf(stderr, "safety invariant violated: %s: %s\n", what, qPrintable(detail.left(300)));
    std::abort();
}

/// A link goes to the web, FTP, mail or within the page. An image is the message's own part,
/// a data: image, or, when the user let remote content in, a remote address; "\\\\host" is
/// one of those: browsers read it as "//host", so the sanitizer counts it as remote.
inline bool allowedUrl(const char *attribute, const QString &value, bool remoteAllowed)
{
    const QString v = value.toLower();
    if (std::strcmp(attribute, "href") == 0)
        return v.startsWith(QLatin1String("http:")) || v.startsWith(QLatin1String("https:")) ||
               v.startsWith(QLatin1String("ftp:")) || v.startsWith(QLatin1String("mailto:")) ||
               v.startsWith(QLatin1Char('#'));
    const bool remote = v.startsWith(QLatin1String("http:")) ||
                        v.startsWith(QLatin1String("https:")) ||
                        v.startsWith(QLatin1String("ftp:")) || v.startsWith(QLatin1String("//")) ||
                        v.startsWith(QLatin1String("\\\\"));
    return (remote && remoteAllowed) || v.startsWith(QLatin1String("cid:")) ||
           v.startsWith(QLatin1String("data:image/png")) ||
           v.startsWith(QLatin1String("data:image/gif")) ||
           v.startsWith(QLatin1String("data:image/jpeg")) ||
           v.startsWith(QLatin1String("data:image/webp"));
}

/// Aborts unless `html` (sanitizer output) has no script, no event handler, no URL outside
/// the allow-list (no remote image unless `remoteAllowed`), no title attribute at all, and
/// bounded depth.
inline void checkSanitizedHtml(const QString &html, bool remoteAllowed)
{
    if (html.contains(QLatin1String("<script"), Qt::CaseInsensitive))
        violated("<script in output", html);
    mime::HtmlLimits limits;
    limits.preScanDepth = 0;
    limits.maxDepth = 1 << 30;
    const mime::ParsedHtml parsed = mime::parseHtml(html, limits);
    if (!parsed.output)
        return; // over the memory cap: the viewer would show it as source
    if (const int depth = mime::treeDepth(parsed); depth > kMaxOutputDepth)
        violated("output too deep", QString::number(depth));
    std::vector<const GumboNode *> pending{parsed.output->document};
    while (!pending.empty()) {
        const GumboNode *node = pending.back();
        pending.pop_back();
        const GumboVector *children = nullptr;
        if (node->type == GUMBO_NODE_DOCUMENT) {
            children = &node->v.document.children;
        } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
            const GumboElement &e = node->v.element;
            children = &e.children;
            if (e.tag == GUMBO_TAG_SCRIPT)
                violated("script element", html);
            for (unsigned i = 0; i < e.attributes.length; ++i) {
                const auto *a = static_cast<const GumboAttribute *>(e.attributes.data[i]);
                const QString value = QString::fromUtf8(a->value);
                if (qstrnicmp(a->name, "on", 2) == 0)
                    violated("event handler attribute", QString::fromUtf8(a->name));
                if ((std::strcmp(a->name, "href") == 0 || std::strcmp(a->name, "src") == 0 ||
                     std::strcmp(a->name, "background") == 0) &&
                    !allowedUrl(a->name, value, remoteAllowed))
                    violated("URL scheme outside the allow-list", value);
                // The sanitizer writes no title of its own and keeps none from the mail.
                if (qstricmp(a->name, "title") == 0)
                    violated("title attribute", value);
            }
        }
        if (!children)
            continue;
        for (unsigned i = 0; i < children->length; ++i)
            pending.push_back(static_cast<const GumboNode *>(children->data[i]));
    }
}

} // namespace poplar::fuzz
