// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MessageRepair.h"

#include <QCoreApplication>
#include <QList>

#include <cctype>

namespace poplar::mime {

bool looksLikeHeaderField(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] > 0x20 && line[i] < 0x7f && line[i] != ':')
        ++i;
    if (i == 0)
        return false;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i; // "Subject :" is obsolete syntax, still seen
    return i < line.size() && line[i] == ':';
}

namespace {

QByteArrayView lineAt(const QByteArray &raw, qsizetype from, qsizetype *next)
{
    qsizetype end = raw.indexOf('\n', from);
    *next = end < 0 ? raw.size() : end + 1;
    if (end < 0)
        end = raw.size();
    if (end > from && raw.at(end - 1) == '\r')
        --end;
    return QByteArrayView(raw).sliced(from, end - from);
}

} // namespace

namespace {

/// Every boundary="..." value in the message, quoted or not.
QList<QByteArray> boundaries(const QByteArray &raw)
{
    QList<QByteArray> out;
    static constexpr QByteArrayView key("boundary=");
    const char *data = raw.constData();
    for (qsizetype i = 0; i + key.size() < raw.size(); ++i) {
        if ((data[i] | 0x20) != 'b' || qstrnicmp(data + i, key.data(), size_t(key.size())) != 0)
            continue;
        qsizetype j = i + key.size();
        const bool quoted = data[j] == '"';
        if (quoted)
            ++j;
        const qsizetype begin = j;
        while (j < raw.size() && data[j] != '\r' && data[j] != '\n' &&
               (quoted ? data[j] != '"' : (data[j] != ';' && data[j] != ' ' && data[j] != '\t')))
            ++j;
        if (j > begin && out.size() < 64)
            out.append(raw.mid(begin, j - begin));
        i = j;
    }
    return out;
}

bool isBoundaryLine(QByteArrayView line, const QList<QByteArray> &bounds)
{
    if (!line.startsWith("--"))
        return false;
    while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t'))
        line.chop(1);
    for (const QByteArray &b : bounds) {
        if (line.size() >= b.size() + 2 && line.sliced(2, b.size()) == b &&
            (line.size() == b.size() + 2 || line.sliced(b.size() + 2) == "--"))
            return true;
    }
    return false;
}

/// One repair: `bytes` go in at `pos`.
struct Insertion {
    qsizetype pos;
    QByteArray bytes;
};

/// "boundary=x" on a folded line with no ";" before it: a strict parser sees no parameter.
bool isBareParameter(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    const qsizetype name = i;
    while (i < line.size() &&
           (std::isalnum(uchar(line[i])) || line[i] == '-' || line[i] == '_' || line[i] == '*'))
        ++i;
    return i > name && i < line.size() && line[i] == '=';
}

/// Header-block repairs, found in one pass over the message. A header block (the message's
/// or a part's) ends at a line that is no field and no continuation: base64 written
/// straight after the part headers, with the blank line missing, made GMime drop the whole
/// part, so a blank line goes in. A Content-Type parameter folded onto its own line with
/// no ";" before it gets one.
QList<Insertion> headerRepairs(const QByteArray &raw)
{
    QList<Insertion> at;
    const QList<QByteArray> bounds = boundaries(raw);
    bool inHeaders = true;
    bool sawField = false;
    bool inContentType = false;
    bool endsWithSemicolon = true;
    qsizetype pos = 0;
    while (pos < raw.size()) {
        qsizetype next = 0;
        const QByteArrayView line = lineAt(raw, pos, &next);
        if (inHeaders) {
            if (line.isEmpty()) {
                inHeaders = false;
            } else if (line.front() == ' ' || line.front() == '\t') {
                if (inContentType && !endsWithSemicolon && isBareParameter(line)) {
                    const qsizetype indent = line.size() - line.trimmed().size();
                    at.append({pos + indent, ";"});
                }
            } else if (line.contains(':')) {
                sawField = true;
                inContentType =
                    line.size() > 13 && qstrnicmp(line.data(), "content-type:", 13) == 0;
            } else {
                if (sawField)
                    at.append({pos, pos >= 2 && raw.at(pos - 2) == '\r' ? "\r\n" : "\n"});
                inHeaders = false;
            }
            const QByteArrayView trimmed = line.trimmed();
            if (!trimmed.isEmpty())
                endsWithSemicolon = trimmed.back() == ';';
        } else if (!bounds.isEmpty() && isBoundaryLine(line, bounds)) {
            inHeaders = !line.endsWith("--") || line.size() == 2;
            sawField = false;
            inContentType = false;
        }
        pos = next;
    }
    return at;
}

QByteArray withInsertions(const QByteArray &raw, const QList<Insertion> &at)
{
    QByteArray out;
    out.reserve(raw.size() + at.size() * 2);
    qsizetype from = 0;
    for (const Insertion &insertion : at) {
        out.append(raw.constData() + from, insertion.pos - from);
        out += insertion.bytes;
        from = insertion.pos;
    }
    out.append(raw.constData() + from, raw.size() - from);
    return out;
}

} // namespace

