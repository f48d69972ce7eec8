// SPDX-License-Identifier: GPL-3.0-or-later
// Passwords on a desktop without a keychain: the account dialog says so before OK and offers
// "Ask when checking mail" or a password command; a check that has no password asks for it.
#include "WindowFixture.h"

#include "AccountDialog.h"
#include "DovecotServer.h"
#include "PasswordPrompt.h"
#include "SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

using namespace poplar;

namespace {

class PasswordSourceTest : public test::WindowFixture {
protected:
    void SetUp() override
    {
        WindowFixture::SetUp();
        m_secrets.setUnreachable(true); // no Secret Service, no KWallet
        QString error;
        ASSERT_TRUE(m_server.start(&error)) << qPrintable(error);
        ASSERT_FALSE(m_server.addMessage("Subject: first mail\r\n\r\nhello\r\n").isEmpty());
    }

    template<typename T> static T *visible()
    {
        T *found = nullptr;
        test::waitUntil([&] {
            for (QWidget *w : QApplication::allWidgets())
                if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
                    found = d;
            return found != nullptr;
        });
        return found;
    }

    /// Opens Settings ▸ Add… and fills in the Dovecot fixture's plain port.
    ui::AccountDialog *openFilledDialog(ui::MainWindow &window)
    {
        window.openSettings();
        auto *settings = visible<ui::SettingsDialog>();
        EXPECT_NE(settings, nullptr);
        if (!settings)
            return nullptr;
        settings->addAccount();
        auto *dialog = visible<ui::AccountDialog>();
        EXPECT_NE(dialog, nullptr);
        if (!dialog)
            return nullptr;
        QTest::keyClicks(test::child<QLineEdit>(*dialog, "nameEdit"), QStringLiteral("Dovecot"));
        QTest::keyClicks(test::child<QLineEdit>(*dialog, "hostEdit"), m_server.host());
        auto *security = test::child<QComboBox>(*dialog, "securityCombo");
        security->setCurrentIndex(security->findData(int(Security::None)));
        test::child<QSpinBox>(*dialog, "portSpin")->setValue(m_server.plainPort());
        QTest::keyClicks(test::child<QLineEdit>(*dialog, "userEdit"), m_server.user());
        dialog->findChild<QCheckBox *>(QStringLiteral("checkOnStartupCheck"))->setChecked(false);
        return dialog;
    }

