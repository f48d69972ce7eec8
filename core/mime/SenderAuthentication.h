// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace poplar::mime {

/// Which of the receiving servers' checks of the sender failed, from the message's
/// Authentication-Results headers (RFC 8601): "dkim", "spf", "dmarc", each at most once,
/// in that order. DMARC is about the From domain by definition; a DKIM or SPF result
/// counts when it names the From address's domain (header.d / header.i, smtp.mailfrom)
/// or names none. Only failures are read: a forger can add a "pass" as easily as the
/// From line itself, so a pass proves nothing, but a failure is reason to distrust.
[[nodiscard]] QStringList failedSenderChecks(const QList<QByteArray> &authenticationResults,
                                             const QString &fromAddress);

} // namespace poplar::mime
