// SPDX-License-Identifier: GPL-3.0-or-later
// The fixture of the fault tests: the real sync (SyncWorker, Pop3Client, cache) against a
// scripted FakePop3Server, and what the cache holds afterwards.
#pragma once

#include "FakePop3Server.h"
#include "TestUtil.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/SyncWorker.h"

#include <QMultiMap>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace poplar::test {

using sync::SyncResult;
using Mailbox = FakePop3Server::Mailbox;

// Each body has a line starting with a dot, one with two and one that is only a dot, so
// every download goes through dot-stuffing and back.
inline QByteArray mail(int n, const QString &extraBody = {})
{
    return makeMessage(QStringLiteral("Message %1").arg(n), QStringLiteral("Bob <bob@example.org>"),
                       QStringLiteral(".leading dot\n..two dots\n.\nline %1\n").arg(n) + extraBody);
}

/// An account of alice on 127.0.0.1 in the clear (a FakePop3Server's), its port still to set.
inline Account fakeServerAccount(const QString &id, const QString &name, PasswordSource source)
{
    Account a;
    a.id = id;
    a.name = name;
    a.host = QStringLiteral("127.0.0.1");
    a.security = Security::None;
    a.user = QStringLiteral("alice");
    a.passwordSource = source;
    return a;
}

inline Mailbox threeMessages()
{
    Mailbox box;
    for (int n = 1; n <= 3; ++n)
        box.messages.insert(n, mail(n));
    return box;
}

inline QString uid(int n)
{
    return QStringLiteral("uid-%1").arg(n);
}

inline QByteArray headerSection(const QByteArray &raw)
{
    const qsizetype blank = raw.indexOf("\r\n\r\n");
    return blank < 0 ? raw : raw.left(blank + 4);
}

inline QByteArray messageIdOf(const QByteArray &raw)
{
    const qsizetype at = raw.indexOf("Message-ID: ");
    if (at < 0)
        return {};
    return raw.mid(at, raw.indexOf("\r\n", at) - at);
}

inline std::string describe(const SyncResult &r)
{
    QString out = r.error ? r.error->message() : QStringLiteral("ok");
    for (const QString &w : r.warnings)
        out += QStringLiteral("\n  warning: ") + w;
    return out.toStdString();
}

inline std::string transcript(const QByteArrayList &lines)
{
    return lines.join(" | ").toStdString();
}

class FaultTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // Short, so that the timeout cases take a second or two.
        m_options.connectTimeoutMs = 1500;
        m_options.replyTimeoutMs = 1500;
    }

    Account account(Security security = Security::None, AuthMethod auth = AuthMethod::Auto) const
    {
        Account a;
        a.id = m_accountId;
        a.name = QStringLiteral("Fake");
        a.host = QStringLiteral("127.0.0.1");
        a.port = m_server.port();
        a.security = security;
        a.user = QStringLiteral("alice");
        a.auth = auth;
        a.leaveOnServer = false; // so that a DELE that should not happen can happen
        return a;
    }

    // Created on first use, with the m_options of that moment.
    sync::SyncWorker &worker()
    {
        if (!m_worker) {
            m_worker = std::make_unique<sync::SyncWorker>(m_dir.filePath(QStringLiteral("cache")),
                                                          m_options);
            QObject::connect(m_worker.get(), &sync::SyncWorker::finished, m_worker.get(),
                             [this](const SyncResult &r) { m_result = r; });
        }
        return *m_worker;
    }

    void startSync(const Account &a, const QString &password = QStringLiteral("pw"))
    {
        m_result.reset();
        worker().syncAccount(a, password);
    }

    SyncResult waitForResult(int timeoutMs = 15'000)
    {
        if (spinUntil([this] { return m_result.has_value(); }, timeoutMs))
            return *m_result;
        ADD_FAILURE() << "The sync did not finish within " << timeoutMs << " ms";
        SyncResult none;
        none.error = Error{Error::Code::Cancelled, QStringLiteral("(no result)"), {}};
        return none;
    }

    SyncResult sync(const Account &a, const QString &password = QStringLiteral("pw"))
    {
        startSync(a, password);
        return waitForResult();
    }
    SyncResult sync() { return sync(account()); }

    // What the cache holds for the account, uidl -> raw bytes (a duplicate shows as two).
    QMultiMap<QString, QByteArray> stored()
    {
        QMultiMap<QString, QByteArray> out;
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                        QStringLiteral("fault-test-reader"));
        if (!db) {
            ADD_FAILURE() << db.error().message().toStdString();
            return out;
        }
        store::MessageStore messages(db.value()->connection());
        auto rows = messages.messages(store::Folder::Inbox, m_accountId);
        if (!rows) {
            ADD_FAILURE() << rows.error().message().toStdString();
            return out;
        }
        for (const store::MessageSummary &m : rows.value()) {
            auto raw = messages.raw(m.id);
            out.insert(m.uidl, raw ? raw.value() : QByteArray());
        }
        return out;
    }

    /// Syncs `count` small messages, numbered from `first`, from a pipelining server into the
    /// cache as earlier calls left it (the account deletes on the server, so the server holds
    /// only these); the number of messages in each batch committed, in order. Fails the test
    /// unless every message arrived.
    QList<qsizetype> batchesOfSync(int count, int first = 1)
    {
        Mailbox box;
        box.pipelining = true;
        for (int n = first; n < first + count; ++n)
            box.append(mail(n));
        m_server.serveMailbox(box);
        QList<qsizetype> batches;
        const QMetaObject::Connection counting = QObject::connect(
            &worker(), &sync::SyncWorker::messagesStored, &worker(),
            [&batches](const QString &, const QList<qint64> &ids) { batches.append(ids.size()); });
        // 10,000 messages take 10-16 s here, more on a loaded machine: the wait grows with them.
        startSync(account());
        const SyncResult r = waitForResult(std::max(15'000, 3 * count));
        QObject::disconnect(counting); // `batches` ends with this call
        EXPECT_TRUE(r.ok()) << describe(r);
        EXPECT_EQ(r.newMessages, count);
        EXPECT_EQ(stored().size(), first - 1 + count);
        return batches;
    }

    QSet<QString> knownUidls()
    {
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("cache")),
                                        QStringLiteral("fault-test-reader"));
        if (!db) {
            ADD_FAILURE() << db.error().message().toStdString();
            return {};
        }
        auto known = store::MessageStore(db.value()->connection()).knownUidls(m_accountId);
        return known ? known.value() : QSet<QString>();
    }

    /// What must hold through any server, misbehaving or not: every message that left
    /// the server (by this client's DELE) is byte-exact in the cache; every message on the
    /// server is in the list; no message is listed twice. `notWholeYet`: messages that may be in
    /// the list as their first part only (headers only, or incomplete) at this moment.
    void expectNothingLostMissedOrDoubled(const QList<QByteArray> &notWholeYet = {})
    {
        const auto cached = stored();
        const QList<QByteArray> copies = cached.values();
        for (const QByteArray &gone : m_server.mailbox().deleted) {
            EXPECT_TRUE(copies.contains(gone))
                << "left the server and is not here: " << messageIdOf(gone).toStdString();
        }
        for (const QByteArray &raw : std::as_const(m_server.mailbox().messages)) {
            bool listed = copies.contains(raw);
            if (!listed && notWholeYet.contains(raw)) {
                listed = std::any_of(copies.cbegin(), copies.cend(), [&](const QByteArray &c) {
                    return messageIdOf(c) == messageIdOf(raw);
                });
            }
            EXPECT_TRUE(listed) << "on the server and not in the list: "
                                << messageIdOf(raw).toStdString();
        }
        QSet<QByteArray> ids;
        for (const QByteArray &copy : copies) {
            const QByteArray id = messageIdOf(copy);
            EXPECT_FALSE(ids.contains(id)) << "listed twice: " << id.toStdString();
            ids.insert(id);
        }
    }

    bool sentCredentials() const
    {
        for (const char *verb : {"USER", "PASS", "APOP", "AUTH"}) {
            if (m_server.receivedLineStartingWith(verb))
                return true;
        }
        return false;
    }

    const QString m_accountId = QStringLiteral("acct");
    QTemporaryDir m_dir;
    pop3::Pop3Client::Options m_options;
    FakePop3Server m_server;
    std::unique_ptr<sync::SyncWorker> m_worker; // after the server: the client closes first
    std::optional<SyncResult> m_result;
};
} // namespace poplar::test
