// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountStore.h"
#include "sync/CheckScheduler.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace poplar;

namespace {

class CheckSchedulerTest : public ::testing::Test {
protected:
    QString add(bool onStartup, int everyMinutes)
    {
        Account a;
        a.host = QStringLiteral("pop.example.org");
        a.user = QStringLiteral("u");
        a.checkOnStartup = onStartup;
        a.checkEveryMinutes = everyMinutes;
        return m_accounts.add(a).value();
    }
    QStringList run(sync::CheckScheduler &s, const std::function<void()> &step)
    {
        QStringList due;
        auto c = QObject::connect(&s, &sync::CheckScheduler::checkDue,
                                  [&](const Account &a) { due.append(a.id); });
        step();
        QObject::disconnect(c);
        return due;
    }

    QTemporaryDir m_dir;
    AccountStore m_accounts{m_dir.filePath(QStringLiteral("poplar.ini"))};
    QDateTime m_now = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
    QHash<QString, QDateTime> m_loginAllowedAt;
};

TEST_F(CheckSchedulerTest, StartupAndIntervalsFollowEachAccountsSettings)
{
    const QString eager = add(true, 10);
    const QString lazy = add(false, 30);
    const QString manual = add(true, 0);
    sync::CheckScheduler s(
        m_accounts, [&](const QString &id) { return m_loginAllowedAt.value(id); },
        [&] { return m_now; });
    EXPECT_EQ(run(s, [&] { s.start(); }), (QStringList{eager, manual}));
    m_now = m_now.addSecs(9 * 60);
    EXPECT_TRUE(run(s, [&] { s.tick(); }).isEmpty());
    m_now = m_now.addSecs(60);
    EXPECT_EQ(run(s, [&] { s.tick(); }), QStringList{eager});
    m_now = m_now.addSecs(20 * 60); // 30 minutes after start
    EXPECT_EQ(run(s, [&] { s.tick(); }), (QStringList{eager, lazy}));
}

TEST_F(CheckSchedulerTest, NeverSoonerThanTheServersLoginDelay)
{
    const QString id = add(true, 5);
    m_loginAllowedAt.insert(id, m_now.addSecs(15 * 60)); // LOGIN-DELAY 900 from an earlier run
    sync::CheckScheduler s(
        m_accounts, [&](const QString &a) { return m_loginAllowedAt.value(a); },
        [&] { return m_now; });
    EXPECT_TRUE(run(s, [&] { s.start(); }).isEmpty());
    m_now = m_now.addSecs(10 * 60);
    EXPECT_TRUE(run(s, [&] { s.tick(); }).isEmpty());
    m_now = m_now.addSecs(5 * 60);
    EXPECT_EQ(run(s, [&] { s.tick(); }), QStringList{id});
}

TEST_F(CheckSchedulerTest, AManualCheckRestartsTheInterval)
{
    const QString id = add(false, 10);
    sync::CheckScheduler s(
        m_accounts, [](const QString &) { return QDateTime(); }, [&] { return m_now; });
    EXPECT_TRUE(run(s, [&] { s.start(); }).isEmpty());
    m_now = m_now.addSecs(8 * 60);
    s.noteChecked(id); // F5
    m_now = m_now.addSecs(5 * 60);
    EXPECT_TRUE(run(s, [&] { s.tick(); }).isEmpty());
    m_now = m_now.addSecs(5 * 60);
    EXPECT_EQ(run(s, [&] { s.tick(); }), QStringList{id});
}

} // namespace
