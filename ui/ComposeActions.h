// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Services.h"

#include "mime/ReplyBuilder.h"

#include <QObject>

#include <functional>

class QAction;
class QTableView;
class QWidget;

namespace poplar::ui {

class ComposerWindow;
class MessageListModel;
class MessageWindow;

/// Writing mail from the reader, with the keys mail programs use: New Message (Ctrl+N),
/// Reply (Ctrl+R), Reply All (Ctrl+Shift+R), Forward (Ctrl+L) and Forward as Attachment, on
/// the message selected in the list (and so the one in the viewer), and the same in each
/// message window. A reply goes from the account the message came to when it can send, else
/// from the first account that can; without one, the user is told where to set one up.
/// Each opens a ComposerWindow. Drafts open again in one. GUI thread.
class ComposeActions : public QObject {
    Q_OBJECT

public:
    /// `services`, `list` and `model` must outlive this; `window` parents the composers.
    /// `sendNow` says whether a message goes at once (false while working offline).
    ComposeActions(Services services, QWidget *window, QTableView *list, MessageListModel *model,
                   std::function<bool()> sendNow);

    [[nodiscard]] QAction *newMessageAction() const { return m_newMessage; }
    [[nodiscard]] QAction *replyAction() const { return m_reply; }
    [[nodiscard]] QAction *replyAllAction() const { return m_replyAll; }
    [[nodiscard]] QAction *forwardAction() const { return m_forward; }
    [[nodiscard]] QAction *forwardAsAttachmentAction() const { return m_forwardAttached; }

    /// The selection changed: enables what applies.
    void updateActions();
    /// Gives a message window its own Reply, Reply All and Forward.
    void addTo(MessageWindow *window);
    /// Opens the composer on draft `id` of the cache.
    void editDraft(qint64 id);

    /// Opens a composer; returns it (it deletes itself when closed).
    ComposerWindow *compose(const QString &accountId, const mime::OutgoingMessage &message,
                            qint64 draftId = 0, bool focusText = false);
    /// Opens a composer answering (or forwarding) the message `raw` of account `accountId`
    /// (empty: a file), or says why it cannot; returns it.
    ComposerWindow *respond(const QByteArray &raw, const QString &accountId, mime::ReplyKind kind);

Q_SIGNALS:
    void failed(const QString &message);
    void notice(const QString &message);
    /// A composer put message `messageId` in the Outbox.
    void submitted(qint64 messageId, bool sendingNow);

private:
    void newMessage();
    void respondToSelected(mime::ReplyKind kind);
    [[nodiscard]] qint64 selectedId() const;
    /// Says no account can send, and where to set one up.
    void noSendingAccount();

    Services m_services;
    QWidget *m_window;
    QTableView *m_list;
    MessageListModel *m_model;
    std::function<bool()> m_sendNow;
    QAction *m_newMessage = nullptr;
    QAction *m_reply = nullptr;
    QAction *m_replyAll = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_forwardAttached = nullptr;
};

} // namespace poplar::ui
