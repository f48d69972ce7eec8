// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the private Dovecot fixture works: plain POP3 with STLS, and implicit TLS that
// verifies against the generated certificate. Uses blocking sockets on purpose.
#include "DovecotServer.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using poplar::test::DovecotTest;

namespace {

QByteArray readLine(QTcpSocket &socket, int timeoutMs = 5000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(int(deadline.remainingTime())))
            return {};
    }
    return socket.readLine();
}

QByteArray command(QTcpSocket &socket, const QByteArray &line)
{
    socket.write(line + "\r\n");
    socket.waitForBytesWritten(5000);
    return readLine(socket);
}

// Body lines of a multi-line response, without the terminating ".".
QList<QByteArray> readMultiLine(QTcpSocket &socket)
{
    QList<QByteArray> lines;
    for (QByteArray line = readLine(socket); !line.isEmpty(); line = readLine(socket)) {
        line = line.trimmed();
        if (line == ".")
            return lines;
        lines.append(line);
    }
    ADD_FAILURE() << "multi-line response not terminated";
    return lines;
}

QSslConfiguration trustingConfig(const QString &caFile)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(caFile));
    return config;
}

} // namespace

TEST_F(DovecotTest, PlainPortSpeaksPop3)
{
    const QString first =
        server().addMessage("From: a@example.org\r\nSubject: one\r\n\r\nHi\r\n", u"msg-one"_s);
    const QString second = server().addMessage("From: b@example.org\nSubject: two\n\nLF only\n");
    ASSERT_FALSE(first.isEmpty());
    ASSERT_FALSE(second.isEmpty());

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server().plainPort());
    ASSERT_TRUE(socket.waitForConnected(5000)) << socket.errorString().toStdString();
    EXPECT_TRUE(readLine(socket).startsWith("+OK"));

    ASSERT_TRUE(command(socket, "CAPA").startsWith("+OK"));
    const QList<QByteArray> capabilities = readMultiLine(socket);
    EXPECT_TRUE(capabilities.contains("STLS"));
    EXPECT_TRUE(capabilities.contains("UIDL"));

    EXPECT_TRUE(command(socket, "USER " + server().user().toUtf8()).startsWith("+OK"));
    EXPECT_TRUE(command(socket, "PASS " + server().password().toUtf8()).startsWith("+OK"));
    const QByteArray stat = command(socket, "STAT");
    EXPECT_TRUE(stat.startsWith("+OK 2 ")) << stat.toStdString();

    // pop3_uidl_format = %g: the UIDL is the Maildir file name, so tests can predict it.
    ASSERT_TRUE(command(socket, "UIDL").startsWith("+OK"));
    const QList<QByteArray> uidls = readMultiLine(socket);
    ASSERT_EQ(uidls.size(), 2);
    QList<QByteArray> uids;
    for (const QByteArray &line : uidls)
        uids.append(line.split(' ').value(1));
    EXPECT_TRUE(uids.contains("msg-one"));
    EXPECT_TRUE(uids.contains(QFileInfo(second).fileName().toUtf8()));

    EXPECT_TRUE(command(socket, "QUIT").startsWith("+OK"));
}

TEST_F(DovecotTest, ImplicitTlsVerifiesAgainstGeneratedCa)
{
    ASSERT_TRUE(QSslSocket::supportsSsl());
    QSslSocket socket;
    socket.setSslConfiguration(trustingConfig(server().caFile()));
    // Connect by IP but verify against the certificate's "localhost" name.
    socket.setPeerVerifyName(u"localhost"_s);
    socket.connectToHostEncrypted(server().host(), server().tlsPort());
    ASSERT_TRUE(socket.waitForEncrypted(10000)) << socket.errorString().toStdString();
    EXPECT_TRUE(socket.sslHandshakeErrors().isEmpty());
    EXPECT_TRUE(readLine(socket).startsWith("+OK"));
    EXPECT_TRUE(command(socket, "QUIT").startsWith("+OK"));
}

TEST_F(DovecotTest, StlsUpgradesPlainPort)
{
    QSslSocket socket;
    socket.setSslConfiguration(trustingConfig(server().caFile()));
    // By IP, as every network test here: a machine without "localhost" in /etc/hosts (a
    // fresh debootstrap root) must not fail it. The name is checked against the certificate.
    socket.setPeerVerifyName(u"localhost"_s);
    socket.connectToHost(server().host(), server().plainPort());
    ASSERT_TRUE(socket.waitForConnected(5000)) << socket.errorString().toStdString();
    ASSERT_TRUE(readLine(socket).startsWith("+OK"));
    ASSERT_TRUE(command(socket, "STLS").startsWith("+OK"));
    socket.startClientEncryption();
    ASSERT_TRUE(socket.waitForEncrypted(10000)) << socket.errorString().toStdString();
    EXPECT_TRUE(command(socket, "USER " + server().user().toUtf8()).startsWith("+OK"));
    EXPECT_TRUE(command(socket, "PASS " + server().password().toUtf8()).startsWith("+OK"));
    EXPECT_TRUE(command(socket, "STAT").startsWith("+OK 0 "));
    EXPECT_TRUE(command(socket, "QUIT").startsWith("+OK"));
}
