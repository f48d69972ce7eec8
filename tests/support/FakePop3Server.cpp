// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakePop3Server.h"

#include <QDateTime>

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>

namespace poplar::test {

namespace {

QByteArray withCrlf(QByteArray answer)
{
    if (!answer.isEmpty() && !answer.endsWith('\n'))
        answer += "\r\n";
    return answer;
}

bool matches(const QByteArray &expect, const QByteArray &line)
{
    if (expect.endsWith('*'))
        return line.startsWith(expect.chopped(1));
    return line == expect;
}

} // namespace

// --- FakeSession ---------------------------------------------------------------------------

FakeSession::FakeSession(FakePop3Server &server, QTcpSocket *socket)
    : m_server(server)
    , m_socket(socket)
    , m_pacer(new QTimer(socket))
{
    // Without this, Nagle would merge the one-byte writes the slow modes are about.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_pacer->setSingleShot(true);
    QObject::connect(m_pacer, &QTimer::timeout, m_socket, [this] { pump(); });
    QObject::connect(m_socket, &QTcpSocket::readyRead, m_socket, [this] { onReadyRead(); });
    QObject::connect(m_socket, &QTcpSocket::disconnected, m_socket, [this] {
        m_closed = true;
        m_pacer->stop();
    });
}

FakeSession::~FakeSession()
{
    m_closed = true;
    m_socket->abort();
    delete m_socket; // and the pacer with it
}

void FakeSession::send(const QByteArray &bytes)
{
    sendSlowly(bytes, m_chunkSize, m_delayMs);
}

void FakeSession::sendSlowly(const QByteArray &bytes, int chunkSize, int delayMs)
{
    if (bytes.isEmpty() || m_closed)
        return;
    m_out.push_back({bytes, chunkSize, delayMs, false, 0});
    m_bytesQueued += bytes.size();
    pump();
}

void FakeSession::dropConnection()
{
    m_out.push_back({{}, 0, 0, true, 0});
    pump();
}

void FakeSession::setPacing(int chunkSize, int delayMs)
{
    m_chunkSize = chunkSize;
    m_delayMs = delayMs;
}

void FakeSession::onReadyRead()
{
    m_input += m_socket->readAll();
    // Whole lines only, however the client split them across writes.
    QByteArrayList lines;
    for (qsizetype nl = m_input.indexOf('\n'); nl >= 0; nl = m_input.indexOf('\n')) {
        QByteArray line = m_input.left(nl);
        m_input.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        else
            ADD_FAILURE() << "The client ended a line with a bare LF: " << line.toStdString();
        lines.append(line);
    }
    // Count them all before answering any: lines that came together were in flight together.
    for (const QByteArray &line : std::as_const(lines)) {
        m_received.append(line);
        m_server.noteLine(line, ++m_unanswered);
    }
    for (const QByteArray &line : std::as_const(lines)) {
        if (m_closed)
            break;
        const qint64 queuedBefore = m_bytesQueued;
        if (m_server.m_handler)
            m_server.m_handler(*this, line);
        if (m_bytesQueued != queuedBefore) { // a stall leaves the command unanswered
            m_answerEnds.push_back(m_bytesQueued);
            noteAnswered();
        }
    }
}

void FakeSession::pump()
{
    while (!m_out.empty() && !m_closed && !m_pacer->isActive()) {
        Outgoing &next = m_out.front();
        if (next.drop || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_closed = true;
            m_out.clear();
            m_socket->disconnectFromHost(); // writes what is buffered first, then FIN
            break;
        }
        const qsizetype left = next.bytes.size() - next.sent;
        const qsizetype n = next.chunkSize > 0 ? std::min<qsizetype>(next.chunkSize, left) : left;
        m_socket->write(next.bytes.constData() + next.sent, n);
        m_socket->flush();
        next.sent += n;
        m_bytesWritten += n;
        const bool paced = next.chunkSize > 0;
        const int delayMs = next.delayMs;
        if (next.sent == next.bytes.size())
            m_out.pop_front();
        if (paced && !m_out.empty())
            m_pacer->start(delayMs);
    }
    noteAnswered();
}

void FakeSession::noteAnswered()
{
    while (!m_answerEnds.empty() && m_answerEnds.front() <= m_bytesWritten) {
        m_answerEnds.pop_front();
        --m_unanswered;
    }
}

// --- FakePop3Server ------------------------------------------------------------------------

QByteArray FakePop3Server::Mailbox::uidlOf(int number) const
{
    if (uidlsAreNumbers)
        return QByteArray::number(number);
    return uidls.value(number, "uid-" + QByteArray::number(number));
}

int FakePop3Server::Mailbox::append(const QByteArray &raw, const QByteArray &uidl)
{
    const int number = messages.isEmpty() ? 1 : messages.lastKey() + 1;
    messages.insert(number, raw);
    QByteArray name = uidl.isEmpty() ? "uid-" + QByteArray::number(number) : uidl;
    if (uidl.isEmpty() && !uidlsAreNumbers) {
        // "uid-<number>" unless a message kept from before the last renumbering has it: a
        // server may reuse the name of a deleted message, but lists each name once. Only a
        // name in `uidls` can be taken: another message's default name has its own number.
        // A scan without copies: a test appends thousands of messages.
        const auto taken = [this, number](const QByteArray &candidate) {
            for (auto it = uidls.cbegin(); it != uidls.cend(); ++it) {
                if (it.key() != number && it.value() == candidate)
                    return true;
            }
            return false;
        };
        for (int k = 2; taken(name); ++k)
            name = "uid-" + QByteArray::number(number) + '-' + QByteArray::number(k);
    }
    uidls.insert(number, name);
    return number;
}

void FakePop3Server::Mailbox::removeByAnotherClient(int number)
{
    QMap<int, QByteArray> keptMessages;
    QMap<int, QByteArray> keptUidls;
    QMap<int, qint64> keptSizes;
    QMap<int, qsizetype> keptShort;
    int next = 1;
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        if (it.key() == number)
            continue;
        keptMessages.insert(next, it.value());
        if (uidls.contains(it.key()) || !uidlsAreNumbers)
            keptUidls.insert(next, uidls.value(it.key(), "uid-" + QByteArray::number(it.key())));
        if (listedSizes.contains(it.key()))
            keptSizes.insert(next, listedSizes.value(it.key()));
        if (shortRetr.contains(it.key()))
            keptShort.insert(next, shortRetr.value(it.key()));
        ++next;
    }
    messages = keptMessages;
    uidls = keptUidls;
    listedSizes = keptSizes;
    shortRetr = keptShort;
}

