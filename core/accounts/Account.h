// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace poplar {

/// How the connection to the server is protected.
enum class Security {
    Tls,      ///< implicit TLS from the first byte (pop3s, port 995)
    StartTls, ///< plain connection upgraded with STLS before login (port 110)
    None,     ///< cleartext: only because the account says so
};

/// Where the password comes from. Never from a file Poplar writes.
enum class PasswordSource {
    Keychain, ///< the system keychain (QtKeychain)
    Command,  ///< the first line printed by a shell command
    Ask,      ///< asked for when checking mail, kept in memory for the session only
};

enum class AuthMethod {
    Auto,
    User,
    Apop,
    Plain,
    Login,
    CramMd5,
    ScramSha1,
    ScramSha256,
    XOAuth2,     ///< the password command prints an OAuth access token
    OAuthBearer, ///< RFC 7628; same token source as XOAuth2
};

/// One POP3 account as stored in poplar.ini (without its password). A plain value type.
struct Account {
    QString id;
    QString name;
    QString emailAddress;
    QString host;
    quint16 port = 995;
    Security security = Security::Tls;
    QString user;
    AuthMethod auth = AuthMethod::Auto;
    PasswordSource passwordSource = PasswordSource::Keychain;
    QString passwordCommand;
    bool leaveOnServer = true;
    bool deleteFromServerOnLocalDelete = true;
    int deleteFromServerAfterDays = 0; ///< 0: never
    int sizeLimitKb = 0;               ///< 0: no limit
    bool checkOnStartup = true;
    int checkEveryMinutes = 10; ///< 0: only when asked
    QString caFile;             ///< extra CA certificates (PEM) to trust
    QString pinSha256;          ///< hex SHA-256 of a certificate trusted explicitly

    bool operator==(const Account &) const = default;
};

[[nodiscard]] QString securityToString(Security security);
[[nodiscard]] std::optional<Security> securityFromString(const QString &text);
[[nodiscard]] QString authMethodToString(AuthMethod method);
[[nodiscard]] std::optional<AuthMethod> authMethodFromString(const QString &text);
[[nodiscard]] QString passwordSourceToString(PasswordSource source);
[[nodiscard]] std::optional<PasswordSource> passwordSourceFromString(const QString &text);
/// The usual port for a security mode: 995 for TLS, 110 otherwise.
[[nodiscard]] quint16 defaultPort(Security security);

} // namespace poplar

Q_DECLARE_METATYPE(poplar::Account)
