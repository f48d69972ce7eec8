// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QMenu;

namespace poplar::ui {

class MessageView;
class ReadingPreferences;

/// One message in a window of its own: a message from the cache opened with Enter, or an
/// .eml file opened from the command line, the desktop or the File menu. Shows the same
/// safe view as the main window, with the same reading preferences when it is given them,
/// and the raw source with Ctrl+U. Deletes itself on close.
class MessageWindow : public QMainWindow {
    Q_OBJECT

public:
    /// Larger files are refused: a message file is not a mailbox.
    static constexpr qint64 maxFileBytes = 64 * 1024 * 1024;

    /// `id` is the cache id, or 0 for a file. `preferences` (may be null: the defaults) are
    /// applied before the message is shown, and must outlive the window.
    MessageWindow(qint64 id, const QByteArray &raw, const QString &origin,
                  ReadingPreferences *preferences = nullptr, QWidget *parent = nullptr);

    /// Reads an .eml file and shows it in a new window; on failure returns nullptr and says
    /// why in `error` (in words, with the file name).
    static MessageWindow *openFile(const QString &path, QString *error,
                                   ReadingPreferences *preferences = nullptr,
                                   QWidget *parent = nullptr);

    [[nodiscard]] MessageView *view() const { return m_view; }
    [[nodiscard]] const QByteArray &raw() const { return m_raw; }
    /// The cache id; 0 for a file.
    [[nodiscard]] qint64 id() const { return m_id; }
    /// The Message menu, for commands others add (Reply, Forward).
    [[nodiscard]] QMenu *messageMenu() const { return m_messageMenu; }

    /// The raw message as text, in a read-only window (Ctrl+U).
    void showSource();
    /// The same for any message: `title` names it in the window title.
    static void showSource(const QByteArray &raw, const QString &title, QWidget *parent);

private:
    MessageView *m_view = nullptr;
    QByteArray m_raw;
    qint64 m_id = 0;
    QMenu *m_messageMenu = nullptr;
};

} // namespace poplar::ui
