// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportProfileDialog.h"

#include "CacheTask.h"
#include "Profile.h"
#include "accounts/AccountStore.h"
#include "store/MessageStore.h"
#include "sync/SyncController.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <mutex>

namespace poplar::ui {

namespace {

constexpr int kindRole = Qt::UserRole + 1;  ///< ItemKind
constexpr int indexRole = Qt::UserRole + 2; ///< index into the profile's accounts or folders
enum ItemKind { AccountItem = 1, FolderItem = 2 };

/// What the import thread reports and the dialog's timer reads: the dialog may be closed
/// while the import runs, so the import never calls into it.
struct ProgressBox {
    std::mutex mutex;
    importer::ImportProgress progress;
    bool fresh = false;
};

QString securityName(Security s)
{
    switch (s) {
    case Security::Tls:
        return ImportProfileDialog::tr("TLS");
    case Security::StartTls:
        return ImportProfileDialog::tr("STARTTLS");
    case Security::None:
        return ImportProfileDialog::tr("no encryption");
    }
    return {};
}

} // namespace

ImportProfileDialog::ImportProfileDialog(Services services, QString home, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_home(std::move(home))
{
    setWindowTitle(tr("Import From Another Program"));
    m_program = new QComboBox(this);
    m_program->addItem(QStringLiteral("Thunderbird"), int(importer::SourceProgram::Thunderbird));
    m_program->addItem(QStringLiteral("Claws Mail"), int(importer::SourceProgram::Claws));
    m_program->addItem(QStringLiteral("Sylpheed"), int(importer::SourceProgram::Sylpheed));
    m_program->addItem(QStringLiteral("Evolution"), int(importer::SourceProgram::Evolution));
    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr("Where the program keeps it"));
    m_path->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_look = new QPushButton(tr("&Look Again"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    pathRow->addWidget(m_look);
    auto *form = new QFormLayout;
    form->addRow(tr("&Program:"), m_program);
    form->addRow(tr("Profile &folder:"), pathRow);
    qobject_cast<QLabel *>(form->labelForField(pathRow))->setBuddy(m_path);

    m_found = new QLabel(this);
    m_found->setWordWrap(true);
    m_found->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Account or folder"), tr("Messages"), tr("Size")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setAccessibleName(tr("What was found"));
    auto *treeLabel = new QLabel(tr("&Tick what to import:"), this);
    treeLabel->setBuddy(m_tree);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(false);
    m_import->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_found);
    layout->addWidget(treeLabel);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(720, 560);

    connect(m_program, &QComboBox::currentIndexChanged, this, [this] {
        m_path->clear();
        lookForProfile();
    });
    connect(m_look, &QPushButton::clicked, this, &ImportProfileDialog::lookForProfile);
    connect(m_path, &QLineEdit::returnPressed, this, &ImportProfileDialog::lookForProfile);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("The Program's Profile Folder"),
            m_path->text().isEmpty() ? m_home : m_path->text(),
            QFileDialog::ShowDirsOnly | QFileDialog::DontUseNativeDialog);
        if (!dir.isEmpty()) {
            m_path->setText(dir);
            lookForProfile();
        }
    });
    connect(m_import, &QPushButton::clicked, this, &ImportProfileDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_busy && m_cancel) {
            m_cancel->store(true); // stopped between two messages; what is in stays
            m_status->setText(tr("Stopping…"));
            return;
        }
        reject();
    });
    QTimer::singleShot(0, this, &ImportProfileDialog::lookForProfile);
}

ImportProfileDialog::~ImportProfileDialog()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportProfileDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_program->setEnabled(!busy);
    m_path->setEnabled(!busy);
    m_browse->setEnabled(!busy);
    m_look->setEnabled(!busy);
    m_tree->setEnabled(!busy);
    m_import->setEnabled(!busy && m_profile.has_value());
    m_buttons->button(QDialogButtonBox::Close)->setText(busy ? tr("&Stop") : tr("&Close"));
}

void ImportProfileDialog::lookForProfile()
{
    if (m_busy)
        return;
    m_profile.reset();
    m_tree->clear();
    m_notes->clear();
    m_found->setText(tr("Looking…"));
    setBusy(true);
    const auto program = importer::SourceProgram(m_program->currentData().toInt());
    const QString path = m_path->text().trimmed();
    const QString home = m_home;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    auto result = std::make_shared<std::optional<Result<importer::FoundProfile>>>();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, result] {
        watcher->deleteLater();
        setBusy(false);
        if (!**result) {
            m_found->setText((*result)->error().message());
            m_import->setEnabled(false);
            Q_EMIT foundProfile(false);
            return;
        }
        m_profile = std::move(**result).value();
        showProfile();
        m_import->setEnabled(true);
        m_tree->setFocus(Qt::OtherFocusReason); // ticks are toggled with Space
        Q_EMIT foundProfile(true);
    });
    // Counting reads every mbox once: seconds for a big profile, so not on the GUI thread.
    watcher->setFuture(QtConcurrent::run([program, path, home, cancel, result] {
        auto found = importer::ProfileImporter::discover(program, path, home);
        if (found)
            importer::ProfileImporter::count(found.value(), cancel.get());
        result->emplace(std::move(found));
    }));
}

