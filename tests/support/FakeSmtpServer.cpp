// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeSmtpServer.h"

#include <QTcpSocket>

#include <gtest/gtest.h>

namespace poplar::test {

struct FakeSmtpServer::Client {
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    bool inData = false;
    bool authenticating = false;
    QByteArray data;
};

FakeSmtpServer::FakeSmtpServer()
{
    if (!m_listener.listen(QHostAddress::LocalHost, 0))
        ADD_FAILURE() << "FakeSmtpServer cannot listen";
    connect(&m_listener, &QTcpServer::newConnection, this, &FakeSmtpServer::onConnection);
}

FakeSmtpServer::~FakeSmtpServer()
{
    for (auto &c : m_clients)
        c->socket->abort();
}

void FakeSmtpServer::onConnection()
{
    while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
        ++m_connections;
        auto client = std::make_unique<Client>();
        client->socket = socket;
        socket->setParent(this);
        Client &ref = *client;
        m_clients.push_back(std::move(client));
        connect(socket, &QTcpSocket::readyRead, this, [this, &ref] { onReadyRead(ref); });
        socket->write("220 fake.example ESMTP\r\n");
    }
}

void FakeSmtpServer::onReadyRead(Client &c)
{
    c.buffer += c.socket->readAll();
    qsizetype end;
    while ((end = c.buffer.indexOf("\r\n")) >= 0) {
        const QByteArray line = c.buffer.left(end);
        c.buffer.remove(0, end + 2);
        if (c.inData) {
            if (line == ".") {
                c.inData = false;
                endOfData(c);
                continue;
            }
            c.data += (line.startsWith('.') ? line.mid(1) : line) + "\r\n";
            continue;
        }
        m_lines.append(line);
        command(c, line);
    }
}

void FakeSmtpServer::command(Client &c, const QByteArray &line)
{
    if (c.authenticating) { // the answer to our 334
        c.authenticating = false;
        c.socket->write("235 2.7.0 ok\r\n");
        return;
    }
    // Qt 6's left() of a negative length is empty: a verb alone on its line needs the split.
    const QByteArray verb = line.split(' ').constFirst().toUpper();
    if (verb == "EHLO") {
        QByteArray reply = "250-fake.example\r\n";
        for (qsizetype i = 0; i < m_extensions.size(); ++i)
            reply += (i + 1 < m_extensions.size() ? "250-" : "250 ") + m_extensions.at(i) + "\r\n";
        if (m_extensions.isEmpty())
            reply = "250 fake.example\r\n";
        c.socket->write(reply);
    } else if (verb == "AUTH") {
        if (line.count(' ') >= 2) {
            c.socket->write("235 2.7.0 ok\r\n");
        } else {
            c.authenticating = true;
            c.socket->write("334 \r\n");
        }
    } else if (verb == "MAIL" || verb == "RCPT" || verb == "RSET" || verb == "NOOP") {
        c.socket->write("250 2.1.0 ok\r\n");
    } else if (verb == "DATA") {
        c.inData = true;
        c.data.clear();
        c.socket->write("354 go ahead\r\n");
    } else if (verb == "QUIT") {
        c.socket->write("221 bye\r\n");
        c.socket->disconnectFromHost();
    } else {
        c.socket->write("502 5.5.2 not here\r\n");
    }
}

void FakeSmtpServer::endOfData(Client &c)
{
    const QByteArray reply = m_dataReplies.value(m_dots++, "250 2.0.0 queued");
    if (reply == Drop) {
        m_delivered.append(c.data);
        c.socket->abort();
        return;
    }
    if (reply == Stall) {
        m_delivered.append(c.data);
        return;
    }
    if (reply.startsWith('2'))
        m_delivered.append(c.data);
    c.socket->write(reply + "\r\n");
}

} // namespace poplar::test
