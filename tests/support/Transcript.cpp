// SPDX-License-Identifier: GPL-3.0-or-later
#include "Transcript.h"

#include "ScriptedTransport.h"

namespace poplar::test {

namespace {

QString shown(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toPercentEncoding(" "));
}

} // namespace

QStringList playTranscript(ScriptedTransport &transport, const QList<Turn> &turns,
                           const Delivery &delivery)
{
    QStringList mismatches;
    int serverTurn = -1;
    for (const Turn &t : turns) {
        switch (t.kind) {
        case Turn::Kind::Connect:
            transport.acceptConnection();
            break;
        case Turn::Kind::TlsDone:
            transport.acceptTls();
            break;
        case Turn::Kind::ServerCloses:
            transport.serverCloses();
            break;
        case Turn::Kind::Client: {
            const QByteArray written = transport.takeWritten();
            if (written != t.bytes)
                mismatches.append(QStringLiteral("expected \"%1\", written \"%2\"")
                                      .arg(shown(t.bytes), shown(written)));
            break;
        }
        case Turn::Kind::Server:
            ++serverTurn;
            if (delivery.kind == Delivery::Kind::ByteByByte) {
                for (const char c : t.bytes)
                    transport.serverSends(QByteArray(1, c));
            } else if (delivery.kind == Delivery::Kind::Split && delivery.turn == serverTurn) {
                transport.serverSends(t.bytes.left(delivery.at));
                transport.serverSends(t.bytes.mid(delivery.at));
            } else {
                transport.serverSends(t.bytes);
            }
            break;
        }
    }
    const QByteArray trailing = transport.takeWritten();
    if (!trailing.isEmpty())
        mismatches.append(QStringLiteral("unexpected trailing \"%1\"").arg(shown(trailing)));
    return mismatches;
}

} // namespace poplar::test
