// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A conversation between a protocol session and a server, written as turns, played through
// a ScriptedTransport: the POP3 and SMTP session tests are transcripts of this form.

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace poplar::test {

class ScriptedTransport;

/// One turn of a conversation.
struct Turn {
    enum class Kind { Server, Client, Connect, TlsDone, ServerCloses };
    Kind kind;
    QByteArray bytes;
};

/// The server says `bytes`.
[[nodiscard]] inline Turn S(const QByteArray &bytes)
{
    return {Turn::Kind::Server, bytes};
}
/// The session has written exactly `bytes` since the last client turn.
[[nodiscard]] inline Turn C(const QByteArray &bytes)
{
    return {Turn::Kind::Client, bytes};
}
[[nodiscard]] inline Turn connected()
{
    return {Turn::Kind::Connect, {}};
}
[[nodiscard]] inline Turn tlsDone()
{
    return {Turn::Kind::TlsDone, {}};
}
[[nodiscard]] inline Turn serverCloses()
{
    return {Turn::Kind::ServerCloses, {}};
}

/// How the server's bytes reach the session.
struct Delivery {
    enum class Kind { Whole, ByteByByte, Split };
    Kind kind = Kind::Whole;
    int turn = -1;    ///< Split: the server turn that is split...
    qsizetype at = 0; ///< ...at this offset
};

/// Plays `turns` against the session on the other end of `transport`, its server bytes
/// delivered as `delivery` says. Returns the client turns that did not match (with what was
/// written instead) and anything written after the last turn.
[[nodiscard]] QStringList playTranscript(ScriptedTransport &transport, const QList<Turn> &turns,
                                         const Delivery &delivery);

} // namespace poplar::test
