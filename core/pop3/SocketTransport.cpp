// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/SocketTransport.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>

namespace poplar::pop3 {

namespace {

QString normalizedHex(QString hex)
{
    hex.remove(QLatin1Char(':'));
    return hex.trimmed().toLower();
}

// The few words a user can act on, for the problems users actually meet.
QString describeSslError(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::CertificateExpired:
        return SocketTransport::tr("expired");
    case QSslError::CertificateNotYetValid:
        return SocketTransport::tr("not valid yet");
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return SocketTransport::tr("self-signed");
    case QSslError::HostNameMismatch:
        return SocketTransport::tr("issued for another host");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return SocketTransport::tr("from an unknown issuer");
    case QSslError::CertificateRevoked:
        return SocketTransport::tr("revoked");
    default:
        return error.errorString();
    }
}

} // namespace

TransportFactory socketTransportFactory()
{
    return [] { return std::make_unique<SocketTransport>(); };
}

SocketTransport::SocketTransport(QObject *parent)
    : Transport(parent)
    , m_socket(new QSslSocket(this))
{
    connect(m_socket, &QSslSocket::connected, this, [this] {
        // With implicit TLS the line is usable only once the handshake is through.
        if (!m_done && m_account.security != Security::Tls)
            Q_EMIT connected();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_done)
            return;
        if (m_account.security == Security::Tls)
            Q_EMIT connected();
        else
            Q_EMIT encrypted();
    });
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        if (!m_done)
            Q_EMIT readyRead();
    });
    connect(m_socket, &QSslSocket::sslErrors, this, &SocketTransport::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SocketTransport::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT closed();
    });
}

SocketTransport::~SocketTransport()
{
    m_done = true; // no signal from a socket being torn down may reach the session
    m_socket->abort();
}

void SocketTransport::open(const Endpoint &account)
{
    m_account = account;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!account.caFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(account.caFile);
        if (extra.isEmpty()) {
            fail({Error::Code::Config,
                  tr("The CA file %1 holds no readable PEM certificate").arg(account.caFile),
                  {}});
            return;
        }
        tls.addCaCertificates(extra);
    }
    m_socket->setSslConfiguration(tls);
    // SNI and the hostname check use this name, also for STARTTLS (some servers answer a
    // client without SNI with a placeholder certificate).
    m_socket->setPeerVerifyName(account.host);
    if (account.security == Security::Tls)
        m_socket->connectToHostEncrypted(account.host, account.port, account.host);
    else
        m_socket->connectToHost(account.host, account.port);
}

void SocketTransport::write(const QByteArray &bytes)
{
    if (m_done)
        return;
    m_socket->write(bytes);
    // On the wire now, not when the event loop next finds the socket writable: what the
    // session does before returning to the loop (AccountSync reads what it knows of the
    // mailbox while the server lists it) then overlaps the server's work.
    m_socket->flush();
}

QByteArray SocketTransport::readAll()
{
    return m_socket->readAll();
}

void SocketTransport::startTls()
{
    m_socket->readAll(); // anything still unread arrived in the clear (RFC 2595 §4)
    m_socket->startClientEncryption();
}

void SocketTransport::flush()
{
    if (!m_done)
        m_socket->flush();
}

bool SocketTransport::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void SocketTransport::close()
{
    m_done = true;
    m_socket->disconnectFromHost();
}

void SocketTransport::abort()
{
    m_done = true;
    m_socket->abort();
}

void SocketTransport::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_socket->peerCertificate();
    if (!m_account.pinSha256.isEmpty() && !peer.isNull()) {
        const QString actual = QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex());
        if (actual == normalizedHex(m_account.pinSha256)) {
            m_socket->ignoreSslErrors(errors); // the user trusted exactly this certificate
            return;
        }
    }
    CertificateInfo info;
    if (!peer.isNull()) {
        info.subject = peer.subjectDisplayName();
        info.issuer = peer.issuerDisplayName();
        info.notBefore = peer.effectiveDate();
        info.notAfter = peer.expiryDate();
        info.sha256 = QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex());
    }
    for (const QSslError &e : errors)
        info.problems.append(describeSslError(e));
    info.problems.removeDuplicates();
    m_certificateProblem = info;
}

void SocketTransport::onSocketError()
{
    if (m_done)
        return;
    const auto err = m_socket->error();
    const QString where = QStringLiteral("%1:%2").arg(m_account.host).arg(m_account.port);
    if (m_certificateProblem) {
        const CertificateInfo &info = *m_certificateProblem;
        Error error{Error::Code::Tls,
                    tr("The certificate of %1 is not trusted: it is %2. Certificate: subject "
                       "\"%3\", issuer \"%4\", valid %5 to %6, SHA-256 %7.")
                        .arg(m_account.host, info.problems.join(tr(", ")), info.subject,
                             info.issuer, info.notBefore.toString(Qt::ISODate),
                             info.notAfter.toString(Qt::ISODate), info.sha256),
                    {}};
        error.certificate = info;
        fail(error);
    } else if (err == QAbstractSocket::RemoteHostClosedError) {
        m_done = true;
        Q_EMIT closed();
    } else if (err == QAbstractSocket::SslHandshakeFailedError ||
               err == QAbstractSocket::SslInternalError ||
               err == QAbstractSocket::SslInvalidUserDataError) {
        fail({Error::Code::Tls,
              tr("The secure connection to %1 failed: %2").arg(where, m_socket->errorString()),
              {}});
    } else {
        fail({Error::Code::Network,
              tr("Cannot reach %1: %2").arg(where, m_socket->errorString()),
              {}});
    }
}

void SocketTransport::fail(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    m_socket->abort();
    Q_EMIT failed(error);
}

} // namespace poplar::pop3
