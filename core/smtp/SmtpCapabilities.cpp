// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/SmtpCapabilities.h"

#include <QCoreApplication>

namespace poplar::smtp {

Capabilities Capabilities::parse(const Reply &ehlo)
{
    Capabilities caps;
    caps.esmtp = ehlo.isPositive();
    // The first line is the server's greeting to us; each further line one extension.
    for (qsizetype i = 1; i < ehlo.lines.size(); ++i) {
        const QByteArrayList words = ehlo.lines.at(i).simplified().split(' ');
        QByteArray keyword = words.value(0).toUpper();
        QByteArrayList params = words.mid(1);
        // "AUTH=LOGIN PLAIN": what servers wrote before RFC 4954, still met.
        if (keyword.startsWith("AUTH=")) {
            params.prepend(keyword.mid(5));
            keyword = "AUTH";
        }
        if (keyword == "STARTTLS")
            caps.startTls = true;
        else if (keyword == "PIPELINING")
            caps.pipelining = true;
        else if (keyword == "8BITMIME")
            caps.eightBitMime = true;
        else if (keyword == "SMTPUTF8")
            caps.smtpUtf8 = true;
        else if (keyword == "ENHANCEDSTATUSCODES")
            caps.enhancedStatusCodes = true;
        else if (keyword == "SIZE")
            caps.sizeLimit =
                params.isEmpty() ? 0 : std::max<qint64>(0, params.first().toLongLong());
        else if (keyword == "AUTH") {
            for (const QByteArray &m : std::as_const(params)) {
                const QByteArray upper = m.toUpper();
                if (!upper.isEmpty() && !caps.auth.contains(upper))
                    caps.auth.append(upper);
            }
        }
    }
    return caps;
}

Result<QByteArrayList> smtpMechanisms(AuthMethod wanted, const Capabilities &caps, bool encrypted,
                                      bool (*canSasl)(const QByteArray &))
{
    auto notOffered = [&](const QByteArray &m) {
        const QString offered = caps.auth.isEmpty()
                                    ? QCoreApplication::translate("SmtpClient", "none")
                                    : QString::fromLatin1(caps.auth.join(' '));
        return Error{Error::Code::Config,
                     QCoreApplication::translate(
                         "SmtpClient", "The outgoing server does not offer the login method %1 "
                                       "(it offers: %2). Choose \"auto\" in the account settings.")
                         .arg(QString::fromLatin1(m), offered),
                     {}};
    };
    auto one = [&](const QByteArray &m) -> Result<QByteArrayList> {
        if (!caps.offersAuth(m) || !canSasl(m))
            return notOffered(m);
        return QByteArrayList{m};
    };
    switch (wanted) {
    case AuthMethod::Plain:
        return one("PLAIN");
    case AuthMethod::Login:
        return one("LOGIN");
    case AuthMethod::CramMd5:
        return one("CRAM-MD5");
    case AuthMethod::ScramSha1:
        return one("SCRAM-SHA-1");
    case AuthMethod::ScramSha256:
        return one("SCRAM-SHA-256");
    case AuthMethod::XOAuth2:
        if (caps.offersAuth("XOAUTH2"))
            return QByteArrayList{"XOAUTH2"};
        if (caps.offersAuth("OAUTHBEARER"))
            return QByteArrayList{"OAUTHBEARER"};
        return notOffered("XOAUTH2");
    case AuthMethod::OAuthBearer:
        if (!caps.offersAuth("OAUTHBEARER"))
            return notOffered("OAUTHBEARER");
        return QByteArrayList{"OAUTHBEARER"};
    case AuthMethod::User: // POP3's own methods: SMTP picks for itself
    case AuthMethod::Apop:
    case AuthMethod::Auto:
        break;
    }
    QByteArrayList order{"SCRAM-SHA-256", "SCRAM-SHA-1"};
    if (!encrypted)
        order << "CRAM-MD5";
    order << "PLAIN"
          << "LOGIN";
    if (encrypted)
        order << "CRAM-MD5";
    QByteArrayList out;
    for (const QByteArray &m : std::as_const(order)) {
        if (caps.offersAuth(m) && canSasl(m))
            out.append(m);
    }
    if (out.isEmpty()) {
        return Error{
            Error::Code::Config,
            QCoreApplication::translate("SmtpClient",
                                        "The outgoing server offers no login method Poplar can "
                                        "use (it offers: %1)")
                .arg(caps.auth.isEmpty() ? QCoreApplication::translate("SmtpClient", "none")
                                         : QString::fromLatin1(caps.auth.join(' '))),
            {}};
    }
    return out;
}

} // namespace poplar::smtp
