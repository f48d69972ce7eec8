// SPDX-License-Identifier: GPL-3.0-or-later
#include "Profile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace poplar {

namespace {

Status ensureDir(const QString &path)
{
    if (QDir().mkpath(path))
        return {};
    return Error{Error::Code::Storage, Profile::tr("Cannot create the folder %1").arg(path), {}};
}

} // namespace

Profile::Profile(Profile &&other) noexcept
    : m_iniPath(std::move(other.m_iniPath))
    , m_cachePath(std::move(other.m_cachePath))
    , m_lockPath(std::move(other.m_lockPath))
    , m_filtersPath(std::move(other.m_filtersPath))
    , m_lockFd(std::exchange(other.m_lockFd, -1))
{}

Profile &Profile::operator=(Profile &&other) noexcept
{
    if (this != &other) {
        if (m_lockFd >= 0)
            ::close(m_lockFd);
        m_iniPath = std::move(other.m_iniPath);
        m_cachePath = std::move(other.m_cachePath);
        m_lockPath = std::move(other.m_lockPath);
        m_filtersPath = std::move(other.m_filtersPath);
        m_lockFd = std::exchange(other.m_lockFd, -1);
    }
    return *this;
}

Profile::~Profile()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
}

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
    p.m_filtersPath = configDir + QStringLiteral("/filters.sieve");
    return p;
}

Status Profile::lock()
{
    if (m_lockFd >= 0)
        return {};
    // flock(2): the kernel drops the lock when the process ends, however it ends, so a killed
    // Poplar never leaves a lock that keeps the next one out.
    const QByteArray path = QFile::encodeName(m_lockPath);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error{Error::Code::Storage,
                     tr("Cannot create the lock file %1: %2")
                         .arg(m_lockPath, QString::fromLocal8Bit(std::strerror(errno))),
                     {}};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char buffer[32] = {};
        const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
        ::close(fd);
        const qint64 pid = n > 0 ? QByteArray(buffer, n).trimmed().toLongLong() : 0;
        return Error{Error::Code::Config,
                     pid > 0 ? tr("Poplar is already running on this profile (process %1). Close "
                                  "it first, or use another --profile.")
                                   .arg(pid)
                             : tr("Poplar is already running on this profile. Close it first, or "
                                  "use another --profile."),
                     {}};
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    // The pid only feeds the message a second instance shows: failing to write it is harmless.
    const bool written = ::ftruncate(fd, 0) == 0 &&
                         ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) == pid.size();
    Q_UNUSED(written)
    m_lockFd = fd;
    return {};
}

} // namespace poplar
