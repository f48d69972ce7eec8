// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QCoreApplication>
#include <QIcon>
#include <QVariant>

namespace poplar::ui {

/// What a message list row shows of a message, column by column (MessageListModel's
/// columns): the text, its tooltip and the marks. Dates in local time in the user's
/// locale, sizes as a user reads them.
class MessageRowText {
    // The model's translation context: these are its strings.
    Q_DECLARE_TR_FUNCTIONS(poplar::ui::MessageListModel)

public:
    [[nodiscard]] static QVariant display(const store::MessageSummary &s, int column);
    [[nodiscard]] static QVariant toolTip(const store::MessageSummary &s, int column);
    /// A star on the sender of flagged mail, a clip on the subject of mail with attachments.
    [[nodiscard]] static QVariant decoration(const store::MessageSummary &s, int column);
    /// What a screen reader says of a row: its state (unread, flagged, attachments, a server
    /// deletion queued), then sender, subject, date and size, each named.
    [[nodiscard]] static QString accessibleText(const store::MessageSummary &s,
                                                bool serverDeletionQueued);
    /// Said of a message whose server copy is queued for deletion (tooltip, screen reader).
    [[nodiscard]] static QString serverDeletionNote();
    /// The mark of a message whose server copy is queued for deletion.
    [[nodiscard]] static QIcon serverDeletionIcon();
    /// The name, or the address when the message gives no name.
    [[nodiscard]] static QString sender(const store::MessageSummary &s);
    /// Whom the first column names: the sender, or for what the user wrote (Sent, the
    /// Outbox, Drafts) the recipients, as Thunderbird and KMail show them there.
    [[nodiscard]] static QString correspondent(const store::MessageSummary &s);
    /// Sent, the Outbox and Drafts: folders of what the user wrote.
    [[nodiscard]] static bool isWrittenHere(store::Folder folder);
    /// Local time, the time alone for today, no seconds.
    [[nodiscard]] static QString formatDate(const QDateTime &utc);
};

} // namespace poplar::ui
