// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HtmlSanitizer.h"

#include "mime/HtmlDocument.h"

#include <QStringList>

#include <cstring>
#include <vector>

namespace poplar::mime {

namespace {

enum class Action { Keep, Unwrap, Drop };

Action actionFor(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_VAR:
        return Action::Keep;
    // Active or fetching content goes with everything inside it.
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_MENUITEM:
        return Action::Drop;
    default:
        return Action::Unwrap; // html, body, form, unknown elements: their content stays
    }
}

bool isVoid(GumboTag tag)
{
    return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG ||
           tag == GUMBO_TAG_COL;
}

bool allowedAttribute(const char *name)
{
    static constexpr const char *names[] = {
        "align",  "valign",      "width",       "height",  "bgcolor",  "color", "face", "size",
        "border", "cellpadding", "cellspacing", "colspan", "rowspan",  "dir",   "lang", "alt",
        "nowrap", "start",       "type",        "span",    "datetime", "cite"};
    for (const char *n : names) {
        if (std::strcmp(name, n) == 0)
            return true;
    }
    return false;
}

/// The URL as a browser would read its scheme: ASCII whitespace and controls removed.
QString compactUrl(const QString &url)
{
    QString out;
    for (const QChar c : url) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7f)
            out += c;
    }
    return out;
}

bool isRemoteUrl(const QString &url)
{
    const QString u = compactUrl(url).toLower();
    return u.startsWith(QLatin1String("http:")) || u.startsWith(QLatin1String("https:")) ||
           u.startsWith(QLatin1String("ftp:")) || u.startsWith(QLatin1String("//")) ||
           u.startsWith(QLatin1String("\\\\"));
}

bool isSafeLink(const QString &url)
{
    const QString u = compactUrl(url).toLower();
    return u.startsWith(QLatin1String("http:")) || u.startsWith(QLatin1String("https:")) ||
           u.startsWith(QLatin1String("ftp:")) || u.startsWith(QLatin1String("mailto:")) ||
           u.startsWith(QLatin1Char('#'));
}