FakePop3Server::FakePop3Server()
{
    QObject::connect(&m_listener, &QTcpServer::newConnection, &m_listener,
                     [this] { onNewConnection(); });
    if (!m_listener.listen(QHostAddress::LocalHost, 0))
        ADD_FAILURE() << "FakePop3Server cannot listen: " << m_listener.errorString().toStdString();
}

FakePop3Server::~FakePop3Server()
{
    m_sessions.clear();
    m_listener.close();
}

void FakePop3Server::setScript(QList<Step> steps)
{
    setHandler([steps = std::move(steps)](FakeSession &session, const QByteArray &line) {
        if (session.scriptStep >= steps.size()) {
            ADD_FAILURE() << "The client sent \"" << line.toStdString()
                          << "\" after the script ended";
            session.send("-ERR not in the script\r\n");
            return;
        }
        const Step &step = steps.at(session.scriptStep++);
        if (!matches(step.expect, line)) {
            ADD_FAILURE() << "Script step " << session.scriptStep << ": expected \""
                          << step.expect.toStdString() << "\", the client sent \""
                          << line.toStdString() << '"';
        }
        session.send(withCrlf(step.answer));
        if (step.dropAfter)
            session.dropConnection();
    });
}

void FakePop3Server::serveMailbox(Mailbox mailbox)
{
    m_mailbox = std::move(mailbox);
    m_servingMailbox = true;
    setHandler(
        [this](FakeSession &session, const QByteArray &line) { answerFromMailbox(session, line); });
}

