// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerProcess.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <gtest/gtest.h>

namespace poplar::test {

// A private, throw-away GNU Mailutils pop3d: a second real POP3 server, of another lineage
// than Dovecot. It serves an mbox (Dovecot here serves a Maildir), answers UIDL with its
// own digests, and rewrites what it stores once a message has been read (Status, X-UIDL and
// X-IMAPbase headers), as classic mbox servers do.
//
// Everything (config, virtual-domain passwd file, mbox, TLS files) lives in one temporary
// directory; both listeners bind to 127.0.0.1 on freshly picked ports; pop3d runs in the
// foreground as our child, without the system's configuration. Works as root and as a
// normal user (the mailbox belongs to whoever runs the tests).
class MailutilsServer : public server::LocalServer {
public:
    /// Writes the files, starts pop3d and waits (at most ~10 s) until the plain port greets
    /// and the TLS port accepts. On failure returns false with the reason and pop3d's output.
    bool start(QString *error);

    QString user() const { return QStringLiteral("alice@example.org"); }
    QString password() const { return QStringLiteral("mu-s3cret"); }
    /// The mailbox file (mbox).
    QString mbox() const;
    /// pop3d's output (it logs to stderr here).
    QString logText() const;

    /// Appends `raw` (LF or CRLF) to the mbox, escaping "From " lines as mboxrd does, which
    /// pop3d undoes. Only between sessions: pop3d locks the mbox while one is open.
    bool addMessage(const QByteArray &raw);

private:
    bool writeFiles(QString *error);
    QString failure(const QString &what) const override;
};

/// A test with a running MailutilsServer; pop3d's output is printed when the test failed.
class MailutilsTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;
    MailutilsServer &server() { return m_server; }

private:
    MailutilsServer m_server;
};

} // namespace poplar::test
