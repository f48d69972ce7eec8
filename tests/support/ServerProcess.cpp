// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace poplar::test::server {

namespace {

constexpr int kStopTimeoutMs = 5000;
constexpr int kReadyTimeoutMs = 10000;
constexpr int kToolTimeoutMs = 60000;

} // namespace

QString findTool(const QString &name)
{
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty()) // sbin is often not in a normal user's PATH
        found = QStandardPaths::findExecutable(name,
                                               {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s});
    return found;
}

bool runTool(const QString &name, const QStringList &args, QString *error)
{
    const QString program = findTool(name);
    if (program.isEmpty()) {
        *error = u"'%1' not found in PATH"_s.arg(name);
        return false;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    const bool finished = process.waitForFinished(kToolTimeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (!finished)
        process.kill();
    *error = u"%1 %2 failed: %3\n%4"_s.arg(name, args.join(u' '), process.errorString(),
                                           QString::fromLocal8Bit(process.readAll()));
    return false;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QString tail(const QString &text, int lines)
{
    const QStringList all = text.split(u'\n');
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}

// Generating the key and DH parameters takes 0.3-2 s, so all servers of one test binary
// share one set, made on first use and copied into each server's directory.
bool installTlsFiles(const QString &dir, QString *error)
{
    static QTemporaryDir cache; // removed at exit
    static const QString cacheError = [] {
        QString e;
        const QString key = cache.filePath(u"key.pem"_s);
        const QString cert = cache.filePath(u"cert.pem"_s);
        const QString dh = cache.filePath(u"dh.pem"_s);
        if (!cache.isValid())
            e = u"cannot create TLS cache directory: %1"_s.arg(cache.errorString());
        // -dsaparam keeps DH generation well under a second; Dovecot 2.3 needs ssl_dh as
        // soon as a client negotiates a DHE cipher suite.
        else if (runTool(u"openssl"_s,
                         {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                          u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s,
                          u"subjectAltName=DNS:localhost,IP:127.0.0.1"_s, u"-keyout"_s, key,
                          u"-out"_s, cert},
                         &e))
            runTool(u"openssl"_s, {u"dhparam"_s, u"-dsaparam"_s, u"-out"_s, dh, u"2048"_s}, &e);
        return e;
    }();
    if (!cacheError.isEmpty()) {
        *error = cacheError;
        return false;
    }
    for (const QString &name : {u"cert.pem"_s, u"key.pem"_s, u"dh.pem"_s}) {
        if (!QFile::copy(cache.filePath(name), dir + u'/' + name)) {
            *error = u"cannot copy %1 into %2"_s.arg(name, dir);
            return false;
        }
    }
    return true;
}

bool pickFreePorts(quint16 *first, quint16 *second)
{
    // Both servers are open at once so the two ports differ; closing them right before
    // Dovecot binds leaves a tiny race that start() covers by retrying.
    QTcpServer a;
    QTcpServer b;
    if (!a.listen(QHostAddress::LocalHost, 0) || !b.listen(QHostAddress::LocalHost, 0))
        return false;
    *first = a.serverPort();
    *second = b.serverPort();
    return true;
}

bool startInOwnGroup(QProcess &process, const QString &program, const QStringList &args,
                     QString *error)
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    const pid_t testPid = ::getpid();
    process.setChildProcessModifier([testPid] {
        // Own process group: stopGroup() can then also kill session processes that would
        // otherwise outlive a SIGKILLed master.
        ::setpgid(0, 0);
#ifdef __linux__
        // If the test binary crashes or is interrupted, the master still gets SIGTERM and
        // takes its children down instead of lingering on the ports. (The signal is tied
        // to the forking thread, so start() belongs on a long-lived thread such as main.)
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != testPid)
            ::_exit(1);
#endif
    });
    process.start(program, args);
    if (!process.waitForStarted(kStopTimeoutMs)) {
        *error = u"cannot run %1: %2"_s.arg(program, process.errorString());
        return false;
    }
    return true;
}

void stopGroup(QProcess &process)
{
    const auto pid = pid_t(process.processId()); // 0 once finished, so read it first
    if (process.state() != QProcess::NotRunning) {
        // SIGTERM to the whole group, not just the master: a session process that is still
        // starting up may ignore the master's shutdown and keep it waiting until our timeout.
        ::kill(-pid, SIGTERM);
        if (!process.waitForFinished(kStopTimeoutMs))
            ::kill(-pid, SIGKILL);
        process.waitForFinished(kStopTimeoutMs);
    }
    if (pid > 0)
        ::kill(-pid, SIGKILL);
}

bool greets(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(1000))
        return false;
    const QDeadlineTimer deadline(3000);
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(int(deadline.remainingTime())))
            return false;
    }
    const bool ok = socket.readLine().startsWith("+OK");
    socket.write("QUIT\r\n"); // keeps the log free of "aborted login" noise
    socket.waitForBytesWritten(1000);
    socket.disconnectFromHost();
    return ok;
}

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool ok = socket.waitForConnected(1000);
    socket.abort();
    return ok;
}

// Out of line because std::unique_ptr<QProcess> needs the complete type.
LocalServer::LocalServer() = default;

LocalServer::~LocalServer()
{
    stop();
}

void LocalServer::stop()
{
    if (!m_process)
        return;
    stopGroup(*m_process);
    m_output += m_process->readAll();
    m_process.reset();
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString LocalServer::path(const QString &relative) const
{
    return m_dir ? m_dir->filePath(relative) : QString();
}

bool LocalServer::launch(const QString &tool, const QString &package, const QStringList &args,
                         QString *error)
{
    const QString program = findTool(tool);
    if (program.isEmpty()) {
        *error = u"'%1' not found (install %2)"_s.arg(tool, package);
        return false;
    }
    m_process = std::make_unique<QProcess>();
    if (!startInOwnGroup(*m_process, program, args, error)) {
        *error = failure(*error);
        return false;
    }
    return true;
}

bool LocalServer::waitUntilReady(const QString &tool, QString *error)
{
    const QDeadlineTimer deadline(kReadyTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            *error = failure(
                u"%1 exited during startup (exit code %2)"_s.arg(tool).arg(m_process->exitCode()));
            return false;
        }
        if (greets(m_plainPort) && accepts(m_tlsPort))
            return true;
        m_process->waitForFinished(100); // doubles as a sleep that notices an early exit
    }
    *error = failure(u"%1 not ready on ports %2/%3 within %4 ms"_s.arg(tool)
                         .arg(m_plainPort)
                         .arg(m_tlsPort)
                         .arg(kReadyTimeoutMs));
    return false;
}

QString LocalServer::caFile() const
{
    return path(u"cert.pem"_s);
}

} // namespace poplar::test::server
