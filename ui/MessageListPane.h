// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableView;
class QVBoxLayout;

namespace poplar::ui {

class MessageListModel;
class SearchBar;
class SearchResultsBar;

/// The message list with its search box above it, as Thunderbird's quick filter sits on the
/// list it narrows: the table set up for mail (rows, sized columns, newest first) and
/// Escape in the list ending a search as it does in the box. GUI thread.
class MessageListPane : public QWidget {
    Q_OBJECT

public:
    /// `model` must outlive the pane.
    explicit MessageListPane(MessageListModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *list() const { return m_list; }
    [[nodiscard]] SearchBar *searchBar() const { return m_searchBar; }
    /// Puts a bar that speaks of the folder shown between the search box and the list.
    void addFolderBar(QWidget *bar);
    [[nodiscard]] SearchResultsBar *searchResults() const { return m_searchResults; }

private:
    QTableView *m_list = nullptr;
    SearchBar *m_searchBar = nullptr;
    QVBoxLayout *m_layout = nullptr;
    SearchResultsBar *m_searchResults = nullptr; ///< under the box while a search is shown
};

} // namespace poplar::ui
