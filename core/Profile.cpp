// SPDX-License-Identifier: GPL-3.0-or-later
#include "Profile.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QStandardPaths>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace poplar {

namespace {

Status ensureDir(const QString &path)
{
    if (QDir().mkpath(path))
        return {};
    return Error{Error::Code::Storage, QStringLiteral("Cannot create the folder %1").arg(path), {}};
}

// Whether the process that wrote a lock still runs. A zombie does not: it was killed and
// waits only to be reaped, and QLockFile alone would take it for a live owner.
bool processRuns(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
}

} // namespace

Profile::Profile(Profile &&) noexcept = default;
Profile &Profile::operator=(Profile &&) noexcept = default;
Profile::~Profile() = default;

Result<Profile> Profile::open(const QString &dir)
{
    Profile p;
    QString configDir;
    QString dataDir;
    if (!dir.isEmpty()) {
        configDir = dataDir = QDir(dir).absolutePath();
    } else {
        configDir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    for (const QString &d : {configDir, dataDir}) {
        if (Status s = ensureDir(d); !s)
            return s.error();
    }
    p.m_iniPath = configDir + QStringLiteral("/poplar.ini");
    p.m_cachePath = dataDir + QStringLiteral("/cache.sqlite");
    p.m_lockPath = dataDir + QStringLiteral("/poplar.lock");
    return p;
}

Status Profile::lock()
{
    if (m_lock)
        return {};
    auto lock = std::make_unique<QLockFile>(m_lockPath);
    lock->setStaleLockTime(0); // a lock is stale only when its process is gone
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        return {};
    }
    qint64 pid = 0;
    QString host;
    QString app;
    const bool known = lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app);
    if (known && host == QSysInfo::machineHostName() && !processRuns(pid)) {
        // Left by a Poplar that was killed: take the profile over.
        lock->removeStaleLockFile();
        if (lock->tryLock(0)) {
            m_lock = std::move(lock);
            return {};
        }
    }
    if (known) {
        return Error{Error::Code::Config,
                     QStringLiteral("Poplar is already running on this profile (process %1). Close "
                                    "it first, or use another --profile.")
                         .arg(pid),
                     {}};
    }
    return Error{
        Error::Code::Storage, QStringLiteral("Cannot lock the profile (%1)").arg(m_lockPath), {}};
}

} // namespace poplar
