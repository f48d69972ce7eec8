// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QTableView;

namespace poplar::ui {

/// Keeps every column of a list within reach when the list is narrow, as the message list
/// needs it (a small window, or the list beside the message): the stretching column (the
/// subject) gives way first, down to the header's minimum section size; then the yielding
/// column (the sender) down to the same minimum; the other columns (date, size) keep their
/// width. Narrower still, the list scrolls sideways. The yielding column grows back to the
/// width the user gave it when there is room again. GUI thread.
class ListColumnFitter : public QObject {
    Q_OBJECT

public:
    /// `list` (the parent) must have its model and its column widths set; the
    /// `stretchColumn` stretches (QHeaderView::Stretch), the others are Interactive or Fixed.
    ListColumnFitter(QTableView *list, int stretchColumn, int yieldingColumn);

    /// Fits the columns to the list's width now (it does so by itself on every resize).
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_list;
    int m_stretchColumn;
    int m_yieldingColumn;
    int m_wanted = -1; ///< the yielding column's width as the user (or the saved layout) set it
    int m_fitted = -1; ///< the width fit() gave it last; anything else was the user's choice
};

} // namespace poplar::ui
