// SPDX-License-Identifier: GPL-3.0-or-later
// Writing from the window, by keyboard, to a real SMTP server (aiosmtpd on 127.0.0.1): a
// reply that reaches the server threaded and quoted and is in Sent as it went, drafts kept
// as one types, the forgotten attachment, and a message written offline that goes once
// the window is online again.
#include "WindowFixture.h"

#include "AttachmentList.h"
#include "ComposeActions.h"
#include "ComposerWindow.h"
#include "DraftKeeper.h"
#include "FolderTree.h"
#include "OutboxBar.h"
#include "SmtpServer.h"
#include "WindowOptions.h"

#include "mime/MessageRenderer.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace poplar;

namespace {

const QByteArray original = "From: Bob Example <bob@example.net>\r\n"
                            "To: Alice <alice@example.org>, team@example.net\r\n"
                            "Subject: RE: Re: Plans for Friday\r\n"
                            "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
                            "Message-ID: <orig-2@example.net>\r\n"
                            "References: <orig-1@example.org>\r\n"
                            "MIME-Version: 1.0\r\n"
                            "Content-Type: text/plain; charset=utf-8\r\n"
                            "\r\n"
                            "Shall we meet at the café at noon?\r\n";

QByteArray header(const QByteArray &raw, const char *name)
{
    return mime::MessageRenderer::headerValues(raw, name).value(0).trimmed();
}

class ComposerTest : public test::WindowFixture {
protected:
    void SetUp() override
    {
        WindowFixture::SetUp();
        QString error;
        ASSERT_TRUE(m_smtp.start(&error)) << error.toStdString();
    }

    void TearDown() override
    {
        WindowFixture::TearDown(); // the composers are the window's children

        m_smtp.stop();
    }

    /// An account that receives nowhere and sends to the test server over STARTTLS.
    QString addSendingAccount(quint16 port = 0)
    {
        Account a;
        a.name = QStringLiteral("Home");
        a.emailAddress = m_smtp.user();
        a.host = QStringLiteral("127.0.0.1");
        a.port = 9;
        a.security = Security::None;
        a.user = m_smtp.user();
        a.passwordSource = PasswordSource::Command;
        a.passwordCommand =
            QStringLiteral("printf '%s\\n' '") + m_smtp.password() + QLatin1Char('\'');
        a.caFile = m_smtp.caFile();
        a.identity.name = QStringLiteral("Alice Liddell");
        a.smtp.host = QStringLiteral("127.0.0.1");
        a.smtp.port = port ? port : m_smtp.startTlsPort();
        a.smtp.security = Security::StartTls;
        Result<QString> id = m_accounts->add(a);
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message().toStdString());
        return id.ok() ? id.value() : QString();
    }

    static ui::ComposerWindow *openComposer()
    {
        ui::ComposerWindow *found = nullptr;
        test::waitUntil([&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *c = qobject_cast<ui::ComposerWindow *>(w); c && c->isVisible())
                    found = c;
            }
            return found != nullptr;
        });
        return found;
    }

    static int composersShown()
    {
        int n = 0;
        for (QWidget *w : QApplication::topLevelWidgets())
            n += qobject_cast<ui::ComposerWindow *>(w) && w->isVisible();
        return n;
    }

    QList<store::MessageSummary> folder(const QString &account, store::Folder f)
    {
        auto list = m_store->messages(f);
        EXPECT_TRUE(list.ok());
        QList<store::MessageSummary> out;
        for (const auto &m : list.value())
            if (m.accountId == account)
                out.append(m);
        return out;
    }

    /// Answers the next modal question with the button named `name` (empty: Cancel).
    static void answerNextQuestion(const QString &name)
    {
        QTimer::singleShot(0, [name] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                answerNextQuestion(name); // not open yet
                return;
            }
            QAbstractButton *button = name.isEmpty() ? box->button(QMessageBox::Cancel)
                                                     : box->findChild<QAbstractButton *>(name);
            ASSERT_NE(button, nullptr) << name.toStdString();
            button->click();
        });
    }

    test::SmtpServer m_smtp;
};

} // namespace

