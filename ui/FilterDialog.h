// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FilterRuleEditor.h"
#include "filters/FilterScript.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace poplar::ui {

/// Edit ▸ Message Filters…: the rules of the profile's filters.sieve as a list (name, a
/// check box for enabled, Move Up / Move Down) and, for the chosen rule, its conditions and
/// actions in words. The user never sees Sieve; the file stays plain Sieve
/// (filters::FilterScriptCodec). A rule written by hand in a way the dialog cannot show is
/// listed read-only with its text, keeps its place and is saved unchanged; the dialog says
/// so. A file that does not parse is not edited at all. Saving is atomic (QSaveFile), and
/// only a script that compiles is ever written. GUI thread.
class FilterDialog : public QDialog {
    Q_OBJECT

public:
    /// Asked before a rule that deletes on the server is created or enabled.
    using Confirm = std::function<bool()>;

    /// `folders`: where a rule can move mail; `tags`: the tags a rule can add.
    FilterDialog(QString path, QStringList folders, QList<FilterTagChoice> tags,
                 QWidget *parent = nullptr);
    /// Replaces the question box (tests answer it themselves).
    void setConfirmServerDeletion(Confirm confirm) { m_confirm = std::move(confirm); }

    /// The rules as the dialog holds them now (the shown rule's edits included).
    [[nodiscard]] filters::FilterScript script();
    /// Writes the file; false (and a message shown) when a rule is not complete or the file
    /// cannot be written.
    bool save();

    [[nodiscard]] QListWidget *ruleList() const { return m_list; }
    [[nodiscard]] FilterRuleEditor *editor() const { return m_editor; }
    [[nodiscard]] QLabel *notice() const { return m_notice; }
    [[nodiscard]] QLabel *problem() const { return m_problem; }
    [[nodiscard]] QPushButton *newButton() const { return m_new; }
    [[nodiscard]] QPushButton *deleteButton() const { return m_delete; }
    [[nodiscard]] QPushButton *upButton() const { return m_up; }
    [[nodiscard]] QPushButton *downButton() const { return m_down; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

private:
    void load();
    void fillList();
    void showRule(int row);
    void keepShownRule();
    void itemChanged(QListWidgetItem *item);
    void move(int by);
    [[nodiscard]] QString itemText(const filters::FilterRule &rule) const;
    [[nodiscard]] bool confirmServerDeletion();

    QString m_path;
    filters::FilterScript m_script;
    bool m_editable = true;
    int m_shown = -1;
    Confirm m_confirm;
    QLabel *m_notice;
    QListWidget *m_list;
    QPushButton *m_new;
    QPushButton *m_delete;
    QPushButton *m_up;
    QPushButton *m_down;
    QStackedWidget *m_pages;
    FilterRuleEditor *m_editor;
    QPlainTextEdit *m_handWritten;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace poplar::ui
