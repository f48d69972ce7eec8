// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Capabilities.h"
#include "pop3/LoginMethod.h"
#include "pop3/Pop3Parser.h"
#include "pop3/Transport.h"
#include "util/Error.h"

#include <QByteArrayList>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class QTimer;

namespace poplar::pop3 {

/// Our words for a -ERR reply, with what its RFC 2449/3206 response code means for the user.
[[nodiscard]] Error replyError(const Reply &reply, const QString &context);

/// One POP3 session: secures the line as the account demands, logs in, then runs commands,
/// pipelined when the server advertises PIPELINING (RFC 2449 §6.6). It does no I/O of its
/// own: bytes go out and come in through a Transport (QSslSocket in production, a script in
/// tests), so every exchange can be tested as a transcript.
///
/// Lives on the sync thread (create it there). Never blocks: every wait is a signal
/// plus a timer. After failed() the line is dropped and no handler runs again.
class Pop3Client : public QObject {
    Q_OBJECT

public:
    struct Options {
        int connectTimeoutMs = 30'000;
        int replyTimeoutMs = 60'000;
        /// How long a line opened before its password (openBeforePassword) is held for it
        /// once ready: longer, and the password is a person typing (AccountSync closes it).
        int passwordWaitMs = 10'000;
        int pipelineWindow = 64; ///< commands in flight when the server pipelines
        /// Announced reply bytes (LIST sizes) in flight: bounds what the kernel and Qt buffer
        /// for us when messages are large.
        qint64 pipelineBytes = 8 * 1024 * 1024;
        Pop3Parser::Limits limits;
    };
    using ReplyHandler = std::function<void(const Reply &)>;

    /// Talks over `transport` (owned from now on); by default over a SocketTransport.
    explicit Pop3Client(std::unique_ptr<Transport> transport = {}, QObject *parent = nullptr);
    ~Pop3Client() override;

    /// Connects to the account's server and logs in; loggedIn() or failed() follows.
    void open(const Account &account, const QString &password, const Options &options);
    /// As open(), for a password that is still coming (a password command or the keychain
    /// answering): connects, secures the line and reads the capabilities meanwhile, then
    /// emits readyForPassword() and waits for providePassword() to log in. Nothing waits on
    /// a timer then: the server may close the line, and failed() says so.
    void openBeforePassword(const Account &account, const Options &options);
    /// The password of a session opened before it: logs in now if the line is ready,
    /// otherwise as soon as it is. A second password is ignored.
    void providePassword(const QString &password);
    /// Queues a command (without CRLF). `handler` gets its reply, in order.
    void command(const QByteArray &line, ReplyShape shape, ReplyHandler handler,
                 qsizetype sizeHint = 0);
    /// QUIT (RFC 1939 §6): the server deletes what was marked only on its +OK.
    void quit(std::function<void(bool ok)> done);
    /// Drops the connection without QUIT: the server deletes nothing.
    void abort();

    [[nodiscard]] bool pipelining() const { return m_caps.pipelining; }
    [[nodiscard]] const Capabilities &capabilities() const { return m_caps; }
    /// How the session logged in (valid after loggedIn()).
    [[nodiscard]] const LoginMethod &loginMethod() const { return m_loginMethod; }

Q_SIGNALS:
    void loggedIn();
    /// Opened before its password (openBeforePassword): the line is ready for the login.
    void readyForPassword();
    void failed(const poplar::Error &error);
    /// One protocol line, secrets already replaced; `fromClient` tells the direction.
    /// Emitted only while something is connected: two lines per message add up.
    void protocolLine(bool fromClient, const QByteArray &line);

private:
    struct Queued {
        QByteArray line;
        ReplyShape shape;
        qsizetype sizeHint;
        ReplyHandler handler;
        QByteArray logLine;
        bool transmit = true; ///< false for the greeting: a reply that nothing asked for
    };

    void send(const QByteArray &line, ReplyShape shape, ReplyHandler handler,
              const QByteArray &logLine, qsizetype sizeHint = 0);
    void pump();
    /// Commands in flight at most: the option's window with PIPELINING, one without.
    [[nodiscard]] std::size_t windowSize() const;
    /// Whether the replies just taken leave room enough to send more (see the definition).
    bool refillDue() const;
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onClosed();
    void onTimeout();
    void readGreeting(const Reply &greeting);
    void requestCapabilities(std::function<void()> next);
    void startTls();
    void login();
    void tryNextLogin();
    /// After a login that failed: the next method, or the error that names all tried.
    void loginFailedWith(Error error);
    void forgetPassword();
    void loginWithSasl(const QByteArray &mechanism);
    void loginWithOAuth(const QByteArray &mechanism);
    void onAuthReply(const Reply &reply);
    void sendSecret(const QByteArray &line, const QByteArray &logLine, ReplyHandler handler);
    void loginFailed(const Reply &reply);
    void loginSucceeded();
    void fail(Error error);
    void armTimer(int ms);

    Account m_account;
    QString m_password;
    bool m_hasPassword = false;        ///< open() gave it, or providePassword() did
    bool m_waitingForPassword = false; ///< at the login, without one
    Options m_options;
    Transport *m_transport = nullptr; ///< a child of this session
    QTimer *m_timer = nullptr;
    Pop3Parser m_parser;
    std::deque<Queued> m_queued;
    struct InFlight {
        ReplyHandler handler;
        qsizetype sizeHint;
    };
    std::deque<InFlight> m_inFlight;
    qint64 m_inFlightBytes = 0;
    Capabilities m_caps;
    QByteArray m_greeting;
    bool m_connected = false; ///< bytes can flow (with implicit TLS: after the handshake)
    bool m_securing = false;  ///< STLS accepted, handshake under way
    bool m_greeted = false;
    LoginMethod m_loginMethod;
    QList<LoginMethod> m_loginCandidates; ///< still to try, in order
    QStringList m_loginsTried;            ///< names of the methods that failed
    std::optional<Error> m_loginFailure;  ///< the last method's failure, while trying the next
    std::unique_ptr<class SaslSession> m_sasl;
    bool m_quitting = false;
    bool m_done = false;
};

} // namespace poplar::pop3
