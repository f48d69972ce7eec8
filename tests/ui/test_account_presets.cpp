// SPDX-License-Identifier: GPL-3.0-or-later
// The account dialog's helpers: provider presets as the address is typed, the fields for
// every policy, "Test Connection" against a real Dovecot, and trusting a certificate.
#include "AccountDialog.h"
#include "CertificateDialog.h"
#include "DovecotServer.h"
#include "MemorySecretStore.h"
#include "UiTestUtil.h"

#include "accounts/PasswordProvider.h"
#include "sync/SyncController.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::test::child;
using poplar::test::waitUntil;
using poplar::ui::AccountDialog;
using poplar::ui::CertificateDialog;

namespace {

TEST(AccountPresets, TypingAQqAddressFillsInTheServerAndAsksForTheAuthorisationCode)
{
    AccountDialog dialog;
    QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), QStringLiteral("12345@qq.com"));
    const Account a = dialog.account();
    EXPECT_EQ(a.host, QStringLiteral("pop.qq.com"));
    EXPECT_EQ(a.port, 995);
    EXPECT_EQ(a.security, Security::Tls);
    EXPECT_EQ(a.user, QStringLiteral("12345@qq.com"));
    const QLabel *note = child<QLabel>(dialog, "presetNote");
    EXPECT_FALSE(note->isHidden());
    EXPECT_TRUE(note->text().contains(QStringLiteral("授权码"))) << qPrintable(note->text());
}

TEST(AccountPresets, AServerTheUserTypedIsNeverReplaced)
{
    AccountDialog dialog;
    QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), QStringLiteral("mail.corp.example"));
    QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("jdoe"));
    QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), QStringLiteral("jdoe@gmail.com"));
    EXPECT_EQ(dialog.account().host, QStringLiteral("mail.corp.example"));
    EXPECT_EQ(dialog.account().user, QStringLiteral("jdoe"));
    // An unknown domain fills in nothing but the user name, and says nothing.
    AccountDialog other;
    QTest::keyClicks(child<QLineEdit>(other, "emailEdit"), QStringLiteral("me@example.org"));
    EXPECT_TRUE(other.account().host.isEmpty());
    EXPECT_EQ(other.account().user, QStringLiteral("me@example.org"));
    EXPECT_TRUE(child<QLabel>(other, "presetNote")->isHidden());
}

TEST(AccountPresets, MicrosoftAddressesChooseOAuth)
{
    AccountDialog dialog;
    QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), QStringLiteral("someone@hotmail.com"));
    EXPECT_EQ(dialog.account().auth, AuthMethod::XOAuth2);
    EXPECT_EQ(dialog.account().host, QStringLiteral("outlook.office365.com"));
}

TEST(AccountPresets, EveryPolicyFieldRoundTrips)
{
    Account given;
    given.id = QStringLiteral("a1");
    given.name = QStringLiteral("Work");
    given.host = QStringLiteral("pop.example.org");
    given.user = QStringLiteral("me");
    given.auth = AuthMethod::ScramSha256;
    given.deleteFromServerAfterDays = 30;
    given.sizeLimitKb = 500;
    given.pinSha256 = QStringLiteral("ab12");
    AccountDialog dialog(given);
    EXPECT_EQ(dialog.account(), given);
    child<QSpinBox>(dialog, "deleteAfterDaysSpin")->setValue(7);
    child<QSpinBox>(dialog, "sizeLimitSpin")->setValue(0);
    QComboBox *auth = child<QComboBox>(dialog, "authCombo");
    auth->setCurrentIndex(auth->findData(int(AuthMethod::Plain)));
    EXPECT_EQ(dialog.account().deleteFromServerAfterDays, 7);
    EXPECT_EQ(dialog.account().sizeLimitKb, 0);
    EXPECT_EQ(dialog.account().auth, AuthMethod::Plain);
}

