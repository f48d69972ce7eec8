// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>

class QTimer;

namespace poplar::ui {

/// The search box above the message list: says what to search for once typing pauses, and
/// clears itself on Escape. Searching is someone else's job (SearchController). GUI thread.
class SearchBar : public QLineEdit {
    Q_OBJECT

public:
    /// How long typing must pause before a search starts: a search per keystroke would
    /// make the list flicker through results for "r", "re", "rep"…
    static constexpr int debounceMs = 200;

    explicit SearchBar(QWidget *parent = nullptr);

    /// Empties the box and says so (searchCleared), as Escape does.
    void reset();

Q_SIGNALS:
    /// The user paused typing; `query` is what the box holds, never empty.
    void searchRequested(const QString &query);
    /// The box was emptied (Escape, the clear button, or deleting the text).
    void searchCleared();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void textChangedByUser();
    void typingPaused();

    QTimer *m_debounce = nullptr;
};

} // namespace poplar::ui
