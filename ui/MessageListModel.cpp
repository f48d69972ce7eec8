// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include "MessageRowText.h"
#include "PlainToolTip.h"

#include "store/MessageStore.h"

#include <QColor>
#include <QFont>
#include <QItemSelection>

#include <algorithm>

namespace poplar::ui {

using store::MessageSummary;

namespace {

/// Orders by date, oldest first; a message without a date counts as oldest of all (as NULL
/// sorts first in SQLite).
int compareDates(const MessageSummary &a, const MessageSummary &b)
{
    if (a.date.isValid() != b.date.isValid())
        return a.date.isValid() ? 1 : -1;
    if (a.date != b.date)
        return a.date < b.date ? -1 : 1;
    return 0;
}

} // namespace

QString MessageListModel::formatDate(const QDateTime &utc)
{
    return MessageRowText::formatDate(utc);
}

MessageListModel::MessageListModel(store::MessageStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_collator(std::make_unique<store::TextCollator>(store.sortLanguage()))
    , m_cache(store, blockRows, cacheRows)
    , m_orderReader(new RowOrderReader(store, this))
{
    connect(m_orderReader, &RowOrderReader::threadsReady, this, &MessageListModel::threadsReady);
    connect(m_orderReader, &RowOrderReader::failed, this, &MessageListModel::loadFailed);
}

MessageListModel::~MessageListModel() = default;

void MessageListModel::setFolder(const QString &accountId, store::Folder folder)
{
    m_unified = false;
    m_accountId = accountId;
    m_folder = folder;
    m_localFolder.clear();
    m_filter.reset(); // a search belongs to the folder it ran in
    reload();
}

void MessageListModel::setLocalFolder(const QString &name, const QString &accountId)
{
    m_unified = false;
    m_accountId = accountId;
    m_folder = store::Folder::Inbox;
    m_localFolder = name;
    m_filter.reset();
    reload();
}

void MessageListModel::setUnifiedInbox()
{
    m_unified = true;
    m_accountId.clear();
    m_folder = store::Folder::Inbox;
    m_localFolder.clear();
    m_filter.reset();
    reload();
}

store::FolderRef MessageListModel::folderRef() const
{
    if (m_unified)
        return store::FolderRef::unified();
    return {m_accountId, m_folder, m_localFolder, false};
}

std::optional<RowOrder> MessageListModel::readOrder()
{
    if (!hasFolder()) {
        m_orderReader->cancel();
        return RowOrder{};
    }
    return m_orderReader->read(folderRef(), sortKey(), m_sortOrder == Qt::DescendingOrder,
                               m_threaded);
}

void MessageListModel::threadsReady(const RowOrder &order)
{
    if (!m_threaded)
        return;
    relayout(order);
    Q_EMIT threadsArranged();
}

void MessageListModel::setThreaded(bool threaded)
{
    if (threaded == m_threaded)
        return;
    m_threaded = threaded;
    if (std::optional<RowOrder> order = readOrder())
        relayout(std::move(*order));
}

store::SortKey MessageListModel::sortKey() const
{
    switch (m_sortColumn) {
    case FromColumn:
        return store::SortKey::Sender;
    case SubjectColumn:
        return store::SortKey::Subject;
    case SizeColumn:
        return store::SortKey::Size;
    default:
        return store::SortKey::Date;
    }
}

void MessageListModel::reload()
{
    RowOrder order = readOrder().value_or(RowOrder{});
    beginResetModel();
    m_ids = std::move(order.ids);
    m_depth = std::move(order.depth);
    m_cache.clear();
    m_unread.reset();
    applyFilter();
    endResetModel();
}

void MessageListModel::setFilter(const QSet<qint64> &ids, qint64 matches)
{
    beginResetModel();
    m_filter = ids;
    m_filterMatches = matches;
    m_unread.reset();
    applyFilter();
    endResetModel();
}

void MessageListModel::extendFilter(const QSet<qint64> &ids, qint64 matches)
{
    if (!m_filter) {
        setFilter(ids, matches);
        return;
    }
    QSet<qint64> fresh;
    for (qint64 id : ids) {
        if (!m_filter->contains(id))
            fresh.insert(id);
    }
    m_filterMatches = matches;
    m_unread.reset();
    // One walk over the folder in the rows' order: each new row goes in before the first
    // shown one that follows it; neighbours go in together.
    int row = 0;
    QList<qint64> run;
    const auto insertRun = [&] {
        if (run.isEmpty())
            return;
        beginInsertRows({}, row, row + int(run.size()) - 1);
        for (qsizetype i = 0; i < run.size(); ++i)
            m_filtered.insert(row + i, run.at(i));
        endInsertRows();
        row += int(run.size());
        run.clear();
    };
    for (qint64 id : std::as_const(m_ids)) {
        if (fresh.contains(id)) {
            run.append(id);
        } else if (m_filter->contains(id)) {
            insertRun();
            ++row;
        }
    }
    insertRun();
    m_filter->unite(fresh);
}

void MessageListModel::setFilterMatches(qint64 matches)
{
    if (!m_filter || matches == m_filterMatches)
        return;
    m_filterMatches = matches;
    Q_EMIT filterMatchesChanged();
}

void MessageListModel::reorder()
{
    if (!hasFolder())
        return;
    if (std::optional<RowOrder> order = readOrder())
        relayout(std::move(*order));
}

void MessageListModel::clearFilter()
{
    if (!m_filter)
        return;
    beginResetModel();
    m_filter.reset();
    m_filterMatches = -1;
    m_unread.reset();
    applyFilter();
    endResetModel();
}

void MessageListModel::applyFilter()
{
    m_filtered.clear();
    if (!m_filter)
        return;
    for (qint64 id : std::as_const(m_ids)) {
        if (m_filter->contains(id))
            m_filtered.append(id);
    }
}

const MessageSummary &MessageListModel::rowSummary(int row) const
{
    QString error;
    const MessageSummary &summary = m_cache.at(shown(), row, &error);
    if (!error.isEmpty())
        Q_EMIT const_cast<MessageListModel *>(this)->loadFailed(error);
    return summary;
}

void MessageListModel::refreshMessage(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    auto result = m_store.message(id);
    if (!result) {
        Q_EMIT loadFailed(result.error().message());
        return;
    }
    m_cache.remember(result.value());
    m_unread.reset();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MessageListModel::rereadSummaries()
{
    m_cache.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void MessageListModel::recountUnread()
{
    m_unread.reset();
    Q_EMIT unreadCountChanged();
}

void MessageListModel::rereadChanged()
{
    m_unread.reset(); // what was read may have changed too
    rereadSummaries();
}

MessageSummary MessageListModel::summaryAt(int row) const
{
    Q_ASSERT(row >= 0 && row < shown().size());
    return rowSummary(row);
}

int MessageListModel::rowOf(qint64 id) const
{
    // A scan of 8-byte ids: about 50 µs for 100,000, less than a hash would cost to keep.
    return int(shown().indexOf(id));
}

QList<int> MessageListModel::rowsOf(const QSet<qint64> &ids) const
{
    QList<int> rows;
    if (ids.isEmpty())
        return rows;
    const QList<qint64> &list = shown();
    for (qsizetype row = 0; row < list.size() && rows.size() < ids.size(); ++row) {
        if (ids.contains(list.at(row)))
            rows.append(int(row));
    }
    return rows;
}

void MessageListModel::setTags(const QList<store::Tag> &tags)
{
    // The rows stay (a tag renamed, recoloured or moved): the selection with them.
    m_tags = tags;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QStringList MessageListModel::tagNames(const MessageSummary &s) const
{
    QStringList names;
    for (const store::Tag &t : m_tags) {
        if (s.tagIds.contains(t.id))
            names.append(t.displayName());
    }
    return names;
}

void MessageListModel::setServerDeletions(const QSet<qint64> &ids)
{
    if (ids == m_serverDeletions)
        return;
    m_serverDeletions = ids;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::FontRole, Qt::DecorationRole, Qt::ToolTipRole,
                            Qt::AccessibleTextRole, ServerDeletionRole});
}

void MessageListModel::setSeen(qint64 id, bool seen)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    if (MessageSummary *held = m_cache.held(id)) {
        if (held->seen == seen)
            return;
        held->seen = seen;
    }
    m_unread.reset();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole, SeenRole});
}

