// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace poplar::ui {

/// One Poplar per profile: the instance that holds the profile listens on a local socket
/// named after it, and a second launch on the same profile hands over its request (come to
/// the front, open these files) instead of starting. The socket lives in the user's runtime
/// directory, so only the same user can talk to it.
class InstanceChannel : public QObject {
    Q_OBJECT

public:
    /// `profileKey` identifies the profile (its lock file's path).
    explicit InstanceChannel(const QString &profileKey, QObject *parent = nullptr);
    ~InstanceChannel() override;

    /// Starts listening (the first instance). False with a reason when it cannot.
    [[nodiscard]] bool listen(QString *error = nullptr);

    /// Asks the running instance to come to the front and open `files` (absolute paths).
    /// True when it confirmed within `timeoutMs`. Blocks: call before the event loop runs.
    [[nodiscard]] bool sendToRunning(const QStringList &files, int timeoutMs = 3000) const;

    [[nodiscard]] const QString &socketName() const { return m_name; }

Q_SIGNALS:
    /// Another launch asked for this instance; `files` may be empty.
    void activationRequested(const QStringList &files);

private:
    void onConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace poplar::ui
