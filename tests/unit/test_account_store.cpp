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

TEST(AccountStore, KeepsTheIdentityAndTheOutgoingServerButNoPassword)
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("poplar.ini"));
    AccountStore store(ini);
    Account a = sample();
    a.emailAddress = QStringLiteral("alice@example.org");
    a.identity = {QStringLiteral("Alice Liddell"), QStringLiteral("al@example.org"),
                  QStringLiteral("Alice\nDown the rabbit hole"),
                  QStringLiteral("list@example.org")};
    a.smtp.host = QStringLiteral("smtp.example.org");
    a.smtp.port = 465;
    a.smtp.security = Security::Tls;
    a.smtp.user = QStringLiteral("alice-smtp");
    a.smtp.auth = AuthMethod::ScramSha256;
    a.smtp.samePassword = false;
    a.smtp.passwordSource = PasswordSource::Command;
    a.smtp.passwordCommand = QStringLiteral("pass show smtp-secret-name");
    a.smtp.pinSha256 = QStringLiteral("ab12");
    auto id = store.add(a);
    ASSERT_TRUE(id.ok());
    a.id = id.value();
    EXPECT_EQ(store.account(a.id), a);
    EXPECT_EQ(a.senderAddress(), QStringLiteral("al@example.org"));
    EXPECT_EQ(a.outgoing().pinSha256, QStringLiteral("ab12"));
    EXPECT_EQ(a.outgoing().port, 465);

    // Its own password source is another keychain entry; the same one is the account's.
    EXPECT_EQ(a.smtpCredentials().id, a.id + QStringLiteral("/smtp"));
    EXPECT_EQ(a.smtpCredentials().passwordCommand, QStringLiteral("pass show smtp-secret-name"));
    EXPECT_EQ(a.smtpCredentials().user, QStringLiteral("alice-smtp"));
    a.smtp.samePassword = true;
    a.smtp.user.clear();
    EXPECT_EQ(a.smtpCredentials().id, a.id);
    EXPECT_EQ(a.smtpCredentials().user, QStringLiteral("alice"));

    QFile file(ini);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_TRUE(text.contains("smtpHost=smtp.example.org"));
    EXPECT_FALSE(text.contains("password="));
}

TEST(AccountStore, RejectsAnOutgoingServerThatCannotWork)
{
    Account a = sample();
    a.smtp.host = QStringLiteral("smtp.example.org");
    EXPECT_FALSE(AccountStore::validate(a).ok()) << "no sender address";
    a.emailAddress = QStringLiteral("alice@example.org");
    EXPECT_TRUE(AccountStore::validate(a).ok());
    a.identity.name = QStringLiteral("Alice\r\nBcc: everyone@example.org");
    EXPECT_FALSE(AccountStore::validate(a).ok()) << "a header injected through the name";
    a.identity.name.clear();
    a.smtp.port = 0;
    EXPECT_FALSE(AccountStore::validate(a).ok());
    a.smtp.port = 587;
    a.smtp.samePassword = false;
    a.smtp.passwordSource = PasswordSource::Command;
    EXPECT_FALSE(AccountStore::validate(a).ok()) << "an empty password command";
}
