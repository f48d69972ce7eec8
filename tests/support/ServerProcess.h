// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the fixtures that start a real server (DovecotServer, MailutilsServer) share: the
// tools they run, the TLS files they hand the server, free ports, and a server process that
// lives in a process group of its own, so that stopping it also stops its session processes.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtGlobal>

#include <memory>

class QProcess;

namespace poplar::test::server {

/// `name` in PATH or an sbin directory (often not in a normal user's PATH); empty if none.
[[nodiscard]] QString findTool(const QString &name);
/// Runs a tool to its end; false with the reason and its output in *error.
bool runTool(const QString &name, const QStringList &args, QString *error);
bool writeFile(const QString &path, const QByteArray &data);
/// The last `lines` lines of `text`.
[[nodiscard]] QString tail(const QString &text, int lines);
/// cert.pem (CN and SAN "localhost", SAN IP 127.0.0.1), key.pem and dh.pem in `dir`.
/// Made once per test binary (0.3-2 s) and copied into each server's directory.
bool installTlsFiles(const QString &dir, QString *error);
/// Two distinct ports free on 127.0.0.1 a moment ago (a server may still race for them:
/// start() retries).
bool pickFreePorts(quint16 *first, quint16 *second);
/// Starts `program` in a process group of its own that gets SIGTERM if the test binary dies.
bool startInOwnGroup(QProcess &process, const QString &program, const QStringList &args,
                     QString *error);
/// SIGTERM to the whole group, a bounded wait, then SIGKILL (session processes that outlive
/// the server are no longer our children: they are killed, not waited for).
void stopGroup(QProcess &process);
/// Whether the server at 127.0.0.1:`port` greets with "+OK" (it is then sent QUIT).
[[nodiscard]] bool greets(quint16 port);
/// Whether 127.0.0.1:`port` accepts a connection.
[[nodiscard]] bool accepts(quint16 port);

/// What every private server fixture has: a directory of its own, the server's process,
/// what it printed, a plain and an implicit-TLS port on 127.0.0.1, and the self-signed
/// certificate installTlsFiles() made (CN/SAN "localhost", SAN IP 127.0.0.1), to trust as CA.
class LocalServer {
public:
    LocalServer();
    virtual ~LocalServer();
    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    /// SIGTERM, bounded wait, then SIGKILL for the whole process group. Idempotent.
    void stop();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] QString host() const { return QStringLiteral("127.0.0.1"); }
    /// Plain POP3 that offers STLS.
    [[nodiscard]] quint16 plainPort() const { return m_plainPort; }
    /// Implicit TLS (pop3s).
    [[nodiscard]] quint16 tlsPort() const { return m_tlsPort; }
    [[nodiscard]] QString caFile() const;

protected:
    [[nodiscard]] QString path(const QString &relative) const;
    /// Starts the server `tool` (from `package`) with `args` in a process group of its own.
    bool launch(const QString &tool, const QString &package, const QStringList &args,
                QString *error);
    /// Waits (at most 10 s) until the plain port greets with "+OK" (a real greeting proves
    /// the login process, the authentication and the configuration usable) and the TLS
    /// port accepts; false, with why, when the server exits or does not get there.
    bool waitUntilReady(const QString &tool, QString *error);
    /// `what`, with the tail of what the server logged and printed.
    [[nodiscard]] virtual QString failure(const QString &what) const = 0;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    mutable QByteArray m_output; ///< what the server printed, read so far
    quint16 m_plainPort = 0;
    quint16 m_tlsPort = 0;
};

} // namespace poplar::test::server
