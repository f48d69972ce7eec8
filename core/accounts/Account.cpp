// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/Account.h"

#include <array>
#include <utility>

namespace poplar {

namespace {

constexpr std::array securityNames{
    std::pair{Security::Tls, "tls"},
    std::pair{Security::StartTls, "starttls"},
    std::pair{Security::None, "none"},
};

constexpr std::array passwordSourceNames{
    std::pair{PasswordSource::Keychain, "keychain"},
    std::pair{PasswordSource::Ask, "ask"},
    std::pair{PasswordSource::Command, "command"},
};

constexpr std::array authNames{
    std::pair{AuthMethod::Auto, "auto"},
    std::pair{AuthMethod::User, "user"},
    std::pair{AuthMethod::Apop, "apop"},
    std::pair{AuthMethod::Plain, "plain"},
    std::pair{AuthMethod::Login, "login"},
    std::pair{AuthMethod::CramMd5, "cram-md5"},
    std::pair{AuthMethod::ScramSha1, "scram-sha-1"},
    std::pair{AuthMethod::ScramSha256, "scram-sha-256"},
    std::pair{AuthMethod::XOAuth2, "xoauth2"},
    std::pair{AuthMethod::OAuthBearer, "oauthbearer"},
};

template<typename Table, typename Enum> QString nameOf(const Table &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, typename Table>
std::optional<Enum> valueOf(const Table &table, const QString &text)
{
    const QString lowered = text.trimmed().toLower();
    for (const auto &[v, name] : table) {
        if (lowered == QLatin1String(name))
            return v;
    }
    return std::nullopt;
}

} // namespace

QString securityToString(Security security)
{
    return nameOf(securityNames, security);
}

std::optional<Security> securityFromString(const QString &text)
{
    return valueOf<Security>(securityNames, text);
}

QString authMethodToString(AuthMethod method)
{
    return nameOf(authNames, method);
}

std::optional<AuthMethod> authMethodFromString(const QString &text)
{
    return valueOf<AuthMethod>(authNames, text);
}

QString passwordSourceToString(PasswordSource source)
{
    return nameOf(passwordSourceNames, source);
}

std::optional<PasswordSource> passwordSourceFromString(const QString &text)
{
    return valueOf<PasswordSource>(passwordSourceNames, text);
}

quint16 defaultPort(Security security)
{
    return security == Security::Tls ? 995 : 110;
}

quint16 defaultSmtpPort(Security security)
{
    return security == Security::Tls ? 465 : 587;
}

Account Account::smtpCredentials() const
{
    Account out = *this;
    out.user = smtpUser();
    if (smtp.samePassword)
        return out;
    out.id = id + QStringLiteral("/smtp");
    out.name = name; // prompts name the account the user knows
    out.passwordSource = smtp.passwordSource;
    out.passwordCommand = smtp.passwordCommand;
    return out;
}

} // namespace poplar
