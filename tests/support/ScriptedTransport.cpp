// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedTransport.h"

#include <utility>

namespace poplar::test {

ScriptedTransport::ScriptedTransport(QObject *parent)
    : Transport(parent)
{}

void ScriptedTransport::open(const Endpoint &account)
{
    m_account = account;
    m_opened = true;
}

void ScriptedTransport::write(const QByteArray &bytes)
{
    if (m_closed || m_aborted)
        return;
    m_written += bytes;
    m_allWritten += bytes;
}

QByteArray ScriptedTransport::readAll()
{
    return std::exchange(m_incoming, {});
}

void ScriptedTransport::startTls()
{
    m_tlsRequested = true;
    m_incoming.clear(); // what came in the clear and was not read is dropped, as a socket does
}

void ScriptedTransport::close()
{
    m_closed = true;
}

void ScriptedTransport::abort()
{
    m_aborted = true;
}

void ScriptedTransport::acceptConnection()
{
    m_encrypted = m_account.security == Security::Tls;
    Q_EMIT connected();
}

void ScriptedTransport::serverSends(const QByteArray &bytes)
{
    if (m_closed || m_aborted)
        return;
    m_incoming += bytes;
    Q_EMIT readyRead();
}

void ScriptedTransport::acceptTls()
{
    m_encrypted = true;
    Q_EMIT encrypted();
}

void ScriptedTransport::serverCloses()
{
    if (m_closed || m_aborted)
        return;
    Q_EMIT closed();
}

void ScriptedTransport::breaks(const Error &error)
{
    if (m_closed || m_aborted)
        return;
    m_aborted = true;
    Q_EMIT failed(error);
}

QByteArray ScriptedTransport::takeWritten()
{
    return std::exchange(m_written, {});
}

pop3::TransportFactory ScriptedTransports::factory()
{
    return [this] {
        auto transport = std::make_unique<ScriptedTransport>();
        m_last = transport.get();
        ++m_made;
        return transport;
    };
}

} // namespace poplar::test
