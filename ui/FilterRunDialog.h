// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/FilterRun.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace poplar::ui {

/// Run Filters Now, first as a dry run: lists what the rules would do to the folder's
/// messages (the message, the rule, where it would go, what it would be marked, and whether
/// it would be deleted from the server), and does it only when the user chooses Apply.
/// When Apply would queue server deletions it asks first, with their number: the rule was
/// confirmed when it was made, but running it over a folder of old mail is a new decision.
/// The work itself runs elsewhere (FilterActions, on the cache change queue's worker); this
/// dialog shows and asks. GUI thread.
class FilterRunDialog : public QDialog {
    Q_OBJECT

public:
    /// The answer to "Apply would delete `count` messages from the server".
    enum class ServerDeletionChoice { Cancel, ApplyAndDelete, ApplyWithoutDeleting };
    using ConfirmServerDeletions = std::function<ServerDeletionChoice(qsizetype count)>;

    FilterRunDialog(const QString &folderName, QList<filters::FilterMove> moves,
                    QWidget *parent = nullptr);
    /// Replaces the question box (tests answer it themselves).
    void setConfirmServerDeletions(ConfirmServerDeletions confirm)
    {
        m_confirm = std::move(confirm);
    }

    /// What Apply carries out: the dry run's moves, less the server deletions when the user
    /// chose to apply without them.
    [[nodiscard]] const QList<filters::FilterMove> &moves() const { return m_moves; }
    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *applyButton() const { return m_apply; }
    [[nodiscard]] QLabel *summary() const { return m_summary; }

    /// The moves are being carried out: nothing more can be asked.
    void showApplying();
    /// They were carried out (`error` empty), with `serverDeletions` queued, or not.
    void showApplied(qint64 count, qint64 serverDeletions, const QString &error);

Q_SIGNALS:
    void applyRequested();

private:
    void applyClicked();
    [[nodiscard]] ServerDeletionChoice askAboutServerDeletions(qsizetype count);

    QList<filters::FilterMove> m_moves;
    ConfirmServerDeletions m_confirm;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_apply;
    QDialogButtonBox *m_buttons;
};

} // namespace poplar::ui
