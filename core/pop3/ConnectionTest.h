// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "pop3/Pop3Client.h"
#include "util/Error.h"

#include <QObject>

namespace poplar::pop3 {

/// "Test connection": connects, logs in, asks how much mail waits, and leaves with QUIT,
/// downloading and deleting nothing. Proves the server, the security and the credentials
/// in one go, and says in words what it found. One test per object; asynchronous, so it
/// runs on the GUI thread without blocking it.
class ConnectionTest : public QObject {
    Q_OBJECT

public:
    /// Each test talks over a transport `transports` makes (a socket, unless a test says).
    explicit ConnectionTest(TransportFactory transports = socketTransportFactory(),
                            QObject *parent = nullptr);

    void start(const Account &account, const QString &password,
               const Pop3Client::Options &options = {});
    /// Drops the connection at once; neither signal follows.
    void cancel();

Q_SIGNALS:
    /// Logged in. `summary` is a few sentences for the user (how they logged in, how much
    /// mail waits, anything in the server's policy they should know).
    void succeeded(const QString &summary);
    void failed(const poplar::Error &error);

private:
    void onLoggedIn();
    [[nodiscard]] QString describeLogin() const;

    TransportFactory m_transports;
    Pop3Client *m_client = nullptr;
    Account m_account;
    bool m_done = false;
};

} // namespace poplar::pop3
