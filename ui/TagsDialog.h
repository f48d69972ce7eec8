// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/TagStore.h"

#include <QDialog>
#include <QList>
#include <QSqlDatabase>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace poplar::ui {

class CacheChangeQueue;

/// Edit Tags, as Thunderbird's Settings ▸ Tags and KMail's tag settings: the tags in their
/// order (keys 1-5 reach the first five) with colour swatches; add one by name, rename in
/// place (F2, a double click, or Rename), change its colour, move it up or down, delete it
/// (asking first when messages carry it, and saying how many). Every change is saved at
/// once (TagStore) and tagsChanged() says so; a name that cannot be used is refused with
/// the reason above the buttons. Sub-dialogs open window-modal, without a nested event
/// loop. A deletion that runs on the change queue's worker reports when it is done, even
/// after the dialog was closed: keep the dialog (TagActions does) rather than delete it on
/// close. GUI thread.
class TagsDialog : public QDialog {
    Q_OBJECT

public:
    /// `db`: the GUI thread's connection; `changes`: where deleting a tag runs (it may
    /// take the tag off very many messages), nullptr to run it on `db`. Both must outlive
    /// the dialog.
    TagsDialog(QSqlDatabase db, CacheChangeQueue *changes, QWidget *parent = nullptr);

    /// Reads the tags again (a sync or poplarctl may have added some meanwhile).
    void refresh();

    [[nodiscard]] QListWidget *tagList() const { return m_list; }
    [[nodiscard]] QLineEdit *newName() const { return m_newName; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }
    [[nodiscard]] QPushButton *renameButton() const { return m_rename; }
    [[nodiscard]] QPushButton *colourButton() const { return m_colour; }
    [[nodiscard]] QPushButton *upButton() const { return m_up; }
    [[nodiscard]] QPushButton *downButton() const { return m_down; }
    [[nodiscard]] QPushButton *deleteButton() const { return m_delete; }
    /// Why the last change was refused; hidden when it was not.
    [[nodiscard]] QLabel *problem() const { return m_problem; }

Q_SIGNALS:
    /// A tag was added, renamed, recoloured, moved or deleted.
    void tagsChanged();

private:
    void reload(qint64 selectId);
    void addTag();
    void renamed(QListWidgetItem *item);
    void chooseColour();
    void move(int steps);
    void deleteTag();
    void removeTag(qint64 tagId, qint64 messages);
    void updateButtons();
    void showProblem(const QString &text);
    /// What a change did: the list again (the tag `selectId` chosen), or the reason.
    void changed(const Status &status, qint64 selectId);
    [[nodiscard]] const store::Tag *selectedTag() const;
    [[nodiscard]] QString unusedColour() const;

    QSqlDatabase m_db;
    CacheChangeQueue *m_changes;
    QList<store::Tag> m_tags;
    bool m_filling = false; ///< the list is being filled: its changes are not the user's
    QListWidget *m_list;
    QLineEdit *m_newName;
    QPushButton *m_add;
    QPushButton *m_rename;
    QPushButton *m_colour;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_delete;
    QLabel *m_problem;
};

} // namespace poplar::ui
