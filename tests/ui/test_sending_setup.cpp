// SPDX-License-Identifier: GPL-3.0-or-later
// Setting up sending in the account dialog: presets fill in the outgoing server, the
// Sending dialog edits the identity and the server and refuses what cannot work, and Test
// Connection tests both servers, a real Dovecot and a real SMTP server (aiosmtpd).
#include "AccountDialog.h"
#include "DovecotServer.h"
#include "MemorySecretStore.h"
#include "SendingDialog.h"
#include "SmtpServer.h"
#include "UiTestUtil.h"

#include "accounts/PasswordProvider.h"
#include "smtp/OutboxController.h"
#include "sync/SyncController.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::test::child;
using poplar::test::waitUntil;
using poplar::ui::AccountDialog;
using poplar::ui::SendingDialog;

TEST(SendingSetup, AProvidersAddressFillsInItsOutgoingServerToo)
{
    AccountDialog dialog;
    QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), QStringLiteral("li.lei@163.com"));
    const Account a = dialog.account();
    EXPECT_EQ(a.smtp.host, QStringLiteral("smtp.163.com"));
    EXPECT_EQ(a.smtp.port, 465);
    EXPECT_EQ(a.smtp.security, Security::Tls);
    EXPECT_TRUE(a.smtp.samePassword) << "the same password (the authorisation code)";
    EXPECT_TRUE(dialog.sendingSummary()->text().contains(QStringLiteral("smtp.163.com:465")));
    EXPECT_TRUE(dialog.sendingSummary()->text().contains(QStringLiteral("li.lei@163.com")));
}

TEST(SendingSetup, TheSendingDialogEditsWhoAndWhereAndHoldsOkWhileItCannotWork)
{
    Account a;
    a.emailAddress = QStringLiteral("alice@example.org");
    a.user = QStringLiteral("alice");
    SendingDialog dialog(a);
    QPushButton *ok = child<QDialogButtonBox>(dialog, "")->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(ok->isEnabled()) << "no server: the account only receives";
    dialog.hostEdit()->setText(QStringLiteral("smtp.example.org"));
    dialog.securityCombo()->setCurrentIndex(dialog.securityCombo()->findData(int(Security::Tls)));
    EXPECT_EQ(dialog.portSpin()->value(), 465) << "the port follows SSL/TLS";
    dialog.nameEdit()->setText(QStringLiteral("Alice Liddell"));
    EXPECT_TRUE(ok->isEnabled());
    const Account edited = dialog.applyTo(a);
    EXPECT_EQ(edited.smtp.host, QStringLiteral("smtp.example.org"));
    EXPECT_EQ(edited.smtp.port, 465);
    EXPECT_EQ(edited.identity.name, QStringLiteral("Alice Liddell"));
    EXPECT_TRUE(edited.canSend());
    dialog.nameEdit()->setText(QStringLiteral("Alice\nBcc: all@example.org"));
    EXPECT_FALSE(ok->isEnabled()) << "a line break would write a header of its own";
}

namespace {

class SendingSetupConnection : public ::testing::Test {
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(m_pop.start(&error)) << qPrintable(error);
        ASSERT_TRUE(m_smtp.start(&error)) << qPrintable(error);
        // One CA file for both test servers, as a user's own CA would sign both.
        QFile both(m_dir.filePath(QStringLiteral("ca.pem")));
        ASSERT_TRUE(both.open(QIODevice::WriteOnly));
        for (const QString &path : {m_pop.caFile(), m_smtp.caFile()}) {
            QFile f(path);
            ASSERT_TRUE(f.open(QIODevice::ReadOnly));
            both.write(f.readAll() + '\n');
        }
    }

    Account account(const QString &smtpPassword) const
    {
        Account a;
        a.name = QStringLiteral("Test");
        a.emailAddress = m_smtp.user();
        a.host = m_pop.host();
        a.port = m_pop.tlsPort();
        a.security = Security::Tls;
        a.user = m_pop.user();
        a.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        a.smtp.host = m_smtp.host();
        a.smtp.port = m_smtp.startTlsPort();
        a.smtp.security = Security::StartTls;
        a.smtp.user = m_smtp.user();
        a.smtp.samePassword = false;
        a.smtp.passwordSource = PasswordSource::Command;
        a.smtp.passwordCommand = QStringLiteral("printf '%s\\n' '%1'").arg(smtpPassword);
        return a;
    }

    QString testBoth(const Account &a)
    {
        AccountDialog dialog(a);
        dialog.setSync(&m_sync);
        dialog.setOutbox(&m_outbox);
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), m_pop.password());
        QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
        const QLabel *result = dialog.testResult();
        EXPECT_TRUE(waitUntil(
            [&] {
                return result->text().count(QLatin1Char('\n')) == 1 &&
                       !result->text().contains(QStringLiteral("Connecting"));
            },
            30'000))
            << qPrintable(result->text());
        return result->text();
    }

    test::DovecotServer m_pop;
    test::SmtpServer m_smtp;
    QTemporaryDir m_dir;
    test::MemorySecretStore m_secrets;
    PasswordProvider m_passwords{m_secrets};
    sync::SyncController m_sync{m_dir.filePath(QStringLiteral("cache.sqlite")), m_passwords};
    smtp::OutboxController m_outbox{m_dir.filePath(QStringLiteral("cache.sqlite")), m_passwords};
};

} // namespace

TEST_F(SendingSetupConnection, TestConnectionLogsInToBothServers)
{
    const QString result = testBoth(account(m_smtp.password()));
    EXPECT_TRUE(result.contains(QStringLiteral("Logged in to"))) << qPrintable(result);
    EXPECT_TRUE(result.contains(QStringLiteral("took the login"))) << qPrintable(result);
}

TEST_F(SendingSetupConnection, AWrongSendingPasswordIsSaidUnderTheIncomingResult)
{
    const QString result = testBoth(account(QStringLiteral("not-it")));
    EXPECT_TRUE(result.contains(QStringLiteral("Logged in to"))) << qPrintable(result);
    EXPECT_TRUE(result.contains(QStringLiteral("outgoing server rejected the password")))
        << qPrintable(result);
    EXPECT_FALSE(result.contains(QStringLiteral("not-it"))) << "the password leaked";
}
