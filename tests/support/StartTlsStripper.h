// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace poplar::test {

/// A man in the middle on 127.0.0.1 that relays to a real server and deletes STARTTLS from
/// its EHLO answer (a "STARTTLS stripping" attack). It records every byte the client sends,
/// so a test can show that no credential and no message crossed. Runs in the test's thread.
class StartTlsStripper : public QObject {
    Q_OBJECT

public:
    StartTlsStripper(const QString &upstreamHost, quint16 upstreamPort);
    [[nodiscard]] quint16 port() const { return m_listener.serverPort(); }
    /// Everything any client sent, in order.
    [[nodiscard]] const QByteArray &fromClient() const { return m_fromClient; }

private:
    void onConnection();

    QTcpServer m_listener;
    QString m_upstreamHost;
    quint16 m_upstreamPort;
    QByteArray m_fromClient;
};

} // namespace poplar::test