bool FakePop3Server::receivedLineStartingWith(const QByteArray &prefix) const
{
    return std::any_of(m_received.cbegin(), m_received.cend(),
                       [&](const QByteArray &line) { return line.startsWith(prefix); });
}

QByteArray FakePop3Server::dotStuffed(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 64 + 8);
    bool lineStart = true;
    for (const char c : raw) {
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = c == '\n';
    }
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += "\r\n";
    return out + ".\r\n";
}

void FakePop3Server::onNewConnection()
{
    while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
        m_sessions.push_back(std::make_unique<FakeSession>(*this, socket));
        FakeSession &session = *m_sessions.back();
        QByteArray greeting = m_greeting;
        if (m_servingMailbox) {
            greeting = m_mailbox.greeting;
            if (m_mailbox.byteByByte)
                session.setPacing(1, 0);
        }
        session.send(withCrlf(greeting));
    }
}

void FakePop3Server::noteLine(const QByteArray &line, int inFlight)
{
    m_received.append(line);
    m_inFlightOnArrival.append(inFlight);
    m_maxInFlight = std::max(m_maxInFlight, inFlight);
    const bool allowed = m_servingMailbox ? m_mailbox.pipelining : m_pipeliningAllowed;
    if (inFlight > 1 && !allowed)
        m_pipeliningViolated = true;
}

