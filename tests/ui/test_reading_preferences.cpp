// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "MessageView.h"
#include "MessageWindow.h"
#include "ReadingActions.h"
#include "ReadingPreferences.h"

#include <QAction>
#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QTemporaryDir>

using namespace poplar;

namespace {

class ReadingPreferencesTest : public test::WindowFixture {
protected:
    ui::MainWindow &reopen()
    {
        m_window->close();
        m_window.reset();
        return makeWindow();
    }

    qint64 storeAlternative(const QString &account)
    {
        const QByteArray raw = "From: Shop <news@shop.example>\r\n"
                               "To: me@example.org\r\n"
                               "Subject: Both ways\r\n"
                               "Date: Tue, 10 Nov 2026 08:00:00 +0000\r\n"
                               "MIME-Version: 1.0\r\n"
                               "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
                               "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                               "the plain words\r\n"
                               "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                               "<p>the <b>html</b> words</p>\r\n"
                               "--b--\r\n";
        return test::storeMessage(*m_store, account, QStringLiteral("alt"), raw);
    }

    /// The message windows open over `window`, oldest first.
    static QList<ui::MessageWindow *> messageWindows(const ui::MainWindow &window)
    {
        return window.findChildren<ui::MessageWindow *>(Qt::FindDirectChildrenOnly);
    }
};

TEST_F(ReadingPreferencesTest, PreferPlainTextShowsThePlainAlternativeAndIsRemembered)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const qint64 id = storeAlternative(account);
    ui::MainWindow &window = makeWindow();
    selectMessage(window, id);
    ASSERT_TRUE(test::waitUntil(
        [&] { return window.messageView()->bodyText().contains(QStringLiteral("html words")); }));

    window.readingPreferences()->preferPlainTextAction()->trigger();
    ui::MainWindow &again = reopen();
    EXPECT_TRUE(again.readingPreferences()->preferPlainTextAction()->isChecked());
    selectMessage(again, id);
    ASSERT_TRUE(test::waitUntil([&] {
        return again.messageView()->bodyText().contains(QStringLiteral("plain words"));
    })) << qPrintable(again.messageView()->bodyText());
}

TEST_F(ReadingPreferencesTest, ASenderTrustedOnceStaysTrusted)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const qint64 id = storeAlternative(account);
    ui::MainWindow &window = makeWindow();
    selectMessage(window, id);
    ASSERT_TRUE(test::waitUntil([&] { return window.messageView()->messageId() == id; }));
    ASSERT_TRUE(test::waitUntil([&] { return !window.messageView()->bodyText().isEmpty(); }));
    window.messageView()->trustSender();
    const QSettings settings(m_profile->iniPath(), QSettings::IniFormat);
    EXPECT_EQ(settings.value(QStringLiteral("reading/trustedSenders")).toStringList(),
              QStringList{QStringLiteral("news@shop.example")});

    ui::MainWindow &again = reopen();
    EXPECT_TRUE(
        again.messageView()->trustedSenders().contains(QStringLiteral("news@shop.example")));
}

TEST_F(ReadingPreferencesTest, AMessageOpenedInItsOwnWindowPrefersPlainTextToo)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const qint64 id = storeAlternative(account);
    ui::MainWindow &window = makeWindow();
    window.readingPreferences()->preferPlainTextAction()->trigger();
    selectMessage(window, id);
    window.readingActions()->openInWindowAction()->trigger(); // Enter on the list

    const QList<ui::MessageWindow *> windows = messageWindows(window);
    ASSERT_EQ(windows.size(), 1);
    ui::MessageView *view = windows.first()->view();
    ASSERT_TRUE(test::waitUntil([&] { return !view->bodyText().isEmpty(); }));
    EXPECT_TRUE(view->bodyText().contains(QStringLiteral("plain words")))
        << qPrintable(view->bodyText());
    EXPECT_FALSE(view->bodyText().contains(QStringLiteral("html words")));
}

TEST_F(ReadingPreferencesTest, ASenderTrustedInAMessageWindowIsRememberedByEveryViewer)
{
    QTemporaryDir files;
    ASSERT_TRUE(files.isValid());
    const QString path = files.filePath(QStringLiteral("offer.eml"));
    {
        QFile eml(path);
        ASSERT_TRUE(eml.open(QIODevice::WriteOnly));
        // A closed local port: should anything be fetched, it fails at once, with no network.
        eml.write("From: Shop <news@shop.example>\r\nTo: me@example.org\r\n"
                  "Subject: Offers\r\nDate: Mon, 06 May 2024 12:00:00 +0000\r\n"
                  "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                  "<p>Sale!</p><img src=\"http://127.0.0.1:1/pixel.gif\">\r\n");
    }
    ui::MainWindow &window = makeWindow();
    window.readingActions()->openFiles({path});
    ASSERT_EQ(messageWindows(window).size(), 1);
    QPointer<ui::MessageWindow> first = messageWindows(window).first();
    ASSERT_TRUE(test::waitUntil(
        [&] { return first->view()->bodyText().contains(QStringLiteral("Sale")); }));
    ASSERT_FALSE(first->view()->remoteContentAllowed());

    first->view()->trustSender(); // "Always for This Sender"
    const QSettings settings(m_profile->iniPath(), QSettings::IniFormat);
    EXPECT_EQ(settings.value(QStringLiteral("reading/trustedSenders")).toStringList(),
              QStringList{QStringLiteral("news@shop.example")});
    EXPECT_TRUE(
        window.messageView()->trustedSenders().contains(QStringLiteral("news@shop.example")));

    // The next window of that sender loads its remote content without asking.
    window.readingActions()->openFiles({path});
    ASSERT_EQ(messageWindows(window).size(), 2);
    ui::MessageView *second = messageWindows(window).last()->view();
    ASSERT_NE(second, first->view());
    ASSERT_TRUE(
        test::waitUntil([&] { return second->bodyText().contains(QStringLiteral("Sale")); }));
    EXPECT_TRUE(second->remoteContentAllowed());
}

} // namespace