class AccountDialogConnection : public ::testing::Test {
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(m_server.start(&error)) << qPrintable(error);
        ASSERT_FALSE(m_server.addMessage("Subject: one\r\n\r\nbody\r\n").isEmpty());
        ASSERT_FALSE(m_server.addMessage("Subject: two\r\n\r\nbody\r\n").isEmpty());
    }

    Account account(bool trustCa) const
    {
        Account a;
        a.name = QStringLiteral("Test");
        a.host = m_server.host();
        a.port = m_server.tlsPort();
        a.security = Security::Tls;
        a.user = m_server.user();
        if (trustCa)
            a.caFile = m_server.caFile();
        return a;
    }

    QString clickTestAndWait(AccountDialog &dialog)
    {
        const QLabel *result = child<QLabel>(dialog, "testResult");
        QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
        const bool done = waitUntil(
            [&] {
                return !result->text().isEmpty() &&
                       !result->text().startsWith(QStringLiteral("Connecting"));
            },
            20000);
        EXPECT_TRUE(done) << qPrintable(result->text());
        return result->text();
    }

    /// A dialog whose Test Connection runs on this fixture's sync thread.
    std::unique_ptr<AccountDialog> dialogFor(const Account &a)
    {
        auto dialog = std::make_unique<AccountDialog>(a);
        dialog->setSync(&m_sync);
        return dialog;
    }

    test::DovecotServer m_server;
    QTemporaryDir m_dir;
    test::MemorySecretStore m_secrets;
    PasswordProvider m_passwords{m_secrets};
    sync::SyncController m_sync{m_dir.filePath(QStringLiteral("cache.sqlite")), m_passwords};
};

TEST_F(AccountDialogConnection, TestConnectionLogsInAndSaysHowMuchMailWaits)
{
    auto owned = dialogFor(account(true));
    AccountDialog &dialog = *owned;
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), m_server.password());
    const QString result = clickTestAndWait(dialog);
    EXPECT_TRUE(result.contains(QStringLiteral("Logged in to 127.0.0.1"))) << qPrintable(result);
    EXPECT_TRUE(result.contains(QStringLiteral("2 messages"))) << qPrintable(result);
}

// Accessibility, seen in the screenshot of rough edge 1: pressed from the keyboard, Test
// Connection kept the focus while the password command ran, instead of handing it on.
TEST_F(AccountDialogConnection, FromTheKeyboardTheFocusStaysOnTestConnection)
{
    Account a = account(true);
    a.passwordSource = PasswordSource::Command;
    a.passwordCommand = QStringLiteral("echo %1").arg(m_server.password());
    auto owned = dialogFor(a);
    AccountDialog &dialog = *owned;
    dialog.show();
    dialog.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));
    auto *test = child<QPushButton>(dialog, "testButton");
    test->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(test->hasFocus());
    QTest::keyClick(test, Qt::Key_Space);
    const QLabel *result = child<QLabel>(dialog, "testResult");
    ASSERT_TRUE(
        waitUntil([&] { return result->text().contains(QStringLiteral("Logged in")); }, 20000))
        << qPrintable(result->text());
    EXPECT_TRUE(test->hasFocus()) << "focus went to "
                                  << qPrintable(QApplication::focusWidget()
                                                    ? QApplication::focusWidget()->objectName()
                                                    : QStringLiteral("nothing"));
}

TEST_F(AccountDialogConnection, AWrongPasswordIsSaidInWords)
{
    auto owned = dialogFor(account(true));
    AccountDialog &dialog = *owned;
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("wrong"));
    const QString result = clickTestAndWait(dialog);
    EXPECT_FALSE(result.contains(QStringLiteral("Logged in"))) << qPrintable(result);
    EXPECT_TRUE(result.contains(QStringLiteral("password"), Qt::CaseInsensitive))
        << qPrintable(result);
    EXPECT_FALSE(result.contains(QStringLiteral("wrong"))) << "the password leaked into the text";
}

