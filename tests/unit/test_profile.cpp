// SPDX-License-Identifier: GPL-3.0-or-later
#include "Profile.h"

#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;

TEST(Profile, PutsEverythingInTheGivenFolder)
{
    QTemporaryDir dir;
    auto profile = Profile::open(dir.filePath(QStringLiteral("p")));
    ASSERT_TRUE(profile.ok());
    EXPECT_TRUE(profile.value().iniPath().startsWith(dir.path()));
    EXPECT_TRUE(profile.value().cachePath().endsWith(QStringLiteral("/p/cache.sqlite")));
}

TEST(Profile, ASecondOwnerIsRefusedWithAClearMessage)
{
    QTemporaryDir dir;
    auto first = Profile::open(dir.path());
    auto second = Profile::open(dir.path());
    ASSERT_TRUE(first.ok() && second.ok());
    ASSERT_TRUE(first.value().lock().ok());
    const Status refused = second.value().lock();
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().detail.contains(QStringLiteral("already running")));
}

// The lock is an flock(2), which dies with its process; a leftover file naming a dead
// process (as QLockFile would leave it) must not keep anyone out.
TEST(Profile, ALockLeftByAKilledPoplarIsTakenOver)
{
    QTemporaryDir dir;
    auto profile = Profile::open(dir.path());
    ASSERT_TRUE(profile.ok());
    QProcess gone;
    gone.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    ASSERT_TRUE(gone.waitForStarted(5000));
    const qint64 deadPid = gone.processId(); // 0 once it has finished
    ASSERT_TRUE(gone.waitForFinished(5000));
    QFile lock(profile.value().lockPath());
    ASSERT_TRUE(lock.open(QIODevice::WriteOnly));
    // QLockFile's own format: pid, application, host, machine id, boot id.
    lock.write(QByteArray::number(deadPid) + "\npoplarctl\n" +
               QSysInfo::machineHostName().toUtf8() + "\n" + QSysInfo::machineUniqueId() + "\n" +
               QSysInfo::bootUniqueId() + "\n");
    lock.close();
    const Status taken = profile.value().lock();
    EXPECT_TRUE(taken.ok()) << (taken.ok() ? std::string() : taken.error().message().toStdString());
}
