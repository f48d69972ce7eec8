// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchResultsBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace poplar::ui {

SearchResultsBar::SearchResultsBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_showMore(new QPushButton(tr("Show More"), this))
{
    setObjectName(QStringLiteral("searchResults"));
    m_text->setObjectName(QStringLiteral("searchResultsText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_showMore->setObjectName(QStringLiteral("searchShowMore"));
    m_showMore->setToolTip(tr("Add the next older matches to the list"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_showMore);
    connect(m_showMore, &QPushButton::clicked, this, [this] {
        showLoading();
        Q_EMIT showMoreRequested();
    });
    hide();
}

void SearchResultsBar::showResults(const Results &r)
{
    const QLocale locale;
    QString line = r.found < 0    ? tr("Counting the matches…")
                   : r.found == 0 ? tr("No messages found.")
                   : r.found == 1 ? tr("One message found.")
                                  : tr("%1 messages found.").arg(locale.toString(r.found));
    if (r.more)
        line += QLatin1Char(' ') + tr("The newest %1 are shown.").arg(locale.toString(r.shown));
    if (r.indexed < r.messages) {
        // The search answered from what is indexed: say so rather than wait for the rest.
        line +=
            QLatin1Char(' ') + tr("%1 of %2 messages are indexed so far; the others are "
                                  "found once indexing gets to them.")
                                   .arg(locale.toString(r.indexed), locale.toString(r.messages));
    }
    m_text->setText(line);
    m_showMore->setVisible(r.more);
    m_showMore->setEnabled(true);
    show();
}

void SearchResultsBar::showLoading()
{
    m_showMore->setEnabled(false);
}

QString SearchResultsBar::text() const
{
    return m_text->text();
}

} // namespace poplar::ui
