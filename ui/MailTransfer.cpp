// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailTransfer.h"

#include "CacheTask.h"
#include "MessageListModel.h"
#include "SaveLocation.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "store/MboxWriter.h"
#include "store/MessageStore.h"
#include "sync/MailImporter.h"
#include "sync/SyncController.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QSaveFile>
#include <QWidget>

namespace poplar::ui {

using store::MailboxReader;

MailTransfer::MailTransfer(Services services, MessageListModel *model, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_services(services)
    , m_model(model)
    , m_dialogParent(dialogParent)
{
    m_importMbox = new QAction(tr("Import &mbox File…"), this);
    m_importMbox->setObjectName(QStringLiteral("importMboxAction"));
    m_importMbox->setToolTip(tr("Copy the messages of an mbox file into a local folder"));
    connect(m_importMbox, &QAction::triggered, this,
            [this] { askImport(MailboxReader::Format::Mbox); });

    m_importMaildir = new QAction(tr("Import Mail&dir…"), this);
    m_importMaildir->setObjectName(QStringLiteral("importMaildirAction"));
    m_importMaildir->setToolTip(tr("Copy the messages of a Maildir into a local folder"));
    connect(m_importMaildir, &QAction::triggered, this,
            [this] { askImport(MailboxReader::Format::Maildir); });

    m_saveAs = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")),
                           tr("&Save Message As…"), this);
    m_saveAs->setObjectName(QStringLiteral("saveAsAction"));
    m_saveAs->setShortcut(QKeySequence::Save);
    m_saveAs->setToolTip(tr("Save the message as an .eml file, byte for byte as received"));
    m_saveAs->setEnabled(false);
    connect(m_saveAs, &QAction::triggered, this, &MailTransfer::askSaveAs);

    m_exportFolder = new QAction(tr("&Export Folder as mbox…"), this);
    m_exportFolder->setObjectName(QStringLiteral("exportFolderAction"));
    m_exportFolder->setToolTip(tr("Write every message of the folder shown to an mbox file"));
    m_exportFolder->setEnabled(false);
    connect(m_exportFolder, &QAction::triggered, this, &MailTransfer::askExportFolder);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &MailTransfer::folderChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MailTransfer::folderChanged);
}

void MailTransfer::folderChanged()
{
    m_exportFolder->setEnabled(!m_model->folderMessages().isEmpty());
}

QString MailTransfer::folderName() const
{
    if (!m_model->localFolder().isEmpty())
        return m_model->localFolder();
    if (m_model->isUnifiedInbox())
        return tr("Unified Inbox");
    const std::optional<Account> account = m_services.accounts.account(m_model->accountId());
    const QString folder = m_model->folder() == store::Folder::Trash ? tr("Trash") : tr("Inbox");
    return account ? tr("%1 %2").arg(account->name, folder) : folder;
}

void MailTransfer::setCurrentMessage(qint64 id, const QString &subject)
{
    m_messageId = id;
    m_subject = subject;
    m_saveAs->setEnabled(id > 0);
}

void MailTransfer::askImport(MailboxReader::Format format)
{
    const bool mbox = format == MailboxReader::Format::Mbox;
    const QString path =
        mbox
            ? QFileDialog::getOpenFileName(m_dialogParent, tr("Import mbox File"), QDir::homePath(),
                                           tr("mbox files (*.mbox *.mbx);;All files (*)"))
            : QFileDialog::getExistingDirectory(m_dialogParent, tr("Import Maildir"),
                                                QDir::homePath());
    if (path.isEmpty())
        return;
    importMailbox(format, path, MailboxReader::defaultFolderName(format, path));
}

void MailTransfer::askSaveAs()
{
    if (m_messageId <= 0)
        return;
    const QString suggested = suggestedSavePath(m_subject, tr("message"), QStringLiteral(".eml"));
    const QString path =
        QFileDialog::getSaveFileName(m_dialogParent, tr("Save Message As"), suggested,
                                     tr("E-mail messages (*.eml);;All files (*)"));
    if (!path.isEmpty())
        saveMessage(m_messageId, path);
}

void MailTransfer::askExportFolder()
{
    const QList<qint64> ids = m_model->folderMessages();
    if (ids.isEmpty())
        return;
    const QString suggested =
        suggestedSavePath(folderName(), tr("messages"), QStringLiteral(".mbox"));
    const QString path =
        QFileDialog::getSaveFileName(m_dialogParent, tr("Export Folder as mbox"), suggested,
                                     tr("mbox files (*.mbox);;All files (*)"));
    if (!path.isEmpty())
        exportFolder(ids, path);
}