QByteArray repairHeaderStart(const QByteArray &raw, QStringList &warnings)
{
    if (raw.isEmpty())
        return raw;
    qsizetype next = 0;
    const QByteArrayView first = lineAt(raw, 0, &next);
    if (first.isEmpty())
        return raw; // an empty header block: GMime reads the rest as the body
    if (looksLikeHeaderField(first))
        return raw.contains('\n') ? raw : raw + '\n'; // "Subject:" with no line end at all
    // Look at a few leading lines only: a header that starts later is no header.
    qsizetype pos = next;
    for (int n = 0; n < 8 && pos < raw.size(); ++n) {
        const QByteArrayView line = lineAt(raw, pos, &next);
        if (line.isEmpty())
            break;
        if (looksLikeHeaderField(line)) {
            warnings.append(QCoreApplication::translate("poplar::mime::MessageRepair",
                                                        "Lines before the header were skipped."));
            return raw.mid(pos);
        }
        pos = next;
    }
    warnings.append(QCoreApplication::translate(
        "poplar::mime::MessageRepair", "The message has no header; its text is shown as is."));
    return QByteArray("\n") + raw;
}

namespace {

/// GMime checks each line against every open boundary, so thousands of nested multiparts
/// cost seconds (100 000 levels: 1.5 s). Past this many declarations the "boundary"
/// parameters are renamed and those parts stay opaque; the renderer's depth cap shows far
/// fewer levels than this anyway.
constexpr int kMaxBoundaries = 256;

bool capBoundaries(QByteArray &raw)
{
    static constexpr QByteArrayView key("boundary=");
    int seen = 0;
    bool changed = false;
    for (qsizetype i = 0; i + key.size() <= raw.size(); ++i) {
        const char c = raw.at(i);
        if ((c | 0x20) != 'b' ||
            qstrnicmp(raw.constData() + i, key.data(), size_t(key.size())) != 0)
            continue;
        if (++seen > kMaxBoundaries) {
            raw[i] = 'x'; // "xoundary=": a parameter GMime does not know
            changed = true;
        }
        i += key.size() - 1;
    }
    return changed;
}

} // namespace

QByteArray repairForParsing(const QByteArray &raw, QStringList &warnings)
{
    QByteArray out = repairHeaderStart(raw, warnings);
    if (capBoundaries(out))
        warnings.append(QCoreApplication::translate(
            "poplar::mime::MessageRepair",
            "The message declares more than %n multipart boundaries; the parts past them are "
            "not read.",
            nullptr, kMaxBoundaries));
    const QList<Insertion> repairs = headerRepairs(out);
    if (repairs.isEmpty())
        return out;
    warnings.append(QCoreApplication::translate("poplar::mime::MessageRepair",
                                                "A malformed header block was repaired."));
    return withInsertions(out, repairs);
}

} // namespace poplar::mime
