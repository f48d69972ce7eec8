// SPDX-License-Identifier: GPL-3.0-or-later
#include "junk/ClassifierView.h"

#include <QList>

#include <algorithm>

namespace poplar::junk {

namespace {

/// More boundaries than any real message nests; past it, no new part is told apart (the
/// rest is read as it is, which is never less than its text).
constexpr qsizetype maxBoundaries = 32;

QByteArrayView withoutLineEnd(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ' ||
                               line.back() == '\t'))
        line.chop(1);
    return line;
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() &&
           text.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

/// A header whose value is a cryptographic signature: base64 that never repeats.
bool isSignatureField(QByteArrayView line)
{
    for (const char *name :
         {"DKIM-Signature:", "ARC-Seal:", "ARC-Message-Signature:", "X-Google-DKIM-Signature:"}) {
        if (startsWithNoCase(line, name))
            return true;
    }
    return false;
}

/// The boundary parameter of a whole (possibly folded) Content-Type field, or empty.
QByteArray boundaryOf(QByteArrayView field)
{
    qsizetype at = 0;
    while ((at = field.indexOf("oundary", at)) > 0) {
        const char before = field.at(at - 1);
        at += 7;
        if (before != 'b' && before != 'B')
            continue;
        qsizetype p = at;
        while (p < field.size() && (field.at(p) == ' ' || field.at(p) == '\t'))
            ++p;
        if (p >= field.size() || field.at(p) != '=')
            continue;
        ++p;
        while (p < field.size() && (field.at(p) == ' ' || field.at(p) == '\t'))
            ++p;
        if (p < field.size() && field.at(p) == '"') {
            const qsizetype close = field.indexOf('"', p + 1);
            if (close > p + 1)
                return field.sliced(p + 1, close - p - 1).toByteArray();
            continue;
        }
        qsizetype end = p;
        while (end < field.size() && field.at(end) != ';' && field.at(end) != ' ' &&
               field.at(end) != '\t' && field.at(end) != '\r' && field.at(end) != '\n')
            ++end;
        if (end > p)
            return field.sliced(p, end - p).toByteArray();
    }
    return {};
}

/// What the part a header section describes holds, by its Content-Type field.
enum class PartKind { Text, Message, Opaque };

PartKind kindOf(QByteArrayView contentTypeField)
{
    QByteArrayView value = contentTypeField.sliced(contentTypeField.indexOf(':') + 1);
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t' ||
                                value.front() == '\r' || value.front() == '\n'))
        value = value.sliced(1);
    if (startsWithNoCase(value, "message/rfc822") || startsWithNoCase(value, "message/global"))
        return PartKind::Message;
    const qsizetype slash = value.indexOf('/');
    if (slash <= 0)
        return PartKind::Text; // no type that can be read: RFC 2045's default, text/plain
    const QByteArrayView type = value.first(slash);
    for (const char *readable : {"text", "multipart", "message"}) {
        if (type.compare(readable, Qt::CaseInsensitive) == 0)
            return PartKind::Text;
    }
    return PartKind::Opaque;
}

} // namespace

QByteArray classifierView(QByteArrayView message, qsizetype cap, qsizetype scanLimit)
{
    const QByteArrayView input = message.first(std::min(message.size(), scanLimit));
    QByteArray out;
    out.reserve(std::min(input.size(), cap));
    QList<QByteArray> boundaries;

    enum class Mode { Headers, Body, Skip };
    Mode mode = Mode::Headers;
    PartKind kind = PartKind::Text; // of the section being read
    bool inSignature = false;       // the field being read is a signature
    QByteArray contentType;         // the Content-Type field being read, whole
    bool inContentType = false;

    // Ends the field being read: its Content-Type, if it was one, tells the boundary and
    // the kind of part.
    auto endField = [&] {
        if (inContentType) {
            kind = kindOf(contentType);
            const QByteArray boundary = boundaryOf(contentType);
            if (!boundary.isEmpty() && boundaries.size() < maxBoundaries &&
                !boundaries.contains(boundary))
                boundaries.append(boundary);
        }
        inContentType = false;
        inSignature = false;
        contentType.clear();
    };
    auto keep = [&](QByteArrayView line) {
        if (out.size() + line.size() <= cap)
            out.append(line);
        else if (out.isEmpty())
            out.append(line.first(cap)); // one line longer than the view: its start
        else
            return false;
        return true;
    };

    qsizetype at = 0;
    while (at < input.size()) {
        qsizetype end = input.indexOf('\n', at);
        end = end < 0 ? input.size() : end + 1;
        const QByteArrayView line = input.sliced(at, end - at);
        at = end;

        if (mode == Mode::Headers) {
            const bool continued = line.front() == ' ' || line.front() == '\t';
            if (continued && !withoutLineEnd(line).isEmpty()) {
                if (inContentType)
                    contentType.append(line);
                if (!inSignature && !keep(line))
                    break;
                continue;
            }
            endField();
            if (withoutLineEnd(line).isEmpty()) {
                // The section ends: its part follows.
                mode = kind == PartKind::Opaque    ? Mode::Skip
                       : kind == PartKind::Message ? Mode::Headers
                                                   : Mode::Body;
                kind = PartKind::Text;
                if (!keep(line))
                    break;
                continue;
            }
            inSignature = isSignatureField(line);
            inContentType = startsWithNoCase(line, "Content-Type:");
            if (inContentType)
                contentType = line.toByteArray();
            if (!inSignature && !keep(line))
                break;
            continue;
        }

        // A body: a known boundary opens the next part's headers (or closes the multipart).
        if (line.startsWith("--") && !boundaries.isEmpty()) {
            const QByteArrayView rest = withoutLineEnd(line).sliced(2);
            const bool opens = boundaries.contains(rest);
            const bool closes =
                !opens && rest.endsWith("--") && boundaries.contains(rest.chopped(2));
            if (opens || closes) {
                mode = opens ? Mode::Headers : Mode::Body; // after the close: the parent's
                if (!keep(line))
                    break;
                continue;
            }
        }
        if (mode == Mode::Body && !keep(line))
            break;
    }
    // A view cut short ends at a line break, so no word is cut in two.
    if (out.size() >= cap && !out.endsWith('\n')) {
        const qsizetype lastBreak = out.lastIndexOf('\n');
        if (lastBreak > 0)
            out.truncate(lastBreak + 1);
    }
    return out;
}

} // namespace poplar::junk
