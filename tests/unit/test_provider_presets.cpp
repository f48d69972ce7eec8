// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/ProviderPresets.h"

#include <gtest/gtest.h>

using namespace poplar;

TEST(ProviderPresets, KnowsTheBigProvidersByTheirDomains)
{
    const struct {
        const char *address;
        const char *host;
    } cases[] = {
        {"someone@gmail.com", "pop.gmail.com"},
        {"someone@googlemail.com", "pop.gmail.com"},
        {"someone@hotmail.com", "outlook.office365.com"},
        {"someone@outlook.com", "outlook.office365.com"},
        {"someone@yahoo.co.uk", "pop.mail.yahoo.com"},
        {"12345@qq.com", "pop.qq.com"},
        {"someone@foxmail.com", "pop.qq.com"},
        {"someone@163.com", "pop.163.com"},
        {"someone@126.com", "pop.126.com"},
        {"someone@yeah.net", "pop.yeah.net"},
        {"someone@sina.com", "pop.sina.com"},
        {"someone@sohu.com", "pop3.sohu.com"},
        {"someone@gmx.de", "pop.gmx.net"},
        {"someone@yandex.ru", "pop.yandex.ru"},
        {"someone@mail.ru", "pop.mail.ru"},
        {"someone@zoho.com", "pop.zoho.com"},
    };
    for (const auto &c : cases) {
        const auto preset = presetForAddress(QString::fromLatin1(c.address));
        ASSERT_TRUE(preset.has_value()) << c.address;
        EXPECT_EQ(preset->host, QString::fromLatin1(c.host)) << c.address;
        EXPECT_EQ(preset->port, 995) << c.address;
        EXPECT_EQ(preset->security, Security::Tls) << c.address;
    }
}

TEST(ProviderPresets, MatchesTheWholeDomainIgnoringCaseAndSpaces)
{
    ASSERT_TRUE(presetForAddress(QStringLiteral("  Someone@GMail.COM ")).has_value());
    EXPECT_FALSE(presetForAddress(QStringLiteral("someone@mail.gmail.com.evil.example")));
    EXPECT_FALSE(presetForAddress(QStringLiteral("someone@notgmail.com")));
    EXPECT_FALSE(presetForAddress(QStringLiteral("someone@example.org")));
    EXPECT_FALSE(presetForAddress(QStringLiteral("gmail.com")));
    EXPECT_FALSE(presetForAddress(QStringLiteral("someone@")));
    EXPECT_FALSE(presetForAddress(QString()));
}

TEST(ProviderPresets, SaysWhatTheUserMustDoFirst)
{
    // Chinese providers want an authorisation code, not the login password.
    const auto qq = presetForAddress(QStringLiteral("12345@qq.com"));
    ASSERT_TRUE(qq.has_value());
    EXPECT_TRUE(presetNote(*qq).contains(QStringLiteral("授权码")));
    const auto gmail = presetForAddress(QStringLiteral("someone@gmail.com"));
    ASSERT_TRUE(gmail.has_value());
    EXPECT_TRUE(presetNote(*gmail).contains(QStringLiteral("app password")));
    // Microsoft has switched basic authentication off: the preset picks OAuth.
    const auto outlook = presetForAddress(QStringLiteral("someone@live.com"));
    ASSERT_TRUE(outlook.has_value());
    EXPECT_EQ(outlook->auth, AuthMethod::XOAuth2);
}

TEST(ProviderPresets, ProvidersWithoutPopSaySoInsteadOfGuessingAServer)
{
    const auto icloud = presetForAddress(QStringLiteral("someone@icloud.com"));
    ASSERT_TRUE(icloud.has_value());
    EXPECT_TRUE(icloud->host.isEmpty());
    EXPECT_FALSE(presetNote(*icloud).isEmpty());
}

TEST(ProviderPresets, TheUserNameIsTheAddress)
{
    const auto preset = presetForAddress(QStringLiteral("someone@163.com"));
    ASSERT_TRUE(preset.has_value());
    EXPECT_EQ(presetUserName(*preset, QStringLiteral(" someone@163.com ")),
              QStringLiteral("someone@163.com"));
}

TEST(ProviderPresets, FillInTheOutgoingServer)
{
    const struct {
        const char *address;
        const char *host;
        quint16 port;
        Security security;
    } cases[] = {
        {"someone@gmail.com", "smtp.gmail.com", 465, Security::Tls},
        {"someone@outlook.com", "smtp-mail.outlook.com", 587, Security::StartTls},
        {"12345@qq.com", "smtp.qq.com", 465, Security::Tls},
        {"someone@163.com", "smtp.163.com", 465, Security::Tls},
        {"someone@126.com", "smtp.126.com", 465, Security::Tls},
        {"someone@web.de", "smtp.web.de", 587, Security::StartTls},
    };
    for (const auto &c : cases) {
        const auto preset = presetForAddress(QString::fromLatin1(c.address));
        ASSERT_TRUE(preset.has_value()) << c.address;
        Account account;
        account.smtp.user = QStringLiteral("left over");
        account.smtp.samePassword = false;
        preset->applyOutgoing(account);
        EXPECT_EQ(account.smtp.host, QString::fromLatin1(c.host)) << c.address;
        EXPECT_EQ(account.smtp.port, c.port) << c.address;
        EXPECT_EQ(account.smtp.security, c.security) << c.address;
        EXPECT_TRUE(account.smtp.user.isEmpty()) << "the POP3 user name, as for POP3";
        EXPECT_TRUE(account.smtp.samePassword) << c.address;
    }
    // Microsoft wants OAuth for sending too.
    Account outlook;
    presetForAddress(QStringLiteral("a@hotmail.com"))->applyOutgoing(outlook);
    EXPECT_EQ(outlook.smtp.auth, AuthMethod::XOAuth2);
    // A provider without POP3 fills in nothing.
    Account icloud;
    presetForAddress(QStringLiteral("a@icloud.com"))->applyOutgoing(icloud);
    EXPECT_TRUE(icloud.smtp.host.isEmpty());
}
