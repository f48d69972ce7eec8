// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/WorkerThread.h"

#include <QObject>
#include <QThread>

#include <openssl/crypto.h>

namespace poplar {

void deleteWhenFinished(QThread &thread, QObject *worker)
{
    // Direct: on the finishing thread, before QThread::wait() returns to whoever joins it.
    QObject::connect(
        &thread, &QThread::finished, &thread,
        [worker] {
            delete worker;
            OPENSSL_thread_stop();
        },
        Qt::DirectConnection);
}

} // namespace poplar
