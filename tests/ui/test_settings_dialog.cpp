// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountDialog.h"
#include "SettingsDialog.h"

#include "MemorySecretStore.h"
#include "UiTestUtil.h"

#include "accounts/AccountStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::ui::AccountDialog;
using poplar::ui::SettingsDialog;

namespace {

const QString secret = QStringLiteral("s3cr3t-Pa55phrase");

class SettingsDialogTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString iniPath() const { return m_dir.filePath(QStringLiteral("poplar.ini")); }

    QByteArray iniText() const
    {
        QFile file(iniPath());
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }

    /// The account dialog SettingsDialog opened (window-modal, not yet answered).
    static AccountDialog *openAccountDialog(const SettingsDialog &settings)
    {
        AccountDialog *dialog = nullptr;
        test::waitUntil([&] {
            for (AccountDialog *d : settings.findChildren<AccountDialog *>()) {
                if (d->isVisible())
                    dialog = d;
            }
            return dialog != nullptr;
        });
        return dialog;
    }

    static void fill(AccountDialog &dialog, const char *name, const QString &text)
    {
        auto *edit = dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
        ASSERT_NE(edit, nullptr) << name;
        edit->setText(text);
    }

    static QMessageBox *visibleBox(const QWidget &parent, const QString &name)
    {
        QMessageBox *box = nullptr;
        test::waitUntil([&] {
            box = parent.findChild<QMessageBox *>(name);
            return box && box->isVisible();
        });
        return box;
    }

    QTemporaryDir m_dir;
    test::MemorySecretStore m_secrets;
};

TEST_F(SettingsDialogTest, AddingAnAccountKeepsThePasswordOutOfTheIniFile)
{
    AccountStore accounts(iniPath());
    SettingsDialog settings(accounts, m_secrets);
    QSignalSpy changed(&settings, &SettingsDialog::accountsChanged);
    settings.show();

    settings.findChild<QPushButton *>(QStringLiteral("addButton"))->click();
    AccountDialog *dialog = openAccountDialog(settings);
    ASSERT_NE(dialog, nullptr);
    fill(*dialog, "nameEdit", QStringLiteral("Home"));
    fill(*dialog, "emailEdit", QStringLiteral("alice@example.org"));
    fill(*dialog, "hostEdit", QStringLiteral("pop.example.org"));
    fill(*dialog, "userEdit", QStringLiteral("alice.smith"));
    fill(*dialog, "passwordEdit", secret);
    auto *security = dialog->findChild<QComboBox *>(QStringLiteral("securityCombo"));
    security->setCurrentIndex(security->findData(int(Security::StartTls)));
    dialog->findChild<QCheckBox *>(QStringLiteral("leaveOnServerCheck"))->setChecked(false);
    dialog->accept();

    ASSERT_EQ(changed.count(), 1);
    const QList<Account> stored = accounts.accounts();
    ASSERT_EQ(stored.size(), 1);
    const Account &a = stored.first();
    EXPECT_EQ(a.name, QStringLiteral("Home"));
    EXPECT_EQ(a.host, QStringLiteral("pop.example.org"));
    EXPECT_EQ(a.user, QStringLiteral("alice.smith"));
    EXPECT_EQ(a.security, Security::StartTls);
    EXPECT_EQ(a.port, 110);
    EXPECT_FALSE(a.leaveOnServer);
    EXPECT_EQ(a.passwordSource, PasswordSource::Keychain);

    const QByteArray ini = iniText();
    EXPECT_TRUE(ini.contains("pop.example.org")) << ini.constData();
    EXPECT_TRUE(ini.contains("alice.smith")) << ini.constData();
    EXPECT_FALSE(ini.contains(secret.toUtf8())) << ini.constData();
    EXPECT_FALSE(ini.contains(secret.toUtf8().toBase64()));
    EXPECT_EQ(m_secrets.secrets().value(passwordKey(a.id)), secret);
    EXPECT_EQ(m_secrets.secrets().size(), 1);

    auto *list = settings.findChild<QListWidget *>(QStringLiteral("accountList"));
    ASSERT_EQ(list->count(), 1);
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("Home")));
}

TEST_F(SettingsDialogTest, AKeychainFailureIsShownAndTheAccountIsStillSaved)
{
    m_secrets.setFailWrites(true);
    AccountStore accounts(iniPath());
    SettingsDialog settings(accounts, m_secrets);
    settings.show();
    settings.addAccount();
    AccountDialog *dialog = openAccountDialog(settings);
    ASSERT_NE(dialog, nullptr);
    fill(*dialog, "hostEdit", QStringLiteral("pop.example.org"));
    fill(*dialog, "userEdit", QStringLiteral("carol"));
    fill(*dialog, "passwordEdit", secret);
    dialog->accept();

    ASSERT_EQ(accounts.accounts().size(), 1);
    QMessageBox *box = visibleBox(settings, QStringLiteral("settingsError"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("keychain"))) << qPrintable(box->text());
    EXPECT_TRUE(box->text().contains(QStringLiteral("The keychain is locked")));
    EXPECT_FALSE(iniText().contains(secret.toUtf8()));
    box->accept();
}

