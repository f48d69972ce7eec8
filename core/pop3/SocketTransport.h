// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pop3/Transport.h"

#include <QSslError>

#include <optional>

class QSslSocket;

namespace poplar::pop3 {

/// A Transport over QSslSocket: TLS 1.2 or newer, certificates checked against the system
/// CAs plus the account's CA file and the host name, or accepted when they match the
/// account's pinned SHA-256 exactly. A certificate that fails is reported with what a user
/// needs to decide whether to trust it (Error::certificate).
class SocketTransport : public Transport {
    Q_OBJECT

public:
    explicit SocketTransport(QObject *parent = nullptr);
    ~SocketTransport() override;

    void open(const Endpoint &endpoint) override;
    void flush() override;
    void write(const QByteArray &bytes) override;
    [[nodiscard]] QByteArray readAll() override;
    void startTls() override;
    [[nodiscard]] bool isEncrypted() const override;
    void close() override;
    void abort() override;

private:
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketError();
    void fail(const Error &error);

    QSslSocket *m_socket;
    Endpoint m_account;
    bool m_done = false;
    std::optional<CertificateInfo> m_certificateProblem;
};

} // namespace poplar::pop3
