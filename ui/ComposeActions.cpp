// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComposeActions.h"

#include "ComposerWindow.h"
#include "MessageListModel.h"
#include "MessageWindow.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "mime/DraftReader.h"
#include "smtp/Identities.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>
#include <QToolBar>

namespace poplar::ui {

using mime::ReplyKind;

ComposeActions::ComposeActions(Services services, QWidget *window, QTableView *list,
                               MessageListModel *model, std::function<bool()> sendNow)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_list(list)
    , m_model(model)
    , m_sendNow(std::move(sendNow))
{
    auto make = [this](const QString &text, const char *name, const char *icon,
                       const QKeySequence &key, const QString &tip) {
        auto *a = new QAction(QIcon::fromTheme(QLatin1String(icon)), text, this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setToolTip(tip);
        return a;
    };
    m_newMessage = make(tr("&New Message"), "newMessageAction", "mail-message-new",
                        QKeySequence(Qt::CTRL | Qt::Key_N), tr("Write a new message (Ctrl+N)"));
    m_reply = make(tr("&Reply"), "replyAction", "mail-reply-sender",
                   QKeySequence(Qt::CTRL | Qt::Key_R), tr("Reply to the sender (Ctrl+R)"));
    m_replyAll = make(tr("Reply &All"), "replyAllAction", "mail-reply-all",
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                      tr("Reply to everyone (Ctrl+Shift+R)"));
    m_forward = make(tr("&Forward"), "forwardAction", "mail-forward",
                     QKeySequence(Qt::CTRL | Qt::Key_L), tr("Forward the message (Ctrl+L)"));
    m_forwardAttached = make(tr("Forward as A&ttachment"), "forwardAsAttachmentAction",
                             "mail-forward", {}, tr("Forward the message as it is, attached"));
    connect(m_newMessage, &QAction::triggered, this, &ComposeActions::newMessage);
    connect(m_reply, &QAction::triggered, this, [this] { respondToSelected(ReplyKind::Reply); });
    connect(m_replyAll, &QAction::triggered, this,
            [this] { respondToSelected(ReplyKind::ReplyAll); });
    connect(m_forward, &QAction::triggered, this,
            [this] { respondToSelected(ReplyKind::ForwardInline); });
    connect(m_forwardAttached, &QAction::triggered, this,
            [this] { respondToSelected(ReplyKind::ForwardAsAttachment); });
    updateActions();
}

qint64 ComposeActions::selectedId() const
{
    // Not selectedRows(): it asks the model about every column of every selected row, and
    // Ctrl+A over 100,000 messages kept the window from answering for 60 ms each time.
    return m_model->onlyIdIn(m_list->selectionModel()->selection());
}

void ComposeActions::updateActions()
{
    const bool one = selectedId() > 0;
    for (QAction *a : {m_reply, m_replyAll, m_forward, m_forwardAttached})
        a->setEnabled(one);
}

void ComposeActions::noSendingAccount()
{
    Q_EMIT failed(tr("No account can send mail yet: give one an outgoing server in Settings "
                     "(Edit Account ▸ Sending)"));
}

void ComposeActions::newMessage()
{
    const QList<Account> accounts = m_services.accounts.accounts();
    const QString current = m_model->accountId();
    const auto account = smtp::sendingAccountFor(current, accounts);
    if (!account)
        return noSendingAccount();
    compose(account->id, smtp::newMessageFrom(*account));
}

void ComposeActions::respondToSelected(ReplyKind kind)
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    auto summary = m_services.messages.message(id);
    if (!summary)
        return Q_EMIT failed(summary.error().message());
    if (summary.value().partial) {
        Q_EMIT failed(tr("Only the headers of this message are here: download the rest first"));
        return;
    }
    auto raw = m_services.messages.raw(id);
    if (!raw)
        return Q_EMIT failed(raw.error().message());
    respond(raw.value(), summary.value().accountId, kind);
}

ComposerWindow *ComposeActions::respond(const QByteArray &raw, const QString &accountId,
                                        ReplyKind kind)
{
    const QList<Account> accounts = m_services.accounts.accounts();
    const auto account = smtp::sendingAccountFor(accountId, accounts);
    if (!account) {
        noSendingAccount();
        return nullptr;
    }
    const mime::OutgoingMessage message =
        mime::ReplyBuilder::make(raw, kind, smtp::responderFor(*account, accounts), QString());
    const bool reply = kind == ReplyKind::Reply || kind == ReplyKind::ReplyAll;
    return compose(account->id, message, 0, reply);
}

ComposerWindow *ComposeActions::compose(const QString &accountId,
                                        const mime::OutgoingMessage &message, qint64 draftId,
                                        bool focusText)
{
    auto *composer =
        new ComposerWindow(m_services.accounts, m_services.outbox, m_services.profile.cachePath(),
                           {accountId, message, draftId, focusText}, m_sendNow, m_window);
    connect(composer, &ComposerWindow::submitted, this, &ComposeActions::submitted);
    composer->show();
    // The keyboard goes to the new window: typing starts where it opened. Asked once the
    // window system has it shown (the trigger's window would otherwise keep the focus).
    QMetaObject::invokeMethod(
        composer,
        [composer] {
            composer->raise();
            composer->activateWindow();
        },
        Qt::QueuedConnection);
    return composer;
}

void ComposeActions::editDraft(qint64 id)
{
    auto summary = m_services.messages.message(id);
    if (!summary)
        return Q_EMIT failed(summary.error().message());
    auto raw = m_services.messages.raw(id);
    if (!raw)
        return Q_EMIT failed(raw.error().message());
    compose(summary.value().accountId, mime::readDraft(raw.value()), id, false);
}

void ComposeActions::addTo(MessageWindow *window)
{
    // The window's own: they answer what it shows, whatever the list's selection is.
    QString accountId;
    if (window->id() > 0) {
        if (auto summary = m_services.messages.message(window->id()))
            accountId = summary.value().accountId;
    }
    QToolBar *bar = window->addToolBar(tr("Message Toolbar"));
    bar->setObjectName(QStringLiteral("messageToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QMenu *menu = window->messageMenu();
    QAction *first = menu->actions().value(0);
    for (QAction *shared : {m_reply, m_replyAll, m_forward, m_forwardAttached}) {
        auto *a = new QAction(shared->icon(), shared->text(), window);
        a->setObjectName(shared->objectName());
        a->setShortcut(shared->shortcut());
        a->setToolTip(shared->toolTip());
        const ReplyKind kind = shared == m_reply      ? ReplyKind::Reply
                               : shared == m_replyAll ? ReplyKind::ReplyAll
                               : shared == m_forward  ? ReplyKind::ForwardInline
                                                      : ReplyKind::ForwardAsAttachment;
        connect(a, &QAction::triggered, this,
                [this, window, accountId, kind] { respond(window->raw(), accountId, kind); });
        menu->insertAction(first, a);
        if (shared != m_forwardAttached)
            bar->addAction(a);
    }
    menu->insertSeparator(first);
}

} // namespace poplar::ui
