// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

class QProcess;

namespace poplar::test {

/// A private SMTP submission server for integration tests: Debian's aiosmtpd
/// (tests/support/smtp_server.py) on 127.0.0.1, with its own certificate made by openssl at
/// test time, one STARTTLS port and one implicit-TLS port, AUTH PLAIN and LOGIN for one user.
/// What it accepts lands in a spool folder the test reads (received()).
class SmtpServer {
public:
    struct Message {
        QByteArray raw; ///< as received, after dot-unstuffing (CRLF line ends)
        QString from;
        QStringList to;
    };

    SmtpServer();
    ~SmtpServer();
    SmtpServer(const SmtpServer &) = delete;
    SmtpServer &operator=(const SmtpServer &) = delete;

    /// Starts on these ports (0: picked); waits until both listen. The spool survives a
    /// stop() and a new start().
    bool start(QString *error, quint16 startTlsPort = 0, quint16 tlsPort = 0);
    /// SIGTERM, bounded wait, then SIGKILL. Idempotent.
    void stop();

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 startTlsPort() const { return m_startTlsPort; }
    quint16 tlsPort() const { return m_tlsPort; }
    QString caFile() const;
    QString user() const { return QStringLiteral("alice@example.org"); }
    QString password() const { return QStringLiteral("smtp-s3cret"); }
    /// Everything accepted so far, in order.
    QList<Message> received() const;
    QString output() const;

    /// Two free ports on 127.0.0.1 (for a server started later: the offline case).
    static bool pickPorts(quint16 *first, quint16 *second);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_startTlsPort = 0;
    quint16 m_tlsPort = 0;
};

/// Fixture: a fresh server per test. One that cannot start fails the test.
class SmtpServerTest : public ::testing::Test {
public:
    SmtpServer &smtp() { return m_smtp; }

protected:
    void SetUp() override;
    void TearDown() override;

private:
    SmtpServer m_smtp;
};

} // namespace poplar::test
