// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComposerWindow.h"

#include "AddressCompleter.h"
#include "AttachmentList.h"
#include "CacheTask.h"
#include "DraftKeeper.h"

#include "accounts/AccountStore.h"
#include "smtp/AddressSuggestions.h"
#include "smtp/Identities.h"
#include "smtp/OutboxController.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace poplar::ui {

namespace {

/// The addresses of a field, and whether each is an address at all.
QList<mime::MailAddress> addressesOf(const QLineEdit *field)
{
    return mime::MessageBuilder::parseAddresses(field->text().toUtf8());
}

/// What the user wrote: no quoted line, nothing from the signature down.
QString ownWords(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line == QLatin1String("-- "))
            break;
        if (!line.startsWith(QLatin1Char('>')))
            lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ComposerWindow::ComposerWindow(AccountStore &accounts, smtp::OutboxController &outbox,
                               const QString &cachePath, Start start, std::function<bool()> sendNow,
                               QWidget *parent)
    : QMainWindow(parent)
    , m_accounts(accounts)
    , m_outbox(outbox)
    , m_cachePath(cachePath)
    , m_sendNow(std::move(sendNow))
    , m_start(start.message)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("composerWindow"));
    setAcceptDrops(true);
    createActions();
    createWidgets(start);
    m_drafts = new DraftKeeper(
        m_outbox,
        [this] {
            return std::pair{accountId(), message()};
        },
        start.draftId, this);
    connect(m_drafts, &DraftKeeper::saved, this,
            [this] { statusBar()->showMessage(tr("Draft saved"), 4000); });
    connect(m_drafts, &DraftKeeper::failed, this, [this](const QString &why) {
        statusBar()->showMessage(tr("The draft could not be saved: %1").arg(why));
    });
    connect(&m_outbox, &smtp::OutboxController::submitted, this,
            [this](quint64 request, qint64 id, const Error &error) {
                if (request != m_submitRequest)
                    return;
                m_submitRequest = 0;
                if (id <= 0) {
                    m_busy = false;
                    m_drafts->resume();
                    warn(tr("The message was not put in the Outbox: %1").arg(error.message()));
                    return;
                }
                Q_EMIT submitted(id, m_sendNow());
                m_done = true;
                close();
            });
    updateTitle();
    resize(760, 620);
    loadSuggestions();
    if (start.focusText) {
        m_text->setFocus(Qt::OtherFocusReason);
        m_text->moveCursor(QTextCursor::Start);
    } else {
        m_to->setFocus(Qt::OtherFocusReason);
    }
}

ComposerWindow::~ComposerWindow() = default;

