// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerProcess.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <gtest/gtest.h>

namespace poplar::test {

// A private, throw-away Dovecot POP3 server for integration tests.
//
// Everything (config, base_dir, state_dir, log, passwd-file, Maildir, TLS certificate) lives
// in one temporary directory, both listeners bind to 127.0.0.1 on freshly picked ports, and
// `dovecot -F` runs as our child process, so tests never touch or clash with a system
// Dovecot. Works as root (CI) and as a normal user.
class DovecotServer : public server::LocalServer {
public:
    // Creates the files, starts Dovecot and waits (at most ~10 s) until the plain port sends
    // its "+OK" greeting and the TLS port accepts connections. On failure returns false and
    // fills *error with the reason plus the tail of Dovecot's output and log.
    bool start(QString *error);

    // (The plain port allows USER/PASS without TLS: tests decide.)
    QString user() const { return QStringLiteral("alice"); }
    QString password() const { return QStringLiteral("s3cret-pass"); }
    // The Maildir root (contains cur/, new/, tmp/).
    QString maildir() const;
    // Dovecot's log file followed by anything the master wrote to stdout/stderr.
    QString logText() const;

    // Delivers `raw` byte-for-byte (LF or CRLF as given) into new/ via tmp/ + rename, so
    // Dovecot never sees a half-written file. With pop3_uidl_format = %g the message's UIDL
    // is its file name, i.e. `baseName` when given (must be unique, no '/' or ':').
    // Returns the path in new/; Dovecot moves the file to cur/ once a session sees it.
    // Returns an empty string on failure.
    QString addMessage(const QByteArray &raw, const QString &baseName = {});

private:
    bool prepareFiles(QString *error);
    bool writeConfig(QString *error);
    QString failure(const QString &what) const override;

    // Users Dovecot's services run as; they differ between root and non-root runs.
    QString m_loginUser;
    QString m_internalUser;
    QString m_internalGroup;
    uint m_mailUid = 0;
    uint m_mailGid = 0;
    int m_messageCounter = 0;
};

// Fixture: every test gets a fresh server with an empty Maildir. A server that cannot
// start fails the test (a missing dovecot is a broken test setup, not a reason to skip).
class DovecotTest : public ::testing::Test {
public:
    DovecotServer &server() { return m_server; }

protected:
    void SetUp() override;
    void TearDown() override;

private:
    DovecotServer m_server;
};

} // namespace poplar::test
