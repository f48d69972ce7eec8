// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "MessageView.h"
#include "ReadingPreferences.h"

#include <QAction>
#include <QSettings>

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

} // namespace
