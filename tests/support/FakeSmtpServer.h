// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QTcpServer>

#include <memory>
#include <vector>

class QTcpSocket;

namespace poplar::test {

/// A scripted SMTP server on 127.0.0.1 (plain TCP) for what a real one will not do: drop the
/// line after the final dot, answer 4xx then 250, refuse with 5xx, stall. It runs in the
/// test's thread: the test spins the event loop while a client talks to it (a worker
/// thread, or poplarctl in its own process).
class FakeSmtpServer : public QObject {
    Q_OBJECT

public:
    /// What the Nth final dot (over all connections) gets; past the list, "250 2.0.0 queued".
    /// Besides a reply line: Drop (close the line, no answer) and Stall (never answer).
    static inline const QByteArray Drop = "DROP";
    static inline const QByteArray Stall = "STALL";

    FakeSmtpServer();
    ~FakeSmtpServer() override;

    [[nodiscard]] quint16 port() const { return m_listener.serverPort(); }
    /// EHLO keywords after the greeting line (default PIPELINING, AUTH PLAIN LOGIN, 8BITMIME).
    void setExtensions(QByteArrayList extensions) { m_extensions = std::move(extensions); }
    void setDataReplies(QByteArrayList replies) { m_dataReplies = std::move(replies); }

    /// Every message whose final dot arrived and was not refused (a drop or a stall after
    /// it counts: the client cannot know it was not delivered).
    [[nodiscard]] const QByteArrayList &delivered() const { return m_delivered; }
    /// Every command line received, over all connections.
    [[nodiscard]] const QByteArrayList &lines() const { return m_lines; }
    [[nodiscard]] int connections() const { return m_connections; }

private:
    struct Client;
    void onConnection();
    void onReadyRead(Client &client);
    void command(Client &client, const QByteArray &line);
    void endOfData(Client &client);

    QTcpServer m_listener;
    std::vector<std::unique_ptr<Client>> m_clients;
    QByteArrayList m_extensions{"PIPELINING", "AUTH PLAIN LOGIN", "8BITMIME"};
    QByteArrayList m_dataReplies;
    QByteArrayList m_delivered;
    QByteArrayList m_lines;
    int m_connections = 0;
    int m_dots = 0;
};

} // namespace poplar::test
