// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchBar.h"

#include <QAction>
#include <QKeyEvent>
#include <QStyle>
#include <QTimer>

namespace poplar::ui {

SearchBar::SearchBar(QWidget *parent)
    : QLineEdit(parent)
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("searchBar"));
    setAccessibleName(tr("Search messages"));
    setPlaceholderText(tr("Search messages (Ctrl+F)"));
    setToolTip(tr("Finds words in the subject, the addresses and the text, and \"phrases\" "
                  "in quotes. Narrow it with from:, to:, subject:, has:attachment, is:unread, "
                  "is:flagged, folder:NAME, before:YYYY-MM-DD, after:YYYY-MM-DD. Escape "
                  "clears"));
    setClearButtonEnabled(true);
    QAction *find =
        addAction(QIcon::fromTheme(QStringLiteral("edit-find"),
                                   style()->standardIcon(QStyle::SP_FileDialogContentsView)),
                  QLineEdit::LeadingPosition);
    // The magnifier is a button to a screen reader: it needs a name too.
    find->setText(tr("Search"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchBar::typingPaused);
    // textChanged, not textEdited: the clear button empties the box through setText().
    connect(this, &QLineEdit::textChanged, this, &SearchBar::textChangedByUser);
}

void SearchBar::reset()
{
    {
        // Quietly: textChanged would say "cleared" too, and once is enough.
        const QSignalBlocker blocker(this);
        clear();
    }
    m_debounce->stop();
    Q_EMIT searchCleared();
}

void SearchBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !text().isEmpty()) {
        reset();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void SearchBar::textChangedByUser()
{
    if (text().trimmed().isEmpty()) {
        // Clearing is instant: the whole folder comes back without a wait.
        m_debounce->stop();
        Q_EMIT searchCleared();
        return;
    }
    m_debounce->start();
}

void SearchBar::typingPaused()
{
    const QString query = text().trimmed();
    if (!query.isEmpty())
        Q_EMIT searchRequested(query);
}

} // namespace poplar::ui
