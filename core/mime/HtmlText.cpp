// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HtmlText.h"

#include "mime/HtmlDocument.h"

#include <vector>

namespace poplar::mime {

namespace {

bool isBlock(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_CENTER:
        return true;
    default:
        return false;
    }
}

bool isRemote(const char *url)
{
    const QString u = QString::fromUtf8(url).trimmed().toLower();
    return u.startsWith(QLatin1String("http:")) || u.startsWith(QLatin1String("https:")) ||
           u.startsWith(QLatin1String("ftp:")) || u.startsWith(QLatin1String("//"));
}

class TextWalker {
public:
    void walk(const GumboNode *root)
    {
        // Iterative: a hostile page nested a million deep must not exhaust the stack.
        struct Frame {
            const GumboNode *node;
            unsigned next;
        };
        std::vector<Frame> stack{{root, 0}};
        enter(root);
        while (!stack.empty()) {
            Frame &frame = stack.back();
            if (frame.node->type != GUMBO_NODE_ELEMENT && frame.node->type != GUMBO_NODE_DOCUMENT) {
                stack.pop_back();
                continue;
            }
            const GumboVector &children = frame.node->type == GUMBO_NODE_DOCUMENT
                                              ? frame.node->v.document.children
                                              : frame.node->v.element.children;
            if (frame.next >= children.length || skipChildren(frame.node)) {
                leave(frame.node);
                stack.pop_back();
                continue;
            }
            const auto *child = static_cast<const GumboNode *>(children.data[frame.next++]);
            enter(child);
            stack.push_back({child, 0});
        }
    }

    HtmlText result()
    {
        HtmlText out;
        out.text = m_text.trimmed();
        out.remoteResources = m_remote;
        return out;
    }

private:
    static bool skipChildren(const GumboNode *node)
    {
        if (node->type != GUMBO_NODE_ELEMENT)
            return false;
        switch (node->v.element.tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
            return true;
        default:
            return false;
        }
    }

    void enter(const GumboNode *node)
    {
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
            appendText(QString::fromUtf8(node->v.text.text));
            return;
        case GUMBO_NODE_WHITESPACE:
            appendText(QStringLiteral(" "));
            return;
        case GUMBO_NODE_ELEMENT:
            break;
        default:
            return;
        }
        const GumboElement &e = node->v.element;
        if (e.tag == GUMBO_TAG_BR)
            newline(1);
        else if (isBlock(e.tag))
            newline(e.tag == GUMBO_TAG_P ? 2 : 1);
        else if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH)
            appendText(QStringLiteral(" ")); // cells side by side are words apart
        for (const char *attr : {"src", "background", "poster"}) {
            if (const GumboAttribute *a = gumbo_get_attribute(&e.attributes, attr);
                a && isRemote(a->value))
                ++m_remote;
        }
        if (e.tag == GUMBO_TAG_LINK) {
            if (const GumboAttribute *a = gumbo_get_attribute(&e.attributes, "href");
                a && isRemote(a->value))
                ++m_remote;
        }
    }

    void leave(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_ELEMENT && isBlock(node->v.element.tag))
            newline(node->v.element.tag == GUMBO_TAG_P ? 2 : 1);
    }

    void appendText(const QString &text)
    {
        for (const QChar c : text) {
            if (c.isSpace() || c == QChar::Nbsp) {
                if (!m_text.isEmpty() && !m_text.back().isSpace())
                    m_text += QLatin1Char(' ');
            } else {
                m_text += c;
            }
        }
    }

    void newline(int count)
    {
        while (!m_text.isEmpty() && m_text.back() == QLatin1Char(' '))
            m_text.chop(1);
        if (m_text.isEmpty())
            return;
        int have = 0;
        for (qsizetype i = m_text.size() - 1; i >= 0 && m_text.at(i) == QLatin1Char('\n'); --i)
            ++have;
        for (; have < count; ++have)
            m_text += QLatin1Char('\n');
    }

    QString m_text;
    int m_remote = 0;
};

} // namespace

HtmlText documentText(const ParsedHtml &parsed)
{
    if (!parsed.output)
        return {};
    TextWalker walker;
    walker.walk(parsed.output->document);
    return walker.result();
}

HtmlText htmlToText(const QString &html)
{
    return documentText(parseHtml(html));
}

} // namespace poplar::mime
