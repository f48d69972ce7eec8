// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/SmtpClient.h"

#include "pop3/SaslSession.h"
#include "pop3/SocketTransport.h"
#include "util/FaultPoint.h"

#include <QMetaMethod>
#include <QTimer>

namespace poplar::smtp {

namespace {

QString serverText(const Reply &reply)
{
    return QString::fromUtf8(reply.summary()).left(400);
}

bool hasEightBit(const QByteArray &bytes)
{
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) >= 0x80; });
}

} // namespace

QByteArray withCrlf(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 40 + 2);
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message.at(i);
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < message.size() && message.at(i + 1) == '\n')
                ++i;
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

QByteArray dotStuffed(const QByteArray &message)
{
    const QByteArray crlf = withCrlf(message);
    QByteArray out;
    out.reserve(crlf.size() + 64);
    bool lineStart = true;
    for (const char c : crlf) {
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = c == '\n';
    }
    return out;
}

SmtpClient::SmtpClient(std::unique_ptr<pop3::Transport> transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport ? transport.release() : pop3::socketTransportFactory()().release())
    , m_timer(new QTimer(this))
{
    m_transport->setParent(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
    connect(m_transport, &pop3::Transport::connected, this, &SmtpClient::onConnected);
    connect(m_transport, &pop3::Transport::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_transport, &pop3::Transport::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_transport, &pop3::Transport::closed, this, &SmtpClient::onClosed);
    connect(m_transport, &pop3::Transport::failed, this, [this](const Error &e) { fail(e); });
}

SmtpClient::~SmtpClient()
{
    m_done = true;
    forgetSecret();
    m_transport->abort();
}

void SmtpClient::open(const Endpoint &endpoint, const Login &login, const Options &options)
{
    m_endpoint = endpoint;
    m_login = login;
    m_options = options;
    // The greeting (RFC 5321 §4.3.1) answers no command; the connect timeout covers it.
    m_pending.push_back([this](const Reply &r) { readGreeting(r); });
    m_timer->start(m_options.connectTimeoutMs);
    m_transport->open(endpoint);
}

void SmtpClient::command(const QByteArray &line, Handler handler, const QByteArray &logLine)
{
    commands({{line, std::move(handler), logLine}});
}

void SmtpClient::commands(const QList<Command> &batch)
{
    if (m_done)
        return;
    QByteArray out;
    const bool logging = isSignalConnected(QMetaMethod::fromSignal(&SmtpClient::protocolLine));
    for (const Command &c : batch) {
        out += c.line + "\r\n";
        m_pending.push_back(c.handler);
        if (logging)
            Q_EMIT protocolLine(true, c.logLine.isEmpty() ? c.line : c.logLine);
    }
    m_transport->write(out);
    if (!m_timer->isActive())
        m_timer->start(m_options.replyTimeoutMs);
}

void SmtpClient::expect(Handler handler, int timeoutMs)
{
    m_pending.push_back(std::move(handler));
    m_timer->start(timeoutMs);
}

void SmtpClient::onConnected()
{
    m_connected = true;
}

void SmtpClient::onEncrypted()
{
    m_securing = false;
    m_timer->stop();
    // RFC 3207 §4.2: forget what the server said in the clear and ask again.
    m_caps = {};
    hello();
}

void SmtpClient::onReadyRead()
{
    if (m_done || m_securing)
        return; // bytes before the handshake came in the clear: the transport drops them
    m_parser.feed(m_transport->readAll());
    if (m_parser.fatalError()) {
        fail({Error::Code::Protocol, *m_parser.fatalError(), {}});
        return;
    }
    const bool logging = isSignalConnected(QMetaMethod::fromSignal(&SmtpClient::protocolLine));
    bool answered = false;
    while (m_parser.hasReply() && !m_done && !m_securing) {
        const Reply reply = m_parser.takeReply();
        if (logging)
            Q_EMIT protocolLine(false, reply.summary());
        if (m_pending.empty()) {
            // 421 may come at any time: the server is closing (RFC 5321 §3.8).
            fail(reply.code == 421
                     ? replyError(reply, tr("The outgoing server %1 is closing the connection")
                                             .arg(m_endpoint.host))
                     : Error{Error::Code::Protocol,
                             tr("The outgoing server %1 sent a reply nothing asked for")
                                 .arg(m_endpoint.host),
                             serverText(reply)});
            return;
        }
        Handler handler = std::move(m_pending.front());
        m_pending.pop_front();
        answered = true;
        if (handler)
            handler(reply);
    }
    if (m_done || m_securing || !answered)
        return;
    // A reply came: the wait for the next one starts now. The final dot arms its own timer.
    if (m_pending.empty())
        m_timer->stop();
    else if (!m_finalDotUnanswered)
        m_timer->start(m_options.replyTimeoutMs);
}

void SmtpClient::onClosed()
{
    if (m_done)
        return;
    if (m_quitting) {
        m_done = true;
        m_timer->stop();
        Q_EMIT closed();
        return;
    }
    fail({Error::Code::Network,
          tr("The outgoing server %1 closed the connection unexpectedly").arg(m_endpoint.host),
          {}});
}

void SmtpClient::onTimeout()
{
    if (m_done)
        return;
    const int seconds = (m_timer->interval() + 999) / 1000;
    const bool connecting = !m_connected || m_securing || m_caps.esmtp == false;
    fail({Error::Code::Network,
          connecting
              ? tr("Connecting to %1:%2 timed out after %n seconds", nullptr, seconds)
                    .arg(m_endpoint.host)
                    .arg(m_endpoint.port)
              : tr("The outgoing server %1 did not answer within %n seconds", nullptr, seconds)
                    .arg(m_endpoint.host),
          {}});
}

void SmtpClient::readGreeting(const Reply &reply)
{
    if (reply.code != 220) {
        fail(replyError(reply,
                        tr("The outgoing server %1 refused the connection").arg(m_endpoint.host)));
        return;
    }
    m_timer->stop();
    hello();
}

void SmtpClient::hello()
{
    command("EHLO " + m_options.heloName, [this](const Reply &r) { onHello(r, true); });
}

void SmtpClient::onHello(const Reply &reply, bool fallbackToHelo)
{
    if (reply.isPositive()) {
        m_caps = fallbackToHelo ? Capabilities::parse(reply) : Capabilities{};
        afterHello();
        return;
    }
    // A server from before ESMTP: HELO, and no extensions (RFC 5321 §3.2).
    if (fallbackToHelo && reply.isPermanent()) {
        command("HELO " + m_options.heloName, [this](const Reply &r) { onHello(r, false); });
        return;
    }
    fail(replyError(reply, tr("The outgoing server %1 refused the greeting").arg(m_endpoint.host)));
}

void SmtpClient::afterHello()
{
    if (m_endpoint.security == Security::StartTls && !m_transport->isEncrypted())
        startTls();
    else
        login();
}

void SmtpClient::startTls()
{
    if (!m_caps.startTls) {
        fail({Error::Code::Insecure,
              tr("The outgoing server %1 does not offer STARTTLS, so Poplar stopped before "
                 "sending your password or your message. Choose SSL/TLS, or ask the provider.")
                  .arg(m_endpoint.host),
              {}});
        return;
    }
    command("STARTTLS", [this](const Reply &r) {
        if (r.code != 220) {
            fail({Error::Code::Insecure,
                  tr("The outgoing server %1 refused STARTTLS; nothing was sent in the clear")
                      .arg(m_endpoint.host),
                  serverText(r)});
            return;
        }
        // Anything after the 220 arrived in the clear: never read it (RFC 3207 §4.2).
        m_parser.reset();
        m_securing = true;
        m_timer->start(m_options.connectTimeoutMs);
        m_transport->startTls();
    });
}

void SmtpClient::login()
{
    if (m_endpoint.security != Security::None && !m_transport->isEncrypted()) {
        fail({Error::Code::Insecure, tr("Refusing to log in over an unencrypted connection"), {}});
        return;
    }
    if (!m_login.enabled) {
        forgetSecret();
        Q_EMIT ready();
        return;
    }
    if (m_caps.auth.isEmpty()) {
        fail({Error::Code::Config,
              tr("The outgoing server %1 offers no login (AUTH). Check the port and security "
                 "settings, or turn the login off if the server takes mail without one.")
                  .arg(m_endpoint.host),
              {}});
        return;
    }
    auto mechanisms = smtpMechanisms(m_login.method, m_caps, m_transport->isEncrypted(),
                                     &pop3::SaslSession::supports);
    if (!mechanisms) {
        fail(mechanisms.error());
        return;
    }
    m_mechanisms = std::move(mechanisms).value();
    tryNextMechanism();
}

void SmtpClient::tryNextMechanism()
{
    m_mechanism = m_mechanisms.takeFirst();
    const QByteArray masked = "AUTH " + m_mechanism + " ********";
    if (m_mechanism == "XOAUTH2" || m_mechanism == "OAUTHBEARER") {
        const QByteArray response = pop3::oauthInitialResponse(
            m_mechanism, m_login.user, m_login.secret, m_endpoint.host, m_endpoint.port);
        command(
            "AUTH " + m_mechanism + ' ' + response,
            [this](const Reply &r) {
                if (r.code == 334) {
                    // An error report in JSON (RFC 7628 §3.2.2): acknowledge it; 535 follows.
                    const QByteArray why = QByteArray::fromBase64(r.text()).left(300);
                    command(
                        m_mechanism == "OAUTHBEARER" ? QByteArray("AQ==") : QByteArray(),
                        [this, why](const Reply &final) {
                            Reply shown = final;
                            if (!why.isEmpty())
                                shown.lines.append(why);
                            authFailed(shown);
                        },
                        "(acknowledge error)");
                    return;
                }
                onAuthReply(r);
            },
            masked);
        return;
    }
    auto session = pop3::SaslSession::start(m_mechanism, m_login.user, m_login.secret,
                                            m_endpoint.host, "smtp");
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
    // An initial response (RFC 4954 §4) saves a round trip when the line stays short. LOGIN
    // has none by its definition: its first answer waits for "Username:".
    const QByteArray line = "AUTH " + m_mechanism;
    if (m_mechanism != "LOGIN" && !initial.value().isEmpty() &&
        line.size() + 1 + initial.value().size() + 2 <= 512) {
        command(
            line + ' ' + initial.value(), [this](const Reply &r) { onAuthReply(r); }, masked);
        return;
    }
    const QByteArray prepared = initial.value();
    command(
        line,
        [this, prepared](const Reply &r) {
            if (r.code == 334 && !prepared.isEmpty()) {
                command(
                    prepared, [this](const Reply &next) { onAuthReply(next); }, "********");
                return;
            }
            onAuthReply(r);
        },
        line);
}

void SmtpClient::onAuthReply(const Reply &reply)
{
    if (reply.code == 334 && m_sasl) {
        auto response = m_sasl->step(reply.lines.value(0).trimmed());
        if (!response) {
            // Cancel the exchange (RFC 4954 §4); its 501 ends this mechanism.
            m_sasl.reset();
            command(
                "*", [this, error = response.error()](const Reply &) { loginFailedWith(error); },
                "*");
            return;
        }
        command(
            response.value(), [this](const Reply &r) { onAuthReply(r); }, "********");
        return;
    }
    if (reply.code == 235) {
        m_sasl.reset();
        m_mechanisms.clear();
        forgetSecret();
        Q_EMIT ready();
        return;
    }
    authFailed(reply);
}

void SmtpClient::authFailed(const Reply &reply)
{
    m_sasl.reset();
    // 535: these credentials; 534/504/538: this mechanism (too weak, unknown, needs more).
    if (reply.code == 535 || reply.code == 534 || reply.code == 504 || reply.code == 538 ||
        reply.code == 501) {
        Error error{Error::Code::Auth,
                    tr("The outgoing server rejected the password for \"%1\"").arg(m_login.user),
                    serverText(reply)};
        loginFailedWith(error);
        return;
    }
    m_mechanisms.clear();
    fail(replyError(reply,
                    tr("The outgoing server refused the login for \"%1\"").arg(m_login.user)));
}

void SmtpClient::loginFailedWith(Error error)
{
    m_triedMechanisms.append(QString::fromLatin1(m_mechanism));
    if (!m_mechanisms.isEmpty()) {
        tryNextMechanism();
        return;
    }
    if (m_triedMechanisms.size() > 1)
        error.detail += tr(" (tried %1)").arg(m_triedMechanisms.join(tr(", ")));
    fail(std::move(error));
}

void SmtpClient::send(const Envelope &envelope, const QByteArray &message,
                      FinalDotHook beforeFinalDot)
{
    if (m_done)
        return;
    m_envelope = envelope;
    m_message = message;
    m_beforeFinalDot = std::move(beforeFinalDot);
    m_rejected.clear();
    m_mailRejected.reset();
    m_finalDotUnanswered = false;
    auto refuse = [this](const QString &why) {
        finishMessage({SendOutcome::Kind::Permanent, why, {}, {}});
    };
    if (envelope.recipients.isEmpty())
        return refuse(tr("The message has no recipient"));
    if (m_caps.sizeLimit > 0 && message.size() > m_caps.sizeLimit) {
        return refuse(tr("The message is %1 KB, more than the outgoing server takes (%2 KB)")
                          .arg((message.size() + 1023) / 1024)
                          .arg(m_caps.sizeLimit / 1024));
    }
    if (envelope.needsSmtpUtf8() && !m_caps.smtpUtf8) {
        return refuse(tr("The outgoing server cannot send to or from addresses with letters "
                         "outside ASCII (it does not offer SMTPUTF8)"));
    }
    QByteArray mail = "MAIL FROM:<" + envelope.from + '>';
    if (m_caps.sizeLimit >= 0)
        mail += " SIZE=" + QByteArray::number(message.size());
    if (m_caps.eightBitMime && hasEightBit(message))
        mail += " BODY=8BITMIME";
    if (envelope.needsSmtpUtf8())
        mail += " SMTPUTF8";
    QList<Command> batch;
    batch.append({mail,
                  [this](const Reply &r) {
                      if (!r.isPositive())
                          m_mailRejected = r;
                  },
                  {}});
    for (qsizetype i = 0; i < envelope.recipients.size(); ++i) {
        const QByteArray rcpt = envelope.recipients.at(i);
        const bool last = i == envelope.recipients.size() - 1;
        batch.append({"RCPT TO:<" + rcpt + '>',
                      [this, rcpt, last](const Reply &r) {
                          if (!r.isPositive())
                              m_rejected.append({rcpt, r});
                          if (last)
                              onRecipientsAnswered();
                      },
                      {}});
    }
    if (m_caps.pipelining) {
        // RFC 2920: MAIL and every RCPT in one go; DATA waits for their answers, so a
        // refused recipient never leaves a half-sent message behind.
        commands(batch);
        return;
    }
    // Lock-step: each command after the previous answer.
    m_lockStep.assign(batch.begin(), batch.end());
    nextLockStep();
}

void SmtpClient::nextLockStep()
{
    if (m_lockStep.empty())
        return;
    Command next = std::move(m_lockStep.front());
    m_lockStep.pop_front();
    command(next.line, [this, handler = std::move(next.handler)](const Reply &r) {
        handler(r);
        nextLockStep();
    });
}

void SmtpClient::onRecipientsAnswered()
{
    auto reset = [this](SendOutcome outcome) {
        command("RSET", [this, outcome](const Reply &) { finishMessage(outcome); });
    };
    if (m_mailRejected) {
        const Reply &r = *m_mailRejected;
        reset({r.isTransient() ? SendOutcome::Kind::Temporary : SendOutcome::Kind::Permanent,
               tr("The outgoing server refused the sender address %1")
                   .arg(QString::fromUtf8(m_envelope.from)),
               serverText(r),
               {}});
        return;
    }
    if (!m_rejected.isEmpty()) {
        // Nothing goes unless every recipient is taken: a message sent to some of them now
        // and to all of them on the next try would reach the first ones twice.
        const bool allTransient =
            std::all_of(m_rejected.begin(), m_rejected.end(),
                        [](const Rejection &x) { return x.reply.isTransient(); });
        QStringList words;
        for (const Rejection &x : std::as_const(m_rejected))
            words.append(
                QStringLiteral("%1 (%2)").arg(QString::fromUtf8(x.address), serverText(x.reply)));
        reset({allTransient ? SendOutcome::Kind::Temporary : SendOutcome::Kind::Permanent,
               tr("The outgoing server refused %n recipient(s); the message was not sent", nullptr,
                  int(m_rejected.size())),
               words.join(QStringLiteral("; ")), m_rejected});
        return;
    }
    sendData();
}

void SmtpClient::sendData()
{
    command("DATA", [this](const Reply &r) {
        if (r.code != 354) {
            command("RSET", [this, r](const Reply &) {
                finishMessage(
                    {r.isTransient() ? SendOutcome::Kind::Temporary : SendOutcome::Kind::Permanent,
                     tr("The outgoing server refused the message"),
                     serverText(r),
                     {}});
            });
            return;
        }
        m_transport->write(dotStuffed(m_message));
        if (isSignalConnected(QMetaMethod::fromSignal(&SmtpClient::protocolLine)))
            Q_EMIT protocolLine(true,
                                "[message, " + QByteArray::number(m_message.size()) + " bytes]");
        if (m_beforeFinalDot && !m_beforeFinalDot()) {
            fail({Error::Code::Storage,
                  tr("Poplar could not note in the cache that the message is being sent, so it "
                     "stopped before the server took it"),
                  {}});
            return;
        }
        m_transport->write(".\r\n");
        m_finalDotUnanswered = true;
        m_transport->flush();
        faultPoint("smtp-after-final-dot");
        expect(
            [this](const Reply &final) {
                m_finalDotUnanswered = false;
                if (final.isPositive()) {
                    finishMessage({SendOutcome::Kind::Accepted, {}, serverText(final), {}});
                    return;
                }
                finishMessage({final.isTransient() ? SendOutcome::Kind::Temporary
                                                   : SendOutcome::Kind::Permanent,
                               tr("The outgoing server refused the message"),
                               serverText(final),
                               {}});
            },
            m_options.dataTimeoutMs);
    });
}

void SmtpClient::finishMessage(const SendOutcome &outcome)
{
    m_message.clear();
    m_beforeFinalDot = {};
    Q_EMIT messageDone(outcome);
}

void SmtpClient::quit()
{
    if (m_done)
        return;
    m_quitting = true;
    command("QUIT", [this](const Reply &) {
        if (m_done)
            return;
        m_done = true;
        m_timer->stop();
        m_transport->close();
        Q_EMIT closed();
    });
}

void SmtpClient::abort()
{
    m_done = true;
    m_timer->stop();
    forgetSecret();
    m_transport->abort();
}

Error SmtpClient::replyError(const Reply &reply, const QString &context) const
{
    Error error{Error::Code::ServerRejected, context, serverText(reply)};
    error.temporary = reply.isTransient();
    return error;
}

void SmtpClient::forgetSecret()
{
    m_login.secret.fill(QLatin1Char('\0'));
    m_login.secret.clear();
}

void SmtpClient::fail(Error error)
{
    if (m_done)
        return;
    forgetSecret();
    m_done = true;
    m_timer->stop();
    m_pending.clear();
    m_sasl.reset();
    m_transport->abort();
    Q_EMIT failed(error);
}

} // namespace poplar::smtp
