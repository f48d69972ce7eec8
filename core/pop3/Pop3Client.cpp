// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Pop3Client.h"

#include "pop3/SaslSession.h"

#include <QCryptographicHash>
#include <QMetaMethod>
#include <QTimer>

#include <utility>

namespace poplar::pop3 {

namespace {

QString serverText(const Reply &reply)
{
    return QString::fromUtf8(reply.text).left(300);
}

} // namespace

Error replyError(const Reply &reply, const QString &context)
{
    Error error{Error::Code::ServerRejected, context, serverText(reply)};
    error.responseCode = reply.code.left(64);
    // RFC 2449 §8 and RFC 3206: the code tells the user whether to wait or to act.
    const QByteArray &code = reply.code;
    if (code == "IN-USE") {
        error.temporary = true;
        error.detail += Pop3Client::tr(": another program is using this mailbox right now "
                                       "(another mail reader or a phone?). Poplar will try "
                                       "again later.");
    } else if (code == "LOGIN-DELAY") {
        error.temporary = true;
        error.detail += Pop3Client::tr(": the server allows a login only every few minutes. "
                                       "Poplar will try again later.");
    } else if (code == "SYS/TEMP") {
        error.temporary = true;
        error.detail += Pop3Client::tr(": the server has a temporary problem. Try again later.");
    } else if (code == "SYS/PERM") {
        error.detail += Pop3Client::tr(": the server has a lasting problem with this account. "
                                       "Contact your provider.");
    } else if (code == "AUTH") {
        error.code = Error::Code::Auth;
        error.detail += Pop3Client::tr(": the user name or password is wrong.");
    }
    return error;
}

Pop3Client::Pop3Client(std::unique_ptr<Transport> transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport ? transport.release() : socketTransportFactory()().release())
    , m_timer(new QTimer(this))
{
    m_transport->setParent(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Pop3Client::onTimeout);
    connect(m_transport, &Transport::connected, this, &Pop3Client::onConnected);
    connect(m_transport, &Transport::encrypted, this, &Pop3Client::onEncrypted);
    connect(m_transport, &Transport::readyRead, this, &Pop3Client::onReadyRead);
    connect(m_transport, &Transport::closed, this, &Pop3Client::onClosed);
    connect(m_transport, &Transport::failed, this, [this](const Error &e) { fail(e); });
}

Pop3Client::~Pop3Client()
{
    m_done = true; // no signal from a line being torn down may reach a handler
    m_transport->abort();
}

void Pop3Client::open(const Account &account, const QString &password, const Options &options)
{
    openBeforePassword(account, options);
    providePassword(password);
}

void Pop3Client::openBeforePassword(const Account &account, const Options &options)
{
    m_account = account;
    m_options = options;
    m_parser = Pop3Parser(options.limits);
    // The greeting is the first reply (RFC 1939 §4); it answers no command.
    m_queued.push_back(
        {{}, ReplyShape::StatusLine, 0, [this](const Reply &r) { readGreeting(r); }, {}, false});
    armTimer(m_options.connectTimeoutMs);
    m_transport->open(account.incoming());
}

void Pop3Client::providePassword(const QString &password)
{
    if (m_done || m_hasPassword)
        return;
    m_password = password;
    m_hasPassword = true;
    if (std::exchange(m_waitingForPassword, false))
        login();
}

void Pop3Client::command(const QByteArray &line, ReplyShape shape, ReplyHandler handler,
                         qsizetype sizeHint)
{
    send(line, shape, std::move(handler), line, sizeHint);
}

void Pop3Client::send(const QByteArray &line, ReplyShape shape, ReplyHandler handler,
                      const QByteArray &logLine, qsizetype sizeHint)
{
    if (m_done)
        return;
    m_queued.push_back({line, shape, sizeHint, std::move(handler), logLine, true});
    if (m_connected && !m_securing)
        pump();
}

void Pop3Client::pump()
{
    if (m_done || !m_connected || m_securing)
        return;
    const std::size_t window = windowSize();
    const bool logging = isSignalConnected(QMetaMethod::fromSignal(&Pop3Client::protocolLine));
    QByteArray out;
    while (!m_queued.empty() && m_inFlight.size() < window) {
        Queued &next = m_queued.front();
        if (!m_inFlight.empty() && m_inFlightBytes + next.sizeHint > m_options.pipelineBytes)
            break;
        m_parser.expect(next.shape, next.sizeHint);
        if (next.transmit) {
            out += next.line;
            out += "\r\n";
            if (logging)
                Q_EMIT protocolLine(true, next.logLine);
        }
        m_inFlightBytes += next.sizeHint;
        m_inFlight.push_back({std::move(next.handler), next.sizeHint});
        m_queued.pop_front();
    }
    if (!out.isEmpty())
        m_transport->write(out);
    if (!m_inFlight.empty() && !m_timer->isActive())
        armTimer(m_options.replyTimeoutMs);
}

void Pop3Client::quit(std::function<void(bool ok)> done)
{
    command("QUIT", ReplyShape::StatusLine, [this, done = std::move(done)](const Reply &r) {
        m_quitting = true;
        m_done = true;
        m_timer->stop();
        m_transport->close();
        done(r.isOk());
    });
}

void Pop3Client::abort()
{
    m_done = true;
    m_timer->stop();
    m_transport->abort();
}

void Pop3Client::onConnected()
{
    m_connected = true; // with implicit TLS, the handshake is through
    pump();
}

void Pop3Client::onEncrypted()
{
    m_securing = false;
    // STARTTLS done: ask again, the server may now offer more (RFC 2595 §4).
    requestCapabilities([this] { login(); });
    pump();
}

void Pop3Client::onReadyRead()
{
    if (m_done)
        return;
    if (m_securing) {
        // Bytes after STLS's +OK and before the handshake came in the clear: never trusted
        // (RFC 2595 §4). The transport drops them; the handshake itself is its business.
        return;
    }
    // Drain everything already decrypted in one go: one TLS record per wake-up is slow.
    const QByteArray bytes = m_transport->readAll();
    m_parser.feed(bytes);
    if (m_parser.fatalError()) {
        fail({Error::Code::Protocol, *m_parser.fatalError(), {}});
        return;
    }
    const bool logging = isSignalConnected(QMetaMethod::fromSignal(&Pop3Client::protocolLine));
    while (m_parser.hasReply() && !m_done) {
        const Reply reply = m_parser.takeReply();
        if (logging) {
            QByteArray log = (reply.kind == Reply::Kind::Ok    ? QByteArray("+OK ")
                              : reply.kind == Reply::Kind::Err ? QByteArray("-ERR ")
                                                               : QByteArray("+ ")) +
                             reply.text;
            if (!reply.body.isEmpty())
                log += " [" + QByteArray::number(reply.body.size()) + " bytes]";
            Q_EMIT protocolLine(false, log);
        }
        ReplyHandler handler = std::move(m_inFlight.front().handler);
        m_inFlightBytes -= m_inFlight.front().sizeHint;
        m_inFlight.pop_front();
        if (handler)
            handler(reply);
    }
    // During the STLS handshake the connect timer runs: it is not a reply being waited for.
    if (m_done || m_securing)
        return;
    m_timer->stop();
    if (refillDue())
        pump();
    else
        armTimer(m_options.replyTimeoutMs);
}

std::size_t Pop3Client::windowSize() const
{
    return m_caps.pipelining ? std::size_t(std::max(1, m_options.pipelineWindow)) : 1;
}

bool Pop3Client::refillDue() const
{
    // A full window is topped up once half of it has been answered, not after every reply:
    // a reply at a time made one write, one TLS record and one wake-up of the server per
    // command (2,000 of each for 2,000 messages). The half still in flight keeps the server
    // sending meanwhile.
    if (m_inFlight.empty())
        return true;
    return m_inFlight.size() <= windowSize() / 2 && m_inFlightBytes <= m_options.pipelineBytes / 2;
}

void Pop3Client::onClosed()
{
    if (m_done || m_quitting)
        return;
    fail({Error::Code::Network,
          tr("The server %1 closed the connection unexpectedly").arg(m_account.host),
          {}});
}

void Pop3Client::onTimeout()
{
    if (m_done)
        return;
    // Until the greeting (and, with TLS, the handshake) is through, this is still connecting.
    const bool connecting = !m_connected || !m_greeted || m_securing;
    const int seconds = (m_timer->interval() + 999) / 1000;
    fail({Error::Code::Network,
          connecting ? tr("Connecting to %1:%2 timed out after %n seconds", nullptr, seconds)
                           .arg(m_account.host)
                           .arg(m_account.port)
                     : tr("The server %1 did not answer within %n seconds", nullptr, seconds)
                           .arg(m_account.host),
          {}});
}

void Pop3Client::readGreeting(const Reply &greeting)
{
    if (!greeting.isOk()) {
        fail(replyError(greeting, tr("The server refused the connection")));
        return;
    }
    m_greeting = greeting.text;
    m_greeted = true;
    if (m_account.security == Security::StartTls)
        requestCapabilities([this] { startTls(); });
    else
        requestCapabilities([this] { login(); });
}

void Pop3Client::requestCapabilities(std::function<void()> next)
{
    // CAPA, RFC 2449 §5. A server without it answers -ERR: then it has no extensions.
    command("CAPA", ReplyShape::MultiLine, [this, next = std::move(next)](const Reply &r) {
        m_caps = r.isOk() ? Capabilities::parse(r.body) : Capabilities{};
        next();
    });
}

void Pop3Client::startTls()
{
    if (!m_caps.stls) {
        fail({Error::Code::Insecure,
              tr("The server %1 does not offer STARTTLS, so Poplar stopped before sending your "
                 "password. Choose SSL/TLS, or ask the provider.")
                  .arg(m_account.host),
              {}});
        return;
    }
    command("STLS", ReplyShape::StatusLine, [this](const Reply &r) {
        if (!r.isOk()) {
            fail({Error::Code::Insecure,
                  tr("The server %1 refused STARTTLS; nothing was sent in the clear")
                      .arg(m_account.host),
                  serverText(r)});
            return;
        }
        // Anything already received after +OK arrived in the clear: drop it (RFC 2595 §4).
        m_parser.reset();
        m_securing = true;
        m_timer->stop();
        armTimer(m_options.connectTimeoutMs);
        m_transport->startTls();
    });
}

void Pop3Client::login()
{
    if (!m_hasPassword) {
        // Opened before the password: the line is secured and the capabilities are known,
        // so the login is all that is left, and it waits. No reply is awaited meanwhile, so
        // no timer runs.
        m_waitingForPassword = true;
        Q_EMIT readyForPassword();
        return;
    }
    if (m_account.security != Security::None && !m_transport->isEncrypted()) {
        fail({Error::Code::Insecure, tr("Refusing to log in over an unencrypted connection"), {}});
        return;
    }
    auto methods = loginCandidates(m_account.auth, m_caps, m_transport->isEncrypted(),
                                   !apopTimestamp(m_greeting).isEmpty(), &SaslSession::supports);
    if (!methods) {
        fail(methods.error());
        return;
    }
    m_loginCandidates = std::move(methods).value();
    tryNextLogin();
}

void Pop3Client::tryNextLogin()
{
    m_loginMethod = m_loginCandidates.takeFirst();
    const QByteArray user = m_account.user.toUtf8();
    switch (m_loginMethod.kind) {
    case LoginMethod::Kind::UserPass: {
        // USER/PASS, RFC 1939 §7. Pipelined when allowed: the PASS reply decides, and a
        // rejected USER is what is reported (PASS then fails for want of a user).
        auto userRejected = std::make_shared<std::optional<Reply>>();
        send(
            "USER " + user, ReplyShape::StatusLine,
            [userRejected](const Reply &r) {
                if (!r.isOk())
                    *userRejected = r;
            },
            "USER " + user);
        sendSecret("PASS " + m_password.toUtf8(), "PASS ********",
                   [this, userRejected](const Reply &r) {
                       if (!r.isOk()) {
                           loginFailed(userRejected->value_or(r));
                           return;
                       }
                       loginSucceeded();
                   });
        break;
    }
    case LoginMethod::Kind::Apop: {
        // APOP, RFC 1939 §7: MD5 over the greeting's timestamp and the shared secret.
        const QByteArray digest =
            QCryptographicHash::hash(apopTimestamp(m_greeting) + m_password.toUtf8(),
                                     QCryptographicHash::Md5)
                .toHex();
        sendSecret("APOP " + user + ' ' + digest, "APOP " + user + " ********",
                   [this](const Reply &r) {
                       if (!r.isOk()) {
                           loginFailed(r);
                           return;
                       }
                       loginSucceeded();
                   });
        break;
    }
    case LoginMethod::Kind::Sasl:
        loginWithSasl(m_loginMethod.mechanism);
        break;
    case LoginMethod::Kind::OAuth:
        loginWithOAuth(m_loginMethod.mechanism);
        break;
    }
}

void Pop3Client::forgetPassword()
{
    m_password.fill(QLatin1Char('\0'));
    m_password.clear();
}

void Pop3Client::sendSecret(const QByteArray &line, const QByteArray &logLine, ReplyHandler handler)
{
    send(
        line, ReplyShape::StatusLine,
        [handler = std::move(handler)](const Reply &r) { handler(r); }, logLine);
}

void Pop3Client::loginWithSasl(const QByteArray &mechanism)
{
    // AUTH, RFC 5034. Client-first mechanisms send their first response with the command
    // (SASL-IR) unless that would pass the 255-octet command limit (§4).
    auto session = SaslSession::start(mechanism, m_account.user, m_password, m_account.host);
    if (!session) {
        loginFailedWith(session.error());
        return;
    }
    m_sasl = std::move(session).value();
    auto initial = m_sasl->step({});
    if (!initial) {
        m_sasl.reset();
        loginFailedWith(initial.error());
        return;
    }
    QByteArray line = "AUTH " + mechanism;
    if (!initial.value().isEmpty() && line.size() + 1 + initial.value().size() <= 255) {
        line += ' ' + initial.value();
        send(
            line, ReplyShape::StatusLine, [this](const Reply &r) { onAuthReply(r); },
            "AUTH " + mechanism + " ********");
        return;
    }
    // Too long, or a server-first mechanism: wait for the server's first challenge. A
    // prepared client-first response is sent in answer to that (empty) challenge.
    QByteArray pending = initial.value();
    send(
        line, ReplyShape::StatusLine,
        [this, pending](const Reply &r) {
            if (r.kind == Reply::Kind::Continuation && !pending.isEmpty()) {
                send(
                    pending, ReplyShape::StatusLine,
                    [this](const Reply &next) { onAuthReply(next); }, "********");
                return;
            }
            onAuthReply(r);
        },
        line);
}

void Pop3Client::loginWithOAuth(const QByteArray &mechanism)
{
    // The "password" is the access token the password command printed.
    const QByteArray response =
        oauthInitialResponse(mechanism, m_account.user, m_password, m_account.host, m_account.port);
    send(
        "AUTH " + mechanism + ' ' + response, ReplyShape::StatusLine,
        [this, mechanism](const Reply &r) {
            if (r.kind == Reply::Kind::Continuation) {
                // An error report in JSON (RFC 7628 §3.2.2): acknowledge it, the -ERR follows.
                const QByteArray why = QByteArray::fromBase64(r.text).left(300);
                send(
                    mechanism == "OAUTHBEARER" ? QByteArray("AQ==") : QByteArray(),
                    ReplyShape::StatusLine,
                    [this, why](const Reply &final) {
                        Reply shown = final;
                        if (!why.isEmpty())
                            shown.text += " " + why;
                        loginFailed(shown);
                    },
                    "(acknowledge error)");
                return;
            }
            if (!r.isOk()) {
                loginFailed(r);
                return;
            }
            loginSucceeded();
        },
        "AUTH " + mechanism + " ********");
}

void Pop3Client::onAuthReply(const Reply &reply)
{
    if (reply.kind == Reply::Kind::Continuation) {
        auto response = m_sasl->step(reply.text);
        if (!response) {
            // Cancel the exchange (RFC 5034 §4); its -ERR ends this method.
            m_sasl.reset();
            send(
                "*", ReplyShape::StatusLine,
                [this, error = response.error()](const Reply &) { loginFailedWith(error); }, "*");
            return;
        }
        send(
            response.value(), ReplyShape::StatusLine, [this](const Reply &r) { onAuthReply(r); },
            "********");
        return;
    }
    if (!reply.isOk()) {
        loginFailed(reply);
        return;
    }
    // SCRAM proves the server too (RFC 5802 §5): its last word carries a signature only a
    // server that knows the password can make. A +OK without it proves nothing, and no other
    // method is tried after it: whoever answers may be after the password itself.
    if (m_loginMethod.mechanism.startsWith("SCRAM-") && !m_sasl->complete()) {
        m_sasl.reset();
        m_loginCandidates.clear();
        fail({Error::Code::Insecure,
              tr("The server %1 accepted the login without proving it knows the password "
                 "(SCRAM); Poplar stopped.")
                  .arg(m_account.host),
              {}});
        return;
    }
    m_sasl.reset();
    loginSucceeded();
}

void Pop3Client::loginSucceeded()
{
    forgetPassword();
    m_loginCandidates.clear();
    m_loginFailure.reset();
    // RFC 2449 §6.5/§6.7: per-user LOGIN-DELAY and EXPIRE are only told after login.
    if (m_caps.known && m_caps.policyPerUser)
        requestCapabilities([this] { Q_EMIT loggedIn(); });
    else
        Q_EMIT loggedIn();
}

void Pop3Client::loginFailed(const Reply &reply)
{
    m_sasl.reset();
    // Without a response code, a rejected login means the credentials (RFC 3206 §4 allows
    // servers to be vague), or that this method does not work for this user (APOP needs a
    // secret of its own on many servers); with one, the code says whether to wait or to fix
    // the settings, and no other method would fare better.
    if (reply.code.isEmpty() || reply.code == "AUTH") {
        loginFailedWith({Error::Code::Auth,
                         tr("The server rejected the password for \"%1\"").arg(m_account.user),
                         serverText(reply)});
        return;
    }
    m_loginCandidates.clear();
    fail(replyError(reply, tr("The server refused the login for \"%1\"").arg(m_account.user)));
}

void Pop3Client::loginFailedWith(Error error)
{
    m_loginsTried.append(loginMethodName(m_loginMethod));
    if (!m_loginCandidates.isEmpty()) {
        m_loginFailure = std::move(error);
        tryNextLogin();
        return;
    }
    m_loginFailure.reset();
    if (m_loginsTried.size() > 1)
        error.detail += tr(" (tried %1)").arg(m_loginsTried.join(tr(", ")));
    // A server that offers STARTTLS may take logins only over an encrypted line, and say so in
    // words of its own (GNU Mailutils: "Incorrect state"): the account's setting is the cause.
    if (!m_transport->isEncrypted() && m_caps.stls)
        error.detail += tr(". The server offers STARTTLS and may accept a login only over an "
                           "encrypted connection: choose STARTTLS in the account's settings");
    fail(std::move(error));
}

void Pop3Client::fail(Error error)
{
    if (m_done)
        return;
    // A server that hangs up after a failed login, before the next method was answered:
    // what the user needs is why the login failed, not that the line dropped.
    if (m_loginFailure && error.code == Error::Code::Network) {
        error = *std::exchange(m_loginFailure, std::nullopt);
        error.detail += tr(" (tried %1, then the server closed the connection)")
                            .arg(m_loginsTried.join(tr(", ")));
    }
    forgetPassword();
    m_done = true;
    m_timer->stop();
    m_queued.clear();
    m_inFlight.clear();
    m_inFlightBytes = 0;
    m_transport->abort();
    Q_EMIT failed(error);
}

void Pop3Client::armTimer(int ms)
{
    m_timer->start(ms);
}

} // namespace poplar::pop3