void ComposerWindow::createActions()
{
    m_sendAction = new QAction(QIcon::fromTheme(QStringLiteral("mail-send")), tr("&Send"), this);
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendAction->setToolTip(tr("Send the message (Ctrl+Return)"));
    connect(m_sendAction, &QAction::triggered, this, &ComposerWindow::send);

    m_attachAction = new QAction(QIcon::fromTheme(QStringLiteral("mail-attachment")),
                                 tr("&Attach Files…"), this);
    m_attachAction->setObjectName(QStringLiteral("attachAction"));
    m_attachAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attachAction->setToolTip(tr("Attach files (Ctrl+Shift+A), or drop them on this window"));
    connect(m_attachAction, &QAction::triggered, this, &ComposerWindow::chooseAttachments);

    m_saveDraftAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("Save as &Draft"), this);
    m_saveDraftAction->setObjectName(QStringLiteral("saveDraftAction"));
    m_saveDraftAction->setShortcut(QKeySequence::Save);
    connect(m_saveDraftAction, &QAction::triggered, this, [this] {
        m_drafts->touch();
        m_drafts->saveNow();
    });

    m_closeAction = new QAction(tr("&Close"), this);
    m_closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_closeAction, &QAction::triggered, this, &QWidget::close);

    QMenu *menu = menuBar()->addMenu(tr("&Message"));
    menu->addAction(m_sendAction);
    menu->addAction(m_attachAction);
    menu->addAction(m_saveDraftAction);
    menu->addSeparator();
    menu->addAction(m_closeAction);

    QToolBar *bar = addToolBar(tr("Composer Toolbar"));
    bar->setObjectName(QStringLiteral("composerToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_sendAction);
    bar->addAction(m_attachAction);
    bar->addAction(m_saveDraftAction);
}

void ComposerWindow::createWidgets(const Start &start)
{
    auto *central = new QWidget(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_from = new QComboBox(central);
    m_from->setObjectName(QStringLiteral("fromBox"));
    for (const Account &a : m_accounts.accounts()) {
        if (!a.canSend())
            continue;
        m_from->addItem(tr("%1 — %2").arg(addressFieldText(smtp::senderOf(a)), a.name), a.id);
    }
    m_from->setCurrentIndex(std::max(0, m_from->findData(start.accountId)));
    connect(m_from, &QComboBox::currentIndexChanged, this, &ComposerWindow::edited);

    auto field = [&](const char *name, const QString &text) {
        auto *edit = new QLineEdit(text, central);
        edit->setObjectName(QLatin1String(name));
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textEdited, this, &ComposerWindow::edited);
        return edit;
    };
    const mime::OutgoingMessage &m = start.message;
    m_to = field("toField", addressFieldText(m.to));
    m_cc = field("ccField", addressFieldText(m.cc));
    m_bcc = field("bccField", addressFieldText(m.bcc));
    m_subject = field("subjectField", m.subject);
    connect(m_subject, &QLineEdit::textChanged, this, &ComposerWindow::updateTitle);
    m_toCompleter = new AddressCompleter(m_to);
    m_ccCompleter = new AddressCompleter(m_cc);
    m_bccCompleter = new AddressCompleter(m_bcc);
    const QString hint = tr("Names or addresses, separated by commas");
    for (QLineEdit *e : {m_to, m_cc, m_bcc})
        e->setPlaceholderText(hint);
    m_bcc->setToolTip(tr("Receives the message without the others seeing it"));

    m_attachments = new AttachmentList(central);
    m_attachments->setObjectName(QStringLiteral("attachmentList"));
    m_attachments->setMaximumHeight(fontMetrics().height() * 4);
    m_attachments->setAttachments(m.attachments);
    connect(m_attachments, &AttachmentList::changed, this, [this] {
        updateAttachmentsShown();
        edited();
    });
    connect(m_attachments, &AttachmentList::failed, this, &ComposerWindow::warn);

    auto addRow = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, central);
        l->setBuddy(w);
        form->addRow(l, w);
        w->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        return l;
    };
    addRow(tr("&From:"), m_from);
    addRow(tr("&To:"), m_to);
    addRow(tr("&Cc:"), m_cc);
    addRow(tr("&Bcc:"), m_bcc);
    addRow(tr("S&ubject:"), m_subject);
    m_attachmentsLabel = addRow(tr("Attach&ments:"), m_attachments);

    m_text = new QPlainTextEdit(central);
    m_text->setObjectName(QStringLiteral("textEdit"));
    m_text->setAccessibleName(tr("Message text"));
    m_text->setPlainText(m.body);
    // Tab moves on as in every other field: the keyboard can leave the text, too.
    m_text->setTabChangesFocus(true);
    m_text->viewport()->installEventFilter(this);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_text->document()->isModified())
            edited();
    });
    m_text->document()->setModified(false);

    auto *layout = new QVBoxLayout(central);
    layout->addLayout(form);
    layout->addWidget(m_text, 1);
    setCentralWidget(central);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_cc);
    setTabOrder(m_cc, m_bcc);
    setTabOrder(m_bcc, m_subject);
    setTabOrder(m_subject, m_attachments);
    setTabOrder(m_attachments, m_text);
    updateAttachmentsShown();
}

