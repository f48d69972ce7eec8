// SPDX-License-Identifier: GPL-3.0-or-later
// Mail text reaches tooltips in the message list, the viewer (links, attachments) and the
// tray. Qt shows a tooltip as HTML when it looks like HTML, so `<img src=/dev/zero>` in a
// subject would read a device until memory ran out: every one of them shows the literal.
#include "MemorySecretStore.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "PlainToolTip.h"
#include "TrayNotifier.h"
#include "UiTestUtil.h"

#include "accounts/PasswordProvider.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/SyncController.h"
#include "sync/SyncResult.h"

#include <QHelpEvent>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::ui::plainToolTip;

namespace {

const QString hostileSubject = QStringLiteral("<img src=/dev/zero> Hello");
const QString hostileName = QStringLiteral("<b>Boss</b><img src=/etc/hostname>");

/// What the user reads in a tooltip: Qt's own decision between rich and plain text.
QString shownText(const QString &toolTip)
{
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    return QTextDocumentFragment::fromHtml(toolTip).toPlainText();
}

/// No markup of the message's own is left for Qt to act on.
void expectInert(const QString &toolTip)
{
    EXPECT_FALSE(toolTip.contains(QStringLiteral("<img"), Qt::CaseInsensitive))
        << qPrintable(toolTip);
    EXPECT_FALSE(toolTip.contains(QStringLiteral("<b>"), Qt::CaseInsensitive))
        << qPrintable(toolTip);
}

TEST(PlainToolTip, ShowsTheLiteralTextWithItsLineBreaks)
{
    ASSERT_TRUE(Qt::mightBeRichText(hostileSubject)); // as Qt would read it unescaped
    const QString tip = plainToolTip(hostileSubject + QStringLiteral("\n  second line"));
    expectInert(tip);
    EXPECT_EQ(shownText(tip), hostileSubject + QStringLiteral("\n  second line"));
    EXPECT_EQ(plainToolTip(QString()), QString());
}

TEST(PlainToolTip, LongTextIsCutOnACharacterBoundary)
{
    // 999 letters and then an emoji: the cut at 1000 UTF-16 units would split it.
    const QString text = QString(ui::maxToolTipChars - 1, QLatin1Char('a')) +
                         QString::fromUtf8("😀") + QString(5000, QLatin1Char('b'));
    const QString shown = shownText(plainToolTip(text));
    EXPECT_LE(shown.size(), ui::maxToolTipChars + 1);
    EXPECT_FALSE(shown.at(shown.size() - 2).isHighSurrogate());
    EXPECT_TRUE(shown.startsWith(QString(ui::maxToolTipChars - 1, QLatin1Char('a'))));
}

TEST(PlainToolTips, MessageListSubjectAndSenderShowAsText)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto db = store::Database::open(dir.filePath(QStringLiteral("cache.sqlite")),
                                    QStringLiteral("tooltip-test"));
    ASSERT_TRUE(db.ok());
    store::MessageStore messages(db.value()->connection());
    const QByteArray raw =
        "From: \"" + hostileName.toUtf8() +
        "\" <boss@example.org>\r\nTo: me@example.org\r\nSubject: " + hostileSubject.toUtf8() +
        "\r\nDate: Mon, 06 May 2024 12:00:00 +0000\r\n\r\nHi.\r\n";
    ASSERT_NE(test::storeMessage(messages, QStringLiteral("1"), QStringLiteral("u1"), raw), 0);

    ui::MessageListModel model(messages);
    model.setFolder(QStringLiteral("1"), store::Folder::Inbox);
    ASSERT_EQ(model.rowCount(), 1);
    const QString subject =
        model.index(0, ui::MessageListModel::SubjectColumn).data(Qt::ToolTipRole).toString();
    expectInert(subject);
    EXPECT_EQ(shownText(subject), hostileSubject);
    const QString from =
        model.index(0, ui::MessageListModel::FromColumn).data(Qt::ToolTipRole).toString();
    expectInert(from);
    EXPECT_EQ(shownText(from), hostileName + QStringLiteral(" <boss@example.org>"));
}

bool showAndWait(ui::MessageView &view, const QByteArray &raw)
{
    QSignalSpy rendered(&view, &ui::MessageView::rendered);
    view.showMessage(1, raw);
    return test::waitUntil([&] { return rendered.count() >= 1; });
}

