// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "util/Error.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>

namespace poplar::pop3 {

/// The line a POP3 or SMTP session talks over: TCP with TLS in production (SocketTransport), a
/// script in tests (tests/support/ScriptedTransport). The session decides what to send and
/// when to secure the line; a transport only moves bytes, secures the line when told, and
/// reports what happened. It never interprets a byte.
class Transport : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    /// Connects to the server. With Security::Tls the line is secured first; connected()
    /// follows once bytes can flow, or failed().
    virtual void open(const Endpoint &endpoint) = 0;
    virtual void write(const QByteArray &bytes) = 0;
    /// Everything received and not taken yet (with TLS: everything already decrypted).
    [[nodiscard]] virtual QByteArray readAll() = 0;
    /// STARTTLS: secures the open line; encrypted() or failed() follows. Bytes received in
    /// the clear and not taken are dropped (RFC 2595 §4).
    virtual void startTls() = 0;
    [[nodiscard]] virtual bool isEncrypted() const = 0;
    /// Hands what was written to the operating system now, without waiting: what a
    /// session passes this point with is on its way even if the process stops right after.
    virtual void flush() {}
    /// Closes the line once what was written has gone out.
    virtual void close() = 0;
    /// Drops the line at once; no signal follows.
    virtual void abort() = 0;

Q_SIGNALS:
    void connected();
    /// The handshake that startTls() began is through.
    void encrypted();
    void readyRead();
    /// The server closed the line.
    void closed();
    /// The line could not be opened or secured, or broke. The transport is unusable after.
    void failed(const poplar::Error &error);
};

/// Makes the transport for one session: production code uses socketTransportFactory().
using TransportFactory = std::function<std::unique_ptr<Transport>()>;

/// Transports over QSslSocket (SocketTransport).
[[nodiscard]] TransportFactory socketTransportFactory();

} // namespace poplar::pop3
