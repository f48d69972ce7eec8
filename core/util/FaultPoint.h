// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>

namespace poplar {

/// A named moment the chaos tests kill Poplar at. With POPLAR_FAULT_POINT=name:N in the
/// environment, the Nth time the program passes `name` it says so on stderr
/// ("poplar fault point: name:N") and waits there to be killed, so a test can SIGKILL it at
/// exactly that moment (inside a commit, after the Nth message, between DELE and QUIT) and
/// know it got there. Unset, it costs a comparison.
inline void faultPoint(const char *name)
{
    struct Wanted {
        QByteArray name;
        int hit = 0;
    };
    static const Wanted wanted = [] {
        const QByteArray spec = qgetenv("POPLAR_FAULT_POINT");
        const qsizetype colon = spec.lastIndexOf(':');
        if (colon <= 0)
            return Wanted{spec, 1};
        return Wanted{spec.left(colon), std::max(1, spec.mid(colon + 1).toInt())};
    }();
    static std::atomic<int> hits{0};
    if (wanted.name.isEmpty() || std::strcmp(wanted.name.constData(), name) != 0)
        return;
    if (++hits != wanted.hit)
        return;
    std::fprintf(stderr, "poplar fault point: %s:%d\n", name, wanted.hit);
    std::fflush(stderr);
    QThread::sleep(120);
}

} // namespace poplar
