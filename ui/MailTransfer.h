// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"
#include "store/MailboxReader.h"
#include "store/MessageSummary.h"

#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace poplar::ui {

class MessageListModel;

/// File ▸ Import and Export: an mbox or a Maildir into a local folder, the selected message
/// to an .eml file (its raw bytes, exactly as `poplarctl export` gives them), the folder
/// shown to an mbox. The actions ask for a file, then call the methods below, which do the
/// work on a pool thread with a cache connection of their own. GUI thread.
class MailTransfer : public QObject {
    Q_OBJECT

public:
    /// `services` and `model` must outlive this; `dialogParent` parents the file dialogs.
    MailTransfer(Services services, MessageListModel *model, QWidget *dialogParent);

    [[nodiscard]] QAction *importMboxAction() const { return m_importMbox; }
    [[nodiscard]] QAction *importMaildirAction() const { return m_importMaildir; }
    [[nodiscard]] QAction *saveAsAction() const { return m_saveAs; }
    [[nodiscard]] QAction *exportFolderAction() const { return m_exportFolder; }

    /// What Save As works on (0: nothing); the caller follows the selection.
    void setCurrentMessage(qint64 id, const QString &subject);

    void importMailbox(store::MailboxReader::Format format, const QString &path,
                       const QString &folder);
    void saveMessage(qint64 id, const QString &path);
    void exportFolder(const QList<qint64> &ids, const QString &path);
    /// Imports, saves or exports still running.
    [[nodiscard]] int running() const { return m_running; }

Q_SIGNALS:
    /// `count` messages went into local folder `folder` (it may be new to the folder tree).
    void imported(const QString &folder, int count);
    /// One line for the status bar.
    void notice(const QString &message);
    void failed(const QString &message);

private:
    void askImport(store::MailboxReader::Format format);
    void askSaveAs();
    void askExportFolder();
    void taskDone();
    void folderChanged();
    [[nodiscard]] QString folderName() const;

    Services m_services;
    MessageListModel *m_model;
    QWidget *m_dialogParent;
    QAction *m_importMbox = nullptr;
    QAction *m_importMaildir = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_exportFolder = nullptr;
    qint64 m_messageId = 0;
    QString m_subject;
    int m_running = 0;
};

} // namespace poplar::ui
