// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"
#include "importer/FoundProfile.h"
#include "importer/ProfileImporter.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace poplar::ui {

/// File ▸ Import From Another Program…: finds a Thunderbird, Claws Mail, Sylpheed or Evolution profile
/// (where the program keeps it, or a folder the user picks), shows what it holds (POP3
/// accounts; folders, nested, with their message counts and sizes), and imports what the
/// user leaves ticked. Looking and importing run on a pool thread (the importer has a cache
/// connection of its own there); the dialog shows progress and can stop. GUI thread.
class ImportProfileDialog : public QDialog {
    Q_OBJECT

public:
    /// `home`: where to look for profiles (the user's home directory; tests give another).
    ImportProfileDialog(Services services, QString home, QWidget *parent = nullptr);
    ~ImportProfileDialog() override;

    /// Looks for the chosen program's profile (off the GUI thread); foundProfile() follows.
    void lookForProfile();
    /// Imports what is ticked (off the GUI thread); importFinished() follows.
    void startImport();
    [[nodiscard]] QTreeWidget *contents() const { return m_tree; }
    [[nodiscard]] bool busy() const { return m_busy; }

Q_SIGNALS:
    /// The profile was read (or could not be: `ok` false); the tree shows it.
    void foundProfile(bool ok);
    /// The import ended; `summary` is what the dialog shows. Accounts and folders may be new.
    void importFinished(bool ok, const QString &summary);

private:
    void showProfile();
    void applyTicks();
    void setBusy(bool busy);
    void showProgress(const importer::ImportProgress &progress);
    void finishImport(Result<importer::ProfileImportReport> report);

    Services m_services;
    QString m_home;
    QComboBox *m_program = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_look = nullptr;
    QLabel *m_found = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_notes = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_import = nullptr;
    std::optional<importer::FoundProfile> m_profile;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_busy = false;
};

} // namespace poplar::ui
