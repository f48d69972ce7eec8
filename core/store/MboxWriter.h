// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QSaveFile>
#include <QString>

namespace poplar::store {

/// Writes messages to a new mbox file in the mboxrd dialect, which MailboxReader reads back.
///
/// Each message is preceded by "From MAILER-DAEMON <asctime date>" and followed by a blank
/// line; every line matching ^>*From  gets one more '>'. The file has LF line endings: a CRLF
/// in a message is written as LF, and a message whose last line has no line ending gets one.
/// So what MailboxReader gives back is the message with CRLF turned into LF and a final LF.
/// Nothing appears at `path` until commit() succeeds: a failed export leaves no half file.
class MboxWriter {
public:
    explicit MboxWriter(const QString &path);
    MboxWriter(const MboxWriter &) = delete;
    MboxWriter &operator=(const MboxWriter &) = delete;

    [[nodiscard]] Status open();
    /// Appends one message. `date` goes into its "From " line (UTC); invalid means now.
    [[nodiscard]] Status write(const QByteArray &raw, const QDateTime &date = {});
    /// Puts the finished file in place (replacing any file of that name).
    [[nodiscard]] Status commit();

    /// "From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n", as asctime() writes the date.
    [[nodiscard]] static QByteArray separatorLine(const QDateTime &date);
    /// The message as it goes into the file: LF endings, mboxrd-escaped, ending in LF.
    [[nodiscard]] static QByteArray escaped(const QByteArray &raw);

private:
    [[nodiscard]] Error writeError() const;

    QSaveFile m_file;
};

} // namespace poplar::store