void MessageListModel::setSeen(const QList<qint64> &ids, bool seen)
{
    if (ids.size() == 1) {
        setSeen(ids.first(), seen);
        return;
    }
    const QList<int> rows = rowsOf(QSet<qint64>(ids.cbegin(), ids.cend()));
    for (qint64 id : ids) {
        if (MessageSummary *held = m_cache.held(id))
            held->seen = seen;
    }
    m_unread.reset();
    if (!rows.isEmpty())
        Q_EMIT dataChanged(index(rows.first(), 0), index(rows.last(), ColumnCount - 1),
                           {Qt::FontRole, SeenRole, Qt::AccessibleTextRole});
}

void MessageListModel::setFlagged(const QList<qint64> &ids, bool flagged)
{
    const QList<int> rows = rowsOf(QSet<qint64>(ids.cbegin(), ids.cend()));
    for (qint64 id : ids) {
        if (MessageSummary *held = m_cache.held(id))
            held->flagged = flagged;
    }
    if (!rows.isEmpty())
        Q_EMIT dataChanged(
            index(rows.first(), 0), index(rows.last(), ColumnCount - 1),
            {Qt::DecorationRole, FlaggedRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
}

QList<qint64> MessageListModel::idsIn(const QItemSelection &selection) const
{
    // Rows, not indexes: a selected row holds a range over every column.
    QList<int> rows;
    for (const QItemSelectionRange &range : selection) {
        if (range.parent().isValid() || range.model() != this)
            continue;
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<qint64> ids;
    ids.reserve(rows.size());
    const QList<qint64> &list = shown();
    for (int row : std::as_const(rows)) {
        if (row >= 0 && row < list.size())
            ids.append(list.at(row));
    }
    return ids;
}

qint64 MessageListModel::onlyIdIn(const QItemSelection &selection) const
{
    // Ranges may overlap (a row selected twice is one row), so count rows, not ranges.
    int only = -1;
    for (const QItemSelectionRange &range : selection) {
        if (range.parent().isValid() || range.model() != this)
            continue;
        if (range.top() != range.bottom() || (only >= 0 && only != range.top()))
            return 0;
        only = range.top();
    }
    const QList<qint64> &list = shown();
    return only >= 0 && only < list.size() ? list.at(only) : 0;
}

void MessageListModel::removeMessages(const QSet<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    // The runs of adjacent rows that go, top to bottom.
    struct Run {
        int first;
        int last;
    };
    QList<Run> runs;
    const QList<qint64> &rows = shown();
    for (int row = 0; row < rows.size(); ++row) {
        if (!ids.contains(rows.at(row)))
            continue;
        if (!runs.isEmpty() && runs.last().last == row - 1)
            runs.last().last = row;
        else
            runs.append({row, row});
    }
    const auto keep = [&ids](const QList<qint64> &list) {
        QList<qint64> kept;
        kept.reserve(list.size());
        for (qint64 id : list) {
            if (!ids.contains(id))
                kept.append(id);
        }
        return kept;
    };
    // The unread count follows when every row that goes is held (a few rows deleted);
    // otherwise it is counted again when next asked (recountUnread, once the cache is
    // changed too).
    for (const Run &run : std::as_const(runs)) {
        for (int row = run.first; m_unread && row <= run.last; ++row) {
            const MessageSummary *held = m_cache.held(rows.at(row));
            if (!held)
                m_unread.reset();
            else if (!held->seen)
                --*m_unread;
        }
    }
    for (qint64 id : ids)
        m_cache.remove(id);
    if (runs.size() > maxRemovedRuns) {
        beginResetModel();
        m_ids = keep(m_ids);
        if (m_filter)
            m_filtered = keep(m_filtered);
        endResetModel();
        return;
    }
    // Rows that are not shown (a search hides them) leave without a signal.
    if (m_filter)
        m_ids = keep(m_ids);
    QList<qint64> &list = m_filter ? m_filtered : m_ids;
    // Bottom up, so the rows of the runs above keep their numbers.
    for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
        beginRemoveRows({}, run->first, run->last);
        list.remove(run->first, run->last - run->first + 1);
        endRemoveRows();
    }
}

void MessageListModel::removeMessage(qint64 id)
{
    const qsizetype inFolder = m_ids.indexOf(id);
    if (inFolder < 0)
        return;
    m_cache.remove(id);
    m_unread.reset();
    if (!m_filter) {
        beginRemoveRows({}, int(inFolder), int(inFolder));
        m_ids.removeAt(inFolder);
        endRemoveRows();
        return;
    }
    m_ids.removeAt(inFolder);
    if (const qsizetype row = m_filtered.indexOf(id); row >= 0) {
        beginRemoveRows({}, int(row), int(row));
        m_filtered.removeAt(row);
        endRemoveRows();
    }
}

namespace {

/// One move of the rows below, not one per id: a list of 100,000 ids is 800 KB.
void insertIds(QList<qint64> &list, qsizetype row, const QList<MessageSummary> &run)
{
    list.insert(row, run.size(), 0);
    for (qsizetype k = 0; k < run.size(); ++k)
        list[row + k] = run.at(k).id;
}

} // namespace

void MessageListModel::addMessages(const QList<qint64> &ids)
{
    if (!hasFolder() || ids.isEmpty())
        return;
    // Those already shown are found in one pass over the folder, not one search per id.
    QSet<qint64> fresh(ids.cbegin(), ids.cend());
    for (qint64 id : std::as_const(m_ids)) {
        if (fresh.remove(id) && fresh.isEmpty())
            return;
    }
    // One query for the batch, not one per message.
    auto read = m_store.summaries(QList<qint64>(fresh.cbegin(), fresh.cend()));
    if (!read) {
        Q_EMIT loadFailed(read.error().message());
        return;
    }
    QList<MessageSummary> arrivals;
    arrivals.reserve(read.value().size());
    const store::FolderRef ref = folderRef();
    for (MessageSummary &summary : read.value()) {
        if (ref.holds(summary))
            arrivals.append(std::move(summary));
    }
    if (arrivals.isEmpty())
        return;
    if (m_threaded) {
        // Threaded, a message's place depends on the thread it joins: they go in last, and
        // the relayout below moves each there with the rest of its thread.
        QList<MessageSummary> last;
        for (const MessageSummary &summary : std::as_const(arrivals)) {
            if (!m_filter || m_filter->contains(summary.id))
                last.append(summary);
            if (m_filter)
                m_ids.append(summary.id); // not shown: no signal
        }
        QList<qint64> &list = m_filter ? m_filtered : m_ids;
        insertRun(list, list.size(), last);
        // A large folder's threads come from a pool thread: the new rows wait at the end
        // until then, rather than the whole list going flat in between.
        std::optional<RowOrder> order = readOrder();
        if (order && !order->threadsPending)
            relayout(std::move(*order));
        return;
    }
    std::stable_sort(
        arrivals.begin(), arrivals.end(),
        [this](const MessageSummary &a, const MessageSummary &b) { return lessThan(a, b); });
    if (m_filter) {
        insertSorted(m_ids, arrivals, false);
        QList<MessageSummary> shownArrivals;
        for (const MessageSummary &summary : std::as_const(arrivals)) {
            if (m_filter->contains(summary.id))
                shownArrivals.append(summary);
        }
        insertSorted(m_filtered, shownArrivals, true);
    } else {
        insertSorted(m_ids, arrivals, true);
    }
}

void MessageListModel::insertSorted(QList<qint64> &list, const QList<MessageSummary> &sorted,
                                    bool shownList)
{
    // Each one's place in the list as it was (a binary search), then neighbours go in
    // together: new mail, newest first, is one run at the top, and views hear of it once.
    QList<qsizetype> places;
    places.reserve(sorted.size());
    for (const MessageSummary &summary : sorted)
        places.append(insertionRow(list, summary));
    qsizetype inserted = 0;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && places.at(j + 1) == places.at(i))
            ++j;
        const QList<MessageSummary> run = sorted.mid(i, j - i + 1);
        const qsizetype row = places.at(i) + inserted;
        if (shownList) {
            insertRun(list, row, run);
        } else {
            insertIds(list, row, run);
        }
        inserted += run.size();
        i = j + 1;
    }
}

