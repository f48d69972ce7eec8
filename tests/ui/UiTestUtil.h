// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <QWidget>

#include <gtest/gtest.h>

#include <functional>

namespace poplar::test {

/// The child widget named `name` (objectName) of type T; a test failure when there is none.
template<typename T> T *child(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(widget, nullptr) << name;
    return widget;
}

/// Spins the event loop until `done` returns true or `timeoutMs` passes; returns `done()`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 5000);

/// A plain-text RFC 5322 message with CRLF line endings.
QByteArray rfc5322(const QString &subject, const QString &from, const QDateTime &date,
                   const QString &body, const QString &to = QStringLiteral("me@example.org"));

/// Stores `raw` for the account as a sync would (headers taken from the message);
/// returns the new id, or 0 after a gtest failure.
qint64 storeMessage(store::MessageStore &store, const QString &accountId, const QString &uidl,
                    const QByteArray &raw);

/// Collects the warnings QAbstractItemModelTester reports while alive.
class ModelTesterWarnings {
public:
    ModelTesterWarnings();
    ~ModelTesterWarnings();
    ModelTesterWarnings(const ModelTesterWarnings &) = delete;
    ModelTesterWarnings &operator=(const ModelTesterWarnings &) = delete;

    [[nodiscard]] QStringList warnings() const;
};

} // namespace poplar::test
