// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace poplar {

/// The server certificate behind a TLS error, so the GUI can show it and offer to trust it.
struct CertificateInfo {
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256;       ///< lower-case hex, no separators: what a pin stores
    QStringList problems; ///< in words: "expired", "self-signed", "issued for another host", ...
};

/// An error as the user will be told of it. `detail` is our own words;
/// `serverText` is what the server said, untrusted, kept apart (mpop's errmsg/errstr split).
struct Error {
    enum class Code {
        Network,        ///< connect failed, connection dropped, timeout
        Tls,            ///< handshake or certificate problem
        Insecure,       ///< the session would have sent credentials in the clear
        Auth,           ///< the server rejected the credentials
        Protocol,       ///< the server said something we cannot parse
        ServerRejected, ///< -ERR to a command other than login
        Storage,        ///< the local cache failed
        CacheDamaged,   ///< the cache file is not a readable database
        Config,         ///< an account or argument is not usable as given
        Cancelled,      ///< the user stopped it
        NotFound,       ///< the thing asked for does not exist
    };

    Code code = Code::Protocol;
    QString detail;
    QString serverText;
    /// The condition should pass by itself (RFC 3206 IN-USE, SYS/TEMP): retry later.
    bool temporary = false;
    /// Set for certificate problems.
    std::optional<CertificateInfo> certificate = std::nullopt;
    /// The server's RFC 2449 response code ("LOGIN-DELAY", "IN-USE", ...), when it gave one.
    QByteArray responseCode = {};

    /// One line for a status bar or stderr: our words, then the server's, untranslated.
    [[nodiscard]] QString message() const
    {
        if (serverText.isEmpty())
            return detail;
        return QCoreApplication::translate("poplar::Error", "%1 (server said: %2)")
            .arg(detail, serverText);
    }
};

/// A value or an Error. C++20 has no std::expected.
template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_data); }
    [[nodiscard]] T &value() & { return std::get<T>(m_data); }
    [[nodiscard]] T value() && { return std::get<T>(std::move(m_data)); }
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Success or an Error, for operations that return nothing.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {}

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace poplar

Q_DECLARE_METATYPE(poplar::Error)