void MessageListModel::insertRun(QList<qint64> &list, qsizetype row,
                                 const QList<MessageSummary> &run)
{
    if (run.isEmpty())
        return;
    beginInsertRows({}, int(row), int(row + run.size() - 1));
    insertIds(list, row, run);
    endInsertRows();
    // The count of unread rows follows without a query, and the rows are held, so
    // painting them reads nothing.
    for (const MessageSummary &summary : run) {
        if (m_unread && !summary.seen)
            ++*m_unread;
        m_cache.remember(summary);
    }
}

int MessageListModel::unreadCount() const
{
    if (!hasFolder())
        return 0;
    if (!m_unread) {
        auto result = m_filter ? m_store.unreadAmong(m_filtered) : m_store.unreadCount(folderRef());
        if (!result) {
            Q_EMIT const_cast<MessageListModel *>(this)->loadFailed(result.error().message());
            return 0;
        }
        m_unread = int(result.value());
    }
    return *m_unread;
}

int MessageListModel::nextUnreadRow(int row, int step) const
{
    if (!hasFolder() || step == 0)
        return -1;
    auto unread = m_store.unreadIds(folderRef());
    if (!unread) {
        Q_EMIT const_cast<MessageListModel *>(this)->loadFailed(unread.error().message());
        return -1;
    }
    const QList<qint64> &ids = shown();
    for (qsizetype r = qsizetype(row) + step; r >= 0 && r < ids.size(); r += step) {
        if (unread.value().contains(ids.at(r)))
            return int(r);
    }
    return -1;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(shown().size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case MessageIdRole:
        return shown().at(index.row());
    case ThreadDepthRole:
        return m_depth.value(shown().at(index.row()), 0);
    case ServerDeletionRole:
        return m_serverDeletions.contains(shown().at(index.row()));
    case Qt::AccessibleTextRole:
        // The first column speaks for the row (the others say what they show): a screen
        // reader on the list hears who, what, when and whether it is read.
        if (index.column() != FromColumn)
            return {};
        break;
    case Qt::ForegroundRole:
        if (index.column() != SubjectColumn)
            return {};
        break;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::FontRole:
    case Qt::DecorationRole:
    case FlaggedRole:
    case SeenRole:
    case AccountIdRole:
    case SortRole:
        break;
    default:
        return {}; // a view asks for many roles; none of the others needs the cache read
    }
    // A reference into the cache: used before anything else can read (and evict).
    const MessageSummary &s = rowSummary(index.row());
    const bool serverDeletion = m_serverDeletions.contains(s.id);
    switch (role) {
    case Qt::DisplayRole:
        return MessageRowText::display(s, index.column());
    case Qt::AccessibleTextRole: {
        const QString text = MessageRowText::accessibleText(s, serverDeletion);
        const QStringList tags = tagNames(s);
        return tags.isEmpty() ? text : tr("%1, tags: %2").arg(text, tags.join(tr(", ")));
    }
    case Qt::ForegroundRole:
        for (const store::Tag &t : m_tags) {
            if (s.tagIds.contains(t.id))
                return QColor(t.colour);
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = MessageRowText::toolTip(s, index.column()).toString();
        if (m_unified && index.column() == FromColumn) {
            // One list of several accounts' mail: say whose this is.
            tip = tr("%1\nAccount: %2").arg(tip, m_accountNames.value(s.accountId, s.accountId));
        }
        if (serverDeletion)
            tip += QLatin1Char('\n') + MessageRowText::serverDeletionNote();
        if (const QStringList tags = tagNames(s); !tags.isEmpty())
            tip += QLatin1Char('\n') + tr("Tags: %1").arg(tags.join(tr(", ")));
        // Subjects and names are the sender's words: shown as text, never as HTML.
        return plainToolTip(tip);
    }
    case Qt::FontRole:
        if (!s.seen || serverDeletion) {
            // Struck through, as mail marked for deletion on the server looks elsewhere.
            QFont font;
            font.setBold(!s.seen);
            font.setStrikeOut(serverDeletion);
            return font;
        }
        break;
    case Qt::DecorationRole:
        if (serverDeletion && index.column() == SizeColumn)
            return MessageRowText::serverDeletionIcon();
        return MessageRowText::decoration(s, index.column());
    case FlaggedRole:
        return s.flagged;
    case SeenRole:
        return s.seen;
    case AccountIdRole:
        return s.accountId;
    case SortRole:
        switch (index.column()) {
        case FromColumn:
            return MessageRowText::correspondent(s);
        case SubjectColumn:
            return s.subject;
        case DateColumn:
            return s.date;
        case SizeColumn:
            return s.size;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case FromColumn:
            return !m_unified && m_localFolder.isEmpty() && MessageRowText::isWrittenHere(m_folder)
                       ? tr("To")
                       : tr("From");
        case SubjectColumn:
            return tr("Subject");
        case DateColumn:
            return tr("Date");
        case SizeColumn:
            return tr("Size");
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == SizeColumn ? Qt::AlignRight | Qt::AlignVCenter
                                                         : Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags MessageListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!hasFolder())
        return;
    if (std::optional<RowOrder> rows = readOrder())
        relayout(std::move(*rows));
}

void MessageListModel::relayout(RowOrder order)
{
    // The same rows in the new order: a message the sync stored but the model was not told
    // of yet waits for addMessages, and one gone meanwhile keeps its row (at the end) until
    // removeMessage or a reload, so the row count never changes under a layout change.
    QSet<qint64> held(m_ids.cbegin(), m_ids.cend());
    QList<qint64> ids;
    ids.reserve(m_ids.size());
    for (qint64 id : std::as_const(order.ids)) {
        if (held.remove(id))
            ids.append(id);
    }
    for (qint64 id : std::as_const(m_ids)) {
        if (held.contains(id))
            ids.append(id);
    }

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList oldIndexes = persistentIndexList();
    QHash<qint64, int> newRows; // only the ids views hold on to, not the whole folder
    for (const QModelIndex &i : oldIndexes)
        newRows.insert(shown().at(i.row()), -1);
    QList<qint64> oldIds;
    oldIds.reserve(oldIndexes.size());
    for (const QModelIndex &i : oldIndexes)
        oldIds.append(shown().at(i.row()));

    m_ids = std::move(ids);
    m_depth = std::move(order.depth);
    applyFilter();
    const QList<qint64> &rows = shown();
    for (int row = 0; row < rows.size() && !newRows.isEmpty(); ++row) {
        if (auto it = newRows.find(rows.at(row)); it != newRows.end())
            *it = row;
    }
    QModelIndexList newIndexes;
    newIndexes.reserve(oldIndexes.size());
    for (int i = 0; i < oldIndexes.size(); ++i)
        newIndexes.append(index(newRows.value(oldIds.at(i), -1), oldIndexes.at(i).column()));
    changePersistentIndexList(oldIndexes, newIndexes);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool MessageListModel::lessThan(const MessageSummary &a, const MessageSummary &b) const
{
    // The order MessageStore::orderedIds reads, so an inserted row lands where a reload
    // would put it.
    int c = 0;
    switch (m_sortColumn) {
    case FromColumn:
        c = m_collator->compare(MessageRowText::sender(a), MessageRowText::sender(b));
        break;
    case SubjectColumn:
        c = m_collator->compare(a.subject, b.subject);
        break;
    case SizeColumn:
        c = a.size < b.size ? -1 : (a.size > b.size ? 1 : 0);
        break;
    default:
        break;
    }
    if (c == 0)
        c = compareDates(a, b);
    if (c == 0)
        c = a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
    return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
}

qsizetype MessageListModel::insertionRow(const QList<qint64> &ids,
                                         const MessageSummary &summary) const
{
    // A binary search that reads about 17 summaries for 100,000 rows. A message gone from
    // the cache compares as if before the new one.
    qsizetype low = 0;
    qsizetype high = ids.size();
    while (low < high) {
        const qsizetype mid = low + (high - low) / 2;
        const MessageSummary *other = m_cache.find(ids.at(mid));
        if (other && lessThan(summary, *other))
            high = mid;
        else
            low = mid + 1;
    }
    return low;
}

} // namespace poplar::ui
