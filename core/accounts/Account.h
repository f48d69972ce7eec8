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

/// Where a server is and how to reach it safely: what a Transport needs to open a line, for
/// POP3 and SMTP alike (the same certificate rules, CA file and pinning).
struct Endpoint {
    QString host;
    quint16 port = 0;
    Security security = Security::Tls;
    QString caFile;    ///< extra CA certificates (PEM) to trust
    QString pinSha256; ///< hex SHA-256 of a certificate trusted explicitly

    bool operator==(const Endpoint &) const = default;
};

/// Who the account's mail is from: what a new message, a reply or a forward says of its sender.
struct Identity {
    QString name;      ///< the sender's name ("Alice Liddell"); may be empty
    QString address;   ///< empty: the account's e-mail address
    QString signature; ///< plain text put under "-- " below a new message; may be empty
    QString replyTo;   ///< an address replies should go to instead; may be empty

    bool operator==(const Identity &) const = default;
};

/// The account's outgoing server: SMTP submission (RFC 6409), 465 with implicit TLS or 587
/// with STARTTLS. Its password comes from the account's own source unless it has its own.
struct OutgoingServer {
    QString host; ///< empty: the account sends no mail
    quint16 port = 587;
    Security security = Security::StartTls;
    QString user; ///< empty: the POP3 user name
    AuthMethod auth = AuthMethod::Auto;
    /// false: the server takes mail without a login (a relay on the user's own network).
    bool login = true;
    bool samePassword = true; ///< the POP3 password source, or the two below
    PasswordSource passwordSource = PasswordSource::Keychain;
    QString passwordCommand;
    QString pinSha256; ///< a certificate of this server trusted explicitly (the CA file is shared)

    bool operator==(const OutgoingServer &) const = default;
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
    Identity identity;
    OutgoingServer smtp;

    bool operator==(const Account &) const = default;

    /// The POP3 server.
    [[nodiscard]] Endpoint incoming() const { return {host, port, security, caFile, pinSha256}; }
    /// The SMTP server (see OutgoingServer).
    [[nodiscard]] Endpoint outgoing() const
    {
        return {smtp.host, smtp.port, smtp.security, caFile, smtp.pinSha256};
    }
    [[nodiscard]] bool canSend() const { return !smtp.host.trimmed().isEmpty(); }
    /// The address mail from this account is sent from.
    [[nodiscard]] QString senderAddress() const
    {
        return identity.address.trimmed().isEmpty() ? emailAddress.trimmed()
                                                    : identity.address.trimmed();
    }
    /// The user name the SMTP server is logged in to with.
    [[nodiscard]] QString smtpUser() const { return smtp.user.isEmpty() ? user : smtp.user; }
    /// What a PasswordProvider needs to fetch the SMTP password: the account itself when it
    /// shares the POP3 password (one keychain entry, one prompt), else an account of its own
    /// whose id is "<id>/smtp" (its keychain entry and session memory are apart).
    [[nodiscard]] Account smtpCredentials() const;
};

[[nodiscard]] QString securityToString(Security security);
[[nodiscard]] std::optional<Security> securityFromString(const QString &text);
[[nodiscard]] QString authMethodToString(AuthMethod method);
[[nodiscard]] std::optional<AuthMethod> authMethodFromString(const QString &text);
[[nodiscard]] QString passwordSourceToString(PasswordSource source);
[[nodiscard]] std::optional<PasswordSource> passwordSourceFromString(const QString &text);
/// The usual port for a security mode: 995 for TLS, 110 otherwise.
[[nodiscard]] quint16 defaultPort(Security security);
/// The usual submission port for a security mode: 465 for TLS, 587 otherwise (RFC 8314).
[[nodiscard]] quint16 defaultSmtpPort(Security security);

} // namespace poplar

Q_DECLARE_METATYPE(poplar::Account)
Q_DECLARE_METATYPE(poplar::Endpoint)
