// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HtmlSanitizer.h"

#include "mime/HtmlDocument.h"
#include "mime/TextLimits.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace poplar::mime {

namespace {

enum class Action { Keep, Unwrap, Drop };

constexpr int maxTableDepth = LayoutLimits::maxTableDepth;
constexpr int maxTableSpan = LayoutLimits::maxTableSpan;
constexpr qint64 maxTableCost = LayoutLimits::maxTableCost;
constexpr int maxLayoutPixels = LayoutLimits::maxLayoutPixels;
constexpr int maxFontPixels = LayoutLimits::maxFontPixels;

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

bool isTablePart(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
        return true;
    default:
        return false;
    }
}

/// Inline elements: text inside them continues the block around them.
bool isInline(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
        return true;
    default:
        return false;
    }
}

/// An HTML integer attribute (colspan, border...) clamped to [low, high]; empty if the
/// value is no number.
QString clampedInteger(const QString &value, int low, int high)
{
    bool ok = false;
    const QString digits = value.trimmed();
    qsizetype end = 0;
    while (end < digits.size() && end < 9 && digits.at(end).isDigit())
        ++end;
    const int n = digits.left(end).toInt(&ok);
    if (!ok)
        return {};
    if (end < digits.size() && digits.at(end).isDigit())
        return QString::number(high); // more digits than an int holds
    return QString::number(std::clamp(n, low, high));
}

/// A width or height attribute: pixels up to maxLayoutPixels, or a percentage up to 100.
QString clampedLength(const QString &value)
{
    const QString v = value.trimmed();
    if (v.endsWith(QLatin1Char('%'))) {
        const QString n = clampedInteger(v.chopped(1), 0, 100);
        return n.isEmpty() ? QString() : n + QLatin1Char('%');
    }
    return clampedInteger(v, 0, maxLayoutPixels);
}

/// CSS lengths in a kept declaration, clamped: a font, box or spacing size past what a
/// screen shows (100000px, say) costs layout time and, for fonts, glyph memory.
QString clampedCssSizes(const QString &declaration)
{
    const qsizetype colon = declaration.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return declaration;
    const QString property = declaration.left(colon).trimmed().toLower();
    const bool font = property == QLatin1String("font-size") || property == QLatin1String("font");
    const bool lineHeight = property == QLatin1String("line-height");
    static constexpr const char *sized[] = {
        "width",       "height",         "min-",         "max-",   "margin",      "padding",
        "text-indent", "letter-spacing", "word-spacing", "border", "line-height", "font"};
    bool isSized = false;
    for (const char *p : sized)
        isSized = isSized || property.startsWith(QLatin1String(p));
    if (!isSized)
        return declaration;
    // Only for finding numbers in a declaration the walk already took apart.
    static const QRegularExpression number(
        QStringLiteral(
            R"(([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(px|pt|pc|in|cm|mm|q|em|rem|ex|ch|vw|vh|vmin|vmax|%)?)"),
        QRegularExpression::CaseInsensitiveOption);
    const double maxPixels = font ? maxFontPixels : maxLayoutPixels;
    QString out = declaration.left(colon + 1);
    qsizetype pos = colon + 1;
    auto it = number.globalMatch(declaration, colon + 1);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(declaration).mid(pos, m.capturedStart() - pos);
        pos = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2).toLower();
        double pixels = n; // px, and unitless (a factor for line-height)
        if (unit == QLatin1String("pt"))
            pixels = n * 4 / 3;
        else if (unit == QLatin1String("pc"))
            pixels = n * 16;
        else if (unit == QLatin1String("in"))
            pixels = n * 96;
        else if (unit == QLatin1String("cm"))
            pixels = n * 96 / 2.54;
        else if (unit == QLatin1String("mm"))
            pixels = n * 96 / 25.4;
        else if (unit == QLatin1String("q"))
            pixels = n * 96 / 101.6;
        else if (!unit.isEmpty() && unit != QLatin1String("px") && unit != QLatin1String("%"))
            pixels = n * 16; // em, rem, ex, ch and viewport units, as if 16px
        if (unit == QLatin1String("%")) {
            const double maxPercent = (font || lineHeight) ? 1000 : 100;
            out += std::abs(n) > maxPercent
                       ? QString::number(n < 0 ? -maxPercent : maxPercent) + QLatin1Char('%')
                       : m.captured();
        } else if (unit.isEmpty() && lineHeight) {
            out += std::abs(n) > 10 ? QStringLiteral("10") : m.captured();
        } else if (unit.isEmpty() && n != 0 && !font) {
            out += m.captured(); // a count or a weight, not a length
        } else if (std::abs(pixels) > maxPixels) {
            out += QString::number(pixels < 0 ? -maxPixels : maxPixels) + QStringLiteral("px");
        } else {
            out += m.captured();
        }
    }
    out += QStringView(declaration).mid(pos);
    return out;
}