TEST_F(ComposerTest, AReplyFromTheWindowReachesTheServerThreadedQuotedAndAsSentInSent)
{
    const QString account = addSendingAccount();
    const qint64 id = test::storeMessage(*m_store, account, QStringLiteral("u1"), original);
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    selectMessage(window, id);
    window.messageList()->setFocus();
    QTest::keyClick(window.messageList(), Qt::Key_R, Qt::ControlModifier); // Reply

    ui::ComposerWindow *composer = openComposer();
    ASSERT_NE(composer, nullptr);
    ASSERT_TRUE(test::waitUntil([&] { return QApplication::activeWindow() == composer; }));
    EXPECT_EQ(composer->toField()->text(), QStringLiteral("Bob Example <bob@example.net>"));
    EXPECT_EQ(composer->subjectField()->text(), QStringLiteral("Re: Plans for Friday"));
    EXPECT_TRUE(composer->textEdit()->hasFocus()) << "a reply starts in the text";
    EXPECT_TRUE(composer->textEdit()->toPlainText().contains(
        QStringLiteral("> Shall we meet at the café at noon?")));
    QTest::keyClicks(composer->textEdit(), QStringLiteral("Noon suits me."));
    QTest::keyClick(composer->textEdit(), Qt::Key_Return, Qt::ControlModifier); // Send

    ASSERT_TRUE(test::waitUntil([&] { return m_smtp.received().size() == 1; }, 60'000));
    const test::SmtpServer::Message got = m_smtp.received().at(0);
    EXPECT_EQ(got.to, QStringList{QStringLiteral("bob@example.net")});
    const mime::RenderedMessage shown = mime::MessageRenderer::render(got.raw);
    EXPECT_EQ(shown.headers.subject, QStringLiteral("Re: Plans for Friday"));
    EXPECT_EQ(header(got.raw, "In-Reply-To"), "<orig-2@example.net>");
    EXPECT_EQ(header(got.raw, "References"), "<orig-1@example.org> <orig-2@example.net>");
    EXPECT_EQ(shown.headers.from.name, QStringLiteral("Alice Liddell"));
    EXPECT_EQ(shown.headers.from.address, m_smtp.user());
    EXPECT_TRUE(shown.text.startsWith(QStringLiteral("Noon suits me.")));
    EXPECT_TRUE(shown.text.contains(QStringLiteral("> Shall we meet at the café at noon?")));

    // Sent holds the bytes the server received; nothing waits, no draft is left.
    ASSERT_TRUE(
        test::waitUntil([&] { return folder(account, store::Folder::Sent).size() == 1; }, 30'000));
    EXPECT_EQ(m_store->raw(folder(account, store::Folder::Sent).at(0).id).value(), got.raw);
    EXPECT_TRUE(folder(account, store::Folder::Outbox).isEmpty());
    EXPECT_TRUE(folder(account, store::Folder::Drafts).isEmpty());
    EXPECT_EQ(composersShown(), 0) << "the composer closed once the message was in the Outbox";
}

TEST_F(ComposerTest, EveryFieldIsReachedByKeyboardInOrder)
{
    const QString account = addSendingAccount();
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.composeActions()->newMessageAction()->trigger();
    ui::ComposerWindow *composer = openComposer();
    ASSERT_NE(composer, nullptr);
    ASSERT_TRUE(test::waitUntil([&] { return QApplication::activeWindow() == composer; }));
    EXPECT_TRUE(composer->toField()->hasFocus()) << "a new message starts in To";
    const QList<QWidget *> order = {composer->ccField(), composer->bccField(),
                                    composer->subjectField(), composer->textEdit()};
    for (QWidget *next : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        EXPECT_EQ(QApplication::focusWidget(), next) << next->objectName().toStdString();
    }
    // Tab leaves the text as it leaves any field; Shift+Tab comes back.
    QTest::keyClick(composer->textEdit(), Qt::Key_Tab);
    EXPECT_NE(QApplication::focusWidget(), composer->textEdit());
    // Alt+letter reaches each field by its label.
    QTest::keyClick(composer, Qt::Key_U, Qt::AltModifier);
    EXPECT_EQ(QApplication::focusWidget(), composer->subjectField());
    QTest::keyClick(composer, Qt::Key_B, Qt::AltModifier);
    EXPECT_EQ(QApplication::focusWidget(), composer->bccField());
    QTest::keyClick(composer, Qt::Key_F, Qt::AltModifier);
    EXPECT_EQ(QApplication::focusWidget(), composer->fromBox());
    EXPECT_EQ(composer->sendAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    EXPECT_EQ(composer->attachAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    for (QWidget *w : std::initializer_list<QWidget *>{
             composer->fromBox(), composer->toField(), composer->ccField(), composer->bccField(),
             composer->subjectField(), composer->textEdit(), composer->attachmentList()})
        EXPECT_FALSE(w->accessibleName().isEmpty()) << w->objectName().toStdString();
    (void)account;
}

TEST_F(ComposerTest, WhatIsWrittenIsKeptInDraftsAndOpensAgainThere)
{
    const QString account = addSendingAccount();
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.composeActions()->newMessageAction()->trigger();
    ui::ComposerWindow *composer = openComposer();
    ASSERT_NE(composer, nullptr);
    QTest::keyClicks(composer->toField(), QStringLiteral("carol@example.net"));
    QTest::keyClicks(composer->subjectField(), QStringLiteral("Half written"));
    QTest::keyClicks(composer->textEdit(), QStringLiteral("The first lines"));
    // Saved by itself a few seconds after the typing, without Save or Close.
    ASSERT_TRUE(test::waitUntil([&] { return folder(account, store::Folder::Drafts).size() == 1; },
                                30'000));
    const qint64 draft = folder(account, store::Folder::Drafts).at(0).id;
    EXPECT_EQ(folder(account, store::Folder::Drafts).at(0).subject, QStringLiteral("Half written"));

    // Closing without a change since: no question, the draft stays.
    composer->close();
    ASSERT_TRUE(test::waitUntil([] { return composersShown() == 0; }));
    ASSERT_EQ(folder(account, store::Folder::Drafts).size(), 1);

    // Enter on it in Drafts writes it further, in a composer.
    window.activateWindow();
    ASSERT_TRUE(test::waitUntil([&] { return QApplication::activeWindow() == &window; }));
    window.showFolder(account, store::Folder::Drafts);
    ASSERT_TRUE(test::waitUntil([&] { return window.messageModel()->rowOf(draft) >= 0; }));
    selectMessage(window, draft);
    window.messageList()->setFocus();
    QTest::keyClick(window.messageList(), Qt::Key_Return);
    composer = openComposer();
    ASSERT_NE(composer, nullptr);
    EXPECT_EQ(composer->toField()->text(), QStringLiteral("carol@example.net"));
    EXPECT_EQ(composer->subjectField()->text(), QStringLiteral("Half written"));
    EXPECT_TRUE(composer->textEdit()->toPlainText().startsWith(QStringLiteral("The first lines")));
    EXPECT_EQ(composer->drafts()->draftId(), draft);

    // Sent from there, it leaves Drafts.
    composer->send();
    ASSERT_TRUE(test::waitUntil([&] { return m_smtp.received().size() == 1; }, 60'000));
    ASSERT_TRUE(
        test::waitUntil([&] { return folder(account, store::Folder::Sent).size() == 1; }, 30'000));
    EXPECT_TRUE(folder(account, store::Folder::Drafts).isEmpty());
}

TEST_F(ComposerTest, TheTextMentionsAnAttachmentThatIsNotThere)
{
    const QString account = addSendingAccount();
    ui::MainWindow &window = makeWindow();
    window.composeActions()->newMessageAction()->trigger();
    ui::ComposerWindow *composer = openComposer();
    ASSERT_NE(composer, nullptr);
    composer->toField()->setText(QStringLiteral("bob@example.net"));
    composer->textEdit()->setPlainText(
        QStringLiteral("The report is attached.\n\n> attach nothing"));
    answerNextQuestion({}); // Cancel: back to writing
    composer->send();
    EXPECT_TRUE(composer->isVisible());
    EXPECT_TRUE(folder(account, store::Folder::Outbox).isEmpty());
    EXPECT_FALSE(ui::ComposerWindow::mentionsAttachment(QStringLiteral("> see attached\n-- \n")))
        << "quoted lines and the signature are not the user's words";
    EXPECT_TRUE(ui::ComposerWindow::mentionsAttachment(QStringLiteral("附件是报告。")));
    answerNextQuestion(QStringLiteral("sendAnyway"));
    composer->send();
    ASSERT_TRUE(test::waitUntil([&] { return m_smtp.received().size() == 1; }, 60'000));
}

TEST_F(ComposerTest, WrittenOfflineItWaitsInTheOutboxWithItsStateAndGoesOnceOnline)
{
    const QString account = addSendingAccount();
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.windowOptions()->workOfflineAction()->setChecked(true);
    window.composeActions()->newMessageAction()->trigger();
    ui::ComposerWindow *composer = openComposer();
    ASSERT_NE(composer, nullptr);
    composer->toField()->setText(QStringLiteral("bob@example.net"));
    composer->subjectField()->setText(QStringLiteral("Written on a train"));
    composer->send();
    ASSERT_TRUE(test::waitUntil([&] { return folder(account, store::Folder::Outbox).size() == 1; },
                                30'000));
    const qint64 id = folder(account, store::Folder::Outbox).at(0).id;

    // The user sees it in the Outbox, and why it waits.
    window.showFolder(account, store::Folder::Outbox);
    ASSERT_TRUE(test::waitUntil([&] { return window.messageModel()->rowOf(id) >= 0; }));
    selectMessage(window, id);
    ui::OutboxBar *bar = window.outboxBar();
    ASSERT_TRUE(test::waitUntil([&] { return bar->isVisible() && bar->record(id).has_value(); }));
    EXPECT_EQ(bar->textLabel()->text(), QStringLiteral("Waits to be sent."));
    EXPECT_TRUE(bar->sendNowButton()->isVisible());
    EXPECT_TRUE(m_smtp.received().isEmpty());

    // Online again: it goes, and leaves the Outbox for Sent.
    window.windowOptions()->workOfflineAction()->setChecked(false);
    ASSERT_TRUE(test::waitUntil([&] { return m_smtp.received().size() == 1; }, 60'000));
    ASSERT_TRUE(
        test::waitUntil([&] { return folder(account, store::Folder::Sent).size() == 1; }, 30'000));
    EXPECT_TRUE(test::waitUntil([&] { return window.messageModel()->rowOf(id) < 0; }))
        << "the Outbox shown is read again";
}
