// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstanceChannel.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>

namespace poplar::ui {

namespace {

// A request is: magic, version, file list. Anything else on the socket is dropped.
constexpr quint32 requestMagic = 0x504F504C; // "POPL"
constexpr quint16 protocolVersion = 1;
constexpr qint64 maxRequestBytes = 64 * 1024;
constexpr char acknowledgement = '!';

} // namespace

InstanceChannel::InstanceChannel(const QString &profileKey, QObject *parent)
    : QObject(parent)
    , m_name(QStringLiteral("poplar-") +
             QString::fromLatin1(
                 QCryptographicHash::hash(profileKey.toUtf8(), QCryptographicHash::Sha256)
                     .toHex()
                     .left(24)))
{}

InstanceChannel::~InstanceChannel() = default;

bool InstanceChannel::listen(QString *error)
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // We hold the profile lock, so a socket file left by a crashed instance is stale.
    QLocalServer::removeServer(m_name);
    if (!m_server->listen(m_name)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &InstanceChannel::onConnection);
    return true;
}

void InstanceChannel::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QPointer<QLocalSocket> guard(socket);
        connect(socket, &QLocalSocket::readyRead, this, [this, guard] {
            if (!guard)
                return;
            if (guard->bytesAvailable() > maxRequestBytes) {
                guard->abort();
                return;
            }
            // A stranger is told apart by the first bytes, before any length it claims.
            constexpr qint64 headerBytes = sizeof(quint32) + sizeof(quint16);
            if (guard->bytesAvailable() >= headerBytes) {
                QDataStream header(guard->peek(headerBytes));
                quint32 magic = 0;
                quint16 version = 0;
                header >> magic >> version;
                if (magic != requestMagic || version != protocolVersion) {
                    guard->abort();
                    return;
                }
            }
            QDataStream in(guard.data());
            in.startTransaction();
            quint32 magic = 0;
            quint16 version = 0;
            QStringList files;
            in >> magic >> version >> files;
            if (!in.commitTransaction())
                return; // not all there yet
            guard->write(&acknowledgement, 1);
            guard->flush();
            Q_EMIT activationRequested(files);
        });
    }
}

bool InstanceChannel::sendToRunning(const QStringList &files, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray request;
    QDataStream out(&request, QIODevice::WriteOnly);
    out << requestMagic << protocolVersion << files;
    socket.write(request);
    if (!socket.waitForBytesWritten(timeoutMs) || !socket.waitForReadyRead(timeoutMs))
        return false;
    char answer = 0;
    return socket.read(&answer, 1) == 1 && answer == acknowledgement;
}

} // namespace poplar::ui