/// The tables of a document laid out as tables, and those made into plain blocks: Qt lays
/// a table out as one piece, in time that grows with its grid (rows × columns, so with
/// colspan and rowspan) and about doubles per level of nesting.
class TablePlan {
public:
    explicit TablePlan(const GumboNode *root)
    {
        struct Info {
            const GumboNode *top = nullptr;
            int depth = 1;
            qint64 rows = 0;
            qint64 maxRowspan = 1;
            qint64 columns = 0;
        };
        std::unordered_map<const GumboNode *, Info> tables;
        std::vector<const GumboNode *> order;
        std::unordered_map<const GumboNode *, qint64> rowColumns;
        struct Frame {
            const GumboNode *node;
            const GumboNode *table;
            const GumboNode *row;
        };
        std::vector<Frame> pending{{root, nullptr, nullptr}};
        while (!pending.empty()) {
            Frame f = pending.back();
            pending.pop_back();
            const GumboVector *children = nullptr;
            if (f.node->type == GUMBO_NODE_DOCUMENT) {
                children = &f.node->v.document.children;
            } else if (f.node->type == GUMBO_NODE_ELEMENT || f.node->type == GUMBO_NODE_TEMPLATE) {
                const GumboElement &e = f.node->v.element;
                children = &e.children;
                if (e.tag == GUMBO_TAG_TABLE) {
                    Info info;
                    if (f.table) {
                        const Info &outer = tables[f.table];
                        info.top = outer.top;
                        info.depth = outer.depth + 1;
                    } else {
                        info.top = f.node;
                    }
                    tables[f.node] = info;
                    order.push_back(f.node);
                    f.table = f.node;
                    f.row = nullptr;
                } else if (e.tag == GUMBO_TAG_TR && f.table) {
                    ++tables[f.table].rows;
                    f.row = f.node;
                } else if ((e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) && f.table && f.row) {
                    Info &info = tables[f.table];
                    qint64 &columns = rowColumns[f.row];
                    columns += span(e, "colspan");
                    info.columns = std::max(info.columns, columns);
                    info.maxRowspan = std::max(info.maxRowspan, span(e, "rowspan"));
                }
            }
            if (!children)
                continue;
            for (unsigned i = children->length; i > 0; --i)
                pending.push_back(
                    {static_cast<const GumboNode *>(children->data[i - 1]), f.table, f.row});
        }
        std::unordered_map<const GumboNode *, qint64> costOfTop;
        std::unordered_map<const GumboNode *, qint64> grid;
        for (const GumboNode *table : order) {
            const Info &info = tables[table];
            const qint64 cells = std::max<qint64>(1, info.rows + info.maxRowspan - 1) *
                                 std::max<qint64>(1, info.columns);
            grid[table] = cells;
            const int shift = std::min(info.depth - 1, 30);
            qint64 &cost = costOfTop[info.top];
            cost = std::min<qint64>(cost + (cells << shift), qint64(1) << 40);
        }
        for (const GumboNode *table : order) {
            const Info &info = tables[table];
            const bool tooDeep = info.depth > maxTableDepth;
            const bool overBudget = costOfTop[info.top] > maxTableCost &&
                                    (info.depth > 1 || grid[table] > maxTableCost);
            if (tooDeep || overBudget)
                m_flat.insert(table);
        }
    }

    /// `table` is shown as plain blocks (rows as lines, cells side by side).
    [[nodiscard]] bool isFlat(const GumboNode *table) const { return m_flat.contains(table); }
    [[nodiscard]] bool any() const { return !m_flat.empty(); }

private:
    static qint64 span(const GumboElement &e, const char *name)
    {
        const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
        if (!a)
            return 1;
        const QString n = clampedInteger(QString::fromUtf8(a->value), 1, maxTableSpan);
        return n.isEmpty() ? 1 : n.toLongLong();
    }

