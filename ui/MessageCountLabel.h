// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace poplar::ui {

class MessageListModel;

/// The status bar's count of the folder shown: "12 messages, 3 unread", or "4 of 12 match"
/// while a search filters the list. Follows the model by itself. GUI thread.
class MessageCountLabel : public QLabel {
    Q_OBJECT

public:
    /// `model` must outlive this label.
    explicit MessageCountLabel(const MessageListModel *model, QWidget *parent = nullptr);

private:
    void refresh();

    const MessageListModel *m_model;
};

} // namespace poplar::ui
