// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace poplar::ui {

/// The line under the search box while a search is shown: how many messages it found and
/// how many of them the list shows (the newest first), how far indexing is when it is not
/// done, and Show More for the next page. Shows what SearchController tells it. GUI thread.
class SearchResultsBar : public QWidget {
    Q_OBJECT

public:
    struct Results {
        qint64 found = -1;   ///< every match in the folder; -1 while they are counted
        qint64 shown = 0;    ///< the newest this many are in the list
        bool more = false;   ///< another page waits
        qint64 indexed = 0;  ///< messages indexed for search so far…
        qint64 messages = 0; ///< …of this many
    };

    explicit SearchResultsBar(QWidget *parent = nullptr);

    void showResults(const Results &results);
    /// Show More was pressed and the next page is on its way.
    void showLoading();

    [[nodiscard]] QString text() const;
    [[nodiscard]] QPushButton *showMoreButton() const { return m_showMore; }

Q_SIGNALS:
    void showMoreRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_showMore = nullptr;
};

} // namespace poplar::ui
