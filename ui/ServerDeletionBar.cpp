// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerDeletionBar.h"

#include "MessageRowText.h"
#include "ServerDeletions.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace poplar::ui {

ServerDeletionBar::ServerDeletionBar(ServerDeletions &deletions, QWidget *parent)
    : QFrame(parent)
    , m_deletions(deletions)
{
    setObjectName(QStringLiteral("serverDeletionBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase); // follows the theme, dark ones too
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(MessageRowText::serverDeletionIcon().pixmap(size, size));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("serverDeletionText"));
    m_text->setWordWrap(true);
    m_keep = new QPushButton(tr("Keep on Server"), this);
    m_keep->setObjectName(QStringLiteral("keepAllOnServerButton"));
    connect(m_keep, &QPushButton::clicked, this,
            [this] { m_deletions.keepAllOnServer(m_accountId); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_keep);

    connect(&m_deletions, &ServerDeletions::changed, this, &ServerDeletionBar::showQueue);
    hide();
}

void ServerDeletionBar::setFolder(const QString &accountId, store::Folder folder)
{
    m_accountId = accountId;
    m_folder = folder;
    showQueue();
}

void ServerDeletionBar::showQueue()
{
    const int count = m_accountId.isEmpty() ? 0 : m_deletions.count(m_accountId);
    if (count == 0 || m_folder != store::Folder::Trash) {
        hide();
        return;
    }
    // Singular and plural spelled out: English has no .qm file to choose between them.
    QString text =
        count == 1
            ? tr("1 message will be deleted from the server at the next check.")
            : tr("%1 messages will be deleted from the server at the next check.").arg(count);
    // Those deleted here for good are not in Trash to be seen: say so, or the count
    // would not match the marked rows.
    const int gone = m_deletions.withoutLocalCopy(m_accountId);
    if (gone == count)
        text += QLatin1Char(' ') + (count == 1 ? tr("Its copy here was deleted for good.")
                                               : tr("Their copies here were deleted for good."));
    else if (gone == 1)
        text += QLatin1Char(' ') + tr("One of them was deleted here for good.");
    else if (gone > 1)
        text += QLatin1Char(' ') + tr("%1 of them were deleted here for good.").arg(gone);
    m_text->setText(text);

    const bool checking = m_deletions.isBeingChecked(m_accountId);
    m_keep->setEnabled(!checking);
    m_keep->setToolTip(checking     ? tr("The account is being checked; its server deletions can "
                                             "be kept once the check is done.")
                       : count == 1 ? tr("Do not delete this message from the server")
                                    : tr("Do not delete these messages from the server"));
    show();
}

} // namespace poplar::ui
