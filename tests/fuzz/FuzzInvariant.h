// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one way a fuzz target reports a broken invariant: a line saying which one, then abort,
// so libFuzzer keeps the input as a crash file.

#include <QByteArray>

#include <cstdio>
#include <cstdlib>

namespace poplar::fuzz {

[[noreturn]] inline void invariantBroken(const char *what, const QByteArray &detail = {})
{
    // Percent-encoded: the detail is fuzzer bytes, and the report must stay one readable line.
    const QByteArray shown = detail.left(300).toPercentEncoding(" :=,<>()[]");
    std::fprintf(stderr, "invariant broken: %s: %s\n", what, shown.constData());
    std::abort();
}

inline void require(bool holds, const char *what, const QByteArray &detail = {})
{
    if (!holds)
        invariantBroken(what, detail);
}

} // namespace poplar::fuzz
