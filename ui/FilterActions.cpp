// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterActions.h"

#include "CacheChangeQueue.h"
#include "FilterDialog.h"
#include "FilterRunDialog.h"
#include "MessageListModel.h"
#include "Profile.h"
#include "accounts/AccountStore.h"
#include "filters/FilterFile.h"
#include "filters/FilterRun.h"
#include "store/MessageStore.h"
#include "store/TagStore.h"

#include <QAction>
#include <QWidget>

#include <memory>

namespace poplar::ui {

FilterActions::FilterActions(Services services, CacheChangeQueue *changes, MessageListModel *model,
                             QWidget *window)
    : QObject(window)
    , m_services(services)
    , m_changes(changes)
    , m_model(model)
    , m_window(window)
    , m_edit(new QAction(tr("Message Filter&s…"), this))
    , m_run(new QAction(tr("&Run Filters Now"), this))
{
    m_edit->setObjectName(QStringLiteral("editFiltersAction"));
    m_run->setObjectName(QStringLiteral("runFiltersAction"));
    m_run->setToolTip(tr("Apply the filters to the folder shown, after showing what they "
                         "would do"));
    connect(m_edit, &QAction::triggered, this, &FilterActions::openFilters);
    connect(m_run, &QAction::triggered, this, &FilterActions::runFilters);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FilterActions::updateEnabled);
    updateEnabled();
}

FilterDialog *FilterActions::filterDialog() const
{
    return m_dialog;
}

FilterRunDialog *FilterActions::runDialog() const
{
    return m_runDialog;
}

void FilterActions::updateEnabled()
{
    // Filters sort mail from the accounts (a rule's folder is an account's); mail imported
    // from files belongs to none, and a run there would only say that nothing matched.
    const bool accountMail =
        m_model->hasFolder() && m_model->accountId() != store::MessageStore::localAccountId();
    m_run->setEnabled(accountMail);
    m_run->setStatusTip(accountMail ? QString()
                                    : tr("Filters sort the mail of your accounts; mail imported "
                                         "from files stays where it is."));
}

QString FilterActions::shownFolderName() const
{
    if (m_model->isUnifiedInbox())
        return tr("the Unified Inbox");
    if (!m_model->localFolder().isEmpty())
        return m_model->localFolder();
    const QString account = m_services.accounts.account(m_model->accountId())
                                ? m_services.accounts.account(m_model->accountId())->name
                                : QString();
    const QString folder = m_model->folder() == store::Folder::Trash ? tr("Trash") : tr("Inbox");
    return account.isEmpty() ? folder : tr("%1 of %2").arg(folder, account);
}

void FilterActions::openFilters()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    // Where a rule can move mail: the folders filters filed mail into, and imported mail's.
    QStringList folders;
    auto addFolders = [&folders](const Result<QStringList> &names) {
        if (!names)
            return;
        for (const QString &n : names.value()) {
            if (!folders.contains(n))
                folders.append(n);
        }
    };
    for (const Account &a : m_services.accounts.accounts())
        addFolders(m_services.messages.localFolders(a.id));
    addFolders(m_services.messages.localFolders());
    folders.sort(Qt::CaseInsensitive);
    QList<FilterTagChoice> tags;
    if (auto all = store::TagStore(m_services.messages.database()).tags()) {
        // Every tag: a rule names it by its keyword (one word, RFC 5232), "To Do" too.
        for (const store::Tag &t : all.value())
            tags.append({t.keyword, t.name, t.displayName()});
    }
    m_dialog = new FilterDialog(m_services.profile.filtersPath(), folders, tags, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this] {
        Q_EMIT filtersSaved();
        Q_EMIT notice(tr("The filters were saved; they apply to mail from the next sync on."));
    });
    m_dialog->open();
}

void FilterActions::runFilters()
{
    if (!m_run->isEnabled())
        return;
    const filters::LoadedFilters loaded =
        filters::FilterFile::load(m_services.profile.filtersPath());
    if (!loaded.present) {
        Q_EMIT notice(tr("There are no filters yet: Edit ▸ Message Filters… makes them."));
        return;
    }
    if (loaded.error) {
        Q_EMIT failed(loaded.errorText());
        return;
    }
    const QString accountId = m_model->isUnifiedInbox() ? QString() : m_model->accountId();
    const store::Folder folder =
        m_model->isUnifiedInbox() ? store::Folder::Inbox : m_model->folder();
    const QString local = m_model->localFolder();
    const QString folderName = shownFolderName();
    // Read here: the account settings live on the GUI thread.
    const QSet<QString> keepingMail =
        filters::FilterRun::accountsKeepingMail(m_services.accounts.accounts());
    auto planned =
        std::make_shared<Result<QList<filters::FilterMove>>>(QList<filters::FilterMove>{});
    m_changes->run(
        tr("Running the filters on %1").arg(folderName), 0,
        [planned, rules = loaded.rules, accountId, folder, local,
         keepingMail](sync::BulkActions &actions) {
            const store::MessageStore cache(actions.database());
            auto rows = local.isEmpty() ? cache.messages(folder, accountId)
                                        : cache.localFolder(local, accountId);
            sync::BulkOutcome outcome;
            if (!rows) {
                outcome.error = rows.error();
                return outcome;
            }
            QList<store::MessageSummary> shown;
            for (const store::MessageSummary &m : rows.value()) {
                // An account's Inbox holds its filed mail too; the folder shown does not.
                if (local.isEmpty() && folder == store::Folder::Inbox && !m.localFolder.isEmpty())
                    continue;
                shown.append(m);
            }
            *planned = filters::FilterRun::plan(cache, *rules, shown, keepingMail);
            if (!*planned)
                outcome.error = planned->error();
            return outcome;
        },
        this,
        [this, planned, folderName](const sync::BulkOutcome &outcome) {
            if (!outcome.ok()) {
                Q_EMIT failed(outcome.error->message());
                return;
            }
            if (m_runDialog)
                m_runDialog->close();
            m_runDialog = new FilterRunDialog(folderName, planned->value(), m_window);
            m_runDialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(m_runDialog, &FilterRunDialog::applyRequested, this, &FilterActions::apply);
            m_runDialog->open();
        });
}

void FilterActions::apply()
{
    if (!m_runDialog)
        return;
    const QList<filters::FilterMove> moves = m_runDialog->moves();
    QPointer<FilterRunDialog> dialog = m_runDialog;
    auto queued = std::make_shared<qsizetype>(0);
    m_changes->run(
        tr("Filing messages"), moves.size(),
        [moves, queued](sync::BulkActions &actions) {
            store::MessageStore cache(actions.database());
            sync::BulkOutcome outcome;
            // One transaction: all of the moves and server deletions or none.
            auto applied = filters::FilterRun::apply(cache, moves);
            if (!applied) {
                outcome.error = applied.error();
                return outcome;
            }
            *queued = applied.value();
            for (const filters::FilterMove &move : moves)
                outcome.changed.append(move.message.id);
            outcome.count = moves.size();
            return outcome;
        },
        this,
        [this, dialog, queued](const sync::BulkOutcome &outcome) {
            if (dialog)
                dialog->showApplied(outcome.count, *queued,
                                    outcome.ok() ? QString() : outcome.error->message());
            if (outcome.ok() && outcome.count > 0) {
                m_model->reload();
                Q_EMIT messagesFiled();
            }
        });
}

} // namespace poplar::ui
