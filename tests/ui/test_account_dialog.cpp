// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountDialog.h"
#include "UiTestUtil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::test::child;
using poplar::ui::AccountDialog;

namespace {

QPushButton *okButton(const AccountDialog &dialog)
{
    return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

TEST(AccountDialogTest, NewAccountHasSafeDefaults)
{
    AccountDialog dialog;
    EXPECT_EQ(child<QSpinBox>(dialog, "portSpin")->value(), 995);
    EXPECT_EQ(child<QComboBox>(dialog, "securityCombo")->currentIndex(), 0);
    EXPECT_TRUE(child<QCheckBox>(dialog, "leaveOnServerCheck")->isChecked());
    EXPECT_TRUE(child<QCheckBox>(dialog, "deleteFromServerCheck")->isChecked());
    EXPECT_TRUE(child<QLabel>(dialog, "insecureWarning")->isHidden());
    EXPECT_EQ(child<QLineEdit>(dialog, "passwordEdit")->echoMode(), QLineEdit::Password);
    EXPECT_FALSE(okButton(dialog)->isEnabled());
}

TEST(AccountDialogTest, OkNeedsServerAndUserAsTyped)
{
    AccountDialog dialog;
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), QStringLiteral("pop.example.org"));
    EXPECT_FALSE(okButton(dialog)->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("alice"));
    EXPECT_TRUE(okButton(dialog)->isEnabled());

    // A host name with a space is caught by AccountStore::validate.
    QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), QStringLiteral(" x"));
    EXPECT_FALSE(okButton(dialog)->isEnabled());
    EXPECT_FALSE(child<QLabel>(dialog, "problemLabel")->text().isEmpty());
}

TEST(AccountDialogTest, SecurityModeMovesADefaultPortAndWarnsWhenUnencrypted)
{
    AccountDialog dialog;
    auto *security = child<QComboBox>(dialog, "securityCombo");
    auto *port = child<QSpinBox>(dialog, "portSpin");
    auto *warning = child<QLabel>(dialog, "insecureWarning");

    security->setCurrentIndex(security->findData(int(Security::StartTls)));
    EXPECT_EQ(port->value(), 110);
    EXPECT_TRUE(warning->isHidden());

    security->setCurrentIndex(security->findData(int(Security::None)));
    EXPECT_EQ(port->value(), 110);
    EXPECT_FALSE(warning->isHidden());
    EXPECT_EQ(warning->text(),
              QStringLiteral("Your password and mail will cross the network unencrypted."));

    security->setCurrentIndex(security->findData(int(Security::Tls)));
    EXPECT_EQ(port->value(), 995);
    EXPECT_TRUE(warning->isHidden());

    // A port the user chose stays.
    port->setValue(1995);
    security->setCurrentIndex(security->findData(int(Security::StartTls)));
    EXPECT_EQ(port->value(), 1995);
    EXPECT_EQ(dialog.account().security, Security::StartTls);
    EXPECT_EQ(dialog.account().port, 1995);
}

TEST(AccountDialogTest, EditingKeepsWhatTheDialogDoesNotShow)
{
    Account original;
    original.id = QStringLiteral("4");
    original.name = QStringLiteral("Work");
    original.host = QStringLiteral("pop.work.example");
    original.user = QStringLiteral("bob");
    original.security = Security::StartTls;
    original.port = 110;
    original.auth = AuthMethod::CramMd5;
    original.sizeLimitKb = 512;
    original.leaveOnServer = false;

    AccountDialog dialog(original);
    EXPECT_TRUE(okButton(dialog)->isEnabled());
    EXPECT_EQ(child<QSpinBox>(dialog, "portSpin")->value(), 110);
    EXPECT_FALSE(child<QCheckBox>(dialog, "leaveOnServerCheck")->isChecked());
    EXPECT_EQ(dialog.account(), original);
    EXPECT_TRUE(dialog.password().isEmpty());

    child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("Office"));
    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("n3w"));
    const Account edited = dialog.account();
    EXPECT_EQ(edited.id, QStringLiteral("4"));
    EXPECT_EQ(edited.name, QStringLiteral("Office"));
    EXPECT_EQ(edited.auth, AuthMethod::CramMd5);
    EXPECT_EQ(edited.sizeLimitKb, 512);
    EXPECT_EQ(dialog.password(), QStringLiteral("n3w"));
}

} // namespace

TEST(AccountDialogTest, CheckingScheduleIsShownAndSaved)
{
    Account original;
    original.host = QStringLiteral("pop.example.org");
    original.user = QStringLiteral("a");
    AccountDialog dialog(original);
    EXPECT_TRUE(child<QCheckBox>(dialog, "checkOnStartupCheck")->isChecked());
    EXPECT_EQ(child<QSpinBox>(dialog, "checkEverySpin")->value(), 10);
    child<QCheckBox>(dialog, "checkOnStartupCheck")->setChecked(false);
    child<QSpinBox>(dialog, "checkEverySpin")->setValue(0);
    const Account edited = dialog.account();
    EXPECT_FALSE(edited.checkOnStartup);
    EXPECT_EQ(edited.checkEveryMinutes, 0);
}
