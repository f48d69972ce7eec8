// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MailboxReader.h"

#include "store/MboxLines.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace poplar::store {

using namespace mbox;

namespace {

// Lines are read in pieces of at most this much, so one endless line cannot take all memory.
constexpr qint64 chunkBytes = 64 * 1024;

bool isSeparator(const QByteArray &line)
{
    return line.startsWith("From ");
}

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(bytes / (1024 * 1024));
}

} // namespace

MailboxReader::MailboxReader(Format format, QString path, qint64 maxMessageBytes)
    : m_format(format)
    , m_path(std::move(path))
    , m_maxMessageBytes(maxMessageBytes)
{}

Result<std::unique_ptr<MailboxReader>> MailboxReader::open(Format format, const QString &path,
                                                           qint64 maxMessageBytes)
{
    if (!QFileInfo::exists(path))
        return Error{Error::Code::NotFound, QStringLiteral("%1 does not exist").arg(path), {}};
    std::unique_ptr<MailboxReader> reader(new MailboxReader(format, path, maxMessageBytes));
    const Status s = format == Format::Mbox ? reader->openMbox() : reader->openMaildir();
    if (!s)
        return s.error();
    return reader;
}

QString MailboxReader::defaultFolderName(Format format, const QString &path)
{
    const QFileInfo info(QDir::cleanPath(QDir(path).absolutePath()));
    if (format == Format::Mbox && !info.completeBaseName().isEmpty())
        return info.completeBaseName();
    return info.fileName();
}

Result<std::optional<MailboxMessage>> MailboxReader::next()
{
    if (m_format == Format::Mbox)
        return nextFromMbox();
    return nextFromMaildir();
}

Error MailboxReader::readError() const
{
    return Error{Error::Code::Storage,
                 QStringLiteral("Cannot read %1: %2").arg(m_path, m_file.errorString()),
                 {}};
}

// ---- mbox ------------------------------------------------------------------------------

Status MailboxReader::openMbox()
{
    if (QFileInfo(m_path).isDir())
        return Error{Error::Code::Config,
                     QStringLiteral("%1 is a folder, not an mbox file").arg(m_path),
                     {}};
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly))
        return readError();
    const QByteArray first = m_file.readLine(chunkBytes);
    if (first.isEmpty()) {
        if (m_file.error() != QFileDevice::NoError)
            return readError();
        return {}; // an empty mbox holds no messages; that is not an error
    }
    if (!isSeparator(first))
        return Error{Error::Code::Config,
                     QStringLiteral("%1 is not an mbox file: its first line does not start "
                                    "with \"From \"")
                         .arg(m_path),
                     {}};
    m_lineNumber = 1;
    m_atSeparator = true;
    // The rest of a very long separator line is still separator.
    QByteArray rest = first;
    while (!rest.endsWith('\n') && !m_file.atEnd())
        rest = m_file.readLine(chunkBytes);
    return {};
}

Result<std::optional<MailboxMessage>> MailboxReader::nextFromMbox()
{
    if (!m_atSeparator)
        return std::optional<MailboxMessage>{};
    m_atSeparator = false;
    MailboxMessage message;
    message.origin =
        QStringLiteral("message %1 (line %2)").arg(++m_messageNumber).arg(m_lineNumber);
    QByteArray raw;
    QByteArray heldBlank; // the last line, when blank: it may belong to the next separator
    bool tooLarge = false;
    bool atLineStart = true;
    bool inSeparator = false; // inside the remainder of a separator line longer than a chunk
    auto append = [&](const QByteArray &bytes) {
        if (tooLarge)
            return; // read on to the next separator, keeping nothing
        raw += bytes;
        if (raw.size() > m_maxMessageBytes) {
            tooLarge = true;
            raw = QByteArray(); // give the memory back now, not after the rest is read
        }
    };

    for (;;) {
        QByteArray chunk = m_file.readLine(chunkBytes);
        if (chunk.isEmpty()) {
            if (m_file.error() != QFileDevice::NoError)
                return readError();
            break; // end of file: a held blank line was the separator's
        }
        const bool lineStart = atLineStart;
        atLineStart = chunk.endsWith('\n');
        if (inSeparator) {
            inSeparator = !atLineStart;
            if (!inSeparator)
                break;
            continue;
        }
        if (lineStart) {
            ++m_lineNumber;
            if (isSeparator(chunk)) {
                m_atSeparator = true;
                if (atLineStart)
                    break;
                inSeparator = true;
                continue;
            }
            if (chunk.startsWith('>')) {
                // The "From " of ">>>...From " may lie past the first chunk: read on while the
                // line is nothing but quotes so far (no more than a message may hold).
                while (!atLineStart && mayBeEscapedFrom(chunk) &&
                       chunk.size() <= m_maxMessageBytes) {
                    const QByteArray more = m_file.readLine(chunkBytes);
                    if (more.isEmpty())
                        break; // end of file; a read error shows at the next read
                    chunk += more;
                    atLineStart = chunk.endsWith('\n');
                }
                unescape(chunk);
            }
            if (isBlankLine(chunk)) {
                append(heldBlank);
                heldBlank = chunk;
                continue;
            }
        }
        append(heldBlank);
        heldBlank.clear();
        append(chunk);
    }
    if (tooLarge) {
        message.skipReason =
            QStringLiteral("larger than %1, skipped").arg(megabytes(m_maxMessageBytes));
    } else {
        message.raw = std::move(raw);
    }
    return std::optional<MailboxMessage>{std::move(message)};
}

// ---- Maildir ---------------------------------------------------------------------------

Status MailboxReader::openMaildir()
{
    const QDir root(m_path);
    if (!QFileInfo(m_path).isDir())
        return Error{Error::Code::Config,
                     QStringLiteral("%1 is a file, not a Maildir folder").arg(m_path),
                     {}};
    const bool hasCur = root.exists(QStringLiteral("cur"));
    const bool hasNew = root.exists(QStringLiteral("new"));
    if (!hasCur && !hasNew)
        return Error{
            Error::Code::Config,
            QStringLiteral("%1 is not a Maildir: it has no cur/ or new/ folder").arg(m_path),
            {}};
    QList<QFileInfo> files;
    for (const QString &sub : {QStringLiteral("cur"), QStringLiteral("new")}) {
        const QDir dir(root.filePath(sub));
        if (!dir.exists())
            continue;
        if (!dir.isReadable())
            return Error{Error::Code::Storage,
                         QStringLiteral("Cannot read the folder %1").arg(dir.path()),
                         {}};
        // Hidden files are not messages (Maildir writers keep their own state there).
        files += dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
    }
    // A Maildir file name starts with its delivery time: name order is arrival order.
    std::stable_sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.fileName() < b.fileName();
    });
    for (const QFileInfo &f : std::as_const(files))
        m_files.append(f.filePath());
    return {};
}

std::optional<MailboxMessage> MailboxReader::nextFromMaildir()
{
    if (m_nextFile >= m_files.size())
        return std::nullopt;
    MailboxMessage message;
    QFile file(m_files.at(m_nextFile++));
    message.origin = QDir(m_path).relativeFilePath(file.fileName());
    if (file.size() > m_maxMessageBytes) {
        message.skipReason =
            QStringLiteral("larger than %1, skipped").arg(megabytes(m_maxMessageBytes));
        return message;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        message.skipReason = QStringLiteral("cannot be read (%1), skipped").arg(file.errorString());
        return message;
    }
    message.raw = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        message.raw.clear();
        message.skipReason = QStringLiteral("cannot be read (%1), skipped").arg(file.errorString());
    }
    return message;
}

} // namespace poplar::store