    static void clickOk(QDialog &dialog)
    {
        auto *buttons = test::child<QDialogButtonBox>(dialog, "buttonBox");
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        ASSERT_TRUE(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
    }

    QByteArray iniText() const
    {
        QFile file(m_profile->iniPath());
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }

    test::DovecotServer m_server;
};

TEST_F(PasswordSourceTest, AskWhenCheckingMailAsksAtTheFirstCheckAndTheMailComes)
{
    ui::MainWindow &window = makeWindow();
    ui::AccountDialog *dialog = openFilledDialog(window);
    ASSERT_NE(dialog, nullptr);

    // Before OK: the dialog says the keychain cannot be reached and chose "Ask" instead.
    auto *status = test::child<QLabel>(*dialog, "keychainStatus");
    EXPECT_TRUE(status->isVisible());
    EXPECT_TRUE(status->text().contains(QStringLiteral("cannot be stored there")));
    EXPECT_TRUE(status->text().contains(QStringLiteral("dbus-launch")));
    // The wrapped notes are shown whole, not cut off after a line and a half.
    for (auto *label : {status, test::child<QLabel>(*dialog, "passwordState")}) {
        ASSERT_TRUE(test::waitUntil(
            [&] { return label->height() >= label->heightForWidth(label->width()); }, 2000))
            << qPrintable(label->objectName()) << " " << label->height() << " < "
            << label->heightForWidth(label->width());
    }
    auto *source = test::child<QComboBox>(*dialog, "passwordSourceCombo");
    EXPECT_EQ(PasswordSource(source->currentData().toInt()), PasswordSource::Ask);
    clickOk(*dialog);

    const QList<Account> accounts = m_accounts->accounts();
    ASSERT_EQ(accounts.size(), 1);
    EXPECT_EQ(accounts.first().passwordSource, PasswordSource::Ask);
    EXPECT_FALSE(iniText().contains(m_server.password().toUtf8()));

    window.getMessages();
    auto *prompt = visible<ui::PasswordPrompt>();
    ASSERT_NE(prompt, nullptr) << "the first check asks for the password";
    EXPECT_TRUE(test::child<QCheckBox>(*prompt, "rememberCheck")->isChecked());
    QTest::keyClicks(test::child<QLineEdit>(*prompt, "promptPassword"), m_server.password());
    clickOk(*prompt);

    window.showFolder(accounts.first().id, store::Folder::Inbox);
    ASSERT_TRUE(test::waitUntil([&] { return window.messageModel()->rowCount() == 1; }, 20000));
    EXPECT_TRUE(m_passwords->remembers(accounts.first().id));
    EXPECT_FALSE(iniText().contains(m_server.password().toUtf8()));

    // A good check is remembered across restarts.
    ASSERT_TRUE(test::waitUntil([&] {
        return QDateTime::fromString(QSettings(m_profile->iniPath(), QSettings::IniFormat)
                                         .value(QStringLiteral("window/lastGoodCheck"))
                                         .toString(),
                                     Qt::ISODate)
            .isValid();
    }));

    // Remembered for the session: the next check does not ask again.
    ASSERT_TRUE(test::waitUntil([&] { return m_sync->isIdle(); }, 20000));
    window.getMessages();
    ASSERT_TRUE(test::waitUntil([&] { return m_sync->isIdle(); }, 20000));
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *p = qobject_cast<ui::PasswordPrompt *>(w)) {
            EXPECT_FALSE(p->isVisible());
        }
    }
}

TEST_F(PasswordSourceTest, APasswordCommandTypedInTheDialogIsTestedAndUsed)
{
    ui::MainWindow &window = makeWindow();
    ui::AccountDialog *dialog = openFilledDialog(window);
    ASSERT_NE(dialog, nullptr);
    auto *source = test::child<QComboBox>(*dialog, "passwordSourceCombo");
    source->setCurrentIndex(source->findData(int(PasswordSource::Command)));
    EXPECT_FALSE(test::child<QLineEdit>(*dialog, "passwordEdit")->isVisible());
    auto *command = test::child<QLineEdit>(*dialog, "passwordCommandEdit");
    ASSERT_TRUE(command->isVisible());
    QTest::keyClicks(command, QStringLiteral("echo %1").arg(m_server.password()));
    QTest::mouseClick(test::child<QPushButton>(*dialog, "testCommandButton"), Qt::LeftButton);
    auto *result = test::child<QLabel>(*dialog, "commandResult");
    ASSERT_TRUE(test::waitUntil(
        [&] { return result->text().contains(QStringLiteral("gave a password")); }, 10000))
        << qPrintable(result->text());
    EXPECT_FALSE(result->text().contains(m_server.password())); // never shown
    clickOk(*dialog);

    const QList<Account> accounts = m_accounts->accounts();
    ASSERT_EQ(accounts.size(), 1);
    EXPECT_EQ(accounts.first().passwordSource, PasswordSource::Command);
    window.getMessages();
    window.showFolder(accounts.first().id, store::Folder::Inbox);
    ASSERT_TRUE(test::waitUntil([&] { return window.messageModel()->rowCount() == 1; }, 20000));
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *p = qobject_cast<ui::PasswordPrompt *>(w)) {
            EXPECT_FALSE(p->isVisible());
        }
    }
}

