// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QByteArray>

namespace poplar::sync {

/// The header facts the cache keeps for a message (from, to, cc, subject, date, threading),
/// read with GMime. Downloaded and imported mail go through this one function, so both list,
/// sort and search alike.
[[nodiscard]] store::HeaderSummary headerFacts(const QByteArray &raw);

} // namespace poplar::sync
