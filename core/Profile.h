// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QCoreApplication>
#include <QString>

namespace poplar {

/// Where one user's Poplar keeps its files: poplar.ini (accounts, preferences),
/// cache.sqlite (the mail) and a lock file that keeps a second instance out.
class Profile {
    Q_DECLARE_TR_FUNCTIONS(poplar::Profile)

public:
    /// `dir` from --profile; empty means the standard locations (QStandardPaths).
    /// Creates the folders if needed.
    [[nodiscard]] static Result<Profile> open(const QString &dir);

    Profile(Profile &&) noexcept;
    Profile &operator=(Profile &&) noexcept;
    ~Profile();

    [[nodiscard]] const QString &iniPath() const { return m_iniPath; }
    [[nodiscard]] const QString &cachePath() const { return m_cachePath; }
    [[nodiscard]] const QString &lockPath() const { return m_lockPath; }
    /// The user's filter rules, a Sieve script (RFC 5228) beside poplar.ini: settings the
    /// user owns, may edit by hand and back up.
    [[nodiscard]] const QString &filtersPath() const { return m_filtersPath; }

    /// Takes the profile for this process; fails with a clear message when another
    /// Poplar holds it. Released when the Profile dies.
    [[nodiscard]] Status lock();

private:
    Profile() = default;

    QString m_iniPath;
    QString m_cachePath;
    QString m_lockPath;
    QString m_filtersPath;
    int m_lockFd = -1; ///< holds an flock(2) on the lock file while >= 0
};

} // namespace poplar
