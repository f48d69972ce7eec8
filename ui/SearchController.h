// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QAbstractItemView;

namespace poplar::ui {

class MessageListModel;
class SearchBar;
class SearchResultsBar;

/// Full-text search of the folder shown: runs what the search bar asks for through the
/// cache's index on a pool thread, and narrows the message list to the matches, the newest
/// first, a page at a time: the results bar says how many there are and offers the next
/// page. A newer query makes older results stale: they are dropped when they arrive.
///
/// The selection follows the results: a selected message that is not among them is no
/// longer selected (so the preview does not keep it), and ending the search (Escape, the
/// clear button) selects again what the user selected last, scrolled into view. GUI thread.
class SearchController : public QObject {
    Q_OBJECT

public:
    /// Matches a page adds to the list.
    static constexpr int pageSize = 200;

    /// `bar`, `list` and `model` (the list's) must outlive the controller; `results` may be
    /// null (nothing shows the count then).
    SearchController(SearchBar *bar, QAbstractItemView *list, SearchResultsBar *results,
                     MessageListModel *model, QString cachePath, QObject *parent = nullptr);

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
    /// The list's rows were replaced under its selection (results shown, or the search
    /// ended) and the selection is set again: whoever shows the selected message reads it
    /// anew. (A model reset empties a selection without a selectionChanged signal.)
    void selectionReplaced();

private:
    void search(const QString &query);
    void runPage(const QString &query, std::optional<store::MessageStore::PageKey> after);
    void runCount(const QString &query);
    [[nodiscard]] store::FolderRef scope() const;
    void showState();
    void clear();
    /// Remembers the user's selection: it is what the list selects again after a change.
    void selectionChanged();
    /// Selects those of the remembered messages the list shows now.
    void reselect();

    SearchBar *m_bar;
    QAbstractItemView *m_list;
    SearchResultsBar *m_results;
    MessageListModel *m_model;
    QString m_cachePath;
    int m_pageSize = pageSize;
    int m_generation = 0; ///< of the last query asked; older results are stale
    int m_running = 0;
    QList<qint64> m_selected; ///< what the user selected last, in the list's order
    qint64 m_current = 0;     ///< the current row's message then (keyboard focus)
    bool m_reselecting = false;
    QString m_query;          ///< the query shown
    qint64 m_shown = 0;       ///< its matches in the list so far
    qint64 m_total = -1;      ///< all its matches; -1 while they are counted
    bool m_pageShown = false; ///< its first page is in the list
    std::optional<store::MessageStore::PageKey> m_next; ///< where its next page starts
    qint64 m_indexed = 0;                               ///< messages indexed for search…
    qint64 m_messages = 0;                              ///< …of this many
};

} // namespace poplar::ui
