// SPDX-License-Identifier: GPL-3.0-or-later
#include "Profile.h"

#include <QDir>
#include <QLockFile>
#include <QStandardPaths>

namespace poplar {

namespace {

Status ensureDir(const QString &path)
{
    if (QDir().mkpath(path))
        return {};
    return Error{Error::Code::Storage, QStringLiteral("Cannot create the folder %1").arg(path), {}};
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
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app)) {
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
