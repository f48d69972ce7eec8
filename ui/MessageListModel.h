// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace poplar::store {
class MessageStore;
}

namespace poplar::ui {

/// The messages of one account's folder, as the message list shows them. GUI thread only:
/// reads through the GUI thread's own cache connection. Rows are kept sorted (by date,
/// newest first, unless sort() says otherwise); new mail is inserted in place, so a
/// view's selection survives it.
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
    };
    Q_ENUM(Roles)

    /// `store` must outlive the model.
    explicit MessageListModel(store::MessageStore &store, QObject *parent = nullptr);

    /// Shows this account's folder (and reads it). An empty id shows nothing.
    void setFolder(const QString &accountId, store::Folder folder);
    /// Shows a local folder (imported mail): account MessageStore::localAccountId(), Inbox.
    void setLocalFolder(const QString &name);
    [[nodiscard]] const QString &accountId() const { return m_accountId; }
    [[nodiscard]] store::Folder folder() const { return m_folder; }
    /// The local folder shown, or empty when an account's folder is.
    [[nodiscard]] const QString &localFolder() const { return m_localFolder; }
    /// Reads the folder again from the cache (resets the model).
    void reload();

    /// Shows only the folder's messages with these ids (search results), in the list's
    /// order; the folder stays loaded, so clearing the filter is instant.
    void setFilter(const QSet<qint64> &ids);
    void clearFilter();
    [[nodiscard]] bool isFiltered() const { return m_filter.has_value(); }
    /// The whole folder, filtered or not (for an export).
    [[nodiscard]] const QList<store::MessageSummary> &folderMessages() const { return m_all; }
    /// Reads a shown message's summary again (it was completed, say) and updates its row.
    void refreshMessage(qint64 id);

    /// The row's summary; `row` must be valid.
    [[nodiscard]] const store::MessageSummary &summaryAt(int row) const;
    /// The row showing this message, or -1.
    [[nodiscard]] int rowOf(qint64 id) const;

    /// How many of the shown rows are unread.
    [[nodiscard]] int unreadCount() const;
    /// A date as the list shows it: local time, the time alone for today, no seconds.
    [[nodiscard]] static QString formatDate(const QDateTime &utc);

    /// Updates the shown read state of a message (the caller wrote it to the cache).
    void setSeen(qint64 id, bool seen);
    /// Drops a message's row (the caller moved or removed it in the cache).
    void removeMessage(qint64 id);

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

private:
    [[nodiscard]] bool lessThan(const store::MessageSummary &a,
                                const store::MessageSummary &b) const;
    [[nodiscard]] int insertionRow(const store::MessageSummary &summary) const;
    void sortRows(QList<store::MessageSummary> &rows) const;
    [[nodiscard]] QList<store::MessageSummary> filtered() const;

    store::MessageStore &m_store;
    QString m_accountId;
    store::Folder m_folder = store::Folder::Inbox;
    QString m_localFolder;
    QList<store::MessageSummary> m_all;  ///< the whole folder, sorted as the rows are
    QList<store::MessageSummary> m_rows; ///< what is shown: m_all, or its filtered part
    std::optional<QSet<qint64>> m_filter;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace poplar::ui
