// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QTableView;

namespace poplar::ui {

class MessageListModel;

/// "Junk" and "Not Junk" on the selected messages, as in Thunderbird: J and Shift+J while
/// the list has the focus (so typing in the search box is not taken), and in the Message
/// menu. Junk moves the messages to their account's Junk folder, Not Junk back to the
/// Inbox, and Poplar's junk filter (bogofilter, junk::JunkTraining) learns from them on a
/// pool thread, so the window never waits for it however many are selected. Nothing is
/// deleted, here or on the server. GUI thread.
class JunkActions : public QObject {
    Q_OBJECT

public:
    /// `list` shows `model`; both must outlive this object. `cachePath`: the profile's
    /// cache, beside which the word list lives.
    JunkActions(QTableView *list, MessageListModel *model, QString cachePath,
                QObject *parent = nullptr);

    [[nodiscard]] QAction *junkAction() const { return m_junk; }
    [[nodiscard]] QAction *notJunkAction() const { return m_notJunk; }

    /// The selection changed: enables what applies.
    void updateActions();
    /// Marks the selected messages (J: junk, Shift+J: not junk).
    void markSelected(bool junk);
    /// Whether marking is still under way on the pool thread (for tests).
    [[nodiscard]] bool isBusy() const { return m_running > 0; }

Q_SIGNALS:
    void notice(const QString &message);
    void failed(const QString &message);
    /// Messages were marked: an account may have a Junk folder now.
    void marked();

private:
    QTableView *m_list;
    MessageListModel *m_model;
    QString m_cachePath;
    QAction *m_junk;
    QAction *m_notJunk;
    int m_running = 0;
};

} // namespace poplar::ui
