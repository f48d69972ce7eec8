// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace poplar::test {

/// Runs the event loop until `done` returns true or `timeoutMs` passes; returns `done()`.
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 10'000);

/// A small RFC 5322 message with CRLF line endings.
QByteArray makeMessage(const QString &subject, const QString &from, const QString &body,
                       const QString &date = QStringLiteral("Mon, 02 Nov 2026 10:00:00 +0000"));

/// Reads a file under tests/data.
QByteArray testData(const QString &relativePath);

} // namespace poplar::test
