// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pop3/Transport.h"

#include <QByteArray>
#include <QList>
#include <QPointer>

#include <functional>
#include <memory>

namespace poplar::test {

/// A Transport with a test on the other end instead of a server: the test plays the server
/// (serverSends, acceptTls, serverCloses) and reads what the session wrote (takeWritten).
/// Everything happens at once, in the caller's thread, so a transcript runs without an event
/// loop; signals are emitted from inside the calls that cause them.
class ScriptedTransport : public pop3::Transport {
    Q_OBJECT

public:
    explicit ScriptedTransport(QObject *parent = nullptr);

    void open(const Endpoint &endpoint) override;
    void write(const QByteArray &bytes) override;
    [[nodiscard]] QByteArray readAll() override;
    void startTls() override;
    [[nodiscard]] bool isEncrypted() const override { return m_encrypted; }
    void close() override;
    void abort() override;

    // The test, as the server.
    /// The line is up (with implicit TLS, the handshake is through).
    void acceptConnection();
    /// Bytes from the server: all of them in one read.
    void serverSends(const QByteArray &bytes);
    /// The STARTTLS handshake the session began is through.
    void acceptTls();
    void serverCloses();
    void breaks(const Error &error);

    // What the session did.
    /// Bytes written since the last call.
    [[nodiscard]] QByteArray takeWritten();
    [[nodiscard]] const QByteArray &allWritten() const { return m_allWritten; }
    [[nodiscard]] bool isOpen() const { return m_opened && !m_closed && !m_aborted; }
    [[nodiscard]] bool wasOpened() const { return m_opened; }
    [[nodiscard]] bool tlsRequested() const { return m_tlsRequested; }
    [[nodiscard]] bool closedByClient() const { return m_closed; }
    [[nodiscard]] bool abortedByClient() const { return m_aborted; }
    [[nodiscard]] const Endpoint &endpoint() const { return m_account; }

private:
    Endpoint m_account;
    QByteArray m_incoming;
    QByteArray m_written;
    QByteArray m_allWritten;
    bool m_opened = false;
    bool m_encrypted = false;
    bool m_tlsRequested = false;
    bool m_closed = false;
    bool m_aborted = false;
};

/// A TransportFactory that hands out ScriptedTransports and remembers the last one made.
class ScriptedTransports {
public:
    [[nodiscard]] pop3::TransportFactory factory();
    /// The transport of the newest session; null before the first and once it is gone.
    [[nodiscard]] ScriptedTransport *last() const { return m_last.data(); }
    [[nodiscard]] int made() const { return m_made; }

private:
    QPointer<ScriptedTransport> m_last; ///< owned by its session
    int m_made = 0;
};

} // namespace poplar::test
