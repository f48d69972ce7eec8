// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace poplar::mime {

/// Puts break opportunities into text that will be laid out, so that its layout cost stays
/// linear: Qt breaks lines of a word without spaces in quadratic time, and lays out a block
/// (paragraph) as one piece however long it is. A run of more than `maxWordChars`
/// characters without white space gets a zero-width space (U+200B) every `maxWordChars`;
/// once a block holds more than `maxBlockChars` characters, the next break opportunity
/// becomes a paragraph separator (U+2029), which starts a new block with the same format.
/// Surrogate pairs and combining marks are never split. Keeps its counts across calls, so
/// that the text nodes of one paragraph are counted together; newBlock() starts over.
class TextBreaker {
public:
    static constexpr int maxWordChars = 80;
    static constexpr int maxBlockChars = 4000;
    static constexpr QChar zeroWidthSpace{0x200B};
    static constexpr QChar paragraphSeparator{0x2029};

    [[nodiscard]] QString operator()(QStringView text);
    /// The layout starts a new block here (a paragraph, a line of plain text past the cap).
    void newBlock()
    {
        m_wordChars = 0;
        m_blockChars = 0;
    }
    /// A line ends (a <br>): the next word starts afresh, the block goes on.
    void newLine() { m_wordChars = 0; }
    /// The current block is past maxBlockChars: a caller with its own line ends may end it.
    [[nodiscard]] bool blockIsLong() const { return m_blockChars >= maxBlockChars; }

private:
    int m_wordChars = 0;
    int m_blockChars = 0;
};

/// `text` with break opportunities, counted on its own (see TextBreaker).
[[nodiscard]] QString breakLongWords(QStringView text);

/// How many characters of a subject the window shows (header, list, title, tray); the
/// whole subject stays in the message's source.
inline constexpr int maxShownSubjectChars = 1000;

/// A subject as the window shows it: at most maxShownSubjectChars characters, cut on a
/// character boundary and ended with "…" when cut. A megabyte subject would otherwise
/// take seconds to lay out in every label that shows it.
[[nodiscard]] QString shownSubject(const QString &subject);

} // namespace poplar::mime
