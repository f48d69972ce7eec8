// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include "store/MessageStore.h"

#include <QFont>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace poplar::ui {

using store::MessageSummary;

namespace {

QString senderOf(const MessageSummary &s)
{
    return s.fromName.isEmpty() ? s.fromAddress : s.fromName;
}

/// Orders by date, oldest first; a message without a date counts as oldest of all.
int compareDates(const MessageSummary &a, const MessageSummary &b)
{
    if (a.date.isValid() != b.date.isValid())
        return a.date.isValid() ? 1 : -1;
    if (a.date != b.date)
        return a.date < b.date ? -1 : 1;
    return 0;
}

/// The locale's short time format, without seconds: a list has no room for them.
QString shortTimeFormat(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?"));
    format.remove(seconds);
    return format;
}

} // namespace

QString MessageListModel::formatDate(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), shortTimeFormat(locale));
    return locale.toString(local, locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') +
                                      shortTimeFormat(locale));
}

MessageListModel::MessageListModel(store::MessageStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

void MessageListModel::setFolder(const QString &accountId, store::Folder folder)
{
    m_accountId = accountId;
    m_folder = folder;
    m_localFolder.clear();
    m_filter.reset(); // a search belongs to the folder it ran in
    reload();
}

void MessageListModel::setLocalFolder(const QString &name)
{
    m_accountId = store::MessageStore::localAccountId();
    m_folder = store::Folder::Inbox;
    m_localFolder = name;
    m_filter.reset();
    reload();
}

void MessageListModel::reload()
{
    QList<MessageSummary> rows;
    if (!m_accountId.isEmpty()) {
        auto result = m_localFolder.isEmpty() ? m_store.messages(m_folder, m_accountId)
                                              : m_store.localFolder(m_localFolder);
        if (result)
            rows = std::move(result).value();
        else
            Q_EMIT loadFailed(result.error().message());
    }
    sortRows(rows);
    beginResetModel();
    m_all = std::move(rows);
    m_rows = filtered();
    endResetModel();
}

void MessageListModel::setFilter(const QSet<qint64> &ids)
{
    beginResetModel();
    m_filter = ids;
    m_rows = filtered();
    endResetModel();
}

void MessageListModel::clearFilter()
{
    if (!m_filter)
        return;
    beginResetModel();
    m_filter.reset();
    m_rows = m_all;
    endResetModel();
}

QList<MessageSummary> MessageListModel::filtered() const
{
    if (!m_filter)
        return m_all;
    QList<MessageSummary> rows;
    for (const MessageSummary &s : m_all) {
        if (m_filter->contains(s.id))
            rows.append(s);
    }
    return rows;
}

void MessageListModel::sortRows(QList<MessageSummary> &rows) const
{
    std::stable_sort(
        rows.begin(), rows.end(),
        [this](const MessageSummary &a, const MessageSummary &b) { return lessThan(a, b); });
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
    m_rows[row] = result.value();
    for (MessageSummary &s : m_all) {
        if (s.id == id)
            s = result.value();
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const MessageSummary &MessageListModel::summaryAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    return m_rows.at(row);
}

int MessageListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void MessageListModel::setSeen(qint64 id, bool seen)
{
    const int row = rowOf(id);
    if (row < 0 || m_rows.at(row).seen == seen)
        return;
    m_rows[row].seen = seen;
    for (MessageSummary &s : m_all) {
        if (s.id == id)
            s.seen = seen;
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole, SeenRole});
}

void MessageListModel::removeMessage(qint64 id)
{
    m_all.removeIf([id](const MessageSummary &s) { return s.id == id; });
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void MessageListModel::addMessages(const QList<qint64> &ids)
{
    // A local folder's summaries do not say which local folder they are in: the caller
    // reloads those.
    if (m_accountId.isEmpty() || !m_localFolder.isEmpty())
        return;
    for (qint64 id : ids) {
        if (std::any_of(m_all.cbegin(), m_all.cend(),
                        [id](const MessageSummary &s) { return s.id == id; }))
            continue;
        auto result = m_store.message(id);
        if (!result) {
            Q_EMIT loadFailed(result.error().message());
            continue;
        }
        const MessageSummary &summary = result.value();
        if (summary.accountId != m_accountId || summary.folder != m_folder)
            continue;
        m_all.insert(std::upper_bound(m_all.cbegin(), m_all.cend(), summary,
                                      [this](const MessageSummary &a, const MessageSummary &b) {
                                          return lessThan(a, b);
                                      }),
                     summary);
        if (m_filter && !m_filter->contains(id))
            continue; // not among the search's results
        const int row = insertionRow(summary);
        beginInsertRows({}, row, row);
        m_rows.insert(row, summary);
        endInsertRows();
    }
}

int MessageListModel::unreadCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const MessageSummary &s) { return !s.seen; }));
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FromColumn:
            return senderOf(s);
        case SubjectColumn:
            return s.subject.isEmpty() ? tr("(no subject)") : s.subject;
        case DateColumn:
            return formatDate(s.date);
        case SizeColumn:
            return QLocale().formattedDataSize(s.size, 0, QLocale::DataSizeTraditionalFormat);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FromColumn:
            if (!s.fromName.isEmpty() && !s.fromAddress.isEmpty())
                return tr("%1 <%2>").arg(s.fromName, s.fromAddress);
            return senderOf(s);
        case SubjectColumn:
            return s.subject;
        case DateColumn:
            return s.date.isValid() ? QLocale().toString(s.date.toLocalTime(), QLocale::LongFormat)
                                    : tr("The message has no date");
        case SizeColumn: {
            const QString bytes = tr("%1 bytes").arg(QLocale().toString(s.size));
            return s.partial ? tr("%1 (only partly downloaded)").arg(bytes) : bytes;
        }
        }
        break;
    case Qt::FontRole:
        if (!s.seen) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case MessageIdRole:
        return s.id;
    case SeenRole:
        return s.seen;
    case AccountIdRole:
        return s.accountId;
    case SortRole:
        switch (index.column()) {
        case FromColumn:
            return senderOf(s);
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
            return tr("From");
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
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList oldIndexes = persistentIndexList();
    QList<qint64> oldIds;
    oldIds.reserve(oldIndexes.size());
    for (const QModelIndex &i : oldIndexes)
        oldIds.append(m_rows.at(i.row()).id);

    sortRows(m_rows);
    sortRows(m_all);

    QModelIndexList newIndexes;
    newIndexes.reserve(oldIndexes.size());
    for (int i = 0; i < oldIndexes.size(); ++i)
        newIndexes.append(index(rowOf(oldIds.at(i)), oldIndexes.at(i).column()));
    changePersistentIndexList(oldIndexes, newIndexes);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool MessageListModel::lessThan(const MessageSummary &a, const MessageSummary &b) const
{
    int c = 0;
    switch (m_sortColumn) {
    case FromColumn:
        c = QString::localeAwareCompare(senderOf(a).toCaseFolded(), senderOf(b).toCaseFolded());
        break;
    case SubjectColumn:
        c = QString::localeAwareCompare(a.subject.toCaseFolded(), b.subject.toCaseFolded());
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

int MessageListModel::insertionRow(const MessageSummary &summary) const
{
    const auto it = std::upper_bound(
        m_rows.cbegin(), m_rows.cend(), summary,
        [this](const MessageSummary &a, const MessageSummary &b) { return lessThan(a, b); });
    return int(it - m_rows.cbegin());
}

} // namespace poplar::ui
