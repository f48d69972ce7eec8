// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListColumnFitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace poplar::ui {

ListColumnFitter::ListColumnFitter(QTableView *list, int stretchColumn, int yieldingColumn)
    : QObject(list)
    , m_list(list)
    , m_stretchColumn(stretchColumn)
    , m_yieldingColumn(yieldingColumn)
{
    // Sideways by pixels: by whole columns, the last would never show completely when the
    // subject is wider than the list.
    m_list->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->viewport()->installEventFilter(this);
}

bool ListColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ListColumnFitter::fit()
{
    QHeaderView *header = m_list->horizontalHeader();
    const int current = header->sectionSize(m_yieldingColumn);
    if (current != m_fitted)
        m_wanted = current; // set by a drag, or by the saved layout
    int others = 0;         // the columns that keep their width
    for (int column = 0; column < header->count(); ++column) {
        if (column != m_stretchColumn && column != m_yieldingColumn &&
            !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int minimum = header->minimumSectionSize();
    const int room = m_list->viewport()->width() - others - minimum;
    m_fitted = std::clamp(room, minimum, std::max(minimum, m_wanted));
    if (m_fitted != current)
        header->resizeSection(m_yieldingColumn, m_fitted);
}

} // namespace poplar::ui