    std::unordered_set<const GumboNode *> m_flat;
};

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
        m_tables = std::make_unique<TablePlan>(root);
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
        out.tablesFlattened = m_tables && m_tables->any();
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
            kept.append(clampedCssSizes(declaration.trimmed()));
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
            m_html += escaped(m_breakText(QString::fromUtf8(node->v.text.text)));
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
        if (action == Action::Keep && tooDeep(e.tag)) {
            m_open.push_back({}); // unwrapped: its content stays, at the depth limit
            return true;
        }
        if (action == Action::Unwrap) {
            if (const GumboAttribute *bg = gumbo_get_attribute(&e.attributes, "background");
                bg && isRemoteUrl(QString::fromUtf8(bg->value)))
                ++m_blocked; // a body background image is dropped with the body element
            m_open.push_back({});
            return true;
        }
        if (e.tag == GUMBO_TAG_BR)
            m_breakText.newLine();
        else if (!isInline(e.tag))
            m_breakText.newBlock();
        if (isTablePart(e.tag) && (m_flatTables > 0 || m_tables->isFlat(node))) {
            enterFlatTablePart(node);
            return true;
        }
        const QString name = QString::fromUtf8(gumbo_normalized_tagname(e.tag));
        m_html += QLatin1Char('<') + name;
        for (unsigned i = 0; i < e.attributes.length; ++i)
            writeAttribute(e.tag, static_cast<const GumboAttribute *>(e.attributes.data[i]));
        m_html += QLatin1Char('>');
        m_open.push_back(
            {isVoid(e.tag) ? QString() : QStringLiteral("</") + name + QLatin1Char('>'), false});
        return true;
    }

    /// A part of a table shown as plain blocks: the table and its rows as <div>s, each
    /// cell as a <span> followed by a space, no attributes (no spans, sizes or borders).
    void enterFlatTablePart(const GumboNode *node)
    {
        const GumboTag tag = node->v.element.tag;
        const bool flatTable = tag == GUMBO_TAG_TABLE;
        if (flatTable)
            ++m_flatTables;
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            m_html += QStringLiteral("<span>");
            m_open.push_back({QStringLiteral("</span> "), flatTable});
        } else if (tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP) {
            m_open.push_back({{}, flatTable});
        } else {
            m_html += QStringLiteral("<div>");
            m_open.push_back({QStringLiteral("</div>"), flatTable});
        }
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
            // No title with it: Qt shows a title as a rich-text tooltip. The viewer shows
            // the real target itself, as text (link text can claim anything).
            if (tag == GUMBO_TAG_A && isSafeLink(value))
                write(compactUrl(value));
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
        } else if (std::strcmp(name, "colspan") == 0 || std::strcmp(name, "rowspan") == 0 ||
                   std::strcmp(name, "span") == 0) {
            if (const QString n = clampedInteger(value, 1, maxTableSpan); !n.isEmpty())
                write(n);
        } else if (std::strcmp(name, "width") == 0 || std::strcmp(name, "height") == 0) {
            if (const QString n = clampedLength(value); !n.isEmpty())
                write(n);
        } else if (std::strcmp(name, "border") == 0 || std::strcmp(name, "cellpadding") == 0 ||
                   std::strcmp(name, "cellspacing") == 0) {
            if (const QString n = clampedInteger(value, 0, 100); !n.isEmpty())
                write(n);
        } else if (allowedAttribute(name)) {
            write(value);
        }
    }

    void leave(const GumboNode *node)
    {
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            return;
        if (m_open.empty())
            return;
        const Open open = m_open.back();
        m_open.pop_back();
        m_html += open.closer;
        if (open.flatTable)
            --m_flatTables;
        if (!isInline(node->v.element.tag))
            m_breakText.newBlock();
    }

    /// An element entered and not yet left: what closes it.
    struct Open {
        QString closer;
        bool flatTable = false; ///< it opened a table shown as plain blocks
    };

    bool m_allowRemote = false;
    std::unique_ptr<TablePlan> m_tables;
    std::vector<Open> m_open;
    int m_flatTables = 0; ///< tables shown as plain blocks open around the walk
    TextBreaker m_breakText;

    /// Whether an element at the current depth is written without its tags (a void element
    /// nests nothing, so it may stay).
    bool tooDeep(GumboTag tag)
    {
        if (m_depth <= m_maxDepth || isVoid(tag))
            return false;
        m_flattened = true;
        return true;
    }

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
