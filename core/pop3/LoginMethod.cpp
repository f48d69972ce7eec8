// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/LoginMethod.h"

namespace poplar::pop3 {

namespace {

Error notOffered(const QString &method, const Capabilities &caps)
{
    QString offered =
        caps.sasl.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(caps.sasl.join(' '));
    return {Error::Code::Config,
            QStringLiteral("The server does not offer the login method %1 (it offers SASL: %2). "
                           "Choose \"auto\" in the account settings.")
                .arg(method, offered),
            {}};
}

} // namespace

QByteArray apopTimestamp(const QByteArray &greeting)
{
    const qsizetype open = greeting.indexOf('<');
    const qsizetype close = open < 0 ? -1 : greeting.indexOf('>', open);
    if (open < 0 || close < 0)
        return {};
    const QByteArray stamp = greeting.mid(open, close - open + 1);
    if (!stamp.contains('@') || stamp.size() > 200)
        return {};
    for (const char c : stamp) {
        if (c < 0x21 || c > 0x7e)
            return {};
    }
    return stamp;
}

Result<LoginMethod> chooseLogin(AuthMethod wanted, const Capabilities &caps, bool encrypted,
                                bool greetingHasTimestamp, bool (*canSasl)(const QByteArray &))
{
    using Kind = LoginMethod::Kind;
    // When CAPA failed we know nothing: try what the account asks for.
    auto saslOk = [&](const QByteArray &m) {
        return (!caps.known || caps.offersSasl(m)) && canSasl(m);
    };

    switch (wanted) {
    case AuthMethod::User:
        return LoginMethod{Kind::UserPass, {}};
    case AuthMethod::Apop:
        if (!greetingHasTimestamp) {
            return Error{Error::Code::Config,
                         QStringLiteral("The server does not support APOP (its greeting has no "
                                        "timestamp). Choose \"auto\" in the account settings."),
                         {}};
        }
        return LoginMethod{Kind::Apop, {}};
    case AuthMethod::Plain:
    case AuthMethod::Login:
    case AuthMethod::CramMd5:
    case AuthMethod::ScramSha1:
    case AuthMethod::ScramSha256: {
        const QByteArray m = wanted == AuthMethod::Plain       ? "PLAIN"
                             : wanted == AuthMethod::Login     ? "LOGIN"
                             : wanted == AuthMethod::CramMd5   ? "CRAM-MD5"
                             : wanted == AuthMethod::ScramSha1 ? "SCRAM-SHA-1"
                                                               : "SCRAM-SHA-256";
        if (!saslOk(m))
            return notOffered(QString::fromLatin1(m), caps);
        return LoginMethod{Kind::Sasl, m};
    }
    case AuthMethod::OAuthBearer:
        if (!caps.known || caps.offersSasl("OAUTHBEARER"))
            return LoginMethod{Kind::OAuth, "OAUTHBEARER"};
        return notOffered(QStringLiteral("OAUTHBEARER"), caps);
    case AuthMethod::XOAuth2:
        if (!caps.known || caps.offersSasl("XOAUTH2"))
            return LoginMethod{Kind::OAuth, "XOAUTH2"};
        if (caps.offersSasl("OAUTHBEARER"))
            return LoginMethod{Kind::OAuth, "OAUTHBEARER"};
        return notOffered(QStringLiteral("XOAUTH2"), caps);
    case AuthMethod::Auto:
        break;
    }

    for (const char *m : {"SCRAM-SHA-256", "SCRAM-SHA-1"}) {
        if (caps.known && saslOk(m))
            return LoginMethod{Kind::Sasl, m};
    }
    if (!encrypted) {
        if (caps.known && saslOk("CRAM-MD5"))
            return LoginMethod{Kind::Sasl, "CRAM-MD5"};
        if (greetingHasTimestamp)
            return LoginMethod{Kind::Apop, {}};
    }
    if (!caps.known || caps.user || !caps.offersSasl("PLAIN"))
        return LoginMethod{Kind::UserPass, {}};
    return LoginMethod{Kind::Sasl, "PLAIN"};
}

} // namespace poplar::pop3
