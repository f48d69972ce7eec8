// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/LoginMethod.h"

#include <QCoreApplication>

namespace poplar::pop3 {

namespace {

Error notOffered(const QString &method, const Capabilities &caps)
{
    const QString detail =
        caps.sasl.isEmpty()
            ? QCoreApplication::translate("poplar::pop3::LoginMethod",
                                          "The server does not offer the login method %1 (it "
                                          "offers no SASL method). Choose \"auto\" in the "
                                          "account settings.")
                  .arg(method)
            : QCoreApplication::translate("poplar::pop3::LoginMethod",
                                          "The server does not offer the login method %1 (it "
                                          "offers SASL: %2). Choose \"auto\" in the account "
                                          "settings.")
                  .arg(method, QString::fromLatin1(caps.sasl.join(' ')));
    return {Error::Code::Config, detail, {}};
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

Result<QList<LoginMethod>> loginCandidates(AuthMethod wanted, const Capabilities &caps,
                                           bool encrypted, bool greetingHasTimestamp,
                                           bool (*canSasl)(const QByteArray &))
{
    using Kind = LoginMethod::Kind;
    using Methods = QList<LoginMethod>;
    // When CAPA failed we know nothing: try what the account asks for.
    auto saslOk = [&](const QByteArray &m) {
        return (!caps.known || caps.offersSasl(m)) && canSasl(m);
    };

    switch (wanted) {
    case AuthMethod::User:
        return Methods{{Kind::UserPass, {}}};
    case AuthMethod::Apop:
        if (!greetingHasTimestamp) {
            return Error{Error::Code::Config,
                         QCoreApplication::translate(
                             "poplar::pop3::LoginMethod",
                             "The server does not support APOP (its greeting has no timestamp). "
                             "Choose \"auto\" in the account settings."),
                         {}};
        }
        return Methods{{Kind::Apop, {}}};
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
        return Methods{{Kind::Sasl, m}};
    }
    case AuthMethod::OAuthBearer:
        if (!caps.known || caps.offersSasl("OAUTHBEARER"))
            return Methods{{Kind::OAuth, "OAUTHBEARER"}};
        return notOffered(QStringLiteral("OAUTHBEARER"), caps);
    case AuthMethod::XOAuth2:
        if (!caps.known || caps.offersSasl("XOAUTH2"))
            return Methods{{Kind::OAuth, "XOAUTH2"}};
        if (caps.offersSasl("OAUTHBEARER"))
            return Methods{{Kind::OAuth, "OAUTHBEARER"}};
        return notOffered(QStringLiteral("XOAUTH2"), caps);
    case AuthMethod::Auto:
        break;
    }

    // Strongest first. The password itself is sent last, and on a cleartext connection only
    // after every challenge-response method failed: the account allows cleartext, and a
    // server whose APOP needs a secret of its own still takes USER/PASS.
    Methods methods;
    for (const char *m : {"SCRAM-SHA-256", "SCRAM-SHA-1"}) {
        if (caps.known && saslOk(m))
            methods.append({Kind::Sasl, m});
    }
    if (!encrypted) {
        if (caps.known && saslOk("CRAM-MD5"))
            methods.append({Kind::Sasl, "CRAM-MD5"});
        if (greetingHasTimestamp)
            methods.append({Kind::Apop, {}});
    }
    if (!caps.known || caps.user || !caps.offersSasl("PLAIN"))
        methods.append({Kind::UserPass, {}});
    else
        methods.append({Kind::Sasl, "PLAIN"});
    return methods;
}

Result<LoginMethod> chooseLogin(AuthMethod wanted, const Capabilities &caps, bool encrypted,
                                bool greetingHasTimestamp, bool (*canSasl)(const QByteArray &))
{
    auto methods = loginCandidates(wanted, caps, encrypted, greetingHasTimestamp, canSasl);
    if (!methods)
        return methods.error();
    return methods.value().first();
}

QString loginMethodName(const LoginMethod &method)
{
    switch (method.kind) {
    case LoginMethod::Kind::UserPass:
        return QStringLiteral("USER/PASS");
    case LoginMethod::Kind::Apop:
        return QStringLiteral("APOP");
    case LoginMethod::Kind::Sasl:
    case LoginMethod::Kind::OAuth:
        break;
    }
    return QString::fromLatin1(method.mechanism);
}

} // namespace poplar::pop3
