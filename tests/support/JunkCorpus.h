// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Distinct, realistic mail for the junk classifier's tests: junk (offers, pharmacy, lottery,
// loans, crypto) and good mail (projects, meetings, invoices, reviews, family), each with
// its own senders, subjects and sentences. Deterministic: message n of a kind is always the
// same, and no two of a kind are alike.

#include <QByteArray>
#include <QString>

namespace poplar::test {

/// Junk message `n` (any n >= 0); its Subject is junkSubject(n).
QByteArray junkMail(int n);
/// Good message `n`; its Subject is goodSubject(n).
QByteArray goodMail(int n);
QString junkSubject(int n);
QString goodSubject(int n);

} // namespace poplar::test
