// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace poplar::ui {

class MessageListModel;
class SearchBar;

/// Full-text search of the folder shown: runs what the search bar asks for through the
/// cache's index on a pool thread, and narrows the message list to the matches. A newer
/// query makes older results stale: they are dropped when they arrive. GUI thread.
class SearchController : public QObject {
    Q_OBJECT

public:
    /// Matches asked of the index; the folder's are kept of these.
    static constexpr int maxMatches = 5000;

    SearchController(SearchBar *bar, MessageListModel *model, QString cachePath,
                     QObject *parent = nullptr);

    /// Another folder is shown: the query in the box is run again on it.
    void folderChanged();
    [[nodiscard]] bool isRunning() const { return m_running > 0; }

Q_SIGNALS:
    /// The list shows the results of `query` (the matches in the folder shown).
    void resultsShown(const QString &query);
    /// The search could not run; one line for the status bar.
    void failed(const QString &message);

private:
    void search(const QString &query);
    void clear();

    SearchBar *m_bar;
    MessageListModel *m_model;
    QString m_cachePath;
    int m_generation = 0; ///< of the last query asked; older results are stale
    int m_running = 0;
};

} // namespace poplar::ui