bool isInlineImageUrl(const QString &url)
{
    const QString u = compactUrl(url).toLower();
    return u.startsWith(QLatin1String("cid:")) || u.startsWith(QLatin1String("data:image/png")) ||
           u.startsWith(QLatin1String("data:image/gif")) ||
           u.startsWith(QLatin1String("data:image/jpeg")) ||
           u.startsWith(QLatin1String("data:image/webp"));
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

class Sanitizer {
public:
    Sanitizer(bool allowRemote, int maxDepth)
        : m_allowRemote(allowRemote)
        , m_maxDepth(maxDepth)
    {}

    void walk(const GumboNode *root)
    {
        // Iterative: no input should reach the stack. Elements deeper than m_maxDepth are
        // unwrapped, so their content is written at that depth.
        struct Frame {
            const GumboNode *node;
            unsigned next;
        };
        std::vector<Frame> stack{{root, 0}};
        while (!stack.empty()) {
            Frame &frame = stack.back();
            const GumboNode *node = frame.node;
            m_depth = int(stack.size()) - 1; // the document is depth 0
            if (frame.next == 0 && !enter(node)) {
                stack.pop_back();
                continue;
            }
            const GumboVector *children = childrenOf(node);
            if (!children || frame.next >= children->length) {
                leave(node);
                stack.pop_back();
                continue;
            }
            const auto *child = static_cast<const GumboNode *>(children->data[frame.next++]);
            stack.push_back({child, 0});
        }
    }

    SanitizedHtml result() const
    {
        SanitizedHtml out;
        out.html = m_html;
        out.remoteBlocked = m_blocked;
        out.remoteAllowed = m_allowed;
        out.flattened = m_flattened;
        return out;
    }

private:
    static const GumboVector *childrenOf(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_DOCUMENT)
            return &node->v.document.children;
        if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
            return &node->v.element.children;
        return nullptr;
    }

    /// Counts a remote resource and says whether it may stay.
    bool remoteMayStay()
    {
        if (m_allowRemote) {
            ++m_allowed;
            return true;
        }
        ++m_blocked;
        return false;
    }

    /// Counts what a dropped element and everything inside it would have fetched (a
    /// stylesheet link in the dropped <head>, say): blocked resources all the same.
    void countDropped(const GumboNode *root)
    {
        std::vector<const GumboNode *> pending{root};
        while (!pending.empty()) {
            const GumboNode *node = pending.back();
            pending.pop_back();
            if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
                continue;
            const GumboElement &e = node->v.element;
            for (const char *attr : {"src", "data", "href", "poster", "background"}) {
                const GumboAttribute *a = gumbo_get_attribute(&e.attributes, attr);
                if (!a || !isRemoteUrl(QString::fromUtf8(a->value)))
                    continue;
                if (std::strcmp(attr, "href") == 0 && e.tag != GUMBO_TAG_LINK)
                    continue; // a link elsewhere is followed on click, not fetched
                ++m_blocked;
            }
            if (e.tag == GUMBO_TAG_STYLE)
                (void)filterCss(textOf(node), true);
            for (unsigned i = 0; i < e.children.length; ++i)
                pending.push_back(static_cast<const GumboNode *>(e.children.data[i]));
        }
    }

    static QString textOf(const GumboNode *node)
    {
        QString out;
        const GumboVector &children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(children.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
                child->type == GUMBO_NODE_WHITESPACE)
                out += QString::fromUtf8(child->v.text.text);
        }
        return out;
    }

    /// Keeps the declarations of a style attribute that fetch and run nothing. A remote
    /// url() is counted; with `countOnly` nothing is kept (a dropped <style> element).
    QString filterCss(const QString &css, bool countOnly = false)
    {
        QStringList kept;
        const QString lowered = css.toLower();
        // @import and url() both fetch; count each occurrence that points at the net.
        qsizetype from = 0;
        QStringList declarations = css.split(QLatin1Char(';'));
        if (countOnly) {
            while ((from = lowered.indexOf(QLatin1String("url("), from)) >= 0) {
                from += 4;
                QString target = lowered.mid(from, lowered.indexOf(QLatin1Char(')'), from) - from);
                target.remove(QLatin1Char('"')).remove(QLatin1Char('\''));
                if (isRemoteUrl(target.trimmed()))
                    ++m_blocked;
            }
            return {};
        }
        for (const QString &declaration : declarations) {
            const QString d = compactUrl(declaration).toLower();
            if (d.isEmpty())
                continue;
            if (d.contains(QLatin1String("expression(")) ||
                d.contains(QLatin1String("javascript:")) || d.contains(QLatin1String("behavior")) ||
                d.contains(QLatin1String("-moz-binding")) || d.contains(QLatin1String("@import")) ||
                d.contains(QLatin1Char('\\')))
                continue;
            if (const qsizetype url = d.indexOf(QLatin1String("url(")); url >= 0) {
                QString target = d.mid(url + 4);
                target.remove(QLatin1Char('"')).remove(QLatin1Char('\''));
                if (isRemoteUrl(target)) {
                    if (!remoteMayStay())
                        continue;
                } else if (!target.startsWith(QLatin1String("cid:"))) {
                    continue;
                }
            }
            kept.append(declaration.trimmed());
        }
        return kept.join(QStringLiteral("; "));
    }

    bool enter(const GumboNode *node)
    {
        switch (node->type) {
        case GUMBO_NODE_DOCUMENT:
            return true;
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            m_html += escaped(QString::fromUtf8(node->v.text.text));
            return false;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        default:
            return false; // comments
        }
        const GumboElement &e = node->v.element;
        const Action action = actionFor(e.tag);
        if (action == Action::Drop) {
            countDropped(node);
            return false;
        }
        if (action == Action::Keep && tooDeep(e.tag))
            return true; // unwrapped: its content stays, at the depth limit
        if (action == Action::Unwrap) {
            if (const GumboAttribute *bg = gumbo_get_attribute(&e.attributes, "background");
                bg && isRemoteUrl(QString::fromUtf8(bg->value)))
                ++m_blocked; // a body background image is dropped with the body element
            return true;
        }
        m_html += QLatin1Char('<') + QString::fromUtf8(gumbo_normalized_tagname(e.tag));
        for (unsigned i = 0; i < e.attributes.length; ++i)
            writeAttribute(e.tag, static_cast<const GumboAttribute *>(e.attributes.data[i]));
        m_html += QLatin1Char('>');
        return true;
    }

    void writeAttribute(GumboTag tag, const GumboAttribute *a)
    {
        const QString value = QString::fromUtf8(a->value);
        auto write = [this, a](const QString &v) {
            m_html += QLatin1Char(' ') + QString::fromUtf8(a->name) + QStringLiteral("=\"") +
                      escaped(v) + QLatin1Char('"');
        };
        const char *name = a->name;
        if (std::strcmp(name, "href") == 0) {
            if (tag == GUMBO_TAG_A && isSafeLink(value)) {
                write(compactUrl(value));
                // The real target, for anyone who hovers: link text can claim anything.
                m_html +=
                    QStringLiteral(" title=\"") + escaped(compactUrl(value)) + QLatin1Char('"');
            }
        } else if (std::strcmp(name, "src") == 0 || std::strcmp(name, "background") == 0) {
            if (isRemoteUrl(value)) {
                if (remoteMayStay())
                    write(compactUrl(value));
            } else if (isInlineImageUrl(value)) {
                write(compactUrl(value));
            }
        } else if (std::strcmp(name, "style") == 0) {
            const QString css = filterCss(value);
            if (!css.isEmpty())
                write(css);
        } else if (allowedAttribute(name)) {
            write(value);
        }
    }

    void leave(const GumboNode *node)
    {
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            return;
        const GumboTag tag = node->v.element.tag;
        if (actionFor(tag) == Action::Keep && !isVoid(tag) && !tooDeep(tag))
            m_html += QStringLiteral("</") + QString::fromUtf8(gumbo_normalized_tagname(tag)) +
                      QLatin1Char('>');
    }

    /// Whether an element at the current depth is written without its tags (a void element
    /// nests nothing, so it may stay).
    bool tooDeep(GumboTag tag)
    {
        if (m_depth <= m_maxDepth || isVoid(tag))
            return false;
        m_flattened = true;
        return true;
    }

    bool m_allowRemote = false;
    int m_maxDepth = 256;
    int m_depth = 0;
    bool m_flattened = false;
    QString m_html;
    int m_blocked = 0;
    int m_allowed = 0;
};

} // namespace

SanitizedHtml sanitizeDocument(const ParsedHtml &parsed, bool allowRemote)
{
    SanitizedHtml out;
    if (parsed.output) {
        Sanitizer sanitizer(allowRemote, parsed.maxDepth);
        sanitizer.walk(parsed.output->document);
        out = sanitizer.result();
    }
    out.failed = !parsed.output;
    out.flattened = out.flattened || parsed.flattened;
    out.truncated = parsed.truncated;
    return out;
}

SanitizedHtml sanitizeHtml(const QString &html, bool allowRemote)
{
    return sanitizeDocument(parseHtml(html), allowRemote);
}

} // namespace poplar::mime
