// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchController.h"

#include "CacheTask.h"
#include "MessageListModel.h"
#include "SearchBar.h"

#include "store/SearchIndex.h"

#include <QSet>

namespace poplar::ui {

SearchController::SearchController(SearchBar *bar, MessageListModel *model, QString cachePath,
                                   QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_model(model)
    , m_cachePath(std::move(cachePath))
{
    connect(bar, &SearchBar::searchRequested, this, &SearchController::search);
    connect(bar, &SearchBar::searchCleared, this, &SearchController::clear);
}

void SearchController::folderChanged()
{
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
            Q_EMIT resultsShown(query);
        });
}

void SearchController::clear()
{
    ++m_generation; // a search still running is no longer wanted
    m_model->clearFilter();
}

} // namespace poplar::ui
