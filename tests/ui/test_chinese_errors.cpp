// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: a user whose desktop speaks Simplified Chinese reads the errors that matter most
// in Chinese: a wrong password, an untrusted certificate. ctest runs these tests under
// LANG=zh_CN.UTF-8 (tests/ui/CMakeLists.txt), and the fixture loads the words as main() does.
#include "WindowFixture.h"

#include "CertificateDialog.h"
#include "DovecotServer.h"
#include "FakePop3Server.h"

#include "util/Translations.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QTextDocumentFragment>

using namespace poplar;
using poplar::test::FakePop3Server;

namespace {

/// An English sentence left in a text: two English words in a row. Run on what remains once
/// the server's own words and the certificate's names (data, never translated) are taken out.
QString englishIn(const QString &text)
{
    static const QRegularExpression words(
        QStringLiteral("[A-Za-z]{2,}[\\s,.;:!?()\"]+[A-Za-z]{2,}"));
    return words.match(text).captured();
}

QString without(QString text, const QStringList &data)
{
    for (const QString &d : data) {
        if (!d.isEmpty())
            text.remove(d);
    }
    return text;
}

QString plainTextOf(const QLabel *label)
{
    return QTextDocumentFragment::fromHtml(label->text()).toPlainText();
}

class ChineseErrorsTest : public test::WindowFixture {
protected:
    void SetUp() override
    {
        // ctest gives LANG=zh_CN.UTF-8; run by hand under another locale, the test still
        // means the same.
        if (QLocale::system().name() != QLatin1String("zh_CN")) {
            QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
            m_localeForced = true;
        }
        m_translations.emplace(); // the user's language, as main() and poplarctl load it
        ASSERT_TRUE(m_translations->poplarInstalled());
        WindowFixture::SetUp();
    }

    void TearDown() override
    {
        WindowFixture::TearDown();
        m_translations.reset();
        if (m_localeForced)
            QLocale::setDefault(QLocale::system());
    }

    sync::SyncResult waitForSync()
    {
        std::optional<sync::SyncResult> result;
        auto connection = QObject::connect(&*m_sync, &sync::SyncController::finished,
                                           [&](const sync::SyncResult &r) { result = r; });
        EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }, 20'000));
        QObject::disconnect(connection);
        return result.value_or(sync::SyncResult{});
    }

    static ui::CertificateDialog *openCertificateDialog()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *d = qobject_cast<ui::CertificateDialog *>(w); d && d->isVisible())
                return d;
        return nullptr;
    }

    std::optional<Translations> m_translations;
    bool m_localeForced = false;
};

TEST_F(ChineseErrorsTest, AWrongPasswordIsReportedInChinese)
{
    const QByteArray serverWords = "[AUTH] Authentication failed";
    FakePop3Server server;
    FakePop3Server::Mailbox box;
    box.messages.insert(1, "Subject: hello\r\n\r\nhi\r\n");
    box.replies.insert("PASS", "-ERR " + serverWords);
    server.serveMailbox(box);
    addAccount(QStringLiteral("家里"), server.port());
    ui::MainWindow &window = makeWindow();

    window.getMessagesAction()->trigger();
    const sync::SyncResult result = waitForSync();
    ASSERT_TRUE(result.error.has_value());
    EXPECT_EQ(result.error->code, Error::Code::Auth);

    auto *status = window.findChild<QLabel *>(QStringLiteral("syncStatus"));
    ASSERT_NE(status, nullptr);
    const QString shown = plainTextOf(status);
    EXPECT_TRUE(shown.startsWith(QStringLiteral("家里"))) << qPrintable(shown);
    // Pop3Client's sentence and Error's frame around the server's words, in Chinese.
    EXPECT_TRUE(shown.contains(QStringLiteral("服务器拒绝了用户“alice”的密码")))
        << qPrintable(shown);
    EXPECT_TRUE(shown.contains(QStringLiteral("（服务器回复：") + QString::fromLatin1(serverWords)))
        << qPrintable(shown);
    // The server's words stay as the server said them; nothing else is English.
    EXPECT_TRUE(englishIn(without(shown, {QString::fromLatin1(serverWords)})).isEmpty())
        << "English left in: " << qPrintable(shown);
}

TEST_F(ChineseErrorsTest, AnUntrustedCertificateIsDescribedInChinese)
{
    test::DovecotServer dovecot;
    QString error;
    ASSERT_TRUE(dovecot.start(&error)) << qPrintable(error);
    ASSERT_FALSE(dovecot.addMessage("Subject: behind the certificate\r\n\r\nhi\r\n").isEmpty());
    Account a;
    a.name = QStringLiteral("自签名服务器");
    a.host = dovecot.host();
    a.port = dovecot.tlsPort();
    a.security = Security::Tls; // and no CA file: the certificate is not trusted
    a.user = dovecot.user();
    a.passwordSource = PasswordSource::Command;
    a.passwordCommand = QStringLiteral("echo %1").arg(dovecot.password());
    a.checkOnStartup = false;
    ASSERT_TRUE(m_accounts->add(a).ok());
    ui::MainWindow &window = makeWindow();

    window.getMessages();
    ASSERT_TRUE(test::waitUntil([] { return openCertificateDialog() != nullptr; }, 20'000));
    ui::CertificateDialog *dialog = openCertificateDialog();
    const CertificateInfo &info = dialog->certificate();
    const QStringList data{info.subject, info.issuer, info.sha256, a.host};

    // The dialog: its title and advice are the window's words; the problems are the core's.
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("不受信任的证书"));
    auto *headline = dialog->findChild<QLabel *>(QStringLiteral("certificateHeadline"));
    auto *advice = dialog->findChild<QLabel *>(QStringLiteral("certificateAdvice"));
    ASSERT_NE(headline, nullptr);
    ASSERT_NE(advice, nullptr);
    const QString headlineText = plainTextOf(headline);
    EXPECT_TRUE(headlineText.contains(QStringLiteral("自签名"))) << qPrintable(headlineText);
    ASSERT_FALSE(info.problems.isEmpty());
    for (const QString &problem : info.problems)
        EXPECT_TRUE(englishIn(problem).isEmpty()) << "English left in: " << qPrintable(problem);
    EXPECT_TRUE(englishIn(without(headlineText, data)).isEmpty())
        << "English left in: " << qPrintable(headlineText);
    EXPECT_TRUE(englishIn(plainTextOf(advice)).isEmpty())
        << "English left in: " << qPrintable(plainTextOf(advice));

    // The status line: SocketTransport's sentence, with the certificate's facts as data.
    auto *status = window.findChild<QLabel *>(QStringLiteral("syncStatus"));
    ASSERT_NE(status, nullptr);
    const QString shown = plainTextOf(status);
    EXPECT_TRUE(shown.contains(QStringLiteral("的证书不受信任"))) << qPrintable(shown);
    EXPECT_TRUE(shown.contains(QStringLiteral("自签名"))) << qPrintable(shown);
    EXPECT_TRUE(shown.contains(info.sha256)) << qPrintable(shown);
    EXPECT_TRUE(englishIn(without(shown, data)).isEmpty())
        << "English left in: " << qPrintable(shown);
    dialog->reject();
}

} // namespace
