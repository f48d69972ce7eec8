// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstanceChannel.h"
#include "UiTestUtil.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <future>

using poplar::test::waitUntil;
using poplar::ui::InstanceChannel;

namespace {

bool ready(const std::future<bool> &f)
{
    return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

QString uniqueKey()
{
    static int counter = 0;
    return QStringLiteral("/test/profile/%1/%2/poplar.lock")
        .arg(QCoreApplication::applicationPid())
        .arg(++counter);
}

TEST(InstanceChannel, ASecondLaunchHandsItsFilesToTheRunningInstance)
{
    const QString key = uniqueKey();
    InstanceChannel running(key);
    ASSERT_TRUE(running.listen());
    QStringList received;
    int requests = 0;
    QObject::connect(&running, &InstanceChannel::activationRequested,
                     [&](const QStringList &files) {
                         received = files;
                         ++requests;
                     });
    // The second launch blocks on its socket; the first answers from its event loop.
    const QStringList files{QStringLiteral("/home/me/letter.eml")};
    std::future<bool> sent = std::async(std::launch::async, [key, files] {
        return InstanceChannel(key).sendToRunning(files);
    });
    ASSERT_TRUE(waitUntil([&] { return ready(sent); }, 10000));
    EXPECT_TRUE(sent.get());
    EXPECT_EQ(requests, 1);
    EXPECT_EQ(received, files);
}

TEST(InstanceChannel, NobodyListensForAnotherProfile)
{
    InstanceChannel running(uniqueKey());
    ASSERT_TRUE(running.listen());
    const QString other = uniqueKey();
    std::future<bool> sent = std::async(
        std::launch::async, [other] { return InstanceChannel(other).sendToRunning({}, 500); });
    ASSERT_TRUE(waitUntil([&] { return ready(sent); }, 10000));
    EXPECT_FALSE(sent.get());
}

TEST(InstanceChannel, GarbageOnTheSocketIsDropped)
{
    const QString key = uniqueKey();
    InstanceChannel running(key);
    ASSERT_TRUE(running.listen());
    int requests = 0;
    QObject::connect(&running, &InstanceChannel::activationRequested, [&] { ++requests; });
    QLocalSocket intruder;
    intruder.connectToServer(running.socketName());
    ASSERT_TRUE(waitUntil([&] { return intruder.state() == QLocalSocket::ConnectedState; }));
    intruder.write(QByteArray(64, 'x'));
    ASSERT_TRUE(waitUntil([&] { return intruder.state() == QLocalSocket::UnconnectedState; }))
        << "the channel should hang up on a stranger";
    EXPECT_EQ(requests, 0);
}

} // namespace
