// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HeaderText.h"

#include "mime/Charset.h"

#include <QList>

#include <cstring>

namespace poplar::mime {

namespace {

/// One RFC 2047 word found in a header: where it is and what it holds.
struct EncodedWord {
    qsizetype begin = 0;
    qsizetype end = 0; ///< one past "?="
    QByteArray charset;
    QByteArray bytes; ///< the payload with B or Q undone
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArray decodeQ(QByteArrayView payload)
{
    QByteArray out;
    out.reserve(payload.size());
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const char c = payload[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < payload.size() && hexValue(payload[i + 1]) >= 0 &&
                   hexValue(payload[i + 2]) >= 0) {
            out += char(hexValue(payload[i + 1]) * 16 + hexValue(payload[i + 2]));
            i += 2;
        } else {
            out += c; // a stray "=" is kept, as lenient readers do
        }
    }
    return out;
}

/// Parses "=?charset?X?payload?=" at `pos`; a payload holds no "?".
bool parseWordAt(QByteArrayView s, qsizetype pos, EncodedWord &word)
{
    if (pos + 1 >= s.size() || s[pos] != '=' || s[pos + 1] != '?')
        return false;
    const qsizetype charsetBegin = pos + 2;
    qsizetype i = charsetBegin;
    while (i < s.size() && s[i] != '?' && !QChar::isSpace(uchar(s[i])))
        ++i;
    if (i == charsetBegin || i + 2 >= s.size() || s[i] != '?' || s[i + 2] != '?')
        return false;
    const char encoding = char(s[i + 1] | 0x20);
    if (encoding != 'b' && encoding != 'q')
        return false;
    const qsizetype payloadBegin = i + 3;
    qsizetype j = payloadBegin;
    // Spaces inside a payload break RFC 2047 but not mailers' habits; GMime and
    // Thunderbird read "=?iso-8859-1?q?two words?=" as two words, and so do we. A "?"
    // that does not close the word means this is no encoded-word.
    while (j < s.size() && s[j] != '?' && s[j] != '\r' && s[j] != '\n')
        ++j;
    if (j + 1 >= s.size() || s[j] != '?' || s[j + 1] != '=')
        return false;
    const QByteArrayView payload = s.sliced(payloadBegin, j - payloadBegin);
    word.begin = pos;
    word.end = j + 2;
    word.charset = s.sliced(charsetBegin, i - charsetBegin).toByteArray();
    word.bytes = encoding == 'b' ? QByteArray::fromBase64(payload.toByteArray()) : decodeQ(payload);
    return true;
}

/// Raw header bytes as UTF-8: unchanged when they already are, else read in the fallback.
QByteArray asUtf8(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    if (isValidUtf8(raw))
        return raw.toByteArray();
    return decodeText(raw, fallbackCharset).toUtf8();
}

/// A run of adjacent encoded-words (only whitespace between them) decoded as one text.
struct WordRun {
    qsizetype begin = 0;
    qsizetype end = 0;
    QString text;
};

QString decodeWords(const QList<EncodedWord> &words)
{
    QString out;
    QByteArray pending;
    QByteArray pendingCharset;
    auto flush = [&] {
        if (!pending.isEmpty())
            out += decodeText(pending, pendingCharset);
        pending.clear();
    };
    for (const EncodedWord &w : words) {
        if (canonicalCharset(w.charset) != canonicalCharset(pendingCharset))
            flush();
        pendingCharset = w.charset;
        pending += w.bytes;
    }
    flush();
    return out;
}

/// Finds every run of encoded-words in `s` (already UTF-8).
QList<WordRun> findRuns(QByteArrayView s)
{
    QList<WordRun> runs;
    QList<EncodedWord> current;
    qsizetype runBegin = 0;
    qsizetype i = 0;
    auto finishRun = [&] {
        if (current.isEmpty())
            return;
        runs.append({runBegin, current.back().end, decodeWords(current)});
        current.clear();
    };
    while (i < s.size()) {
        EncodedWord word;
        if (s[i] == '=' && parseWordAt(s, i, word)) {
            bool adjacent = !current.isEmpty();
            for (qsizetype k = current.isEmpty() ? i : current.back().end; adjacent && k < i; ++k)
                adjacent = s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n';
            if (!adjacent) {
                finishRun();
                runBegin = i;
            }
            current.append(word);
            i = word.end;
            continue;
        }
        if (!current.isEmpty() && !QChar::isSpace(uchar(s[i])))
            finishRun();
        ++i;
    }
    finishRun();
    return runs;
}

QByteArray unfolded(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (const char c : raw) {
        if (c == '\r' || c == '\n')
            continue; // RFC 5322 unfolding removes the line break, keeps the whitespace
        out += c == '\t' ? ' ' : c;
    }
    return out;
}

} // namespace

QString decodeHeaderText(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    const QByteArray s = asUtf8(unfolded(raw), fallbackCharset);
    QString out;
    qsizetype pos = 0;
    for (const WordRun &run : findRuns(s)) {
        out += QString::fromUtf8(QByteArrayView(s).sliced(pos, run.begin - pos));
        out += run.text;
        pos = run.end;
    }
    out += QString::fromUtf8(QByteArrayView(s).sliced(pos));
    out.replace(QChar(u'\0'), QChar::ReplacementCharacter);
    return out.trimmed();
}

namespace {

enum class Context { Phrase, Quoted, Comment };

/// What context each byte of an address header stands in.
QList<Context> contexts(QByteArrayView s)
{
    QList<Context> out(s.size(), Context::Phrase);
    int commentDepth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        out[i] = quoted ? Context::Quoted : commentDepth > 0 ? Context::Comment : Context::Phrase;
        if (c == '\\' && (quoted || commentDepth > 0) && i + 1 < s.size()) {
            out[i + 1] = out[i]; // the escaped byte stays where the backslash is
            ++i;
        } else if (!quoted && c == '(') {
            ++commentDepth;
        } else if (!quoted && c == ')' && commentDepth > 0) {
            --commentDepth;
        } else if (commentDepth == 0 && c == '"') {
            quoted = !quoted;
        }
    }
    return out;
}

QByteArray escaped(const QString &text, const char *specials)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if (c == '\r' || c == '\n')
            continue;
        if (std::strchr(specials, c) && c != '\0')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

QByteArray prepareAddressHeader(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    const QByteArray s = asUtf8(raw, fallbackCharset);
    const QList<WordRun> runs = findRuns(s);
    if (runs.isEmpty())
        return s;
    const QList<Context> where = contexts(s);
    QByteArray out;
    qsizetype pos = 0;
    for (const WordRun &run : runs) {
        out += QByteArrayView(s).sliced(pos, run.begin - pos);
        switch (where.at(run.begin)) {
        case Context::Quoted:
            out += escaped(run.text, "\"\\");
            break;
        case Context::Comment:
            out += escaped(run.text, "()\\");
            break;
        case Context::Phrase:
            out += '"' + escaped(run.text, "\"\\") + '"';
            break;
        }
        pos = run.end;
    }
    out += QByteArrayView(s).sliced(pos);
    return out;
}

} // namespace poplar::mime
