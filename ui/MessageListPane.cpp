// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListPane.h"

#include "MessageListModel.h"
#include "SearchBar.h"

#include <QAction>
#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace poplar::ui {

MessageListPane::MessageListPane(MessageListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_list(new QTableView(this))
    , m_searchBar(new SearchBar(this))
{
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setModel(model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView *header = m_list->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    header->resizeSection(MessageListModel::FromColumn, 220);
    // Wide enough for the longest date, in bold (unread); the size for "999 KB".
    QFont bold = m_list->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString longestDate =
        MessageListModel::formatDate(QDateTime(QDate(2000, 12, 28), QTime(23, 58)).toUTC());
    header->resizeSection(MessageListModel::DateColumn,
                          boldMetrics.horizontalAdvance(longestDate) + 24);
    header->resizeSection(MessageListModel::SizeColumn,
                          boldMetrics.horizontalAdvance(QStringLiteral("999 MB")) + 24);
    header->setSortIndicator(MessageListModel::DateColumn, Qt::DescendingOrder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_list, 1);

    // Escape in the list ends a search too, as it does in the box.
    auto *endSearch = new QAction(tr("End Search"), this);
    endSearch->setShortcut(Qt::Key_Escape);
    endSearch->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(endSearch, &QAction::triggered, this, [this] {
        if (!m_searchBar->text().isEmpty())
            m_searchBar->reset();
    });
    addAction(endSearch);
}

} // namespace poplar::ui
