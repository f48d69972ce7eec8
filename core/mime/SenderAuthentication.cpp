// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/SenderAuthentication.h"

namespace poplar::mime {

namespace {

/// The value without RFC 5322 comments ("(...)", nested) and with quotes kept as text.
QString withoutComments(const QString &value)
{
    QString out;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('\\') && i + 1 < value.size()) {
            if (depth == 0)
                out += value.at(i + 1);
            ++i;
        } else if (depth == 0 && c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (!quoted && c == QLatin1Char('(')) {
            ++depth;
        } else if (!quoted && c == QLatin1Char(')') && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

/// The domain of an address-ish property value ("user@example.org", "@example.org",
/// "example.org"), lower case.
QString domainOf(const QString &value)
{
    const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
    return (at >= 0 ? value.mid(at + 1) : value).trimmed().toLower();
}

} // namespace

QStringList failedSenderChecks(const QList<QByteArray> &authenticationResults,
                               const QString &fromAddress)
{
    const QString fromDomain = domainOf(fromAddress);
    bool dkim = false;
    bool spf = false;
    bool dmarc = false;
    for (const QByteArray &header : authenticationResults) {
        const QStringList parts =
            withoutComments(QString::fromUtf8(header).simplified()).split(QLatin1Char(';'));
        // parts[0] is the authserv-id; each later part is "method=result prop=value ...".
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QStringList words = parts.at(i).simplified().split(QLatin1Char(' '));
            const QString first = words.value(0).toLower();
            const qsizetype eq = first.indexOf(QLatin1Char('='));
            if (eq <= 0)
                continue;
            const QString method = first.left(eq).section(QLatin1Char('/'), 0, 0);
            const QString result = first.mid(eq + 1);
            QString domain; // the identity this result is about, when it says
            for (qsizetype w = 1; w < words.size(); ++w) {
                const QString prop = words.at(w).section(QLatin1Char('='), 0, 0).toLower();
                const QString value = words.at(w).section(QLatin1Char('='), 1);
                if (prop == QLatin1String("header.d") || prop == QLatin1String("header.i") ||
                    prop == QLatin1String("smtp.mailfrom") || prop == QLatin1String("header.from"))
                    domain = domainOf(value);
            }
            const bool aboutFrom = domain.isEmpty() || domain == fromDomain ||
                                   domain.endsWith(QLatin1Char('.') + fromDomain);
            if (method == QLatin1String("dmarc") && result == QLatin1String("fail"))
                dmarc = true;
            else if (method == QLatin1String("dkim") && result == QLatin1String("fail") &&
                     aboutFrom)
                dkim = true;
            else if (method == QLatin1String("spf") &&
                     (result == QLatin1String("fail") || result == QLatin1String("softfail")) &&
                     aboutFrom)
                spf = true;
        }
    }
    QStringList failed;
    if (dkim)
        failed.append(QStringLiteral("dkim"));
    if (spf)
        failed.append(QStringLiteral("spf"));
    if (dmarc)
        failed.append(QStringLiteral("dmarc"));
    return failed;
}

} // namespace poplar::mime
