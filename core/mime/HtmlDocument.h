// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only for core/mime/*.cpp: includes gumbo.

#include "mime/HtmlSanitizer.h"
#include "mime/HtmlText.h"

#include <gumbo.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <csetjmp>
#include <cstddef>
#include <memory>

namespace poplar::mime {

/// The memory of one gumbo parse. Every block gumbo asks for is recorded (a header in front
/// of each, on a list), so the whole tree goes in one loop when the arena goes: gumbo's own
/// gumbo_destroy_output() recurses once per level and overflowed the stack on a deep tree.
/// Past `maxBytes` the parse is abandoned (longjmp back into parseHtml(); gumbo is C and
/// keeps everything it has in this arena, so nothing is leaked or left half-owned).
class GumboArena {
public:
    explicit GumboArena(std::size_t maxBytes);
    ~GumboArena();
    GumboArena(const GumboArena &) = delete;
    GumboArena &operator=(const GumboArena &) = delete;

    static void *allocate(void *arena, std::size_t size);
    static void deallocate(void *arena, void *block);

    [[nodiscard]] bool exhausted() const { return m_exhausted; }
    [[nodiscard]] std::size_t bytesInUse() const { return m_inUse; }

    std::jmp_buf jump; ///< where allocate() returns to when the cap is reached

private:
    struct alignas(std::max_align_t) Header {
        Header *prev;
        Header *next;
        std::size_t size;
    };
    Header *m_head = nullptr;
    std::size_t m_inUse = 0;
    std::size_t m_maxBytes;
    bool m_exhausted = false;
};

/// Caps that keep hostile HTML cheap and bounded.
struct HtmlLimits {
    /// Cost guard before parsing: gumbo's tree building costs time proportional to the depth
    /// of open elements for many tags (20000 nested <div>s took seconds), so start tags that
    /// a conservative pre-scan counts deeper than this are dropped. 0 turns the pre-scan off.
    int preScanDepth = 200;
    /// Depth of gumbo's own tree past which elements are not written out: their content is
    /// emitted at this depth (flattened). This, not the pre-scan, bounds what leaves here.
    int maxDepth = 256;
    qsizetype maxBytes = 8 * 1024 * 1024;         ///< longer input is cut
    std::size_t maxTreeBytes = 128 * 1024 * 1024; ///< gumbo's memory; past it the parse fails
};

/// A parsed HTML document. `output` points into `arena`; it is null when gumbo failed or the
/// tree outgrew HtmlLimits::maxTreeBytes (`failed`).
struct ParsedHtml {
    std::unique_ptr<GumboArena> arena;
    const GumboOutput *output = nullptr;
    int maxDepth = 256;     ///< HtmlLimits::maxDepth, for the walks over this tree
    bool flattened = false; ///< start tags were dropped by the pre-scan
    bool truncated = false; ///< the input was cut at maxBytes
    bool failed = false;    ///< over the memory cap: there is no tree to show
};

/// Parses with gumbo into a GumboArena, after the size cap and the pre-scan.
[[nodiscard]] ParsedHtml parseHtml(const QString &html, HtmlLimits limits = {});

/// The allow-listed HTML of a parsed document (what sanitizeHtml() does after parsing).
[[nodiscard]] SanitizedHtml sanitizeDocument(const ParsedHtml &parsed, bool allowRemote);

/// The visible text of a parsed document (what htmlToText() does after parsing); one
/// parse serves both, so a large page costs one gumbo run, not two.
[[nodiscard]] HtmlText documentText(const ParsedHtml &parsed);

/// The deepest element nesting of a parsed tree (html = 1), walked without recursion. For
/// tests and fuzzers asserting that output is bounded.
[[nodiscard]] int treeDepth(const ParsedHtml &parsed);

/// The pre-scan on its own (for tests): `html` with start tags past `maxDepth` removed.
/// Conservative: where it cannot tell what gumbo will do, it counts a tag as nesting.
[[nodiscard]] QByteArray limitNesting(QByteArrayView html, int maxDepth, bool *changed = nullptr);

} // namespace poplar::mime
