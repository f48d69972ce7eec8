// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchController.h"

#include "CacheTask.h"
#include "MessageListModel.h"
#include "SearchBar.h"
#include "SearchResultsBar.h"

#include "store/SearchIndex.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QSet>

namespace poplar::ui {

namespace {

/// What a pool thread brings back for one page.
struct PageFound {
    QSet<qint64> ids;
    std::optional<store::MessageStore::PageKey> next;
    store::SearchIndex::Progress progress;
};

} // namespace

SearchController::SearchController(SearchBar *bar, QAbstractItemView *list,
                                   SearchResultsBar *results, MessageListModel *model,
                                   QString cachePath, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_list(list)
    , m_results(results)
    , m_model(model)
    , m_cachePath(std::move(cachePath))
{
    connect(bar, &SearchBar::searchRequested, this, &SearchController::search);
    connect(bar, &SearchBar::searchCleared, this, &SearchController::clear);
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SearchController::selectionChanged);
    if (m_results)
        connect(m_results, &SearchResultsBar::showMoreRequested, this, &SearchController::showMore);
}

void SearchController::folderChanged()
{
    // Another folder's rows: nothing of the last one's selection is there to select again.
    m_selected.clear();
    m_current = 0;
    const QString query = m_bar->text().trimmed();
    if (!query.isEmpty())
        search(query);
    else if (m_results)
        m_results->hide();
}

void SearchController::search(const QString &query)
{
    ++m_generation;
    m_query = query;
    m_shown = 0;
    m_total = -1;
    m_pageShown = false;
    m_next.reset();
    // The rows do not wait for the count: a page costs the same for any number of matches,
    // counting them costs what they cost.
    runPage(query, std::nullopt);
    runCount(query);
}

void SearchController::showMore()
{
    if (m_query.isEmpty() || !m_next)
        return;
    runPage(m_query, m_next);
}

store::FolderRef SearchController::scope() const
{
    if (m_model->isUnifiedInbox())
        return store::FolderRef::unified();
    return {m_model->accountId(), m_model->folder(), m_model->localFolder(), false};
}

void SearchController::runPage(const QString &query,
                               std::optional<store::MessageStore::PageKey> after)
{
    if (!m_model->hasFolder())
        return;
    const int generation = m_generation;
    ++m_running;
    store::SearchIndex::Query request;
    request.text = query;
    request.scope = scope();
    request.limit = m_pageSize;
    request.after = after;
    request.countTotal = false;
    runOnCache<PageFound>(
        this, m_cachePath,
        [request](QSqlDatabase db) -> Result<PageFound> {
            store::SearchIndex index(std::move(db));
            auto page = index.search(request);
            if (!page)
                return page.error();
            auto progress = index.progress();
            if (!progress)
                return progress.error();
            PageFound found;
            for (const store::MessageSummary &s : page.value().messages)
                found.ids.insert(s.id);
            found.next = page.value().next;
            found.progress = progress.value();
            return found;
        },
        [this, generation, query, firstPage = !after](Result<PageFound> found) {
            --m_running;
            if (generation != m_generation)
                return; // the user typed on, cleared the box, or changed folder meanwhile
            if (!found) {
                Q_EMIT failed(found.error().message());
                return;
            }
            const PageFound &page = found.value();
            if (firstPage) {
                m_model->setFilter(page.ids, m_total);
                reselect();
            } else
                m_model->extendFilter(page.ids, m_total);
            m_pageShown = true;
            m_shown += page.ids.size();
            m_next = page.next;
            m_indexed = page.progress.indexed;
            m_messages = page.progress.total;
            showState();
            Q_EMIT resultsShown(query);
        });
}

void SearchController::runCount(const QString &query)
{
    if (!m_model->hasFolder())
        return;
    const int generation = m_generation;
    ++m_running;
    runOnCache<qint64>(
        this, m_cachePath,
        [query, scope = scope()](QSqlDatabase db) {
            return store::SearchIndex(std::move(db)).count(query, scope);
        },
        [this, generation](Result<qint64> total) {
            --m_running;
            if (generation != m_generation)
                return;
            if (!total) {
                Q_EMIT failed(total.error().message());
                return;
            }
            m_total = total.value();
            if (m_pageShown) {
                m_model->setFilterMatches(m_total);
                showState();
            }
            Q_EMIT matchesCounted(m_total);
        });
}

void SearchController::showState()
{
    if (m_results)
        m_results->showResults({m_total, m_shown, m_next.has_value(), m_indexed, m_messages});
}

void SearchController::clear()
{
    ++m_generation; // a search still running is no longer wanted
    m_query.clear();
    m_next.reset();
    m_shown = 0;
    m_total = -1;
    m_pageShown = false;
    if (m_results)
        m_results->hide();
    if (!m_model->isFiltered())
        return;
    m_model->clearFilter();
    reselect();
}

void SearchController::selectionChanged()
{
    if (m_reselecting)
        return;
    // From the selection's ranges, not selectedRows(), which asks the model about every
    // column of every row: Ctrl+A over 100,000 messages is one range here.
    m_selected = m_model->idsIn(m_list->selectionModel()->selection());
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
