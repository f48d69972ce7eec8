// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartTlsStripper.h"

#include <QTcpSocket>

#include <gtest/gtest.h>

#include <memory>

namespace poplar::test {

StartTlsStripper::StartTlsStripper(const QString &upstreamHost, quint16 upstreamPort)
    : m_upstreamHost(upstreamHost)
    , m_upstreamPort(upstreamPort)
{
    if (!m_listener.listen(QHostAddress::LocalHost, 0))
        ADD_FAILURE() << "StartTlsStripper cannot listen";
    connect(&m_listener, &QTcpServer::newConnection, this, &StartTlsStripper::onConnection);
}

void StartTlsStripper::onConnection()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        client->setParent(this);
        auto *server = new QTcpSocket(this);
        auto pending = std::make_shared<QByteArray>(); // server bytes up to a line end
        connect(client, &QTcpSocket::readyRead, this, [this, client, server] {
            const QByteArray bytes = client->readAll();
            m_fromClient += bytes;
            server->write(bytes);
        });
        connect(server, &QTcpSocket::readyRead, this, [client, server, pending] {
            *pending += server->readAll();
            QByteArray out;
            qsizetype end;
            while ((end = pending->indexOf("\r\n")) >= 0) {
                QByteArray line = pending->left(end + 2);
                pending->remove(0, end + 2);
                const QByteArray word = line.mid(4).trimmed().toUpper();
                if (line.startsWith("250") && word == "STARTTLS") {
                    // The last line of the answer goes: the one before becomes the last.
                    if (line.at(3) == ' ' && out.endsWith("\r\n")) {
                        const qsizetype start = out.lastIndexOf("\r\n", out.size() - 3);
                        const qsizetype at = start < 0 ? 3 : start + 2 + 3;
                        if (at < out.size() && out.at(at) == '-')
                            out[at] = ' ';
                    }
                    continue;
                }
                out += line;
            }
            client->write(out);
        });
        connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
        connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        server->connectToHost(m_upstreamHost, m_upstreamPort);
    }
}

} // namespace poplar::test
