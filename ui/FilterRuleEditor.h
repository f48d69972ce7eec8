// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/FilterScript.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QVBoxLayout;

namespace poplar::ui {

class FilterConditionRow;
class FilterActionRow;

/// A tag a rule can add: written into the rule by its keyword, shown by its name.
struct FilterTagChoice {
    QString keyword; ///< store::Tag::keyword
    QString name;    ///< as stored
    QString shown;   ///< store::Tag::displayName()
};

/// The right side of the Filters dialog: one rule's name, "all of" or "any of", its
/// conditions and its actions, each a row of plain words (the user never sees Sieve).
/// GUI thread.
class FilterRuleEditor : public QWidget {
    Q_OBJECT

public:
    /// Asked before an action that deletes on the server is chosen; false undoes the choice.
    using Confirm = std::function<bool()>;

    /// `folders`: where Move To can file (typed names are allowed too); `tags`: the tags a
    /// filter can add.
    FilterRuleEditor(QStringList folders, QList<FilterTagChoice> tags,
                     Confirm confirmServerDeletion, QWidget *parent = nullptr);

    void setRule(const filters::FilterRule &rule);
    /// The rule as the rows say now (enabled and hand-written text are the caller's).
    [[nodiscard]] filters::FilterRule rule() const;

    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *addConditionButton() const { return m_addCondition; }
    QPushButton *addActionButton() const { return m_addAction; }
    [[nodiscard]] QList<FilterConditionRow *> conditionRows() const { return m_conditions; }
    [[nodiscard]] QList<FilterActionRow *> actionRows() const { return m_actions; }
    FilterConditionRow *addCondition(const filters::FilterCondition &condition = {});
    FilterActionRow *addAction(const filters::FilterAction &action = {});

Q_SIGNALS:
    /// The name was edited (the list shows it).
    void nameChanged(const QString &name);

private:
    void removeRow(QWidget *row);

    QStringList m_folders;
    QList<FilterTagChoice> m_tags;
    Confirm m_confirm;
    QLineEdit *m_name;
    QRadioButton *m_all;
    QRadioButton *m_any;
    QVBoxLayout *m_conditionBox;
    QVBoxLayout *m_actionBox;
    QPushButton *m_addCondition;
    QPushButton *m_addAction;
    QList<FilterConditionRow *> m_conditions;
    QList<FilterActionRow *> m_actions;
};

/// One condition: what to look at (From, To or Cc, Subject, a header named here, the
/// size), how to compare, and with what.
class FilterConditionRow : public QWidget {
    Q_OBJECT

public:
    explicit FilterConditionRow(QWidget *parent = nullptr);
    void set(const filters::FilterCondition &condition);
    [[nodiscard]] filters::FilterCondition condition() const;

    QComboBox *field() const { return m_field; }
    QComboBox *match() const { return m_match; }
    QLineEdit *header() const { return m_header; }
    QLineEdit *value() const { return m_value; }
    QSpinBox *kilobytes() const { return m_kilobytes; }
    QPushButton *removeButton() const { return m_remove; }

private:
    void showFieldParts();

    QComboBox *m_field;
    QLineEdit *m_header;
    QComboBox *m_match;
    QLineEdit *m_value;
    QComboBox *m_sizeOver;
    QSpinBox *m_kilobytes;
    QPushButton *m_remove;
    std::optional<qint64> m_exactBytes; ///< a size not in whole KB, until it is edited
};

/// One action: what to do, and for Move To and Tag, where or which.
class FilterActionRow : public QWidget {
    Q_OBJECT

public:
    FilterActionRow(const QStringList &folders, const QList<FilterTagChoice> &tags,
                    QWidget *parent = nullptr);
    void set(const filters::FilterAction &action);
    [[nodiscard]] filters::FilterAction action() const;

    QComboBox *kind() const { return m_kind; }
    QComboBox *folder() const { return m_folder; }
    QComboBox *tag() const { return m_tag; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    /// The user chose another kind of action (`previous` was chosen before).
    void kindChosen(int previous);

private:
    void showKindParts();
    /// The tag a rule's keyword names (its keyword, else its name), or -1.
    [[nodiscard]] int tagIndex(const QString &keyword) const;

    QComboBox *m_kind;
    QComboBox *m_folder;
    QComboBox *m_tag;
    QList<std::pair<QString, QString>> m_tagNames; ///< each tag's stored and shown name
    QPushButton *m_remove;
    int m_shownKind = 0;
};

} // namespace poplar::ui
