// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as an mbox from another program's profile (Thunderbird,
// Evolution, mutt), read with importer::MboxReader, which takes a separator only where it
// looks like one and reports a cut-off last message instead of importing half of it. Beyond
// not crashing and not hanging, these hold:
// - a file whose first line is not a "From " line is refused; an empty file holds nothing;
// - messages come numbered 1, 2, ... at increasing offsets, each at a "From " line that
//   opens the file or follows a blank line, with the right line number;
// - a message's bytes are the file's between its separator line and the next message (or
//   the damage, or the end), with one '>' taken from lines matching ^>+From , less the
//   blank line that belongs to the next separator: nothing invented, nothing lost between
//   two messages;
// - one over the size cap is skipped with a reason and its size; a cut-off last message is
//   reported as the next number, at a separator after the last message read.
//
// Input: the first byte chooses the size cap, the rest is the file.
#include "importer/MboxReader.h"

#include "FuzzInvariant.h"

#include <QTemporaryDir>

#include <array>
#include <cstddef>
#include <cstdint>

using poplar::fuzz::require;
using poplar::importer::MboxMessage;
using poplar::importer::MboxReader;

namespace {

constexpr std::array<qint64, 4> kCaps{MboxReader::defaultMaxMessageBytes, 16, 300, 70000};

/// One '>' off each line matching ^>+From , line ends kept.
QByteArray unescaped(const QByteArray &bytes)
{
    QByteArray out;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', start);
        const qsizetype next = end < 0 ? bytes.size() : end + 1;
        QByteArray line = bytes.mid(start, next - start);
        qsizetype quotes = 0;
        while (quotes < line.size() && line.at(quotes) == '>')
            ++quotes;
        if (quotes > 0 && line.mid(quotes, 5) == "From ")
            line.remove(0, 1);
        out += line;
        start = next;
    }
    return out;
}

/// The bytes after the separator line that starts at `offset`.
qsizetype afterSeparator(const QByteArray &file, qint64 offset)
{
    const qsizetype end = file.indexOf('\n', qsizetype(offset));
    return end < 0 ? file.size() : end + 1;
}

void checkSeparator(const QByteArray &file, qint64 offset, qint64 line)
{
    require(offset >= 0 && offset < file.size(), "a separator outside the file", file);
    require(file.mid(qsizetype(offset), 5) == "From ", "a separator that is not a From line", file);
    require(offset == 0 || file.at(qsizetype(offset) - 1) == '\n',
            "a separator in the middle of a line", file);
    require(line == file.left(qsizetype(offset)).count('\n') + 1, "a wrong line number", file);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qint64 cap = kCaps[data[0] & 3];
    const QByteArray file(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Inbox"));
    {
        QFile out(path);
        require(out.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                    out.write(file) == file.size(),
                "cannot write the input file");
    }
    auto opened = MboxReader::open(path, cap);
    if (!file.isEmpty() && !file.startsWith("From ")) {
        require(!opened.ok(), "a file not starting with a From line was taken as an mbox", file);
        return 0;
    }
    require(opened.ok(), "an mbox file was refused", file);
    MboxReader &reader = *opened.value();

    QList<MboxMessage> messages;
    for (;;) {
        auto next = reader.next();
        require(next.ok(), "reading an mbox failed", file);
        if (!next.value())
            break;
        const MboxMessage &m = *next.value();
        require(m.number == messages.size() + 1, "messages out of sequence", file);
        require(messages.isEmpty() || m.offset > messages.last().offset,
                "a message before the one read last", file);
        checkSeparator(file, m.offset, m.line);
        if (!m.skipReason.isEmpty())
            require(m.raw.isEmpty() && m.size > cap, "a skipped message under the cap", file);
        else
            require(m.size == m.raw.size() && m.size <= cap, "a kept message's size is wrong",
                    file);
        messages.append(m);
        require(messages.size() <= file.count("From "), "more messages than From lines", file);
    }
    const auto &damage = reader.damage();
    if (damage) {
        require(damage->message == messages.size() + 1, "damage at the wrong message", file);
        require(messages.isEmpty() || damage->offset > messages.last().offset,
                "damage before the last message read", file);
        checkSeparator(file, damage->offset, damage->line);
        require(!damage->why.isEmpty(), "damage without a reason", file);
    }
    // Between two messages (and to the damage or the end): exactly the message's bytes, then
    // at most the separator's blank line.
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const MboxMessage &m = messages.at(i);
        if (!m.skipReason.isEmpty())
            continue;
        const qsizetype from = afterSeparator(file, m.offset);
        const qsizetype to = i + 1 < messages.size() ? qsizetype(messages.at(i + 1).offset)
                             : damage                ? qsizetype(damage->offset)
                                                     : file.size();
        const QByteArray between = unescaped(file.mid(from, to - from));
        require(between.startsWith(m.raw), "a message's bytes differ from the file's", file);
        const QByteArray rest = between.mid(m.raw.size());
        require(rest.isEmpty() || rest == "\n" || rest == "\r\n",
                "bytes between two messages were lost", file);
    }
    return 0;
}
