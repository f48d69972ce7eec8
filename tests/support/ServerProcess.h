// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the fixtures that start a real server (DovecotServer, MailutilsServer) share: the
// tools they run, the TLS files they hand the server, free ports, and a server process that
// lives in a process group of its own, so that stopping it also stops its session processes.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>

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

} // namespace poplar::test::server
