// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RowOrderReader.h"
#include "SummaryCache.h"
#include "store/MessageStore.h"
#include "store/TagStore.h"
#include "store/TextCollator.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

class QItemSelection;

namespace poplar::ui {

/// The messages of one account's folder, as the message list shows them. GUI thread only:
/// reads through the GUI thread's own cache connection.
///
/// Lazy: opening a folder reads only its ids, in the list's order, from an index (8 bytes a
/// message; 0.8 MB for 100,000). Summaries are read in blocks of rows as a view asks for them
/// and kept in a bounded cache, so memory follows the rows shown, not the folder's size. The
/// ids are a snapshot: rows change only when the model is told (addMessages, removeMessage,
/// reload), never because the sync thread committed behind it, so the row count a view
/// holds is always right. New mail is inserted in place, so a view's selection survives it.
class MessageListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FromColumn, SubjectColumn, DateColumn, SizeColumn, ColumnCount };

    /// Every custom role, in one place.
    enum Roles {
        MessageIdRole = Qt::UserRole + 1, ///< qint64: the cache id
        SeenRole,                         ///< bool
        AccountIdRole,                    ///< QString
        SortRole,                         ///< the value a column sorts by
        FlaggedRole,                      ///< bool
        ThreadDepthRole,                  ///< int: how far a reply is indented (0 unthreaded)
        ServerDeletionRole, ///< bool: its server copy is queued for deletion at the next check
    };
    Q_ENUM(Roles)

    /// Rows read from the cache at once: a few screens, one query.
    static constexpr int blockRows = 256;
    /// The most summaries kept; the least recently shown go first.
    static constexpr int cacheRows = 16 * blockRows;

    /// `store` must outlive the model.
    explicit MessageListModel(store::MessageStore &store, QObject *parent = nullptr);
    ~MessageListModel() override;

    /// Shows this account's folder (and reads it). An empty id shows nothing.
    void setFolder(const QString &accountId, store::Folder folder);
    /// Shows a named folder: imported mail's (account MessageStore::localAccountId()), or
    /// one an account's filters file mail into.
    void setLocalFolder(const QString &name,
                        const QString &accountId = store::MessageStore::localAccountId());
    /// Shows every server account's Inbox together. accountId() is then empty: actions that
    /// need an account take it from the message (AccountIdRole).
    void setUnifiedInbox();
    [[nodiscard]] bool isUnifiedInbox() const { return m_unified; }
    /// Account names by id, for the Unified Inbox's sender tooltips.
    void setAccountNames(const QHash<QString, QString> &names) { m_accountNames = names; }
    /// Whether a folder is shown at all (an account's, a local one or the Unified Inbox).
    [[nodiscard]] bool hasFolder() const { return m_unified || !m_accountId.isEmpty(); }

    /// Groups the rows in conversations (References/In-Reply-To), threads in the list's
    /// order, replies indented under their parent. Keeps the selection. A folder of
    /// backgroundThreadingFrom() messages or more is threaded on a pool thread: it shows
    /// flat until threadsArranged().
    void setThreaded(bool threaded);
    [[nodiscard]] bool isThreaded() const { return m_threaded; }
    [[nodiscard]] int backgroundThreadingFrom() const { return m_orderReader->backgroundFrom(); }
    /// For tests: how large a folder must be for its threads to be arranged off this thread.
    void setBackgroundThreadingFrom(int rows) { m_orderReader->setBackgroundFrom(rows); }
    [[nodiscard]] const QString &accountId() const { return m_accountId; }
    [[nodiscard]] store::Folder folder() const { return m_folder; }
    /// The local folder shown, or empty when an account's folder is.
    [[nodiscard]] const QString &localFolder() const { return m_localFolder; }
    /// Reads the folder again from the cache (resets the model).
    void reload();

    /// Shows only the folder's messages with these ids (search results), in the list's
    /// order; the folder's ids stay loaded, so clearing the filter is instant. `matches` is
    /// how many messages match in all when `ids` is one page of them (-1: just these).
    void setFilter(const QSet<qint64> &ids, qint64 matches = -1);
    /// Lets these ids through too (the next page of a search), inserting their rows where
    /// they belong, so a view keeps its selection and scroll position.
    void extendFilter(const QSet<qint64> &ids, qint64 matches = -1);
    void clearFilter();
    [[nodiscard]] bool isFiltered() const { return m_filter.has_value(); }
    /// Sets how many messages the filter's search matched in all, once they are counted
    /// (filterMatchesChanged).
    void setFilterMatches(qint64 matches);
    /// How many messages the filter's search matched in all (more than the rows while only
    /// some pages are shown).
    [[nodiscard]] qint64 filterMatches() const
    {
        return m_filterMatches >= 0 ? m_filterMatches : m_filtered.size();
    }
    /// Reads the rows' order again from the cache, keeping the rows and the selection (the
    /// cache's sort keys changed, say).
    void reorder();
    /// The ids of the whole folder, filtered or not, in the list's order (for an export,
    /// and for "n of m match").
    [[nodiscard]] const QList<qint64> &folderMessages() const { return m_ids; }
    /// Reads a shown message's summary again (it was completed, say) and updates its row.
    void refreshMessage(qint64 id);
    /// Forgets the summaries held and repaints, so rows are read again as they show (mail
    /// was indexed, and its summaries now say which messages have attachments). Keeps the
    /// rows, the selection and the scroll position.
    void rereadSummaries();
    /// The same after a change to the rows' read state in the cache (marked read on the
    /// change queue's worker): the unread ones are counted again too.
    void rereadChanged();
    /// Counts the unread rows again when next asked (a change to the cache that removed
    /// rows before it ran is done), and says so (unreadCountChanged).
    void recountUnread();

    /// The row's summary, read from the cache if it is not held; `row` must be valid. A
    /// message gone from the cache meanwhile gives a summary with only its id.
    [[nodiscard]] store::MessageSummary summaryAt(int row) const;
    /// The row showing this message, or -1.
    [[nodiscard]] int rowOf(qint64 id) const;
    /// The rows showing these messages, in ascending order, found in one pass over the rows.
    [[nodiscard]] QList<int> rowsOf(const QSet<qint64> &ids) const;

    /// The first unread row after `row` going by `step` (1 down, -1 up), or -1. Asks the
    /// cache which messages are unread instead of reading every row on the way.
    [[nodiscard]] int nextUnreadRow(int row, int step) const;
    /// How many of the shown rows are unread.
    [[nodiscard]] int unreadCount() const;
    /// A date as the list shows it: local time, the time alone for today, no seconds.
    [[nodiscard]] static QString formatDate(const QDateTime &utc);

    /// The messages whose server copy is queued for deletion (ServerDeletions): their rows
    /// are struck through and marked, and say why.
    void setServerDeletions(const QSet<qint64> &ids);
    /// Every tag, by position: a row's Subject takes its first tag's colour, as in
    /// Thunderbird, and its tooltip and accessible text name its tags.
    void setTags(const QList<store::Tag> &tags);
    /// The shown names of a message's tags, by position.
    [[nodiscard]] QStringList tagNames(const store::MessageSummary &s) const;

    /// Updates the shown read state of a message (the caller wrote it to the cache).
    void setSeen(qint64 id, bool seen);
    /// The same for many messages, with one change signal for the rows between them.
    void setSeen(const QList<qint64> &ids, bool seen);
    /// Updates the shown star of these messages (the caller writes it to the cache).
    void setFlagged(const QList<qint64> &ids, bool flagged);
    /// Drops a message's row (the caller moved or removed it in the cache).
    void removeMessage(qint64 id);
    /// Drops the rows of these messages, each run of adjacent rows at once; when the rows
    /// are scattered in more than maxRemovedRuns runs, the model is reset instead (views
    /// lose their selection then), which costs less than that many removals.
    void removeMessages(const QSet<qint64> &ids);
    static constexpr int maxRemovedRuns = 32;
    /// The messages of the rows in `selection`, in the rows' order, each once: for a
    /// selection of the whole folder without asking the view for every row.
    [[nodiscard]] QList<qint64> idsIn(const QItemSelection &selection) const;
    /// The message of the one row `selection` covers; 0 when it covers none or more than
    /// one. Reads two rows at most, however many are selected.
    [[nodiscard]] qint64 onlyIdIn(const QItemSelection &selection) const;

    /// How many summaries are held now (for tests: it must not follow the folder's size).
    [[nodiscard]] int cachedRowCount() const { return m_cache.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

public Q_SLOTS:
    /// Inserts rows for these newly stored messages when they belong to the folder shown
    /// (connect to SyncController::messagesStored). Ids already shown are skipped.
    void addMessages(const QList<qint64> &ids);

Q_SIGNALS:
    /// The cache could not be read; `message` is one line for the status bar.
    void loadFailed(const QString &message);
    /// Threads arranged on a pool thread are shown (see setThreaded).
    void threadsArranged();
    /// The unread count may differ while the rows stayed (recountUnread).
    void unreadCountChanged();
    /// filterMatches() changed while the rows stayed.
    void filterMatchesChanged();

private:
    [[nodiscard]] const QList<qint64> &shown() const { return m_filter ? m_filtered : m_ids; }
    [[nodiscard]] store::FolderRef folderRef() const;
    /// The folder's ids in the rows' order (threaded or not), read from the cache.
    [[nodiscard]] std::optional<RowOrder> readOrder();
    /// A pool thread arranged the threads of the latest order.
    void threadsReady(const RowOrder &order);
    /// Puts the rows in this order (the same ids: new ones must have been inserted already)
    /// as a layout change, so views keep their selection and current row.
    void relayout(RowOrder order);
    [[nodiscard]] store::SortKey sortKey() const;
    /// The summary of the message at this row, reading its block if needed.
    [[nodiscard]] const store::MessageSummary &rowSummary(int row) const;
    [[nodiscard]] bool lessThan(const store::MessageSummary &a,
                                const store::MessageSummary &b) const;
    /// Where a message goes in this list of ids, kept in the list's order.
    [[nodiscard]] qsizetype insertionRow(const QList<qint64> &ids,
                                         const store::MessageSummary &summary) const;
    void applyFilter();
    /// Puts these summaries (sorted in the list's order) into `list` where they belong, each
    /// run of neighbours at once; `shownList`: the views hear of it (insertRun).
    void insertSorted(QList<qint64> &list, const QList<store::MessageSummary> &sorted,
                      bool shownList);
    /// Inserts the rows of `run` at `row` of the shown list (`list`), holds their summaries
    /// and counts the unread ones.
    void insertRun(QList<qint64> &list, qsizetype row, const QList<store::MessageSummary> &run);

    store::MessageStore &m_store;
    /// The cache's order for sender and subject, so a new row lands where a reload puts it.
    std::unique_ptr<store::TextCollator> m_collator;
    QString m_accountId;
    store::Folder m_folder = store::Folder::Inbox;
    QString m_localFolder;
    bool m_unified = false;
    QHash<QString, QString> m_accountNames;
    bool m_threaded = false;
    QHash<qint64, int> m_depth; ///< replies' indentation when threaded
    QSet<qint64> m_serverDeletions;
    QList<store::Tag> m_tags;
    QList<qint64> m_ids;      ///< the whole folder, in the rows' order
    QList<qint64> m_filtered; ///< the part of m_ids a filter lets through
    std::optional<QSet<qint64>> m_filter;
    qint64 m_filterMatches = -1;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;

    mutable SummaryCache m_cache;        ///< reading rows as they are painted is not a change
    RowOrderReader *m_orderReader;       ///< a child
    mutable std::optional<int> m_unread; ///< counted when asked, until rows change
};

} // namespace poplar::ui