void ImportProfileDialog::showProfile()
{
    const importer::FoundProfile &p = *m_profile;
    QString found = tr("Found the %1 profile in %2.")
                        .arg(importer::programName(p.program), QDir::toNativeSeparators(p.path));
    if (p.inUse)
        found += QLatin1Char(' ') + tr("It is in use (the program may be running): it is only "
                                       "read; mail it receives from now on is not imported.");
    m_found->setText(found);
    m_tree->clear();
    const QLocale locale;
    if (!p.accounts.isEmpty()) {
        auto *accounts = new QTreeWidgetItem(m_tree, {tr("Accounts")});
        accounts->setFlags(Qt::ItemIsEnabled);
        for (int i = 0; i < p.accounts.size(); ++i) {
            const importer::FoundAccount &a = p.accounts.at(i);
            auto *item = new QTreeWidgetItem(
                accounts, {tr("%1 — %2@%3:%4, %5")
                               .arg(a.settings.name, a.settings.user, a.settings.host)
                               .arg(a.settings.port)
                               .arg(securityName(a.settings.security))});
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
            item->setData(0, kindRole, AccountItem);
            item->setData(0, indexRole, i);
            if (!a.downloaded.isEmpty())
                item->setToolTip(0, tr("%n message(s) it downloaded will not be fetched again.",
                                       nullptr, int(a.downloaded.size())));
        }
    }
    auto *folders = new QTreeWidgetItem(m_tree, {tr("Folders")});
    folders->setFlags(Qt::ItemIsEnabled);
    QHash<QString, QTreeWidgetItem *> byPath;
    for (int i = 0; i < p.folders.size(); ++i) {
        const importer::FoundFolder &f = p.folders.at(i);
        QTreeWidgetItem *parent = folders;
        const QStringList levels = f.destination.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QString path;
        for (int l = 0; l < levels.size(); ++l) {
            path = path.isEmpty() ? levels.at(l) : path + QLatin1Char('/') + levels.at(l);
            QTreeWidgetItem *&item = byPath[path];
            if (!item) {
                item = new QTreeWidgetItem(parent, {levels.at(l)});
                item->setFlags(Qt::ItemIsEnabled);
            }
            parent = item;
        }
        QTreeWidgetItem *item = parent;
        if (f.format == importer::FolderFormat::None)
            continue;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Checked);
        item->setData(0, kindRole, FolderItem);
        item->setData(0, indexRole, i);
        item->setText(1, f.messages < 0 ? tr("?") : locale.toString(f.messages));
        item->setText(2, locale.formattedDataSize(f.bytes));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (!f.inboxOf.isEmpty()) {
            item->setText(0, tr("%1 (into the account's Inbox)").arg(item->text(0)));
            item->setToolTip(0, tr("Goes into the account's Inbox"));
        } else
            item->setToolTip(0, tr("Goes into the local folder %1").arg(f.destination));
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(2);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    m_notes->setText(p.notes.join(QLatin1Char('\n')));
}

void ImportProfileDialog::applyTicks()
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const int kind = (*it)->data(0, kindRole).toInt();
        const int index = (*it)->data(0, indexRole).toInt();
        const bool ticked = (*it)->checkState(0) == Qt::Checked;
        if (kind == AccountItem)
            m_profile->accounts[index].wanted = ticked;
        else if (kind == FolderItem)
            m_profile->folders[index].wanted = ticked;
    }
}

void ImportProfileDialog::startImport()
{
    if (m_busy || !m_profile)
        return;
    applyTicks();
    setBusy(true);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_status->setText(tr("Importing…"));
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto box = std::make_shared<ProgressBox>();
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this, box] {
        std::lock_guard lock(box->mutex);
        if (box->fresh)
            showProgress(box->progress);
        box->fresh = false;
    });
    timer->start(200);
    runOnCache<importer::ProfileImportReport>(
        this, m_services.profile.cachePath(),
        [profile = *m_profile, iniPath = m_services.profile.iniPath(), cancel = m_cancel,
         box](QSqlDatabase db) {
            AccountStore accounts(iniPath);
            store::MessageStore store(std::move(db));
            importer::ProfileImporter importer(accounts, store);
            importer.setCancelFlag(cancel.get());
            importer.setProgressCallback([box](const importer::ImportProgress &p) {
                std::lock_guard lock(box->mutex);
                box->progress = p;
                box->fresh = true;
            });
            return importer.run(profile);
        },
        [this, timer](Result<importer::ProfileImportReport> report) {
            timer->deleteLater();
            finishImport(std::move(report));
        });
}

void ImportProfileDialog::showProgress(const importer::ImportProgress &p)
{
    if (p.bytesTotal > 0)
        m_progress->setValue(int(1000.0 * double(p.bytesDone) / double(p.bytesTotal)));
    m_status->setText(
        tr("Importing %1: %2 messages read so far").arg(p.folder, QLocale().toString(p.messages)));
}

void ImportProfileDialog::finishImport(Result<importer::ProfileImportReport> result)
{
    setBusy(false);
    m_progress->setValue(1000);
    // The sync thread indexes the new mail for search, as it does downloaded mail.
    m_services.sync.indexPending();
    if (!result) {
        const QString why = tr("The import failed: %1").arg(result.error().message());
        m_status->setText(why);
        Q_EMIT importFinished(false, why);
        return;
    }
    const importer::ProfileImportReport &r = result.value();
    int added = 0;
    for (const importer::AccountOutcome &a : r.accounts)
        added += a.added ? 1 : 0;
    QString summary = tr("Imported %1 messages; %2 were already here; %3 skipped.")
                          .arg(QLocale().toString(r.imported), QLocale().toString(r.duplicates),
                               QLocale().toString(r.skipped));
    if (added > 0)
        summary += QLatin1Char(' ') + tr("%n account(s) added: each asks for its password at "
                                         "its first check.",
                                         nullptr, added);
    if (r.cancelled)
        summary = tr("Stopped. %1").arg(summary);
    m_status->setText(summary);
    QStringList lines = r.warnings;
    lines += r.notes;
    m_notes->setText(lines.join(QLatin1Char('\n')));
    m_import->setEnabled(false); // done; Look Again to import more
    Q_EMIT importFinished(true, summary);
}

} // namespace poplar::ui
