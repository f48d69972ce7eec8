// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Transport.h"
#include "smtp/Envelope.h"
#include "smtp/SmtpCapabilities.h"
#include "smtp/SmtpParser.h"
#include "util/Error.h"

#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class QTimer;

namespace poplar::pop3 {
class SaslSession;
}

namespace poplar::smtp {

/// One ESMTP submission session (RFC 5321, RFC 6409): greeting, EHLO, STARTTLS when the
/// account asks for it (RFC 3207; without it no credential and no message is sent), AUTH
/// through GNU SASL (RFC 4954), then any number of messages, each MAIL FROM / RCPT TO /
/// DATA with dot-stuffing; MAIL and RCPT pipelined where the server offers PIPELINING (RFC
/// 2920). No I/O of its own: bytes go through a pop3::Transport (the same QSslSocket
/// transport and certificate rules as POP3 in production, a script in tests).
///
/// Lives on the sending thread. Never blocks: every wait is a signal plus a timer.
/// After failed() the line is dropped and nothing more is emitted.
class SmtpClient : public QObject {
    Q_OBJECT

public:
    struct Options {
        int connectTimeoutMs = 30'000;
        int replyTimeoutMs = 120'000;
        /// After the final dot the server may scan the message; RFC 5321 §4.5.3.2.6
        /// suggests 10 minutes.
        int dataTimeoutMs = 600'000;
        /// What EHLO names us: an address literal, as clients that keep the machine's
        /// name private do.
        QByteArray heloName = "[127.0.0.1]";
    };
    struct Login {
        bool enabled = true;
        AuthMethod method = AuthMethod::Auto;
        QString user;
        QString secret; ///< password, or an OAuth token for XOAUTH2/OAUTHBEARER
    };
    /// Runs right before the final "." of a message goes out; returning false stops the
    /// session there (failed() follows, nothing was accepted). The outbox records here that
    /// the message may reach the server.
    using FinalDotHook = std::function<bool()>;

    explicit SmtpClient(std::unique_ptr<pop3::Transport> transport = {}, QObject *parent = nullptr);
    ~SmtpClient() override;

    /// Connects, secures the line as `endpoint` demands and logs in; ready() or failed().
    void open(const Endpoint &endpoint, const Login &login, const Options &options);
    /// Sends one message (after ready(), or after the previous messageDone()); `message` is
    /// its bytes with CRLF line ends, as the server is to store them. messageDone() or
    /// failed() follows.
    void send(const Envelope &envelope, const QByteArray &message,
              FinalDotHook beforeFinalDot = {});
    /// QUIT; closed() follows (also when the server drops the line instead of answering).
    void quit();
    /// Drops the line at once; nothing is emitted.
    void abort();

    [[nodiscard]] const Capabilities &capabilities() const { return m_caps; }
    /// The mechanism the session logged in with; empty without a login.
    [[nodiscard]] const QByteArray &mechanism() const { return m_mechanism; }
    /// Whether the message being sent when failed() came had its final dot written: the
    /// server may have accepted it although no answer came (the one case of a double send).
    [[nodiscard]] bool finalDotUnanswered() const { return m_finalDotUnanswered; }

Q_SIGNALS:
    void ready();
    void messageDone(const poplar::smtp::SendOutcome &outcome);
    void closed();
    void failed(const poplar::Error &error);
    /// One protocol line, credentials replaced; the message itself is left out.
    void protocolLine(bool fromClient, const QByteArray &line);

private:
    using Handler = std::function<void(const Reply &)>;
    struct Command {
        QByteArray line;
        Handler handler;
        QByteArray logLine; ///< what the protocol log shows instead (a secret masked)
    };

    void command(const QByteArray &line, Handler handler, const QByteArray &logLine = {});
    /// Writes several commands at once; their replies reach their handlers in order.
    void commands(const QList<Command> &batch);
    void expect(Handler handler, int timeoutMs);
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onClosed();
    void onTimeout();
    void readGreeting(const Reply &reply);
    void hello();
    void onHello(const Reply &reply, bool fallbackToHelo);
    void afterHello();
    void startTls();
    void login();
    void tryNextMechanism();
    void onAuthReply(const Reply &reply);
    void authFailed(const Reply &reply);
    void loginFailedWith(Error error);
    void startTransaction();
    void nextLockStep();
    void onRecipientsAnswered();
    void sendData();
    void finishMessage(const SendOutcome &outcome);
    void fail(Error error);
    [[nodiscard]] Error replyError(const Reply &reply, const QString &context) const;
    void forgetSecret();

    pop3::Transport *m_transport = nullptr; ///< a child of this session
    QTimer *m_timer = nullptr;
    SmtpParser m_parser;
    std::deque<Handler> m_pending;
    Endpoint m_endpoint;
    Login m_login;
    Options m_options;
    Capabilities m_caps;
    QByteArrayList m_mechanisms; ///< still to try
    QByteArray m_mechanism;
    QStringList m_triedMechanisms;
    std::unique_ptr<pop3::SaslSession> m_sasl;
    bool m_securing = false;
    bool m_connected = false;
    bool m_quitting = false;
    bool m_done = false;
    // The message under way.
    Envelope m_envelope;
    QByteArray m_message;
    FinalDotHook m_beforeFinalDot;
    std::deque<Command> m_lockStep; ///< MAIL and RCPTs still to send without PIPELINING
    QList<Rejection> m_rejected;
    std::optional<Reply> m_mailRejected;
    bool m_finalDotUnanswered = false;
};

/// The DATA payload for a message (RFC 5321 §4.5.2): every line end CRLF, every line that
/// starts with "." doubled, and a CRLF at the end; without the final ".\r\n".
[[nodiscard]] QByteArray dotStuffed(const QByteArray &message);
/// The message with every line end CRLF and one at the end: the bytes a server stores.
[[nodiscard]] QByteArray withCrlf(const QByteArray &message);

} // namespace poplar::smtp
