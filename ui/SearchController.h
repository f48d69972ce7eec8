// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"

#include <QObject>
#include <QString>

#include <optional>

namespace poplar::ui {

class MessageListModel;
class SearchBar;
class SearchResultsBar;

/// Full-text search of the folder shown: runs what the search bar asks for through the
/// cache's index on a pool thread, and narrows the message list to the matches, the newest
/// first, a page at a time: the results bar says how many there are and offers the next
/// page. A newer query makes older results stale: they are dropped when they arrive. GUI
/// thread.
class SearchController : public QObject {
    Q_OBJECT

public:
    /// Matches a page adds to the list.
    static constexpr int pageSize = 200;

    /// `results` may be null (nothing shows the count then).
    SearchController(SearchBar *bar, SearchResultsBar *results, MessageListModel *model,
                     QString cachePath, QObject *parent = nullptr);

    /// Another folder is shown: the query in the box is run again on it.
    void folderChanged();
    /// Adds the next page of matches to the list.
    void showMore();
    [[nodiscard]] bool isRunning() const { return m_running > 0; }
    /// For tests: matches a page adds (pageSize unless set).
    void setPageSize(int matches) { m_pageSize = matches; }

Q_SIGNALS:
    /// The list shows the results of `query` (the matches in the folder shown): its first
    /// page, or one more.
    void resultsShown(const QString &query);
    /// Every match of the query shown is counted (after its first page, which does not
    /// wait for the count).
    void matchesCounted(qint64 total);
    /// The search could not run; one line for the status bar.
    void failed(const QString &message);

private:
    void search(const QString &query);
    void runPage(const QString &query, std::optional<store::MessageStore::PageKey> after);
    void runCount(const QString &query);
    [[nodiscard]] store::FolderRef scope() const;
    void showState();
    void clear();

    SearchBar *m_bar;
    SearchResultsBar *m_results;
    MessageListModel *m_model;
    QString m_cachePath;
    int m_pageSize = pageSize;
    int m_generation = 0; ///< of the last query asked; older results are stale
    int m_running = 0;
    QString m_query;          ///< the query shown
    qint64 m_shown = 0;       ///< its matches in the list so far
    qint64 m_total = -1;      ///< all its matches; -1 while they are counted
    bool m_pageShown = false; ///< its first page is in the list
    std::optional<store::MessageStore::PageKey> m_next; ///< where its next page starts
    qint64 m_indexed = 0;                               ///< messages indexed for search…
    qint64 m_messages = 0;                              ///< …of this many
};

} // namespace poplar::ui
