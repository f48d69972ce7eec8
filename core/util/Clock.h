// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <functional>

namespace poplar {

/// The current time in UTC. Injected where a policy depends on time, so tests can move it.
using Clock = std::function<QDateTime()>;

[[nodiscard]] inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace poplar
