// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageCountLabel.h"

#include "MessageListModel.h"

#include <QCoreApplication>
#include <QLocale>

// The words here were MainWindow's, and the translations know them under its context: they
// keep it (QCoreApplication::translate, not tr()), so that no translated text is lost.

namespace poplar::ui {

MessageCountLabel::MessageCountLabel(const MessageListModel *model, QWidget *parent)
    : QLabel(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("messageCount"));
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &MessageCountLabel::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MessageCountLabel::refresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MessageCountLabel::refresh);
    connect(m_model, &MessageListModel::unreadCountChanged, this, &MessageCountLabel::refresh);
    connect(m_model, &MessageListModel::filterMatchesChanged, this, &MessageCountLabel::refresh);
}

void MessageCountLabel::refresh()
{
    if (!m_model->hasFolder()) {
        clear();
        return;
    }
    const int total = m_model->rowCount();
    const int unread = m_model->unreadCount();
    QString messages = total == 1
                           ? QCoreApplication::translate("poplar::ui::MainWindow", "1 message")
                           : QCoreApplication::translate("poplar::ui::MainWindow", "%1 messages")
                                 .arg(QLocale().toString(total));
    if (m_model->isFiltered())
        messages = QCoreApplication::translate("poplar::ui::MainWindow", "%1 of %2 match")
                       .arg(QLocale().toString(m_model->filterMatches()),
                            QLocale().toString(m_model->folderMessages().size()));
    setText(unread == 0 ? messages
                        : QCoreApplication::translate("poplar::ui::MainWindow", "%1, %2 unread")
                              .arg(messages)
                              .arg(unread));
}

} // namespace poplar::ui
