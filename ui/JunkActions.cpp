// SPDX-License-Identifier: GPL-3.0-or-later
#include "JunkActions.h"

#include "CacheTask.h"
#include "MessageListModel.h"

#include "filters/JunkVerdict.h"
#include "junk/JunkTraining.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QSet>
#include <QTableView>

namespace poplar::ui {

JunkActions::JunkActions(QTableView *list, MessageListModel *model, QString cachePath,
                         QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_model(model)
    , m_cachePath(std::move(cachePath))
    , m_junk(new QAction(QIcon::fromTheme(QStringLiteral("mail-mark-junk")), tr("Mark as &Junk"),
                         this))
    , m_notJunk(new QAction(QIcon::fromTheme(QStringLiteral("mail-mark-notjunk")),
                            tr("Mark as N&ot Junk"), this))
{
    m_junk->setObjectName(QStringLiteral("markJunkAction"));
    m_junk->setToolTip(tr("Move the selected messages to Junk and teach Poplar's junk filter "
                          "that they are junk (J)"));
    m_notJunk->setObjectName(QStringLiteral("markNotJunkAction"));
    m_notJunk->setToolTip(tr("Move the selected messages back to the Inbox and teach Poplar's "
                             "junk filter that they are not junk (Shift+J)"));
    // Letters would swallow typing anywhere else (the search box): list only, as the tag keys.
    m_junk->setShortcut(QKeySequence(Qt::Key_J));
    m_notJunk->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_J));
    for (QAction *action : {m_junk, m_notJunk}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_list->addAction(action);
    }
    connect(m_junk, &QAction::triggered, this, [this] { markSelected(true); });
    connect(m_notJunk, &QAction::triggered, this, [this] { markSelected(false); });
    updateActions();
}

void JunkActions::updateActions()
{
    const bool any = m_list->selectionModel() && m_list->selectionModel()->hasSelection();
    m_junk->setEnabled(any);
    m_notJunk->setEnabled(any);
}

void JunkActions::markSelected(bool junk)
{
    const QList<qint64> ids = m_model->idsIn(m_list->selectionModel()->selection());
    if (ids.isEmpty())
        return;
    // The rows leave the folder shown at once when they are leaving it.
    const bool showsJunk = m_model->localFolder() == filters::JunkVerdict::folderName();
    if (junk != showsJunk && m_model->folder() == store::Folder::Inbox)
        m_model->removeMessages(QSet<qint64>(ids.cbegin(), ids.cend()));
    ++m_running;
    const QString dir = junk::JunkClassifier::wordListDirFor(m_cachePath);
    runOnCache<junk::TrainingOutcome>(
        this, m_cachePath,
        [ids, junk, dir](QSqlDatabase db) {
            const junk::JunkClassifier classifier(dir);
            return junk::JunkTraining(db, classifier).mark(ids, junk);
        },
        [this, junk](Result<junk::TrainingOutcome> outcome) {
            --m_running;
            if (!outcome) {
                Q_EMIT failed(outcome.error().message());
                m_model->reload();
                return;
            }
            const junk::TrainingOutcome &done = outcome.value();
            m_model->rereadChanged();
            m_model->recountUnread();
            Q_EMIT marked();
            if (done.trainingError) {
                Q_EMIT failed(tr("Marked, but Poplar's junk filter could not learn from these "
                                 "messages: %1")
                                  .arg(done.trainingError->message()));
                return;
            }
            const qsizetype n = done.marked.size();
            if (n == 0)
                Q_EMIT notice(tr("Only received mail can be marked as junk."));
            else if (junk)
                Q_EMIT notice(n == 1 ? tr("Marked 1 message as junk; the junk filter learned it.")
                                     : tr("Marked %1 messages as junk; the junk filter learned "
                                          "them.")
                                           .arg(n));
            else
                Q_EMIT notice(n == 1 ? tr("Marked 1 message as not junk; the junk filter "
                                          "learned it.")
                                     : tr("Marked %1 messages as not junk; the junk filter "
                                          "learned them.")
                                           .arg(n));
        });
}

} // namespace poplar::ui