void FakePop3Server::answerFromMailbox(FakeSession &session, const QByteArray &line)
{
    Mailbox &box = m_mailbox;
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArrayList args = space < 0 ? QByteArrayList() : line.mid(space + 1).split(' ');
    if (box.replies.contains(verb)) {
        session.send(withCrlf(box.replies.value(verb)));
        return;
    }
    bool numeric = false;
    const int number = args.value(0).toInt(&numeric);
    const bool exists =
        numeric && box.messages.contains(number) && !session.markedForDeletion.contains(number);
    // Only the listings need every live number: worked out per command it made a session of
    // thousands of messages quadratic.
    const auto liveNumbers = [&] {
        QList<int> live;
        for (auto it = box.messages.keyBegin(); it != box.messages.keyEnd(); ++it) {
            if (!session.markedForDeletion.contains(*it))
                live.append(*it);
        }
        return live;
    };
    auto size = [&](int n) { return box.listedSizes.value(n, box.messages.value(n).size()); };
    auto listing = [&](const std::function<QByteArray(int)> &value) {
        if (!args.isEmpty()) {
            session.send(exists ? "+OK " + QByteArray::number(number) + ' ' + value(number) + "\r\n"
                                : QByteArray("-ERR no such message\r\n"));
            return;
        }
        const QList<int> live = liveNumbers();
        QByteArray out = "+OK " + QByteArray::number(live.size()) + " messages\r\n";
        for (const int n : std::as_const(live))
            out += QByteArray::number(n) + ' ' + value(n) + "\r\n";
        session.send(out + ".\r\n");
    };
    const bool needsMessage = verb == "RETR" || verb == "TOP" || verb == "DELE";

    if (verb == "CAPA" && box.capa) {
        QByteArray caps = "+OK Capability list follows\r\nUSER\r\nTOP\r\nRESP-CODES\r\n";
        if (box.uidl)
            caps += "UIDL\r\n";
        if (box.pipelining)
            caps += "PIPELINING\r\n";
        if (box.stls)
            caps += "STLS\r\n";
        if (!box.sasl.isEmpty())
            caps += "SASL " + box.sasl.join(' ') + "\r\n";
        for (const QByteArray &line : std::as_const(box.extraCapabilities))
            caps += line + "\r\n";
        session.send(caps + ".\r\n");
        const auto self = std::find_if(m_sessions.begin(), m_sessions.end(),
                                       [&session](const auto &s) { return s.get() == &session; });
        if (box.dropAfterCapa.contains(int(self - m_sessions.begin()) + 1))
            session.dropConnection();
    } else if (verb == "USER") {
        session.send("+OK\r\n");
    } else if (verb == "PASS" || verb == "APOP" || verb == "AUTH") {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (box.enforcedLoginDelayMs > 0 && m_lastLoginMs >= 0 &&
            now - m_lastLoginMs < box.enforcedLoginDelayMs) {
            session.send("-ERR [LOGIN-DELAY] wait before logging in again\r\n");
            return;
        }
        m_lastLoginMs = now;
        session.send("+OK Logged in\r\n");
    } else if (verb == "NOOP") {
        session.send("+OK\r\n");
    } else if (verb == "RSET") {
        session.markedForDeletion.clear();
        session.send("+OK\r\n");
    } else if (verb == "STAT") {
        const QList<int> live = liveNumbers();
        qint64 total = 0;
        for (const int n : std::as_const(live))
            total += box.messages.value(n).size();
        session.send("+OK " + QByteArray::number(live.size()) + ' ' + QByteArray::number(total) +
                     "\r\n");
    } else if (verb == "LIST") {
        listing([&](int n) { return QByteArray::number(size(n)); });
    } else if (verb == "UIDL" && box.uidl) {
        listing([&](int n) { return box.uidlOf(n); });
    } else if (needsMessage && !exists) {
        session.send("-ERR no such message\r\n");
    } else if (verb == "RETR") {
        const QByteArray raw = box.messages.value(number);
        ++box.retrieved[raw];
        const QByteArray sent =
            box.shortRetr.contains(number) ? raw.left(box.shortRetr.value(number)) : raw;
        const QByteArray reply =
            "+OK " + QByteArray::number(raw.size()) + " octets\r\n" + dotStuffed(sent);
        if (number == box.dropInRetr) {
            session.send(reply.left(box.dropAfterBytes));
            session.dropConnection();
        } else if (number == box.slowRetr) {
            session.sendSlowly(reply, 16, box.slowDelayMs);
        } else {
            session.send(reply);
        }
    } else if (verb == "TOP") {
        // The header, the blank line, then as many body lines as asked for.
        const QByteArray raw = box.messages.value(number);
        const qsizetype blank = raw.indexOf("\r\n\r\n");
        qsizetype end = blank < 0 ? raw.size() : blank + 4;
        for (int i = args.value(1).toInt(); i > 0 && end < raw.size(); --i) {
            const qsizetype nl = raw.indexOf('\n', end);
            end = nl < 0 ? raw.size() : nl + 1;
        }
        session.send("+OK\r\n" + dotStuffed(raw.left(end)));
    } else if (verb == "DELE") {
        session.markedForDeletion.insert(number);
        session.send("+OK Marked to be deleted\r\n");
    } else if (verb == "QUIT") {
        // RFC 1939 §6: only now are the marked messages gone; the rest are renumbered.
        Mailbox kept = box;
        kept.messages.clear();
        kept.uidls.clear();
        kept.listedSizes.clear();
        kept.shortRetr.clear();
        int next = 1;
        const QList<int> live = liveNumbers();
        for (const int n : std::as_const(live)) {
            kept.messages.insert(next, box.messages.value(n));
            if (!box.uidlsAreNumbers)
                kept.uidls.insert(next, box.uidlOf(n));
            if (box.listedSizes.contains(n))
                kept.listedSizes.insert(next, box.listedSizes.value(n));
            if (box.shortRetr.contains(n))
                kept.shortRetr.insert(next, box.shortRetr.value(n));
            ++next;
        }
        for (const int n : std::as_const(session.markedForDeletion))
            kept.deleted.append(box.messages.value(n));
        box = std::move(kept);
        session.markedForDeletion.clear();
        if (!box.loseQuitReply)
            session.send("+OK Bye\r\n");
        session.dropConnection();
    } else if (verb == "STLS" && box.stls) {
        session.send("-ERR [SYS/TEMP] TLS is not available on this test server\r\n");
    } else {
        session.send("-ERR Unknown command\r\n");
    }
}

} // namespace poplar::test