TEST_F(SettingsDialogTest, EditingWithoutAPasswordLeavesTheStoredOneAlone)
{
    AccountStore accounts(iniPath());
    Account a;
    a.name = QStringLiteral("Home");
    a.host = QStringLiteral("pop.example.org");
    a.user = QStringLiteral("alice");
    const Result<QString> id = accounts.add(a);
    ASSERT_TRUE(id.ok());
    m_secrets.write(passwordKey(id.value()), secret, [](Status) {});

    SettingsDialog settings(accounts, m_secrets);
    settings.show();
    auto *list = settings.findChild<QListWidget *>(QStringLiteral("accountList"));
    ASSERT_EQ(list->count(), 1);
    list->setCurrentRow(0);
    settings.editAccount();
    AccountDialog *dialog = openAccountDialog(settings);
    ASSERT_NE(dialog, nullptr);
    fill(*dialog, "hostEdit", QStringLiteral("pop2.example.org"));
    dialog->accept();

    EXPECT_EQ(accounts.account(id.value())->host, QStringLiteral("pop2.example.org"));
    EXPECT_EQ(m_secrets.secrets().value(passwordKey(id.value())), secret);
}

TEST_F(SettingsDialogTest, RemovingAsksFirstThenDropsAccountAndPassword)
{
    AccountStore accounts(iniPath());
    Account a;
    a.name = QStringLiteral("Old job");
    a.host = QStringLiteral("pop.example.org");
    a.user = QStringLiteral("alice");
    const Result<QString> id = accounts.add(a);
    ASSERT_TRUE(id.ok());
    m_secrets.write(passwordKey(id.value()), secret, [](Status) {});

    SettingsDialog settings(accounts, m_secrets);
    QSignalSpy removed(&settings, &SettingsDialog::accountRemoved);
    settings.show();
    settings.findChild<QListWidget *>(QStringLiteral("accountList"))->setCurrentRow(0);

    // Cancel keeps everything.
    settings.removeAccount();
    QMessageBox *box = visibleBox(settings, QStringLiteral("removeConfirmation"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("Remove account Old job?")));
    EXPECT_TRUE(box->text().contains(QStringLiteral("mail on the server is not touched")));
    box->button(QMessageBox::Cancel)->click();
    test::waitUntil([&] { return settings.findChild<QMessageBox *>() == nullptr; });
    EXPECT_EQ(accounts.accounts().size(), 1);
    EXPECT_EQ(removed.count(), 0);

    settings.removeAccount();
    box = visibleBox(settings, QStringLiteral("removeConfirmation"));
    ASSERT_NE(box, nullptr);
    box->button(QMessageBox::Yes)->click();
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(removed.first().first().toString(), id.value());
    EXPECT_TRUE(accounts.accounts().isEmpty());
    EXPECT_TRUE(m_secrets.secrets().isEmpty());
}

TEST_F(SettingsDialogTest, AccountsMoveUpAndDownTheListAndTheStoredOrder)
{
    AccountStore accounts(iniPath());
    QStringList ids;
    for (const QString &name :
         {QStringLiteral("Home"), QStringLiteral("Work"), QStringLiteral("Club")}) {
        Account a;
        a.name = name;
        a.host = QStringLiteral("pop.example.org");
        a.user = name.toLower();
        const Result<QString> id = accounts.add(a);
        ASSERT_TRUE(id.ok());
        ids.append(id.value());
    }
    SettingsDialog settings(accounts, m_secrets);
    QSignalSpy changed(&settings, &SettingsDialog::accountsChanged);
    settings.show();
    auto *list = settings.findChild<QListWidget *>(QStringLiteral("accountList"));
    auto *up = settings.findChild<QPushButton *>(QStringLiteral("moveUpButton"));
    auto *down = settings.findChild<QPushButton *>(QStringLiteral("moveDownButton"));
    ASSERT_TRUE(list && up && down);
    const auto names = [&accounts] {
        QStringList out;
        for (const Account &a : accounts.accounts())
            out.append(a.name);
        return out;
    };

    list->setCurrentRow(0);
    EXPECT_FALSE(up->isEnabled()); // the first cannot go higher
    EXPECT_TRUE(down->isEnabled());
    list->setCurrentRow(2);
    EXPECT_FALSE(down->isEnabled());
    up->click(); // Club above Work
    EXPECT_EQ(names(), (QStringList{QStringLiteral("Home"), QStringLiteral("Club"),
                                    QStringLiteral("Work")}));
    EXPECT_EQ(list->currentRow(), 1); // the moved account stays selected
    up->click();
    EXPECT_EQ(names(), (QStringList{QStringLiteral("Club"), QStringLiteral("Home"),
                                    QStringLiteral("Work")}));
    EXPECT_TRUE(list->currentItem()->text().startsWith(QStringLiteral("Club")));
    EXPECT_FALSE(up->isEnabled());
    EXPECT_EQ(changed.count(), 2);

    // The store stops at either end instead of failing.
    ASSERT_TRUE(accounts.move(ids.at(2), 5).ok());
    EXPECT_EQ(names(), (QStringList{QStringLiteral("Home"), QStringLiteral("Work"),
                                    QStringLiteral("Club")}));
    ASSERT_TRUE(accounts.move(ids.at(2), -9).ok());
    EXPECT_EQ(names().constFirst(), QStringLiteral("Club"));
    EXPECT_FALSE(accounts.move(QStringLiteral("no-such"), 1).ok());
}

} // namespace
