// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageRowText.h"

#include "MessageListModel.h"
#include "ThemedIcon.h"

#include "mime/TextLimits.h"
#include "util/DataSize.h"

#include <QIcon>
#include <QLocale>
#include <QRegularExpression>

namespace poplar::ui {

using store::MessageSummary;

namespace {

/// The locale's short time format, without seconds: a list has no room for them.
QString shortTimeFormat(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?"));
    format.remove(seconds);
    return format;
}

} // namespace

QString MessageRowText::sender(const MessageSummary &s)
{
    return s.fromName.isEmpty() ? s.fromAddress : s.fromName;
}

bool MessageRowText::isWrittenHere(store::Folder folder)
{
    return folder == store::Folder::Sent || folder == store::Folder::Outbox ||
           folder == store::Folder::Drafts;
}

QString MessageRowText::correspondent(const MessageSummary &s)
{
    if (!isWrittenHere(s.folder))
        return sender(s);
    return s.toText.isEmpty() ? tr("(no recipient)") : s.toText;
}

QString MessageRowText::formatDate(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), shortTimeFormat(locale));
    return locale.toString(local, locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') +
                                      shortTimeFormat(locale));
}

QVariant MessageRowText::display(const MessageSummary &s, int column)
{
    switch (column) {
    case MessageListModel::FromColumn:
        return correspondent(s);
    case MessageListModel::SubjectColumn:
        return s.subject.isEmpty() ? tr("(no subject)") : mime::shownSubject(s.subject);
    case MessageListModel::DateColumn:
        return formatDate(s.date);
    case MessageListModel::SizeColumn:
        return dataSizeText(s.size);
    default:
        return {};
    }
}

QVariant MessageRowText::toolTip(const MessageSummary &s, int column)
{
    switch (column) {
    case MessageListModel::FromColumn:
        if (isWrittenHere(s.folder))
            return tr("To: %1").arg(correspondent(s));
        if (!s.fromName.isEmpty() && !s.fromAddress.isEmpty())
            return tr("%1 <%2>").arg(s.fromName, s.fromAddress);
        return sender(s);
    case MessageListModel::SubjectColumn:
        return s.hasAttachments ? tr("%1 (with attachments)").arg(mime::shownSubject(s.subject))
                                : mime::shownSubject(s.subject);
    case MessageListModel::DateColumn:
        return s.date.isValid() ? QLocale().toString(s.date.toLocalTime(), QLocale::LongFormat)
                                : tr("The message has no date");
    case MessageListModel::SizeColumn: {
        const QString bytes = tr("%1 bytes").arg(QLocale().toString(s.size));
        return s.partial ? tr("%1 (only partly downloaded)").arg(bytes) : bytes;
    }
    default:
        return {};
    }
}

QString MessageRowText::accessibleText(const MessageSummary &s, bool serverDeletionQueued)
{
    QStringList parts;
    if (!s.seen)
        parts.append(tr("Unread."));
    if (s.flagged)
        parts.append(tr("Flagged."));
    if (s.hasAttachments)
        parts.append(tr("With attachments."));
    parts.append(isWrittenHere(s.folder) ? tr("To: %1.").arg(correspondent(s))
                                         : tr("From: %1.").arg(sender(s)));
    parts.append(tr("Subject: %1.").arg(display(s, MessageListModel::SubjectColumn).toString()));
    parts.append(s.date.isValid() ? tr("Date: %1.").arg(formatDate(s.date)) : tr("No date."));
    parts.append(tr("Size: %1.").arg(dataSizeText(s.size)));
    if (s.partial)
        parts.append(tr("Only partly downloaded."));
    if (serverDeletionQueued)
        parts.append(serverDeletionNote());
    return parts.join(QLatin1Char(' '));
}

QString MessageRowText::serverDeletionNote()
{
    return tr("Will be deleted from the server at the next check.");
}

QIcon MessageRowText::serverDeletionIcon()
{
    return themedIcon({QStringLiteral("edit-delete-remote")});
}

QVariant MessageRowText::decoration(const MessageSummary &s, int column)
{
    // The marks Thunderbird users look for.
    if (column == MessageListModel::FromColumn && s.flagged)
        return themedIcon({QStringLiteral("starred"), QStringLiteral("emblem-important")});
    if (column == MessageListModel::SubjectColumn && s.hasAttachments)
        return themedIcon({QStringLiteral("mail-attachment"), QStringLiteral("document-attach")});
    return {};
}

} // namespace poplar::ui
