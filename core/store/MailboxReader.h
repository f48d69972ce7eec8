// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace poplar::store {

/// One message taken out of a mailbox, or the note that one had to be left out.
struct MailboxMessage {
    QByteArray raw;     ///< the message's bytes; empty when it was skipped
    QString origin;     ///< where it was, for warnings: "message 3 (line 120)", a file name
    QString skipReason; ///< why it was left out (too large, unreadable); empty when read
};

/// Reads the messages of an mbox file or a Maildir one at a time, so a mailbox of any size
/// costs at most one message of memory.
///
/// mbox (mboxrd, and mboxo, which it reads the same way): every line that starts with
/// "From " begins a message and is not part of it; one '>' is removed from lines matching
/// ^>+From  (mboxrd's escaping); the blank line before the next "From " line (or at the end
/// of the file) belongs to the separator, not to the message. Line endings are kept as the
/// file has them (LF or CRLF). Maildir: the files of cur/ and new/, ordered by file name
/// (which begins with the delivery time), each kept byte for byte.
class MailboxReader {
public:
    enum class Format { Mbox, Maildir };

    /// A larger message is skipped with a warning: it would not be mail anyone can read here.
    static constexpr qint64 defaultMaxMessageBytes = 64 * 1024 * 1024;

    /// Opens the mailbox. Fails, saying why, when `path` does not exist, cannot be read, or
    /// is not of that format (an mbox whose first line is not a "From " line; a folder
    /// without cur/ and new/).
    [[nodiscard]] static Result<std::unique_ptr<MailboxReader>>
    open(Format format, const QString &path, qint64 maxMessageBytes = defaultMaxMessageBytes);

    /// The local folder an imported mailbox goes to unless told otherwise: the mbox file's
    /// name without its extension, or the Maildir's directory name.
    [[nodiscard]] static QString defaultFolderName(Format format, const QString &path);

    MailboxReader(const MailboxReader &) = delete;
    MailboxReader &operator=(const MailboxReader &) = delete;

    /// The next message, or nullopt after the last one. An Error means the mailbox cannot be
    /// read any further (an I/O error); a single bad message is a skipped MailboxMessage.
    [[nodiscard]] Result<std::optional<MailboxMessage>> next();

private:
    MailboxReader(Format format, QString path, qint64 maxMessageBytes);
    Status openMbox();
    Status openMaildir();
    Result<std::optional<MailboxMessage>> nextFromMbox();
    std::optional<MailboxMessage> nextFromMaildir();
    Error readError() const;

    Format m_format;
    QString m_path;
    qint64 m_maxMessageBytes;

    // mbox
    QFile m_file;
    bool m_atSeparator = false; ///< a "From " line was read: another message follows
    qint64 m_lineNumber = 0;    ///< of the last line read, for warnings
    int m_messageNumber = 0;

    // Maildir
    QStringList m_files;
    qsizetype m_nextFile = 0;
};

} // namespace poplar::store
