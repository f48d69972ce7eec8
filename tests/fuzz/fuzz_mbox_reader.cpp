// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as an mbox file, read with MailboxReader. Beyond not crashing
// and not hanging (libFuzzer's -timeout), the reader does what its header promises, checked
// against a plain whole-line reading of the same bytes:
// - a file whose first line is not a "From " line is refused (an empty file holds nothing);
// - one message per "From " line at a line start: none lost, none invented;
// - each message is the bytes between its "From " line and the next, less the blank line
//   just before the next "From " line (or the end), with one '>' taken from lines matching
//   ^>+From  (mboxrd); a message over the size cap is skipped with a reason instead;
// - so the "From " lines, the messages with mboxrd escaping put back, and the dropped blank
//   lines, joined, are the file again, byte for byte.
//
// Input: the first byte holds options (bits 0-1: the size cap, bit 2: expansion), the rest
// is the file. With expansion on, "\x01 C N" stands for (N + 1) * 512 copies of C (C not a
// line feed), so short inputs reach lines longer than the reader's 64 KB chunks.
#include "store/MailboxReader.h"

#include "FuzzInvariant.h"

#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>

using poplar::fuzz::require;
using poplar::store::MailboxReader;

namespace {

constexpr std::array<qint64, 4> kCaps{MailboxReader::defaultMaxMessageBytes, 16, 300, 70000};

QByteArray expand(const uint8_t *data, size_t size)
{
    QByteArray out;
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0x01 && i + 2 < size) {
            // Long lines, not many lines: the reader allocates a 64 KB buffer per line read,
            // which under ASan makes 50,000 empty lines cost seconds.
            const qsizetype copies = data[i + 1] == '\n' ? 1 : qsizetype(data[i + 2] + 1) * 512;
            out.append(copies, char(data[i + 1]));
            i += 2;
        } else {
            out.append(char(data[i]));
        }
    }
    return out;
}

/// The file's lines, each with its line end (the last may have none).
QList<QByteArray> linesOf(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', start);
        const qsizetype next = end < 0 ? bytes.size() : end + 1;
        lines.append(bytes.mid(start, next - start));
        start = next;
    }
    return lines;
}

bool isFromLine(const QByteArray &line)
{
    return line.startsWith("From ");
}
bool isBlank(const QByteArray &line)
{
    return line == "\n" || line == "\r\n";
}

/// mboxrd's escaping, the inverse of what the reader undoes: ^>*From  gains a '>'.
QByteArray escaped(const QByteArray &message)
{
    QByteArray out;
    for (const QByteArray &line : linesOf(message)) {
        qsizetype quotes = 0;
        while (quotes < line.size() && line.at(quotes) == '>')
            ++quotes;
        if (line.mid(quotes, 5) == "From ")
            out += '>';
        out += line;
    }
    return out;
}

/// What one message should read as, from the lines between two "From " lines.
struct Expected {
    QByteArray message;
    QByteArray droppedBlank; ///< the separator's blank line, when there was one
};

Expected expectedMessage(QList<QByteArray> lines)
{
    Expected e;
    if (!lines.isEmpty() && isBlank(lines.last()))
        e.droppedBlank = lines.takeLast();
    for (QByteArray line : lines) {
        qsizetype quotes = 0;
        while (quotes < line.size() && line.at(quotes) == '>')
            ++quotes;
        if (quotes > 0 && line.mid(quotes, 5) == "From ")
            line.remove(0, 1);
        e.message += line;
    }
    return e;
}

/// One memfd reused for every input: the reader opens it by its /proc path.
class MemFile {
public:
    MemFile()
        : m_fd(memfd_create("fuzz-mbox", 0))
    {
        require(m_fd >= 0, "memfd_create failed");
    }
    ~MemFile() { ::close(m_fd); }
    MemFile(const MemFile &) = delete;
    MemFile &operator=(const MemFile &) = delete;

    QString write(const QByteArray &bytes)
    {
        require(::ftruncate(m_fd, 0) == 0, "ftruncate failed");
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n =
                ::pwrite(m_fd, bytes.constData() + done, size_t(bytes.size() - done), off_t(done));
            require(n > 0, "pwrite failed");
            done += n;
        }
        return QStringLiteral("/proc/self/fd/%1").arg(m_fd);
    }

private:
    int m_fd;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qint64 cap = kCaps[data[0] & 3];
    const QByteArray file =
        (data[0] & 4) ? expand(data + 1, size - 1)
                      : QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static MemFile memFile;
    auto opened = MailboxReader::open(MailboxReader::Format::Mbox, memFile.write(file), cap);

    const QList<QByteArray> lines = linesOf(file);
    if (!lines.isEmpty() && !isFromLine(lines.first())) {
        require(!opened.ok(), "a file not starting with a From line was taken as an mbox", file);
        return 0;
    }
    require(opened.ok(), "an mbox file was refused", file);
    MailboxReader &reader = *opened.value();

    // The plain reading: the "From " lines, and the lines after each.
    QList<QByteArray> fromLines;
    QList<QList<QByteArray>> bodies;
    for (const QByteArray &line : lines) {
        if (isFromLine(line)) {
            fromLines.append(line);
            bodies.append(QList<QByteArray>());
        } else {
            bodies.last().append(line);
        }
    }

    QByteArray rebuilt;
    for (qsizetype i = 0; i <= fromLines.size(); ++i) {
        auto next = reader.next();
        require(next.ok(), "reading an mbox from memory failed", file);
        if (i == fromLines.size()) {
            require(!next.value().has_value(), "a message was invented", file);
            break;
        }
        require(next.value().has_value(), "a message was lost", file);
        const poplar::store::MailboxMessage &got = *next.value();
        const Expected want = expectedMessage(bodies.at(i));
        require(!got.origin.isEmpty(), "a message without an origin", file);
        if (want.message.size() > cap) {
            require(got.raw.isEmpty() && !got.skipReason.isEmpty(),
                    "a message over the cap was not skipped", file);
            rebuilt += fromLines.at(i) + escaped(want.message) + want.droppedBlank;
            continue;
        }
        require(got.skipReason.isEmpty(), "a message under the cap was skipped", file);
        require(got.raw == want.message, "a message's bytes differ from the file's",
                "got " + got.raw.left(100) + " want " + want.message.left(100));
        rebuilt += fromLines.at(i) + escaped(got.raw) + want.droppedBlank;
    }
    require(rebuilt == file, "From lines + messages + dropped blank lines != the file", file);
    return 0;
}