TEST(PlainToolTips, ViewerLinksAttachmentsAndHeadersShowAsText)
{
    const QByteArray raw =
        "From: \"" + hostileName.toUtf8() +
        "\" <boss@example.org>\r\nTo: me@example.org\r\n"
        "Subject: " +
        hostileSubject.toUtf8() +
        "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        "<p><a href=\"https://x.example/<img src=/etc/hostname>\" "
        "title=\"<img src=/dev/zero>\">LINKTEXT</a></p>\r\n"
        "--b\r\nContent-Type: image/png\r\n"
        "Content-Disposition: attachment; filename=\"<img src=x>.png\"\r\n\r\nx\r\n--b--\r\n";
    ui::MessageView view;
    view.resize(600, 400);
    view.show();
    ASSERT_TRUE(showAndWait(view, raw));

    // The header shows the sender's words as text, with no tooltip of their own.
    for (const char *name : {"subjectLabel", "fromLabel", "toLabel"}) {
        auto *label = test::child<QLabel>(view, name);
        ASSERT_NE(label, nullptr);
        EXPECT_EQ(label->textFormat(), Qt::PlainText) << name;
        EXPECT_TRUE(label->toolTip().isEmpty()) << name;
    }
    EXPECT_EQ(view.subjectText(), hostileSubject);

    // No title reaches the body: the tooltip over the link is the viewer's, as text.
    EXPECT_FALSE(view.bodyHtml().contains(QStringLiteral("title"))) << qPrintable(view.bodyHtml());
    auto *body = test::child<QTextBrowser>(view, "messageBody");
    ASSERT_NE(body, nullptr);
    const QTextCursor link = body->document()->find(QStringLiteral("LINKTEXT"));
    ASSERT_FALSE(link.isNull());
    QTextCursor inside(link);
    inside.setPosition(link.selectionStart() + 2);
    const QPoint at = body->cursorRect(inside).center();
    ASSERT_FALSE(body->anchorAt(at).isEmpty());
    QHelpEvent help(QEvent::ToolTip, at, body->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(body->viewport(), &help);
    const QString linkTip = QToolTip::text();
    ASSERT_FALSE(linkTip.isEmpty());
    expectInert(linkTip);
    EXPECT_TRUE(shownText(linkTip).startsWith(QStringLiteral("https://x.example/")))
        << qPrintable(linkTip);
    EXPECT_FALSE(shownText(linkTip).contains(QStringLiteral("/dev/zero")));
    QToolTip::hideText();

    auto *list = test::child<QTreeWidget>(view, "attachmentList");
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->topLevelItemCount(), 1);
    const QString attachmentTip = list->topLevelItem(0)->toolTip(0);
    expectInert(attachmentTip);
    EXPECT_TRUE(shownText(attachmentTip).startsWith(QStringLiteral("<img src=x>.png")))
        << qPrintable(attachmentTip);
}

TEST(PlainToolTips, TrayNotificationIsEscapedForTheDesktopsMarkup)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto db = store::Database::open(path, QStringLiteral("tray-tooltip-test"));
    ASSERT_TRUE(db.ok());
    store::MessageStore messages(db.value()->connection());
    test::MemorySecretStore secrets;
    PasswordProvider passwords(secrets);
    sync::SyncController sync(path, passwords);
    QWidget window;
    ui::TrayNotifier tray(&window, messages, sync);
    const qint64 id =
        test::storeMessage(messages, QStringLiteral("a"), QStringLiteral("u1"),
                           test::rfc5322(hostileSubject, QStringLiteral("Bob <b@example.org>"),
                                         QDateTime::currentDateTimeUtc(), QStringLiteral("x")));
    Q_EMIT sync.messagesStored(QStringLiteral("a"), {id});
    sync::SyncResult result;
    result.accountId = QStringLiteral("a");
    result.newMessages = 1;
    Q_EMIT sync.finished(result);
    EXPECT_EQ(tray.lastNotificationText(), QStringLiteral("Bob: ") + hostileSubject);
    expectInert(tray.lastNotificationMarkup());
    EXPECT_EQ(QTextDocumentFragment::fromHtml(tray.lastNotificationMarkup()).toPlainText(),
              QStringLiteral("Bob: ") + hostileSubject);
    EXPECT_FALSE(tray.toolTip().contains(QLatin1Char('<')));
}

} // namespace
