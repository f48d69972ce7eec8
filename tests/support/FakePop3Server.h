// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QTcpServer>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

class QTcpSocket;
class QTimer;

namespace poplar::test {

class FakePop3Server;

/// One client connection to a FakePop3Server, as a handler sees it.
class FakeSession {
public:
    FakeSession(FakePop3Server &server, QTcpSocket *socket);
    ~FakeSession();
    FakeSession(const FakeSession &) = delete;
    FakeSession &operator=(const FakeSession &) = delete;

    /// Queues bytes after anything still queued, paced as setPacing() says.
    void send(const QByteArray &bytes);
    /// Queues bytes that go out `chunkSize` at a time, `delayMs` apart.
    void sendSlowly(const QByteArray &bytes, int chunkSize = 1, int delayMs = 1);
    /// Closes the connection (FIN, not RST) once everything queued before has been written.
    void dropConnection();
    /// Pacing of send() from now on: `chunkSize` 0 writes each send() whole.
    void setPacing(int chunkSize, int delayMs = 0);

    /// The lines received on this connection, without CRLF.
    [[nodiscard]] const QByteArrayList &received() const { return m_received; }

    // State the built-in handlers keep per connection.
    qsizetype scriptStep = 0;
    QSet<int> markedForDeletion;

private:
    struct Outgoing {
        QByteArray bytes;
        int chunkSize = 0;
        int delayMs = 0;
        bool drop = false;
        qsizetype sent = 0;
    };

    void onReadyRead();
    void pump();
    void noteAnswered();

    FakePop3Server &m_server;
    QTcpSocket *m_socket;
    QTimer *m_pacer;
    QByteArray m_input;
    QByteArrayList m_received;
    std::deque<Outgoing> m_out;
    int m_chunkSize = 0;
    int m_delayMs = 0;
    bool m_closed = false;
    // Lock-step check: commands received whose answer has not been fully written yet. An
    // answer ends at a known count of bytes queued; it counts once that many are written.
    int m_unanswered = 0;
    qint64 m_bytesQueued = 0;
    qint64 m_bytesWritten = 0;
    std::deque<qint64> m_answerEnds;
};

/// A scripted POP3 server on 127.0.0.1 (plain TCP, port picked by the kernel) for the faults
/// a real server will not produce: drops, stalls, garbage, one byte at a time. It runs in the
/// test's thread, so the test must spin the event loop (spinUntil). Problems on the server
/// side (an unexpected line, a bare LF) fail the running test through gtest.
///
/// Three ways to answer, one per server: a Handler called per line; a Script that reads like
/// a transcript; or a canned Mailbox that answers like a small RFC 1939 server.
class FakePop3Server {
public:
    using Handler = std::function<void(FakeSession &, const QByteArray &line)>;

    /// One exchange: the line the client must send (exact, or a prefix when it ends in '*')
    /// and the answer (CRLF added when missing; empty: answer nothing, a stall).
    struct Step {
        QByteArray expect;
        QByteArray answer;
        bool dropAfter = false;
    };

    struct Mailbox {
        QMap<int, QByteArray> messages; ///< number -> raw message as stored (CRLF, unstuffed)
        QMap<int, QByteArray> uidls;    ///< "uid-<n>" when absent
        QMap<int, qint64> listedSizes;  ///< LIST sizes that lie; the real size when absent
        QByteArray greeting = "+OK FakePop3 ready"; ///< empty: the greeting never comes
        bool capa = true;                           ///< false: CAPA gets -ERR
        bool uidl = true;                           ///< false: UIDL gets -ERR
        bool pipelining = false;          ///< advertised; when false, the client must go lock-step
        bool stls = false;                ///< advertised (then refused: this server has no TLS)
        QByteArrayList sasl;              ///< SASL mechanisms advertised; AUTH always succeeds
        bool byteByByte = false;          ///< every byte of the session in its own write
        int dropInRetr = 0;               ///< drop the connection during RETR of this message...
        qsizetype dropAfterBytes = 0;     ///< ...after this many bytes of the reply
        int slowRetr = 0;                 ///< answer RETR of this message 16 bytes at a time...
        int slowDelayMs = 50;             ///< ...this far apart
        QByteArrayList extraCapabilities; ///< more CAPA lines, e.g. "LOGIN-DELAY 10"
        /// Refuse a login sooner than this after the last one that succeeded, with
        /// "-ERR [LOGIN-DELAY]" (0: advertise what you like, enforce nothing).
        int enforcedLoginDelayMs = 0;
        /// Verb -> answer sent instead of the normal one, e.g. "PASS" -> "-ERR [IN-USE] x".
        QMap<QByteArray, QByteArray> replies;
        /// UIDL answers each message's number, as legacy servers do: after a deletion every
        /// later message has another UIDL.
        bool uidlsAreNumbers = false;
        /// RETR of this message sends only this many of its bytes, then a proper terminator
        /// (LIST still announces the whole).
        QMap<int, qsizetype> shortRetr;
        /// QUIT deletes what was marked, but the line drops before the +OK reaches the client.
        bool loseQuitReply = false;
        /// Connections (1 is the first) whose line drops right after CAPA's answer, as a
        /// server that closes a line kept idle before the login.
        QSet<int> dropAfterCapa;

