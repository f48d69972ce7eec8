// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace poplar::pop3 {

/// One client-side SASL exchange through GNU SASL (RFC 4422): PLAIN, LOGIN, CRAM-MD5,
/// SCRAM-SHA-1, SCRAM-SHA-256 and whatever else the library knows. XOAUTH2 and
/// OAUTHBEARER, which it lacks, are one formatted line each (see oauthInitialResponse).
/// Challenges and responses are base64, as POP3 AUTH (RFC 5034) and SMTP AUTH (RFC 4954)
/// carry them.
class SaslSession {
    Q_DECLARE_TR_FUNCTIONS(poplar::pop3::SaslSession)

public:
    /// SCRAM's iteration count is the server's to choose (RFC 5802 §5.1), and GNU SASL hashes
    /// as often as it is told: "i=4000000000" would keep the sync thread busy for hours, out
    /// of reach of any network timeout. RFC 7677 asks for at least 4096; a server-first
    /// message asking for more than this (250 times that, seconds of work) fails the step.
    static constexpr quint64 maxScramIterations = 1'000'000;

    ~SaslSession();
    SaslSession(const SaslSession &) = delete;
    SaslSession &operator=(const SaslSession &) = delete;

    /// Starts `mechanism` for `user`/`secret`; `host` and `service` (the GSSAPI service
    /// name: "pop", "smtp") feed mechanisms that want them.
    [[nodiscard]] static Result<std::unique_ptr<SaslSession>>
    start(const QByteArray &mechanism, const QString &user, const QString &secret,
          const QString &host, const QByteArray &service = "pop");

    /// Whether GNU SASL can run this mechanism as a client.
    [[nodiscard]] static bool supports(const QByteArray &mechanism);

    /// The next base64 response to a base64 challenge (empty for the first step).
    [[nodiscard]] Result<QByteArray> step(const QByteArray &challengeBase64);
    /// The server's last word was accepted by the mechanism (e.g. SCRAM's signature).
    [[nodiscard]] bool complete() const { return m_complete; }

private:
    struct Handles;
    explicit SaslSession(std::unique_ptr<Handles> handles);

    std::unique_ptr<Handles> m_handles;
    bool m_complete = false;
};

/// The base64 initial response for XOAUTH2 (Google/Microsoft) or OAUTHBEARER (RFC 7628).
[[nodiscard]] QByteArray oauthInitialResponse(const QByteArray &mechanism, const QString &user,
                                              const QString &token, const QString &host,
                                              quint16 port);

} // namespace poplar::pop3
