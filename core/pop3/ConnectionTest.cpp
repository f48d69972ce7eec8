// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/ConnectionTest.h"

#include "util/DataSize.h"

#include <QLocale>

namespace poplar::pop3 {

ConnectionTest::ConnectionTest(TransportFactory transports, QObject *parent)
    : QObject(parent)
    , m_transports(std::move(transports))
{}

void ConnectionTest::start(const Account &account, const QString &password,
                           const Pop3Client::Options &options)
{
    m_account = account;
    m_client = new Pop3Client(m_transports(), this);
    connect(m_client, &Pop3Client::failed, this, [this](const Error &error) {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT failed(error);
    });
    connect(m_client, &Pop3Client::loggedIn, this, &ConnectionTest::onLoggedIn);
    m_client->open(account, password, options);
}

void ConnectionTest::cancel()
{
    m_done = true;
    if (m_client)
        m_client->abort();
}

void ConnectionTest::onLoggedIn()
{
    // STAT (RFC 1939 §5): "+OK count octets", the whole maildrop, nothing fetched.
    m_client->command("STAT", ReplyShape::StatusLine, [this](const Reply &stat) {
        QStringList sentences{describeLogin()};
        const QList<QByteArray> fields = stat.text.split(' ');
        bool countOk = false;
        bool sizeOk = false;
        const qint64 count = fields.value(0).toLongLong(&countOk);
        const qint64 bytes = fields.value(1).toLongLong(&sizeOk);
        if (stat.isOk() && countOk && sizeOk) {
            sentences.append((count == 1
                                  ? tr("1 message (%1) waits on the server.")
                                  : tr("%n messages (%1) wait on the server.", nullptr, int(count)))
                                 .arg(dataSizeText(bytes)));
        }
        const Capabilities &caps = m_client->capabilities();
        if (caps.expireDays == 0) {
            sentences.append(tr("The server deletes messages once they are downloaded "
                                "(EXPIRE 0), whatever \"Leave messages on the server\" says."));
        } else if (caps.expireDays) {
            sentences.append(tr("The server deletes downloaded messages after %n days.", nullptr,
                                *caps.expireDays));
        }
        if (caps.loginDelaySeconds && *caps.loginDelaySeconds >= 60) {
            sentences.append(tr("The server allows a check only every %n minutes.", nullptr,
                                *caps.loginDelaySeconds / 60));
        }
        m_client->quit([this, summary = sentences.join(QLatin1Char(' '))](bool) {
            if (m_done)
                return;
            m_done = true;
            Q_EMIT succeeded(summary);
        });
    });
}

QString ConnectionTest::describeLogin() const
{
    const QString security = m_account.security == Security::Tls        ? tr("SSL/TLS")
                             : m_account.security == Security::StartTls ? tr("STARTTLS")
                                                                        : tr("no encryption");
    const LoginMethod &method = m_client->loginMethod();
    QString how;
    switch (method.kind) {
    case LoginMethod::Kind::UserPass:
        how = QStringLiteral("USER/PASS");
        break;
    case LoginMethod::Kind::Apop:
        how = QStringLiteral("APOP");
        break;
    case LoginMethod::Kind::Sasl:
    case LoginMethod::Kind::OAuth:
        how = QString::fromLatin1(method.mechanism);
        break;
    }
    return tr("Logged in to %1 with %2 over %3.").arg(m_account.host, how, security);
}

} // namespace poplar::pop3