        // What happened, over all sessions.
        QList<QByteArray> deleted;        ///< messages QUIT removed, as stored
        QHash<QByteArray, int> retrieved; ///< message -> how many RETRs sent it (whole or not)

        [[nodiscard]] QByteArray uidlOf(int number) const;
        /// Adds a message after the last one, under `uidl` ("uid-<number>" when empty and no
        /// other message has that name).
        int append(const QByteArray &raw, const QByteArray &uidl = {});
        /// Another client deleted message `number`: the later ones move up by one, keeping
        /// their UIDLs (or, with uidlsAreNumbers, getting their new numbers as UIDLs).
        void removeByAnotherClient(int number);
    };

    FakePop3Server();
    ~FakePop3Server();
    FakePop3Server(const FakePop3Server &) = delete;
    FakePop3Server &operator=(const FakePop3Server &) = delete;

    [[nodiscard]] quint16 port() const { return m_listener.serverPort(); }

    /// Sent on every new connection (CRLF added); empty: nothing is sent.
    void setGreeting(const QByteArray &line) { m_greeting = line; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Each connection plays the script from its first step.
    void setScript(QList<Step> steps);
    /// Answers from `mailbox`; deletions persist across connections, as on a real server.
    void serveMailbox(Mailbox mailbox);
    /// The served mailbox: switches may be changed between connections.
    [[nodiscard]] Mailbox &mailbox() { return m_mailbox; }
    /// Whether the client may send a command before the previous answer (default: no).
    void setPipeliningAllowed(bool allowed) { m_pipeliningAllowed = allowed; }

    [[nodiscard]] int connectionCount() const { return int(m_sessions.size()); }
    /// Every line received, from all connections in order, without CRLF.
    [[nodiscard]] const QByteArrayList &received() const { return m_received; }
    /// For each line of received(): how many commands were waiting for an answer when it
    /// arrived, itself included (1 means the client waited for every previous answer).
    [[nodiscard]] const QList<int> &inFlightOnArrival() const { return m_inFlightOnArrival; }
    /// Whether any received line starts with `prefix` (case-sensitive).
    [[nodiscard]] bool receivedLineStartingWith(const QByteArray &prefix) const;
    /// The most commands that were ever waiting for an answer at once.
    [[nodiscard]] int maxCommandsInFlight() const { return m_maxInFlight; }
    /// A command arrived before the previous answer, and pipelining was not allowed.
    [[nodiscard]] bool pipeliningViolated() const { return m_pipeliningViolated; }

    /// RFC 1939 §3: a '.' starting a line is doubled; the block gets its ".\r\n".
    [[nodiscard]] static QByteArray dotStuffed(const QByteArray &raw);

private:
    friend class FakeSession;

    void onNewConnection();
    void noteLine(const QByteArray &line, int inFlight);
    void answerFromMailbox(FakeSession &session, const QByteArray &line);

    QTcpServer m_listener;
    std::vector<std::unique_ptr<FakeSession>> m_sessions;
    QByteArray m_greeting = "+OK FakePop3 ready";
    Handler m_handler;
    Mailbox m_mailbox;
    bool m_servingMailbox = false;
    bool m_pipeliningAllowed = false;
    QByteArrayList m_received;
    QList<int> m_inFlightOnArrival;
    int m_maxInFlight = 0;
    bool m_pipeliningViolated = false;
    qint64 m_lastLoginMs = -1; ///< QDateTime::currentMSecsSinceEpoch() of the last login
};

} // namespace poplar::test
