// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageBuilder.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace poplar {
class AccountStore;
}
namespace poplar::smtp {
class OutboxController;
}

namespace poplar::ui {

class AddressCompleter;
class AttachmentList;
class DraftKeeper;

/// Writes one message, in a window of its own: the identity it goes from (one per account
/// that can send), To, Cc and Bcc (completed from the addresses in the cache), Subject,
/// attachments (added, dropped on the window, removed with Delete) and the plain text,
/// sent as format=flowed. Everything is reachable from the keyboard: Alt+letter for each
/// field, Tab and Shift+Tab through them (the text too), Ctrl+Return to send, Ctrl+Shift+A
/// to attach, Ctrl+S to save the draft, Ctrl+W to close. What is written is kept in Drafts a
/// few seconds after each change; Send puts it in the Outbox (the draft leaves Drafts in
/// the same step) and closes the window, and the sending thread sends it. Deletes itself
/// when closed. GUI thread.
class ComposerWindow : public QMainWindow {
    Q_OBJECT

public:
    /// Where a new window starts.
    struct Start {
        QString accountId;             ///< the identity chosen first
        mime::OutgoingMessage message; ///< the fields as they start (From is the account's)
        qint64 draftId = 0;            ///< a draft being written further (0: none)
        bool focusText = false;        ///< a reply starts in the text, anything else in To
    };

    /// `accounts` and `outbox` must outlive the window; `cachePath` is read (off this thread)
    /// for the address completions. `sendNow` says whether to send at once (false while
    /// working offline: the message waits in the Outbox).
    ComposerWindow(AccountStore &accounts, smtp::OutboxController &outbox, const QString &cachePath,
                   Start start, std::function<bool()> sendNow, QWidget *parent = nullptr);
    ~ComposerWindow() override;

    /// The message as it stands (From is the chosen identity's).
    [[nodiscard]] mime::OutgoingMessage message() const;
    /// The account the chosen identity belongs to.
    [[nodiscard]] QString accountId() const;

    [[nodiscard]] QComboBox *fromBox() const { return m_from; }
    [[nodiscard]] QLineEdit *toField() const { return m_to; }
    [[nodiscard]] QLineEdit *ccField() const { return m_cc; }
    [[nodiscard]] QLineEdit *bccField() const { return m_bcc; }
    [[nodiscard]] QLineEdit *subjectField() const { return m_subject; }
    [[nodiscard]] QPlainTextEdit *textEdit() const { return m_text; }
    [[nodiscard]] AttachmentList *attachmentList() const { return m_attachments; }
    [[nodiscard]] AddressCompleter *toCompleter() const { return m_toCompleter; }
    [[nodiscard]] QAction *sendAction() const { return m_sendAction; }
    [[nodiscard]] QAction *attachAction() const { return m_attachAction; }
    [[nodiscard]] QAction *saveDraftAction() const { return m_saveDraftAction; }
    [[nodiscard]] DraftKeeper *drafts() const { return m_drafts; }

    /// Words in a text that say something is attached ("attached", "enclosed", ...), in
    /// English and in the user's language; lines quoted (">") and the signature are not read.
    [[nodiscard]] static bool mentionsAttachment(const QString &text);

public Q_SLOTS:
    /// Checks the addresses (and asks when the text mentions an attachment there is not),
    /// then puts the message in the Outbox; the window closes once it is there.
    void send();
    /// Opens the file dialog and attaches what is chosen.
    void chooseAttachments();

Q_SIGNALS:
    /// Message `messageId` is in the Outbox; `sendingNow` unless working offline.
    void submitted(qint64 messageId, bool sendingNow);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createWidgets(const Start &start);
    void loadSuggestions();
    void edited();
    void updateTitle();
    void updateAttachmentsShown();
    void submit(qint64 draftId);
    /// Ends the window once the draft is settled: `keep` saves what stands as the draft,
    /// else the draft is deleted.
    void finish(bool keep);
    /// The problem with the address fields, in words; empty when there is none.
    [[nodiscard]] QString addressProblem() const;
    void warn(const QString &text);

    AccountStore &m_accounts;
    smtp::OutboxController &m_outbox;
    QString m_cachePath;
    std::function<bool()> m_sendNow;
    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QLabel *m_attachmentsLabel = nullptr;
    AttachmentList *m_attachments = nullptr;
    QPlainTextEdit *m_text = nullptr;
    AddressCompleter *m_toCompleter = nullptr;
    AddressCompleter *m_ccCompleter = nullptr;
    AddressCompleter *m_bccCompleter = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_saveDraftAction = nullptr;
    QAction *m_closeAction = nullptr;
    DraftKeeper *m_drafts = nullptr;
    mime::OutgoingMessage m_start; ///< what the fields do not show (threading, reply-to)
    quint64 m_submitRequest = 0;
    bool m_touched = false; ///< the user changed something
    bool m_busy = false;    ///< sending or closing: the fields are no longer the user's
    bool m_done = false;    ///< closes without asking
};

} // namespace poplar::ui
