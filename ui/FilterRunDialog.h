// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/FilterRun.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace poplar::ui {

/// Run Filters Now, first as a dry run: lists what the rules would do to the folder's
/// messages (the message, the rule, where it would go and what it would be marked), and
/// does it only when the user chooses Apply. The work itself runs elsewhere (FilterActions,
/// on the cache change queue's worker); this dialog shows and asks. GUI thread.
class FilterRunDialog : public QDialog {
    Q_OBJECT

public:
    FilterRunDialog(const QString &folderName, QList<filters::FilterMove> moves,
                    QWidget *parent = nullptr);

    [[nodiscard]] const QList<filters::FilterMove> &moves() const { return m_moves; }
    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *applyButton() const { return m_apply; }
    [[nodiscard]] QLabel *summary() const { return m_summary; }

    /// The moves are being carried out: nothing more can be asked.
    void showApplying();
    /// They were carried out (`error` empty) or not.
    void showApplied(qint64 count, const QString &error);

Q_SIGNALS:
    void applyRequested();

private:
    QList<filters::FilterMove> m_moves;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_apply;
    QDialogButtonBox *m_buttons;
};

} // namespace poplar::ui
