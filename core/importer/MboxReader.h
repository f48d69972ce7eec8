// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <memory>
#include <optional>

namespace poplar::importer {

/// One message read out of an mbox, with where it was.
struct MboxMessage {
    QByteArray raw;     ///< the message's bytes, unescaped; empty when skipped or not kept
    qint64 offset = 0;  ///< byte offset of its "From " line in the file
    qint64 line = 0;    ///< line number (1-based) of its "From " line
    int number = 0;     ///< 1 for the first message of the file
    qint64 size = 0;    ///< its bytes (also when they were not kept)
    QString skipReason; ///< why it is left out (too large); empty when read
    /// Its header block when the bytes are not kept (setKeepBytes(false)): enough to read
    /// its state (MozillaStatus) while counting.
    QByteArray header;
};

/// Where an mbox stopped being readable: its last message was cut off (a file truncated by a
/// full disk, a crash, an interrupted copy).
struct MboxDamage {
    int message = 0;   ///< the number of the cut-off message (left out)
    qint64 line = 0;   ///< the line its "From " separator is on
    qint64 offset = 0; ///< the byte offset of that separator
    QString why;       ///< what is missing, in words
};

/// Reads an mbox file one message at a time in chunks of 64 KB: a file of any size costs one
/// message of memory (or nothing, when only counting).
///
/// The dialect is the one Thunderbird, Evolution and mutt write, read the way Thunderbird
/// reads it back:
/// - A message begins at a line "From <sender> <asctime date>" that opens the file or
///   follows a blank line. A body line that merely starts with "From " (unescaped, as
///   Thunderbird left some of them) is part of the message: a separator must also look
///   like one (a sender word and a time of day, "From - Sat Dec 05 10:00:00 2026").
/// - Escaping: one '>' is removed from each line matching ^>+From  (mboxrd). Thunderbird
///   before 128 wrote mboxo (it quoted "From " lines and left ">From " alone); Thunderbird
///   128 and later write mboxrd and both read back by removing one '>'. Reading mboxo that
///   way restores every line Thunderbird quoted, and shows a line that was ">From " in the
///   original without its '>' exactly as Thunderbird itself shows it: the import keeps what
///   the user saw.
/// - The blank line before the next separator (and at the end of the file) is the
///   separator's, not the message's. Line endings are kept as the file has them.
/// - A last message cut off (no line end at the end of the file, headers that never end, a
///   multipart body without its closing boundary and without the blank line every writer
///   puts after a message) is damage: it is not returned, and damage() says where it was.
class MboxReader {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::MboxReader)

public:
    /// A larger message is skipped with a warning (and read past, keeping nothing).
    static constexpr qint64 defaultMaxMessageBytes = 64 * 1024 * 1024;

    /// Opens `path`. An empty file is an mbox of no messages; a file whose first line is not
    /// a "From " line is not an mbox.
    [[nodiscard]] static Result<std::unique_ptr<MboxReader>>
    open(const QString &path, qint64 maxMessageBytes = defaultMaxMessageBytes);

    MboxReader(const MboxReader &) = delete;
    MboxReader &operator=(const MboxReader &) = delete;

    /// false: next() reports each message's size and place without keeping its bytes (to
    /// count a folder's messages before importing it).
    void setKeepBytes(bool keep) { m_keepBytes = keep; }

    /// The next message, or nullopt after the last one (or at damage). An Error: the file
    /// cannot be read on.
    [[nodiscard]] Result<std::optional<MboxMessage>> next();

    /// Set once next() has stopped at a cut-off last message.
    [[nodiscard]] const std::optional<MboxDamage> &damage() const { return m_damage; }
    /// Bytes of the file read so far (for progress).
    [[nodiscard]] qint64 position() const { return m_file.pos(); }
    [[nodiscard]] qint64 fileSize() const { return m_file.size(); }

    /// Whether `line` (with its line end) is a "From " separator line in shape.
    [[nodiscard]] static bool looksLikeSeparator(QByteArrayView line);

private:
    MboxReader(QString path, qint64 maxMessageBytes);
    Status start();
    Error readError() const;
    /// Reads the rest of a line longer than one chunk, discarding it.
    void skipRestOfLine(QByteArray &chunk);

    QString m_path;
    qint64 m_maxMessageBytes;
    bool m_keepBytes = true;
    QFile m_file;
    bool m_atSeparator = false; ///< a separator was read: a message follows
    qint64 m_separatorOffset = 0;
    qint64 m_separatorLine = 0;
    qint64 m_lineNumber = 0; ///< of the last line read
    int m_messageNumber = 0;
    std::optional<MboxDamage> m_damage;
};

} // namespace poplar::importer
