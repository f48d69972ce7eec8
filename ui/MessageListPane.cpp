// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListPane.h"

#include "ListColumnFitter.h"
#include "MessageListModel.h"
#include "SearchBar.h"
#include "SearchResultsBar.h"

#include "util/DataSize.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace poplar::ui {

namespace {

/// Indents a reply's subject under its parent's when the list is threaded. The row's
/// background (selection, alternate colour) still spans the whole cell.
class ThreadIndentDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// Deeper than this, a thread shows flat: a hostile References chain must not push the
    /// subject out of sight.
    static constexpr int maxIndentLevels = 12;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int depth =
            std::min(index.data(MessageListModel::ThreadDepthRole).toInt(), maxIndentLevels);
        if (depth <= 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        // One background over the whole cell (painting a second, narrower one leaves a seam
        // on a selected row in some styles), then the icon and text where the depth says.
        QStyleOptionViewItem cell(option);
        initStyleOption(&cell, index);
        const QString text = cell.text;
        const QIcon icon = cell.icon;
        cell.text.clear();
        cell.icon = QIcon();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        QRect area = option.rect.adjusted(depth * indentWidth(option) + margin, 0, -margin, 0);
        const bool selected = cell.state.testFlag(QStyle::State_Selected);
        const bool enabled = cell.state.testFlag(QStyle::State_Enabled);
        if (!icon.isNull()) {
            const QSize size = cell.decorationSize;
            const QRect iconRect(area.left(), area.top() + (area.height() - size.height()) / 2,
                                 size.width(), size.height());
            icon.paint(painter, iconRect, Qt::AlignCenter,
                       selected ? QIcon::Selected : (enabled ? QIcon::Normal : QIcon::Disabled));
            area.setLeft(iconRect.right() + 1 + margin);
        }
        QPalette palette = cell.palette;
        palette.setCurrentColorGroup(!enabled ? QPalette::Disabled
                                     : cell.state.testFlag(QStyle::State_Active)
                                         ? QPalette::Active
                                         : QPalette::Inactive);
        painter->save();
        painter->setFont(cell.font);
        const QString elided =
            QFontMetrics(cell.font).elidedText(text, Qt::ElideRight, area.width());
        style->drawItemText(painter, area, Qt::AlignLeft | Qt::AlignVCenter, palette, enabled,
                            elided, selected ? QPalette::HighlightedText : QPalette::Text);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const int depth =
            std::min(index.data(MessageListModel::ThreadDepthRole).toInt(), maxIndentLevels);
        size.rwidth() += std::max(depth, 0) * indentWidth(option);
        return size;
    }

private:
    static int indentWidth(const QStyleOptionViewItem &option)
    {
        return option.fontMetrics.averageCharWidth() * 2;
    }
};

} // namespace

MessageListPane::MessageListPane(MessageListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_list(new QTableView(this))
    , m_searchBar(new SearchBar(this))
    , m_searchResults(new SearchResultsBar(this))
{
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setAccessibleName(tr("Messages"));
    m_list->setModel(model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView *header = m_list->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    header->resizeSection(MessageListModel::FromColumn, 220);
    // Wide enough for the longest date, in bold (unread), and the longest size.
    QFont bold = m_list->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString longestDate =
        MessageListModel::formatDate(QDateTime(QDate(2000, 12, 28), QTime(23, 58)).toUTC());
    header->resizeSection(MessageListModel::DateColumn,
                          boldMetrics.horizontalAdvance(longestDate) + 24);
    // The widest size text is "999 bytes" or "999.9 MB" in English, other words in other
    // languages: measure both.
    const int widestSize =
        std::max(boldMetrics.horizontalAdvance(dataSizeText(999)),
                 boldMetrics.horizontalAdvance(dataSizeText((999LL << 20) + (900LL << 10))));
    // Room for the mark of a server deletion queued, left of the size.
    const int mark = style()->pixelMetric(QStyle::PM_SmallIconSize) + 4;
    header->resizeSection(MessageListModel::SizeColumn, widestSize + mark + 24);
    header->setSortIndicator(MessageListModel::DateColumn, Qt::DescendingOrder);
    m_list->setItemDelegateForColumn(MessageListModel::SubjectColumn,
                                     new ThreadIndentDelegate(m_list));
    // A narrow list (a small window, or the list beside the message) keeps the date and the
    // size: the subject gives way first, then the sender, then the list scrolls sideways.
    // Sixteen characters: a subject still says something (threaded replies are indented).
    header->setMinimumSectionSize(m_list->fontMetrics().averageCharWidth() * 16);
    new ListColumnFitter(m_list, MessageListModel::SubjectColumn, MessageListModel::FromColumn);

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_layout->addWidget(m_searchBar);
    m_layout->addWidget(m_searchResults);
    m_layout->addWidget(m_list, 1);

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

void MessageListPane::addFolderBar(QWidget *bar)
{
    m_layout->insertWidget(m_layout->indexOf(m_list), bar);
}

} // namespace poplar::ui
