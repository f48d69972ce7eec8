// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/MboxReader.h"

#include "store/MboxLines.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <utility>

namespace poplar::importer {

using namespace store::mbox;

namespace {

// Lines are read in pieces of at most this much, so one endless line cannot take all memory.
constexpr qint64 chunkBytes = 64 * 1024;
// The header of a message is kept only this far for finding its MIME boundary.
constexpr qsizetype maxHeaderBytes = 256 * 1024;

QByteArray trimmedLine(QByteArrayView line)
{
    return line.trimmed().toByteArray();
}

/// The boundary of a top-level multipart, from the header block; empty when it is none.
QByteArray multipartBoundary(const QByteArray &header)
{
    // Unfold, then find Content-Type.
    QByteArray unfolded = header;
    unfolded.replace("\r\n", "\n");
    unfolded.replace("\n ", " ");
    unfolded.replace("\n\t", " ");
    for (const QByteArray &line : unfolded.split('\n')) {
        if (!line.toLower().startsWith("content-type:"))
            continue;
        const QByteArray value = line.mid(13).trimmed();
        if (!value.toLower().startsWith("multipart/"))
            return {};
        const qsizetype at = value.toLower().indexOf("boundary=");
        if (at < 0)
            return {};
        QByteArray b = value.mid(at + 9).trimmed();
        if (b.startsWith('"')) {
            const qsizetype end = b.indexOf('"', 1);
            return end > 0 ? b.mid(1, end - 1) : QByteArray();
        }
        const qsizetype end = b.indexOf(';');
        return (end >= 0 ? b.left(end) : b).trimmed();
    }
    return {};
}

} // namespace

MboxReader::MboxReader(QString path, qint64 maxMessageBytes)
    : m_path(std::move(path))
    , m_maxMessageBytes(maxMessageBytes)
{}

bool MboxReader::looksLikeSeparator(QByteArrayView line)
{
    // "From " SENDER " " asctime: a month name, a time of day and a year, in that order.
    static const QRegularExpression shape(
        QStringLiteral("^From \\S+ +.*\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b.*"
                       "\\b\\d{1,2}:\\d{2}(:\\d{2})?\\b.*\\b(19|20)\\d\\d\\b"));
    if (!line.startsWith("From "))
        return false;
    return shape.match(QString::fromLatin1(line.trimmed())).hasMatch();
}

Result<std::unique_ptr<MboxReader>> MboxReader::open(const QString &path, qint64 maxMessageBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{Error::Code::NotFound, tr("%1 does not exist").arg(path), {}};
    if (info.isDir())
        return Error{Error::Code::Config, tr("%1 is a folder, not an mbox file").arg(path), {}};
    std::unique_ptr<MboxReader> reader(new MboxReader(path, maxMessageBytes));
    if (Status s = reader->start(); !s)
        return s.error();
    return reader;
}

Error MboxReader::readError() const
{
    return Error{
        Error::Code::Storage, tr("Cannot read %1: %2").arg(m_path, m_file.errorString()), {}};
}

void MboxReader::skipRestOfLine(QByteArray &chunk)
{
    while (!chunk.endsWith('\n') && !m_file.atEnd())
        chunk = m_file.readLine(chunkBytes);
}

Status MboxReader::start()
{
    m_file.setFileName(m_path);
    // Read only: a profile in use is never changed (and no lock is taken).
    if (!m_file.open(QIODevice::ReadOnly))
        return readError();
    QByteArray first = m_file.readLine(chunkBytes);
    if (first.isEmpty()) {
        if (m_file.error() != QFileDevice::NoError)
            return readError();
        return {}; // an empty mbox holds no messages
    }
    if (!first.startsWith("From "))
        return Error{
            Error::Code::Config,
            tr("%1 is not an mbox file: its first line does not start with \"From \"").arg(m_path),
            {}};
    m_lineNumber = 1;
    m_separatorLine = 1;
    m_separatorOffset = 0;
    m_atSeparator = true;
    skipRestOfLine(first);
    return {};
}

Result<std::optional<MboxMessage>> MboxReader::next()
{
    if (!m_atSeparator)
        return std::optional<MboxMessage>{};
    m_atSeparator = false;
    MboxMessage message;
    message.offset = m_separatorOffset;
    message.line = m_separatorLine;
    message.number = ++m_messageNumber;

    QByteArray raw;
    QByteArray heldBlank; // the last line, when blank: it may belong to the next separator
    QByteArray header;    // the header block, for the MIME boundary
    QByteArray boundaryClose;
    bool tooLarge = false;
    bool atLineStart = true;
    bool previousBlank = false;
    bool inHeader = true;
    bool sawClose = false;
    auto append = [&](const QByteArray &bytes) {
        message.size += bytes.size();
        if (tooLarge || !m_keepBytes)
            return;
        raw += bytes;
        if (raw.size() > m_maxMessageBytes) {
            tooLarge = true;
            raw = QByteArray(); // give the memory back now, not after the rest is read
        }
    };

    for (;;) {
        const qint64 lineOffset = m_file.pos();
        QByteArray chunk = m_file.readLine(chunkBytes);
        if (chunk.isEmpty()) {
            if (m_file.error() != QFileDevice::NoError)
                return readError();
            break;
        }
        const bool lineStart = atLineStart;
        atLineStart = chunk.endsWith('\n');
        if (!lineStart) { // the rest of a line longer than a chunk
            append(heldBlank);
            heldBlank.clear();
            append(chunk);
            continue;
        }
        ++m_lineNumber;
        if (previousBlank && atLineStart && looksLikeSeparator(chunk)) {
            m_atSeparator = true;
            m_separatorOffset = lineOffset;
            m_separatorLine = m_lineNumber;
            break; // the held blank line was the separator's
        }
        if (chunk.startsWith('>')) {
            // The "From " of ">>>...From " may lie past the first chunk.
            while (!atLineStart && mayBeEscapedFrom(chunk) && chunk.size() <= m_maxMessageBytes) {
                const QByteArray more = m_file.readLine(chunkBytes);
                if (more.isEmpty())
                    break;
                chunk += more;
                atLineStart = chunk.endsWith('\n');
            }
            unescape(chunk);
        }
        if (isBlankLine(chunk)) {
            if (inHeader) {
                inHeader = false;
                const QByteArray boundary = multipartBoundary(header);
                if (!boundary.isEmpty())
                    boundaryClose = "--" + boundary + "--";
                if (!m_keepBytes)
                    message.header = header;
                header.clear();
            }
            append(heldBlank);
            heldBlank = chunk;
            previousBlank = true;
            continue;
        }
        previousBlank = false;
        if (inHeader && header.size() < maxHeaderBytes)
            header += chunk;
        if (!boundaryClose.isEmpty() && chunk.startsWith(boundaryClose) &&
            trimmedLine(chunk) == boundaryClose)
            sawClose = true;
        append(heldBlank);
        heldBlank.clear();
        append(chunk);
    }

    if (!m_atSeparator) {
        // The end of the file: is this last message whole?
        QString why;
        if (!atLineStart)
            why = tr("the file ends in the middle of a line");
        else if (inHeader)
            why = tr("the file ends inside the message's header");
        else if (!boundaryClose.isEmpty() && !sawClose && heldBlank.isEmpty())
            why = tr("the file ends before the message's last MIME part is closed");
        if (!why.isEmpty()) {
            m_damage = MboxDamage{message.number, message.line, message.offset, why};
            return std::optional<MboxMessage>{};
        }
    }
    if (tooLarge) {
        message.skipReason =
            tr("larger than %1 MB, skipped").arg(m_maxMessageBytes / (1024 * 1024));
    } else {
        message.raw = std::move(raw);
    }
    return std::optional<MboxMessage>{std::move(message)};
}

} // namespace poplar::importer
