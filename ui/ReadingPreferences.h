// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;

namespace poplar::ui {

class MessageView;

/// How messages are shown, as the user chose it and poplar.ini keeps it under [reading]:
/// the plain-text alternative rather than the HTML one (View ▸ Prefer Plain Text), and the
/// senders whose remote content loads without asking ("Always for This Sender").
class ReadingPreferences : public QObject {
    Q_OBJECT

public:
    /// Applies the saved choices to `view` (and to `extraViews` later opened, see apply()).
    ReadingPreferences(const QString &iniPath, MessageView *view, QObject *parent = nullptr);

    [[nodiscard]] QAction *preferPlainTextAction() const { return m_preferPlain; }
    /// Gives another viewer (a message window) the same choices.
    void apply(MessageView *view) const;

private:
    void setPreferPlain(bool plain);
    void trustSender(const QString &address);

    QString m_iniPath;
    MessageView *m_view;
    QAction *m_preferPlain = nullptr;
};

} // namespace poplar::ui