TEST_F(PasswordSourceTest, AFailingCommandSaysWhyInTheDialog)
{
    ui::MainWindow &window = makeWindow();
    ui::AccountDialog *dialog = openFilledDialog(window);
    ASSERT_NE(dialog, nullptr);
    auto *source = test::child<QComboBox>(*dialog, "passwordSourceCombo");
    source->setCurrentIndex(source->findData(int(PasswordSource::Command)));
    QTest::keyClicks(test::child<QLineEdit>(*dialog, "passwordCommandEdit"),
                     QStringLiteral("echo 'no such entry' >&2; exit 2"));
    QTest::mouseClick(test::child<QPushButton>(*dialog, "testCommandButton"), Qt::LeftButton);
    auto *result = test::child<QLabel>(*dialog, "commandResult");
    ASSERT_TRUE(test::waitUntil(
        [&] { return result->text().contains(QStringLiteral("no such entry")); }, 10000))
        << qPrintable(result->text());
    dialog->reject();
}

TEST_F(PasswordSourceTest, EditingAKeychainAccountSaysNothingCanBeReadFromIt)
{
    Account a;
    a.name = QStringLiteral("Old");
    a.host = m_server.host();
    a.user = m_server.user();
    a.passwordSource = PasswordSource::Keychain;
    const Result<QString> id = m_accounts->add(a);
    ASSERT_TRUE(id.ok());
    a.id = id.value();
    ui::AccountDialog dialog(a);
    dialog.setSecrets(&m_secrets);
    dialog.show();
    auto *state = test::child<QLabel>(dialog, "passwordState");
    EXPECT_TRUE(state->isVisible());
    EXPECT_TRUE(state->text().contains(QStringLiteral("cannot be reached")))
        << qPrintable(state->text());
    EXPECT_NE(test::child<QLineEdit>(dialog, "passwordEdit")->placeholderText(),
              QStringLiteral("Unchanged"));
}

TEST_F(PasswordSourceTest, AFailedCheckSaysSoInTheStatusBarNotJustItsTime)
{
    addAccount(QStringLiteral("Nowhere"), 1); // nothing listens on port 1
    ui::MainWindow &window = makeWindow();
    window.getMessages();
    const auto *lastCheck = window.findChild<QLabel *>(QStringLiteral("lastCheckLabel"));
    ASSERT_NE(lastCheck, nullptr);
    ASSERT_TRUE(test::waitUntil([&] { return !lastCheck->text().isEmpty(); }, 20000));
    EXPECT_TRUE(lastCheck->text().contains(QStringLiteral("failed")))
        << qPrintable(lastCheck->text());
    EXPECT_TRUE(lastCheck->text().contains(QStringLiteral("no good check yet")));
}

// Issue 15, edge 11, as its screenshot showed it: after a restart a failed check said "no
// good check yet" although there had been one. The last good check is kept in poplar.ini.
TEST_F(PasswordSourceTest, AfterARestartAFailedCheckStillSaysWhenTheLastGoodOneWas)
{
    addAccount(QStringLiteral("Nowhere"), 1); // nothing listens on port 1
    const QDateTime good(QDate(2026, 11, 30), QTime(7, 45), Qt::UTC);
    QSettings(m_profile->iniPath(), QSettings::IniFormat)
        .setValue(QStringLiteral("window/lastGoodCheck"), good.toString(Qt::ISODate));
    ui::MainWindow &window = makeWindow();
    const auto *lastCheck = window.findChild<QLabel *>(QStringLiteral("lastCheckLabel"));
    ASSERT_NE(lastCheck, nullptr);
    const QString when = ui::MessageListModel::formatDate(good);
    EXPECT_EQ(lastCheck->text(), QStringLiteral("Last check %1").arg(when));
    window.getMessages();
    ASSERT_TRUE(test::waitUntil(
        [&] { return lastCheck->text().contains(QStringLiteral("failed")); }, 20000));
    EXPECT_TRUE(lastCheck->text().contains(QStringLiteral("last good check %1").arg(when)))
        << qPrintable(lastCheck->text());
}

} // namespace
