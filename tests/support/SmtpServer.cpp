// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>

namespace poplar::test {

namespace {

constexpr int kReadyTimeoutMs = 15'000;

bool run(const QString &program, const QStringList &args, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (p.waitForFinished(60'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return true;
    p.kill();
    p.waitForFinished();
    *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAll()));
    return false;
}

/// One key and certificate per test binary: openssl takes a moment.
bool installCertificate(const QString &dir, QString *error)
{
    static QTemporaryDir cache;
    static const QString cacheError = [] {
        QString e;
        run(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
             QStringLiteral("-keyout"), cache.filePath(QStringLiteral("key.pem")),
             QStringLiteral("-out"), cache.filePath(QStringLiteral("cert.pem"))},
            &e);
        return e;
    }();
    if (!cacheError.isEmpty()) {
        *error = cacheError;
        return false;
    }
    for (const QString &name : {QStringLiteral("cert.pem"), QStringLiteral("key.pem")}) {
        QFile::remove(dir + QLatin1Char('/') + name);
        if (!QFile::copy(cache.filePath(name), dir + QLatin1Char('/') + name)) {
            *error = QStringLiteral("cannot copy %1").arg(name);
            return false;
        }
    }
    return true;
}

QString python()
{
    // Debian's interpreter: python3-aiosmtpd is installed for it, not for a pyenv one.
    for (const QString &candidate :
         {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        const QString found = candidate.startsWith(QLatin1Char('/'))
                                  ? (QFile::exists(candidate) ? candidate : QString())
                                  : QStandardPaths::findExecutable(candidate);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

} // namespace

SmtpServer::SmtpServer() = default;

SmtpServer::~SmtpServer()
{
    stop();
}

bool SmtpServer::pickPorts(quint16 *first, quint16 *second)
{
    QTcpServer a;
    QTcpServer b;
    if (!a.listen(QHostAddress::LocalHost, 0) || !b.listen(QHostAddress::LocalHost, 0))
        return false;
    *first = a.serverPort();
    *second = b.serverPort();
    return true;
}

QString SmtpServer::caFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("cert.pem")) : QString();
}

bool SmtpServer::start(QString *error, quint16 startTlsPort, quint16 tlsPort)
{
    stop();
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid() || !QDir(m_dir->path()).mkpath(QStringLiteral("spool"))) {
            *error = QStringLiteral("cannot create the server's folder");
            return false;
        }
        if (!installCertificate(m_dir->path(), error))
            return false;
    }
    const bool fixed = startTlsPort != 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_startTlsPort = startTlsPort;
        m_tlsPort = tlsPort;
        if (!fixed && !pickPorts(&m_startTlsPort, &m_tlsPort)) {
            *error = QStringLiteral("cannot pick ports on 127.0.0.1");
            return false;
        }
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(
            python(), {QStringLiteral(POPLAR_SMTP_SERVER_SCRIPT), QStringLiteral("--spool"),
                       m_dir->filePath(QStringLiteral("spool")), QStringLiteral("--cert"), caFile(),
                       QStringLiteral("--key"), m_dir->filePath(QStringLiteral("key.pem")),
                       QStringLiteral("--user"), user(), QStringLiteral("--password"), password(),
                       QStringLiteral("--starttls-port"), QString::number(m_startTlsPort),
                       QStringLiteral("--tls-port"), QString::number(m_tlsPort)});
        QDeadlineTimer deadline(kReadyTimeoutMs);
        QByteArray out;
        while (!deadline.hasExpired() && m_process->state() != QProcess::NotRunning &&
               !out.contains("READY")) {
            m_process->waitForReadyRead(200);
            out += m_process->readAllStandardOutput();
        }
        if (out.contains("READY"))
            return true;
        const QString why = QString::fromLocal8Bit(out + m_process->readAllStandardError());
        stop();
        *error = QStringLiteral("the SMTP server did not start: %1").arg(why);
        if (fixed || !why.contains(QStringLiteral("address already in use"), Qt::CaseInsensitive))
            return false;
    }
    return false;
}

void SmtpServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString SmtpServer::output() const
{
    return m_process ? QString::fromLocal8Bit(m_process->readAllStandardError()) : QString();
}

QList<SmtpServer::Message> SmtpServer::received() const
{
    QList<Message> out;
    if (!m_dir)
        return out;
    const QDir spool(m_dir->filePath(QStringLiteral("spool")));
    for (const QString &name :
         spool.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        Message m;
        QFile eml(spool.filePath(name));
        QFile facts(spool.filePath(name.chopped(4) + QStringLiteral(".json")));
        if (!eml.open(QIODevice::ReadOnly) || !facts.open(QIODevice::ReadOnly))
            continue;
        m.raw = eml.readAll();
        const QJsonObject o = QJsonDocument::fromJson(facts.readAll()).object();
        m.from = o.value(QStringLiteral("from")).toString();
        for (const QJsonValue &v : o.value(QStringLiteral("to")).toArray())
            m.to.append(v.toString());
        out.append(m);
    }
    return out;
}

void SmtpServerTest::SetUp()
{
    QString error;
    ASSERT_TRUE(m_smtp.start(&error)) << error.toStdString();
}

void SmtpServerTest::TearDown()
{
    m_smtp.stop();
}

} // namespace poplar::test
