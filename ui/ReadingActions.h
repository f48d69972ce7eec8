// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QTableView;
class QWidget;

namespace poplar::store {
class MessageStore;
}

namespace poplar::sync {
struct BulkOutcome;
}

namespace poplar::ui {

class CacheChangeQueue;
class MessageListModel;
class MessageWindow;
class ReadingPreferences;

/// The reading commands of the main window, with the keys Thunderbird users know: open a
/// message file (Ctrl+O, or dropped on the window), open the selected message in its own
/// window (Enter), its source (Ctrl+U), mark the selected messages read or unread (M) or
/// star them (S), and the next or previous unread message (N, P). Message windows get the main
/// viewer's reading preferences.
class ReadingActions : public QObject {
    Q_OBJECT

public:
    /// `window` gets the file drops and parents the message windows; `list` shows `model`.
    /// All, `changes` and `preferences`, must outlive this object.
    ReadingActions(QWidget *window, QTableView *list, MessageListModel *model,
                   store::MessageStore &store, CacheChangeQueue *changes,
                   ReadingPreferences *preferences, QObject *parent = nullptr);

    [[nodiscard]] QAction *openFileAction() const { return m_openFile; }
    [[nodiscard]] QAction *openInWindowAction() const { return m_openInWindow; }
    [[nodiscard]] QAction *viewSourceAction() const { return m_viewSource; }
    [[nodiscard]] QAction *toggleReadAction() const { return m_toggleRead; }
    [[nodiscard]] QAction *toggleFlagAction() const { return m_toggleFlag; }
    [[nodiscard]] QAction *nextUnreadAction() const { return m_nextUnread; }
    [[nodiscard]] QAction *previousUnreadAction() const { return m_previousUnread; }

    /// Opens message files, each in its own window; problems go to failed().
    void openFiles(const QStringList &paths);

Q_SIGNALS:
    void failed(const QString &message);
    /// Something worth a word in the status bar that is not an error.
    void notice(const QString &message);
    /// A message window opened (others add their commands to it).
    void windowOpened(poplar::ui::MessageWindow *window);
    /// Enter (or a double click) on a draft: it is to be written further, not read.
    void draftChosen(qint64 id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] qint64 currentId() const;
    [[nodiscard]] QByteArray currentRaw() const;
    void chooseFiles();
    void openInWindow();
    void viewSource();
    /// M and S: the selected messages all take the opposite of the current one's state.
    void toggleRead();
    void toggleFlag();
    void changed(const sync::BulkOutcome &outcome);
    /// The selected messages, or the current one when none is selected.
    [[nodiscard]] QList<qint64> targetIds() const;
    void goToUnread(int step);
    void updateEnabled();

    QWidget *m_window;
    QTableView *m_list;
    MessageListModel *m_model;
    store::MessageStore &m_store;
    CacheChangeQueue *m_changes;
    ReadingPreferences *m_preferences;
    QAction *m_openFile = nullptr;
    QAction *m_openInWindow = nullptr;
    QAction *m_viewSource = nullptr;
    QAction *m_toggleRead = nullptr;
    QAction *m_toggleFlag = nullptr;
    QAction *m_nextUnread = nullptr;
    QAction *m_previousUnread = nullptr;
};

} // namespace poplar::ui
