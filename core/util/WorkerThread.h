// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QObject;
class QThread;

namespace poplar {

/// Deletes `worker` on `thread` once the thread's event loop has ended, and then frees what
/// OpenSSL keeps for that thread (OPENSSL_thread_stop).
///
/// Qt's threads are detached: QThread::wait() returns before the thread's thread-local
/// destructors have run, and OpenSSL's walks lists that its exit handler frees. A process
/// that returns from main right after joining a thread that used TLS or OpenSSL's hashes
/// could crash in that destructor (poplarctl sync did, once in a chaos test: a segfault in
/// libcrypto on the sync thread). Freed on the thread itself, before wait() returns, nothing
/// is left for it.
void deleteWhenFinished(QThread &thread, QObject *worker);

} // namespace poplar
