// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace poplar::ui {

class CacheChangeQueue;
class FilterDialog;
class FilterRunDialog;
class MessageListModel;

/// The window's side of filters: Edit ▸ Message Filters… (FilterDialog) and Run Filters Now
/// on the folder shown (Message menu and the folder list's context menu). The run is planned
/// and carried out on the cache change queue's worker, in order with the user's other
/// changes, so the GUI thread never waits on it; the dry run's dialog shows what would
/// change in between. GUI thread.
class FilterActions : public QObject {
    Q_OBJECT

public:
    /// `changes`, `model` and `window` must outlive this object.
    FilterActions(Services services, CacheChangeQueue *changes, MessageListModel *model,
                  QWidget *window);

    [[nodiscard]] QAction *editFiltersAction() const { return m_edit; }
    [[nodiscard]] QAction *runFiltersAction() const { return m_run; }
    /// The dialogs open now (null when closed), for tests.
    [[nodiscard]] FilterDialog *filterDialog() const;
    [[nodiscard]] FilterRunDialog *runDialog() const;

    void openFilters();
    /// Plans a run on the folder shown; the dry run's dialog opens when it is planned.
    void runFilters();

Q_SIGNALS:
    /// filters.sieve was saved from the dialog.
    void filtersSaved();
    /// A run changed messages: the folders and the list are read again.
    void messagesFiled();
    void failed(const QString &message);
    void notice(const QString &message);

private:
    void apply();
    void updateEnabled();
    [[nodiscard]] QString shownFolderName() const;

    Services m_services;
    CacheChangeQueue *m_changes;
    MessageListModel *m_model;
    QWidget *m_window;
    QAction *m_edit;
    QAction *m_run;
    QPointer<FilterDialog> m_dialog;
    QPointer<FilterRunDialog> m_runDialog;
};

} // namespace poplar::ui
