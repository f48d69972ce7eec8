// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/TextLimits.h"

namespace poplar::mime {

namespace {

/// A break may go before `c`: it does not continue the character before it.
bool startsCharacter(QChar c)
{
    if (c.isLowSurrogate())
        return false;
    switch (c.category()) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return false;
    default:
        return c.unicode() != 0x200D; // zero-width joiner
    }
}

} // namespace

QString TextBreaker::operator()(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / maxWordChars + 1);
    for (const QChar c : text) {
        if (c.isSpace() || c == zeroWidthSpace) {
            out += c;
            m_wordChars = 0;
            if (c == paragraphSeparator) {
                m_blockChars = 0;
            } else if (++m_blockChars >= maxBlockChars) {
                out += paragraphSeparator;
                m_blockChars = 0;
            }
            continue;
        }
        if (m_wordChars >= maxWordChars && startsCharacter(c)) {
            if (m_blockChars >= maxBlockChars) {
                out += paragraphSeparator;
                m_blockChars = 0;
            } else {
                out += zeroWidthSpace;
            }
            m_wordChars = 0;
        }
        out += c;
        ++m_wordChars;
        ++m_blockChars;
    }
    return out;
}

QString breakLongWords(QStringView text)
{
    TextBreaker breaker;
    return breaker(text);
}

QString shownSubject(const QString &subject)
{
    if (subject.size() <= maxShownSubjectChars)
        return subject;
    qsizetype cut = maxShownSubjectChars;
    while (cut > 0 && !startsCharacter(subject.at(cut)))
        --cut;
    return subject.left(cut) + QChar(0x2026);
}

} // namespace poplar::mime
