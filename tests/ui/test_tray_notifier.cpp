// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemorySecretStore.h"
#include "TrayNotifier.h"
#include "UiTestUtil.h"

#include "accounts/PasswordProvider.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/SyncController.h"
#include "sync/SyncResult.h"

#include <QTemporaryDir>
#include <QWidget>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::ui::TrayNotifier;

namespace {

store::MessageSummary summary(const QString &name, const QString &subject)
{
    store::MessageSummary m;
    m.fromName = name;
    m.fromAddress = QStringLiteral("someone@example.org");
    m.subject = subject;
    return m;
}

TEST(TrayNotifierText, OneMessageNamesSenderAndSubjectSeveralAreCounted)
{
    auto [title, text] =
        TrayNotifier::newMailText({summary(QStringLiteral("李明"), QStringLiteral("会议纪要"))}, 1);
    EXPECT_EQ(title, QStringLiteral("New message"));
    EXPECT_EQ(text, QStringLiteral("李明: 会议纪要"));
    std::tie(title, text) =
        TrayNotifier::newMailText({summary(QString(), QStringLiteral("Hike"))}, 3);
    EXPECT_EQ(title, QStringLiteral("3 new messages"));
    EXPECT_EQ(text, QStringLiteral("Newest: someone@example.org: Hike"));
}

TEST(TrayNotifierTest, ASyncWithNewMailNotifiesAndTheTooltipCountsUnread)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto db = store::Database::open(path, QStringLiteral("tray-test"));
    ASSERT_TRUE(db.ok());
    store::MessageStore messages(db.value()->connection());
    test::MemorySecretStore secrets;
    PasswordProvider passwords(secrets);
    sync::SyncController sync(path, passwords);
    QWidget window; // never shown, so never the active window: the notification is due

    TrayNotifier tray(&window, messages, sync);
    EXPECT_EQ(tray.toolTip(), QStringLiteral("Poplar — no unread mail"));
    QList<qint64> ids;
    for (int i = 0; i < 2; ++i) {
        ids.append(test::storeMessage(messages, QStringLiteral("a"), QStringLiteral("u%1").arg(i),
                                      test::rfc5322(QStringLiteral("Subject %1").arg(i),
                                                    QStringLiteral("Bob <b@example.org>"),
                                                    QDateTime::currentDateTimeUtc(),
                                                    QStringLiteral("x"))));
    }
    Q_EMIT sync.messagesStored(QStringLiteral("a"), ids);
    sync::SyncResult result;
    result.accountId = QStringLiteral("a");
    result.newMessages = 2;
    Q_EMIT sync.finished(result);
    EXPECT_EQ(tray.toolTip(), QStringLiteral("Poplar — 2 unread messages"));
    EXPECT_EQ(tray.lastNotificationTitle(), QStringLiteral("2 new messages"));
    EXPECT_EQ(tray.lastNotificationText(), QStringLiteral("Newest: Bob: Subject 1"));

    // A sync that brought nothing says nothing.
    Q_EMIT sync.finished(result);
    EXPECT_EQ(tray.lastNotificationTitle(), QStringLiteral("2 new messages"));
    ASSERT_TRUE(messages.setSeen(ids[0], true).ok());
    tray.refresh();
    EXPECT_EQ(tray.toolTip(), QStringLiteral("Poplar — 1 unread message"));
}

} // namespace