void ComposerWindow::loadSuggestions()
{
    QStringList own;
    for (const Account &a : m_accounts.accounts())
        own << a.emailAddress << a.senderAddress();
    runOnCache<QList<mime::MailAddress>>(
        this, m_cachePath,
        [own](const QSqlDatabase &db) { return smtp::AddressSuggestions::load(db, own); },
        [this](Result<QList<mime::MailAddress>> loaded) {
            if (!loaded)
                return; // typing works without suggestions
            for (AddressCompleter *c : {m_toCompleter, m_ccCompleter, m_bccCompleter})
                c->setAddresses(loaded.value());
        });
}

mime::OutgoingMessage ComposerWindow::message() const
{
    mime::OutgoingMessage m = m_start;
    const auto account = m_accounts.account(accountId());
    if (account) {
        m.from = smtp::senderOf(*account);
        m.replyTo = account->identity.replyTo.trimmed().isEmpty()
                        ? QList<mime::MailAddress>()
                        : mime::MessageBuilder::parseAddresses(account->identity.replyTo.toUtf8());
    }
    m.to = addressesOf(m_to);
    m.cc = addressesOf(m_cc);
    m.bcc = addressesOf(m_bcc);
    m.subject = m_subject->text();
    m.body = m_text->toPlainText();
    m.attachments = m_attachments->attachments();
    m.date = {}; // the moment it is sent (or saved)
    return m;
}

QString ComposerWindow::accountId() const
{
    return m_from->currentData().toString();
}

void ComposerWindow::edited()
{
    if (m_busy)
        return;
    m_touched = true;
    m_drafts->touch();
}

void ComposerWindow::updateTitle()
{
    const QString subject = m_subject->text().trimmed();
    setWindowTitle(subject.isEmpty() ? tr("Write: (no subject)") : tr("Write: %1").arg(subject));
}

void ComposerWindow::updateAttachmentsShown()
{
    const bool any = m_attachments->count() > 0;
    m_attachments->setVisible(any);
    m_attachmentsLabel->setVisible(any);
}

void ComposerWindow::chooseAttachments()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Attach Files"));
    m_attachments->addFiles(files);
}

bool ComposerWindow::mentionsAttachment(const QString &text)
{
    // Comma-separated words that say a file comes with the message, in the user's language.
    const QString words = tr("attach,attached,attaching,attachment,attachments,enclosed");
    QStringList all = words.split(QLatin1Char(','), Qt::SkipEmptyParts);
    // English and Chinese always: mail is often written in either, whatever the desktop's
    // language.
    all << QStringLiteral("attach") << QStringLiteral("attached") << QStringLiteral("attachment")
        << QStringLiteral("enclosed") << QStringLiteral("附件") << QStringLiteral("附上")
        << QStringLiteral("随信") << QStringLiteral("隨信");
    const QString mine = ownWords(text);
    for (const QString &word : all) {
        const QString w = word.trimmed();
        if (w.isEmpty())
            continue;
        // Whole words where words have spaces; anywhere in scripts without them.
        const bool latin =
            std::all_of(w.begin(), w.end(), [](QChar c) { return c.unicode() < 0x250; });
        const QRegularExpression re(
            latin ? QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(w))
                  : QRegularExpression::escape(w),
            QRegularExpression::CaseInsensitiveOption |
                QRegularExpression::UseUnicodePropertiesOption);
        if (re.match(mine).hasMatch())
            return true;
    }
    return false;
}

QString ComposerWindow::addressProblem() const
{
    int recipients = 0;
    const std::pair<const QLineEdit *, QString> fields[] = {
        {m_to, tr("To")}, {m_cc, tr("Cc")}, {m_bcc, tr("Bcc")}};
    for (const auto &[field, name] : fields) {
        if (field->text().trimmed().isEmpty())
            continue;
        const QList<mime::MailAddress> list = addressesOf(field);
        for (const mime::MailAddress &a : list) {
            if (!a.address.contains(QLatin1Char('@')))
                return tr("\"%1\" in %2 is not an e-mail address")
                    .arg(a.address.isEmpty() ? a.name : a.address, name);
        }
        if (list.isEmpty())
            return tr("%1 holds no e-mail address").arg(name);
        recipients += int(list.size());
    }
    if (recipients == 0)
        return tr("The message has no recipient: write an address in To");
    return {};
}