TEST_F(AccountDialogConnection, TrustingTheCertificatePinsItToTheAccount)
{
    auto owned = dialogFor(account(false)); // the self-signed certificate is not trusted
    AccountDialog &dialog = *owned;
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), m_server.password());
    QString shownFingerprint;
    // The certificate dialog is modal: answer it from the event loop it runs.
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto *certificate = qobject_cast<CertificateDialog *>(QApplication::activeModalWidget());
        if (!certificate)
            return;
        shownFingerprint = child<QLabel>(*certificate, "fingerprintLabel")->text();
        QTest::mouseClick(child<QPushButton>(*certificate, "trustButton"), Qt::LeftButton);
    });
    answer.start(50);
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] {
            return child<QLabel>(dialog, "testResult")
                ->text()
                .contains(QStringLiteral("Logged in"));
        },
        20000))
        << qPrintable(child<QLabel>(dialog, "testResult")->text());
    answer.stop();

    QFile pem(m_server.caFile());
    ASSERT_TRUE(pem.open(QIODevice::ReadOnly));
    const QList<QSslCertificate> certs = QSslCertificate::fromData(pem.readAll());
    ASSERT_FALSE(certs.isEmpty());
    const QString expected =
        QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(dialog.account().pinSha256, expected);
    // Shown on two lines of 16 pairs (the <br> stands for the colon between them).
    EXPECT_EQ(shownFingerprint.replace(QStringLiteral("<br>"), QStringLiteral(":")),
              CertificateDialog::formatFingerprint(expected));
}

TEST_F(AccountDialogConnection, AServerThatNeverAnswersLeavesTheDialogResponsiveAndStopWorks)
{
    // A server that accepts and then says nothing: the test waits on the sync thread, and
    // the dialog goes on answering its user; Stop ends the test there.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> accepted;
    int dropped = 0;
    QObject::connect(&silent, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection()) {
            accepted.append(s);
            QObject::connect(s, &QTcpSocket::disconnected, [&dropped] { ++dropped; });
        }
    });
    Account a = account(true);
    a.port = silent.serverPort();
    auto owned = dialogFor(a);
    AccountDialog &dialog = *owned;
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("pw"));
    auto *button = child<QPushButton>(dialog, "testButton");
    QTest::mouseClick(button, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !accepted.isEmpty(); }, 10000));
    // The dialog still takes input while the server is silent.
    auto *user = child<QLineEdit>(dialog, "userEdit");
    user->clear();
    QTest::keyClicks(user, QStringLiteral("typed-meanwhile"));
    EXPECT_EQ(user->text(), QStringLiteral("typed-meanwhile"));
    EXPECT_TRUE(
        child<QLabel>(dialog, "testResult")->text().startsWith(QStringLiteral("Connecting")));
    QTest::mouseClick(button, Qt::LeftButton); // Stop
    EXPECT_TRUE(waitUntil([&] { return dropped == 1; }, 10000))
        << "the sync side dropped the connection";
    EXPECT_FALSE(child<QLabel>(dialog, "testResult")->isVisible());
}

TEST(CertificateDialogTest, RefusingIsTheDefaultAndTheFactsAreShown)
{
    CertificateInfo info;
    info.subject = QStringLiteral("CN=localhost");
    info.issuer = QStringLiteral("CN=localhost");
    info.notBefore = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    info.notAfter = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
    info.sha256 = QStringLiteral("0a1b2c");
    info.problems = {QStringLiteral("self-signed")};
    CertificateDialog dialog(QStringLiteral("pop.example.org"), info);
    EXPECT_EQ(child<QLabel>(dialog, "fingerprintLabel")->text(), QStringLiteral("0A:1B:2C"));
    EXPECT_TRUE(child<QLabel>(dialog, "certificateHeadline")
                    ->text()
                    .contains(QStringLiteral("self-signed")));
    EXPECT_FALSE(child<QPushButton>(dialog, "trustButton")->isDefault());
}

} // namespace
