// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;

namespace poplar::ui {

class MessageView;

/// How messages are shown, as the user chose it and poplar.ini keeps it under [reading]:
/// the plain-text alternative rather than the HTML one (View ▸ Prefer Plain Text), and the
/// senders whose remote content loads without asking ("Always for This Sender"). The same
/// for the main window's viewer and for every message window.
class ReadingPreferences : public QObject {
    Q_OBJECT

public:
    /// Applies the saved choices to `view`, the main window's viewer (see apply()).
    ReadingPreferences(const QString &iniPath, MessageView *view, QObject *parent = nullptr);

    [[nodiscard]] QAction *preferPlainTextAction() const { return m_preferPlain; }
    /// Gives `view` (the main viewer, or a message window's) the saved choices before it
    /// shows a message, and keeps the senders trusted in it with the others, for every viewer.
    void apply(MessageView *view);

private:
    void setPreferPlain(bool plain);
    void trustSender(const QString &address);

    QString m_iniPath;
    MessageView *m_view;
    QAction *m_preferPlain = nullptr;
};

} // namespace poplar::ui