void MailTransfer::importMailbox(MailboxReader::Format format, const QString &path,
                                 const QString &folder)
{
    ++m_running;
    Q_EMIT notice(tr("Importing %1…").arg(QDir::toNativeSeparators(path)));
    runOnCache<sync::ImportResult>(
        this, m_services.profile.cachePath(),
        [format, path, folder](QSqlDatabase db) {
            store::MessageStore store(std::move(db));
            return sync::MailImporter(store).importMailbox(format, path, folder);
        },
        [this, folder](Result<sync::ImportResult> result) {
            taskDone();
            if (!result) {
                Q_EMIT failed(tr("Import failed: %1").arg(result.error().message()));
                return;
            }
            const sync::ImportResult &r = result.value();
            // The sync thread indexes them for search, as it does downloaded mail.
            m_services.sync.indexPending();
            QString line = r.imported == 1
                               ? tr("Imported 1 message into %1").arg(folder)
                               : tr("Imported %1 messages into %2").arg(r.imported).arg(folder);
            if (r.duplicates > 0)
                line += tr("; %1 already there").arg(r.duplicates);
            if (r.skipped > 0)
                line += tr("; %1 skipped").arg(r.skipped);
            Q_EMIT notice(line + QLatin1Char('.'));
            Q_EMIT imported(folder, r.imported);
        });
}

void MailTransfer::saveMessage(qint64 id, const QString &path)
{
    ++m_running;
    runOnCache<qint64>(
        this, m_services.profile.cachePath(),
        [id, path](QSqlDatabase db) -> Result<qint64> {
            auto raw = store::MessageStore(std::move(db)).raw(id);
            if (!raw)
                return raw.error();
            // The raw bytes as stored, nothing converted: what `poplarctl export` writes.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(raw.value()) != raw.value().size() ||
                !file.commit())
                return Error{Error::Code::Storage,
                             MailTransfer::tr("Cannot write %1: %2")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()),
                             {}};
            return qint64(raw.value().size());
        },
        [this, path](Result<qint64> written) {
            taskDone();
            if (!written) {
                Q_EMIT failed(written.error().message());
                return;
            }
            Q_EMIT notice(tr("Saved the message to %1.").arg(QDir::toNativeSeparators(path)));
        });
}

void MailTransfer::exportFolder(const QList<qint64> &ids, const QString &path)
{
    ++m_running;
    runOnCache<int>(
        this, m_services.profile.cachePath(),
        [ids, path](QSqlDatabase db) -> Result<int> {
            store::MessageStore store(std::move(db));
            // Oldest first, as mail programs append to an mbox. The list holds only ids (it
            // reads summaries as rows are shown): the dates are read here, off the GUI thread.
            QList<std::pair<qint64, QDateTime>> order;
            {
                auto summaries = store.summaries(ids);
                if (!summaries)
                    return summaries.error();
                order.reserve(summaries.value().size());
                for (const store::MessageSummary &m : std::as_const(summaries.value()))
                    order.append({m.id, m.date});
            } // only the dates are kept
            std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) {
                if (a.second.isValid() != b.second.isValid())
                    return !a.second.isValid();
                return a.second != b.second ? a.second < b.second : a.first < b.first;
            });
            store::MboxWriter writer(path);
            if (Status s = writer.open(); !s)
                return s.error();
            for (const auto &[id, date] : order) {
                auto raw = store.raw(id);
                if (!raw)
                    return raw.error();
                if (Status s = writer.write(raw.value(), date); !s)
                    return s.error();
            }
            if (Status s = writer.commit(); !s)
                return s.error();
            return int(order.size());
        },
        [this, path](Result<int> written) {
            taskDone();
            if (!written) {
                Q_EMIT failed(written.error().message());
                return;
            }
            const QString where = QDir::toNativeSeparators(path);
            Q_EMIT notice(written.value() == 1
                              ? tr("Exported 1 message to %1.").arg(where)
                              : tr("Exported %1 messages to %2.").arg(written.value()).arg(where));
        });
}

void MailTransfer::taskDone()
{
    --m_running;
}

} // namespace poplar::ui
