// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAbstractItemView;

namespace poplar::ui {

class MessageListModel;
class SearchBar;

/// Full-text search of the folder shown: runs what the search bar asks for through the
/// cache's index on a pool thread, and narrows the message list to the matches. A newer
/// query makes older results stale: they are dropped when they arrive.
///
/// The selection follows the results: a selected message that is not among them is no
/// longer selected (so the preview does not keep it), and ending the search (Escape, the
/// clear button) selects again what the user selected last, scrolled into view. GUI thread.
class SearchController : public QObject {
    Q_OBJECT

public:
    /// Matches asked of the index; the folder's are kept of these.
    static constexpr int maxMatches = 5000;

    /// `bar`, `list` and `model` (the list's) must outlive the controller.
    SearchController(SearchBar *bar, QAbstractItemView *list, MessageListModel *model,
                     QString cachePath, QObject *parent = nullptr);

    /// Another folder is shown: the query in the box is run again on it.
    void folderChanged();
    [[nodiscard]] bool isRunning() const { return m_running > 0; }

Q_SIGNALS:
    /// The list shows the results of `query` (the matches in the folder shown).
    void resultsShown(const QString &query);
    /// The search could not run; one line for the status bar.
    void failed(const QString &message);
    /// The list's rows were replaced under its selection (results shown, or the search
    /// ended) and the selection is set again: whoever shows the selected message reads it
    /// anew. (A model reset empties a selection without a selectionChanged signal.)
    void selectionReplaced();

private:
    void search(const QString &query);
    void clear();
    /// Remembers the user's selection: it is what the list selects again after a change.
    void selectionChanged();
    /// Selects those of the remembered messages the list shows now.
    void reselect();

    SearchBar *m_bar;
    QAbstractItemView *m_list;
    MessageListModel *m_model;
    QString m_cachePath;
    int m_generation = 0; ///< of the last query asked; older results are stale
    int m_running = 0;
    QList<qint64> m_selected; ///< what the user selected last, in the list's order
    qint64 m_current = 0;     ///< the current row's message then (keyboard focus)
    bool m_reselecting = false;
};

} // namespace poplar::ui
