// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountStore.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;

namespace {

Account sample()
{
    Account a;
    a.name = QStringLiteral("Work");
    a.host = QStringLiteral("pop.example.org");
    a.port = 995;
    a.security = Security::Tls;
    a.user = QStringLiteral("alice");
    a.passwordSource = PasswordSource::Command;
    a.passwordCommand = QStringLiteral("pass show mail/work");
    a.leaveOnServer = false;
    a.sizeLimitKb = 512;
    return a;
}

TEST(AccountStore, AddsListsUpdatesAndRemoves)
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("poplar.ini")));
    auto first = store.add(sample());
    auto second = store.add(sample());
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(first.value(), second.value());

    QList<Account> all = store.accounts();
    ASSERT_EQ(all.size(), 2);
    Account expected = sample();
    expected.id = first.value();
    EXPECT_EQ(all.at(0), expected);

    expected.host = QStringLiteral("pop2.example.org");
    ASSERT_TRUE(store.update(expected).ok());
    EXPECT_EQ(store.account(first.value())->host, QStringLiteral("pop2.example.org"));

    ASSERT_TRUE(store.remove(first.value()).ok());
    EXPECT_FALSE(store.account(first.value()).has_value());
    ASSERT_EQ(store.accounts().size(), 1);
    // Ids are never reused: a new account cannot inherit a removed one's cached mail.
    auto third = store.add(sample());
    ASSERT_TRUE(third.ok());
    EXPECT_NE(third.value(), first.value());
    EXPECT_NE(third.value(), second.value());
}

TEST(AccountStore, ARemovedAccountIsRecordedUntilItsMailIsGone)
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("poplar.ini"));
    AccountStore store(ini);
    auto first = store.add(sample());
    auto second = store.add(sample());
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_TRUE(store.removedWithMailLeft().isEmpty());

    ASSERT_TRUE(store.remove(first.value()).ok());
    ASSERT_TRUE(store.remove(second.value()).ok());
    // Read from the file: a process killed now leaves the record for the next one.
    EXPECT_EQ(AccountStore(ini).removedWithMailLeft(),
              (QStringList{first.value(), second.value()}));
    EXPECT_TRUE(AccountStore(ini).accounts().isEmpty()) << "the record is not an account";

    ASSERT_TRUE(store.mailRemoved(first.value()).ok());
    EXPECT_EQ(store.removedWithMailLeft(), QStringList{second.value()});
    ASSERT_TRUE(store.mailRemoved(second.value()).ok());
    ASSERT_TRUE(store.mailRemoved(second.value()).ok()) << "twice is harmless";
    EXPECT_TRUE(store.removedWithMailLeft().isEmpty());
}

TEST(AccountStore, RejectsWhatCannotWork)
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("poplar.ini")));
    Account noHost = sample();
    noHost.host.clear();
    EXPECT_FALSE(store.add(noHost).ok());
    Account badUser = sample();
    badUser.user = QStringLiteral("alice\r\nDELE 1");
    auto r = store.add(badUser);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, Error::Code::Config);
    Account noCommand = sample();
    noCommand.passwordCommand.clear();
    EXPECT_FALSE(store.add(noCommand).ok());
    EXPECT_TRUE(store.accounts().isEmpty());
}

TEST(AccountStore, UnknownValuesInTheFileFallBackToSafeDefaults)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("poplar.ini"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("[accounts]\norder=7\n7\\host=pop.example.org\n7\\user=bob\n7\\security=bogus\n");
    f.close();
    const auto a = AccountStore(path).account(QStringLiteral("7"));
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->security, Security::Tls); // never silently cleartext
    EXPECT_EQ(a->port, 995);
    EXPECT_TRUE(a->leaveOnServer);
}

} // namespace
