// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "MessageListModel.h"
#include "Services.h"
#include "UiTestUtil.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "smtp/OutboxController.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "sync/MessageActions.h"
#include "sync/MessageIndexer.h"
#include "sync/SyncController.h"

#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

namespace poplar::test {

/// A profile in a temporary folder with the services main() makes (a memory keychain), and
/// a MainWindow on them: the window as the user gets it, on real widgets.
class WindowFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        Result<Profile> profile = Profile::open(m_dir.path());
        ASSERT_TRUE(profile.ok());
        m_profile.emplace(std::move(profile).value());
        m_accounts.emplace(m_profile->iniPath());
        auto db = store::Database::open(m_profile->cachePath(), QStringLiteral("window-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
        m_passwords.emplace(m_secrets);
        m_sync.emplace(m_profile->cachePath(), *m_passwords);
        m_deletions.emplace(m_db->connection());
        m_actions.emplace(*m_store, *m_deletions, *m_accounts);
        m_outbox.emplace(m_profile->cachePath(), *m_passwords);
    }

    void TearDown() override
    {
        m_window.reset();
        m_outbox.reset();
        m_sync.reset();
        m_actions.reset();
        m_deletions.reset();
        m_passwords.reset();
        m_store.reset();
        m_db.reset();
    }

    /// An account on `host:port` in the clear, its password from a command (no keychain).
    QString addAccount(const QString &name, quint16 port = 110, int sizeLimitKb = 0)
    {
        Account a;
        a.name = name;
        a.host = QStringLiteral("127.0.0.1");
        a.port = port;
        a.security = Security::None;
        a.user = QStringLiteral("alice");
        a.passwordSource = PasswordSource::Command;
        a.passwordCommand = QStringLiteral("echo s3cret-pw");
        a.sizeLimitKb = sizeLimitKb;
        Result<QString> id = m_accounts->add(a);
        EXPECT_TRUE(id.ok());
        return id.ok() ? id.value() : QString();
    }

    ui::MainWindow &makeWindow()
    {
        m_window = std::make_unique<ui::MainWindow>(ui::Services{*m_profile, *m_accounts, m_secrets,
                                                                 *m_passwords, *m_store, *m_sync,
                                                                 *m_actions, *m_outbox});
        m_window->show();
        return *m_window;
    }

    /// Makes message `id` the list's current and only selected row, as a click does.
    /// Three Inbox messages of one account ("Message 3" to "Message 1", bodies "Text 3" to
    /// "Text 1"); returns their ids, newest first.
    QList<qint64> threeMessages(const QString &account)
    {
        QList<qint64> ids;
        for (int i = 3; i >= 1; --i)
            ids.append(test::storeMessage(*m_store, account, QStringLiteral("uidl-%1").arg(i),
                                          test::rfc5322(QStringLiteral("Message %1").arg(i),
                                                        QStringLiteral("a@example.org"), at(i, 8),
                                                        QStringLiteral("Text %1").arg(i))));
        return ids;
    }

    static void selectMessage(ui::MainWindow &window, qint64 id)
    {
        const int row = window.messageModel()->rowOf(id);
        ASSERT_GE(row, 0);
        window.messageList()->selectionModel()->setCurrentIndex(
            window.messageModel()->index(row, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    /// Adds the message's row to the selection, as Ctrl+click does; the current row stays.
    static void alsoSelect(ui::MainWindow &window, qint64 id)
    {
        const int row = window.messageModel()->rowOf(id);
        ASSERT_GE(row, 0);
        window.messageList()->selectionModel()->select(window.messageModel()->index(row, 0),
                                                       QItemSelectionModel::Select |
                                                           QItemSelectionModel::Rows);
    }

    /// Indexes what is stored, as the sync thread does after a sync.
    void indexForSearch()
    {
        sync::MessageIndexer indexer(m_db->connection());
        for (;;) {
            auto done = indexer.indexPending();
            ASSERT_TRUE(done.ok()) << qPrintable(done.error().message());
            if (done.value() == 0)
                return;
        }
    }

    static QDateTime at(int day, int hour)
    {
        return QDateTime(QDate(2024, 4, day), QTime(hour, 5), Qt::UTC);
    }

    QTemporaryDir m_dir;
    std::optional<Profile> m_profile;
    std::optional<AccountStore> m_accounts;
    MemorySecretStore m_secrets;
    std::unique_ptr<store::Database> m_db;
    std::optional<store::MessageStore> m_store;
    std::optional<PasswordProvider> m_passwords;
    std::optional<store::DeletionQueue> m_deletions;
    std::optional<sync::MessageActions> m_actions;
    std::optional<sync::SyncController> m_sync;
    std::optional<smtp::OutboxController> m_outbox;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace poplar::test
