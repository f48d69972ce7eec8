// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MboxWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimeZone>

namespace poplar::store {

namespace {

/// ^>*From : the lines a reader would take for a separator or un-escape.
bool needsEscape(const char *line, qsizetype length)
{
    qsizetype i = 0;
    while (i < length && line[i] == '>')
        ++i;
    return length - i >= 5 && qstrncmp(line + i, "From ", 5) == 0;
}

} // namespace

MboxWriter::MboxWriter(const QString &path)
    : m_file(path)
{}

Status MboxWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return writeError();
    return {};
}

Status MboxWriter::write(const QByteArray &raw, const QDateTime &date)
{
    const QByteArray parts[] = {
        separatorLine(date.isValid() ? date : QDateTime::currentDateTimeUtc()), escaped(raw),
        QByteArray("\n"), // the blank line that ends every message
    };
    for (const QByteArray &part : parts) {
        if (m_file.write(part) != part.size())
            return writeError();
    }
    return {};
}

Status MboxWriter::commit()
{
    if (!m_file.commit())
        return writeError();
    return {};
}

Error MboxWriter::writeError() const
{
    return Error{Error::Code::Storage,
                 QCoreApplication::translate("poplar::store::MboxWriter", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()),
                 {}};
}

QByteArray MboxWriter::separatorLine(const QDateTime &date)
{
    // asctime() is English whatever the locale, with the day of the month padded by a space.
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = date.toTimeZone(QTimeZone::utc());
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QString::asprintf("From MAILER-DAEMON %s %s %2d %02d:%02d:%02d %d\n",
                             days[d.dayOfWeek() - 1], months[d.month() - 1], d.day(), t.hour(),
                             t.minute(), t.second(), d.year())
        .toLatin1();
}

QByteArray MboxWriter::escaped(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 50 + 1);
    const char *data = raw.constData();
    qsizetype start = 0;
    while (start < raw.size()) {
        qsizetype end = raw.indexOf('\n', start);
        const bool terminated = end >= 0;
        if (!terminated)
            end = raw.size();
        qsizetype length = end - start;
        // The file has LF endings: the CR of a CRLF stays behind.
        if (terminated && length > 0 && data[end - 1] == '\r')
            --length;
        if (needsEscape(data + start, length))
            out += '>';
        out.append(data + start, length);
        out += '\n';
        start = end + 1;
    }
    return out;
}

} // namespace poplar::store
