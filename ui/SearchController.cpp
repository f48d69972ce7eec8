// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchController.h"

#include "CacheTask.h"
#include "MessageListModel.h"
#include "SearchBar.h"

#include "store/SearchIndex.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QSet>

namespace poplar::ui {

SearchController::SearchController(SearchBar *bar, QAbstractItemView *list, MessageListModel *model,
                                   QString cachePath, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_list(list)
    , m_model(model)
    , m_cachePath(std::move(cachePath))
{
    connect(bar, &SearchBar::searchRequested, this, &SearchController::search);
    connect(bar, &SearchBar::searchCleared, this, &SearchController::clear);
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SearchController::selectionChanged);
}

void SearchController::folderChanged()
{
    // Another folder's rows: nothing of the last one's selection is there to select again.
    m_selected.clear();
    m_current = 0;
    const QString query = m_bar->text().trimmed();
    if (!query.isEmpty())
        search(query);
}

void SearchController::search(const QString &query)
{
    const int generation = ++m_generation;
    ++m_running;
    runOnCache<QSet<qint64>>(
        this, m_cachePath,
        [query](QSqlDatabase db) -> Result<QSet<qint64>> {
            auto found = store::SearchIndex(std::move(db)).search(query, maxMatches);
            if (!found)
                return found.error();
            QSet<qint64> ids;
            for (const store::MessageSummary &s : found.value())
                ids.insert(s.id);
            return ids;
        },
        [this, generation, query](Result<QSet<qint64>> ids) {
            --m_running;
            if (generation != m_generation)
                return; // the user typed on, or cleared the box, meanwhile
            if (!ids) {
                Q_EMIT failed(ids.error().message());
                return;
            }
            m_model->setFilter(ids.value());
            reselect();
            Q_EMIT resultsShown(query);
        });
}

void SearchController::clear()
{
    ++m_generation; // a search still running is no longer wanted
    if (!m_model->isFiltered())
        return;
    m_model->clearFilter();
    reselect();
}

void SearchController::selectionChanged()
{
    if (m_reselecting)
        return;
    m_selected.clear();
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    m_selected.reserve(rows.size());
    for (const QModelIndex &row : rows)
        m_selected.append(row.data(MessageListModel::MessageIdRole).toLongLong());
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    m_current = current.isValid() ? current.data(MessageListModel::MessageIdRole).toLongLong() : 0;
}

void SearchController::reselect()
{
    const QSet<qint64> wanted(m_selected.cbegin(), m_selected.cend());
    const QList<int> rows = m_model->rowsOf(wanted);
    // Neighbouring rows as one range: a whole folder selected (Ctrl+A) stays one range.
    QItemSelection selection;
    const int lastColumn = MessageListModel::ColumnCount - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype end = i;
        while (end + 1 < rows.size() && rows.at(end + 1) == rows.at(end) + 1)
            ++end;
        selection.select(m_model->index(rows.at(i), 0), m_model->index(rows.at(end), lastColumn));
        i = end + 1;
    }
    int currentRow = m_current != 0 ? m_model->rowOf(m_current) : -1;
    if (currentRow < 0 && !rows.isEmpty())
        currentRow = rows.first();

    m_reselecting = true;
    QItemSelectionModel *selectionModel = m_list->selectionModel();
    if (currentRow >= 0)
        selectionModel->setCurrentIndex(m_model->index(currentRow, 0),
                                        QItemSelectionModel::NoUpdate);
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect);
    m_reselecting = false;
    if (currentRow >= 0)
        m_list->scrollTo(m_model->index(currentRow, 0));
    Q_EMIT selectionReplaced();
}

} // namespace poplar::ui