void ComposerWindow::send()
{
    if (m_busy)
        return;
    if (accountId().isEmpty()) {
        warn(tr("No account can send mail: give one an outgoing server in Settings"));
        return;
    }
    if (const QString problem = addressProblem(); !problem.isEmpty()) {
        warn(problem);
        m_to->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_attachments->isReading()) {
        warn(tr("The files are still being read; send again in a moment"));
        return;
    }
    if (m_attachments->count() == 0 && mentionsAttachment(m_text->toPlainText())) {
        QMessageBox ask(QMessageBox::Question, tr("Send Without an Attachment?"),
                        tr("The text mentions an attachment, but nothing is attached."),
                        QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("noAttachmentQuestion"));
        QPushButton *attach = ask.addButton(tr("&Attach Files…"), QMessageBox::AcceptRole);
        attach->setObjectName(QStringLiteral("attachFiles"));
        QPushButton *sendAnyway = ask.addButton(tr("&Send Anyway"), QMessageBox::DestructiveRole);
        sendAnyway->setObjectName(QStringLiteral("sendAnyway"));
        ask.addButton(QMessageBox::Cancel);
        ask.setDefaultButton(attach);
        ask.exec();
        if (ask.clickedButton() == attach) {
            chooseAttachments();
            return;
        }
        if (ask.clickedButton() != sendAnyway)
            return;
    }
    m_busy = true;
    statusBar()->showMessage(tr("Putting the message in the Outbox…"));
    // The draft saved last leaves Drafts as the message enters the Outbox.
    m_drafts->whenSettled([this](qint64 draftId) { submit(draftId); });
}

void ComposerWindow::submit(qint64 draftId)
{
    const auto account = m_accounts.account(accountId());
    if (!account) {
        m_busy = false;
        m_drafts->resume();
        warn(tr("The account of this identity is gone"));
        return;
    }
    m_submitRequest = m_outbox.submit(*account, message(), m_sendNow(), draftId);
}

void ComposerWindow::finish(bool keep)
{
    m_busy = true;
    hide();
    m_drafts->whenSettled([this, keep](qint64 draftId) {
        if (!keep) {
            if (draftId > 0)
                m_outbox.deleteDraft(draftId);
        } else if (m_drafts->isDirty()) {
            m_outbox.saveDraft(accountId(), message(), draftId);
        }
        m_done = true;
        close();
    });
}

void ComposerWindow::closeEvent(QCloseEvent *event)
{
    if (m_done) {
        event->accept();
        return;
    }
    event->ignore();
    if (m_busy)
        return; // sending or closing already: it ends by itself
    if (!m_touched || !m_drafts->isDirty()) {
        // Nothing new since the last save (or the save under way): the draft stays as it is.
        finish(true);
        return;
    }
    QMessageBox ask(QMessageBox::Question, tr("Keep This Message?"),
                    tr("Keep this message in Drafts to finish it later?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("keepDraftQuestion"));
    ask.setDefaultButton(QMessageBox::Save);
    switch (ask.exec()) {
    case QMessageBox::Save:
        finish(true);
        break;
    case QMessageBox::Discard:
        finish(false);
        break;
    default:
        break;
    }
}

void ComposerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!AttachmentList::localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposerWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = AttachmentList::localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    m_attachments->addFiles(files);
}

bool ComposerWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Files dropped on the text are attached, not pasted in as their names.
    if (watched == m_text->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (!AttachmentList::localFiles(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QStringList files = AttachmentList::localFiles(drop->mimeData());
            if (!files.isEmpty()) {
                drop->acceptProposedAction();
                m_attachments->addFiles(files);
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void ComposerWindow::warn(const QString &text)
{
    // Window-modal, without a nested event loop: the sending thread's answers keep coming.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Write"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("composerWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    statusBar()->showMessage(text);
    box->open();
}

} // namespace poplar::ui
