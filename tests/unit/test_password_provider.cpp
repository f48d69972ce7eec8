// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"

#include "TestUtil.h"

#include <QFile>
#include <QTemporaryDir>

#include <QHash>

#include <gtest/gtest.h>

#include <optional>

using namespace poplar;

namespace {

/// Answers from memory: these tests exercise the command path, not the keychain.
class NoSecrets final : public SecretStore {
public:
    void read(const QString &, ReadCallback done) override
    {
        done(Error{Error::Code::Config, QStringLiteral("none"), {}});
    }
    void write(const QString &, const QString &, WriteCallback done) override { done({}); }
    void remove(const QString &, WriteCallback done) override { done({}); }
};

std::optional<Result<QString>> fetch(const QString &command, int timeoutMs = 10'000)
{
    NoSecrets secrets;
    PasswordProvider provider(secrets);
    provider.setCommandTimeout(timeoutMs);
    Account a;
    a.passwordSource = PasswordSource::Command;
    a.passwordCommand = command;
    std::optional<Result<QString>> got;
    provider.fetch(a, [&](Result<QString> r) { got = std::move(r); });
    test::spinUntil([&] { return got.has_value(); });
    return got;
}

TEST(PasswordProvider, TakesTheFirstLineOfTheCommandsOutput)
{
    auto r = fetch(QStringLiteral("printf 's3cret pass\\r\\nsecond line\\n'"));
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(r->ok()) << qPrintable(r->error().message());
    EXPECT_EQ(r->value(), QStringLiteral("s3cret pass"));
}

TEST(PasswordProvider, FailingCommandIsAClearError)
{
    auto r = fetch(QStringLiteral("echo 'gpg: decryption failed' >&2; exit 3"));
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_TRUE(r->error().detail.contains(QStringLiteral("exit code 3")));
    EXPECT_TRUE(r->error().detail.contains(QStringLiteral("decryption failed")));
}

TEST(PasswordProvider, EmptyOutputIsAnError)
{
    auto r = fetch(QStringLiteral("true"));
    ASSERT_TRUE(r.has_value());
    EXPECT_FALSE(r->ok());
}

TEST(PasswordProvider, HangingCommandTimesOut)
{
    auto r = fetch(QStringLiteral("sleep 30"), 300);
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_TRUE(r->error().detail.contains(QStringLiteral("did not finish")));
}

TEST(PasswordProvider, AHangingCommandIsEndedWithEverythingItStarted)
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("pid"));
    // The shell waits for a child of its own: ending the shell alone would leave it running.
    auto r = fetch(QStringLiteral("sleep 30 & echo $! > '%1'; wait").arg(pidFile), 300);
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    QFile f(pidFile);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const qint64 child = f.readAll().trimmed().toLongLong();
    ASSERT_GT(child, 0);
    // Killed, and reaped by whoever adopts orphans: /proc keeps it at most as a zombie.
    auto gone = [child] {
        QFile status(QStringLiteral("/proc/%1/status").arg(child));
        return !status.open(QIODevice::ReadOnly) || status.readAll().contains("State:\tZ");
    };
    EXPECT_TRUE(poplar::test::spinUntil(gone, 5000)) << "the command's child is still running";
}

/// A keychain that cannot be reached, as on a desktop without a Secret Service.
class UnreachableSecrets final : public SecretStore {
public:
    void read(const QString &, ReadCallback done) override { done(unreachable()); }
    void write(const QString &, const QString &, WriteCallback done) override
    {
        done(unreachable());
    }
    void remove(const QString &, WriteCallback done) override { done(unreachable()); }

private:
    static Error unreachable()
    {
        return {Error::Code::Config,
                QStringLiteral("Failed to execute child process \"dbus-launch\""),
                {}};
    }
};

Account askingAccount(PasswordSource source)
{
    Account a;
    a.id = QStringLiteral("a1");
    a.name = QStringLiteral("Home");
    a.passwordSource = source;
    return a;
}

std::optional<Result<QString>> fetchNow(PasswordProvider &provider, const Account &account)
{
    std::optional<Result<QString>> got;
    provider.fetch(account, [&](Result<QString> r) { got = std::move(r); });
    return got; // the stores and prompts here answer at once
}

TEST(PasswordProvider, WithoutAPromptAnAskingAccountSaysWhichChoicesThereAre)
{
    UnreachableSecrets secrets;
    PasswordProvider provider(secrets);
    for (PasswordSource source : {PasswordSource::Ask, PasswordSource::Keychain}) {
        auto r = fetchNow(provider, askingAccount(source));
        ASSERT_TRUE(r.has_value());
        ASSERT_FALSE(r->ok());
        const QString text = r->error().message();
        EXPECT_TRUE(text.contains(QStringLiteral("--password-command"))) << qPrintable(text);
        EXPECT_TRUE(text.contains(QStringLiteral("Ask when checking mail"))) << qPrintable(text);
    }
    // The keychain's own words say why it is not an answer.
    auto r = fetchNow(provider, askingAccount(PasswordSource::Keychain));
    EXPECT_TRUE(r->error().message().contains(QStringLiteral("dbus-launch")));
}

TEST(PasswordProvider, AnUnreachableKeychainAsksAndARememberedAnswerIsNotAskedAgain)
{
    UnreachableSecrets secrets;
    PasswordProvider provider(secrets);
    int asked = 0;
    QString reason;
    provider.setPrompt([&](const Account &, const QString &why, auto answer) {
        ++asked;
        reason = why;
        answer(PasswordProvider::Answer{QStringLiteral("typed-pw"), true});
    });
    const Account account = askingAccount(PasswordSource::Keychain);
    auto first = fetchNow(provider, account);
    ASSERT_TRUE(first.has_value() && first->ok());
    EXPECT_EQ(first->value(), QStringLiteral("typed-pw"));
    EXPECT_TRUE(reason.contains(QStringLiteral("dbus-launch")));
    auto second = fetchNow(provider, account);
    ASSERT_TRUE(second.has_value() && second->ok());
    EXPECT_EQ(second->value(), QStringLiteral("typed-pw"));
    EXPECT_EQ(asked, 1);
    provider.forget(account.id);
    (void)fetchNow(provider, account);
    EXPECT_EQ(asked, 2);
}

/// A keychain that answers: what was written is there, anything else is "not found".
class AnsweringSecrets final : public SecretStore {
public:
    void read(const QString &key, ReadCallback done) override
    {
        if (!entries.contains(key))
            return done(Error{Error::Code::NotFound, QStringLiteral("no entry"), {}});
        done(entries.value(key));
    }
    void write(const QString &key, const QString &secret, WriteCallback done) override
    {
        entries.insert(key, secret);
        done({});
    }
    void remove(const QString &key, WriteCallback done) override
    {
        entries.remove(key);
        done({});
    }
    QHash<QString, QString> entries;
};

TEST(PasswordProvider, AKeychainAccountWithoutAnEntryIsAskedOnceAndTheAnswerKeptThere)
{
    // An imported account: its password is not copied, so the keychain has none yet.
    AnsweringSecrets secrets;
    const Account account = askingAccount(PasswordSource::Keychain);
    int asked = 0;
    {
        PasswordProvider provider(secrets);
        provider.setPrompt([&](const Account &, const QString &, auto answer) {
            ++asked;
            answer(PasswordProvider::Answer{QStringLiteral("typed-pw"), true});
        });
        auto first = fetchNow(provider, account);
        ASSERT_TRUE(first.has_value() && first->ok());
    }
    EXPECT_EQ(secrets.entries.value(passwordKey(account.id)), QStringLiteral("typed-pw"));
    // The next session reads it from the keychain without asking.
    PasswordProvider next(secrets);
    next.setPrompt([&](const Account &, const QString &, auto answer) {
        ++asked;
        answer(std::nullopt);
    });
    auto again = fetchNow(next, account);
    ASSERT_TRUE(again.has_value() && again->ok());
    EXPECT_EQ(again->value(), QStringLiteral("typed-pw"));
    EXPECT_EQ(asked, 1);

    // Not to be remembered: not written either.
    AnsweringSecrets other;
    PasswordProvider once(other);
    once.setPrompt([](const Account &, const QString &, auto answer) {
        answer(PasswordProvider::Answer{QStringLiteral("just-now"), false});
    });
    ASSERT_TRUE(fetchNow(once, account)->ok());
    EXPECT_TRUE(other.entries.isEmpty());
}

TEST(PasswordProvider, AnAnswerNotRememberedIsAskedForAgainAndDecliningIsCancelled)
{
    UnreachableSecrets secrets;
    PasswordProvider provider(secrets);
    int asked = 0;
    std::optional<PasswordProvider::Answer> next =
        PasswordProvider::Answer{QStringLiteral("once"), false};
    provider.setPrompt([&](const Account &, const QString &why, auto answer) {
        ++asked;
        EXPECT_TRUE(why.isEmpty()); // an "ask" account needs no reason
        answer(next);
    });
    const Account account = askingAccount(PasswordSource::Ask);
    auto first = fetchNow(provider, account);
    ASSERT_TRUE(first.has_value() && first->ok());
    EXPECT_EQ(first->value(), QStringLiteral("once"));
    EXPECT_FALSE(provider.remembers(account.id));
    next.reset();
    auto declined = fetchNow(provider, account);
    ASSERT_TRUE(declined.has_value());
    ASSERT_FALSE(declined->ok());
    EXPECT_EQ(declined->error().code, Error::Code::Cancelled);
    EXPECT_EQ(asked, 2);
}

TEST(PasswordProvider, AProbeOfAnUnreachableKeychainFailsAndOfAnAnsweringOneSucceeds)
{
    UnreachableSecrets unreachable;
    std::optional<Status> got;
    unreachable.probe([&](Status s) { got = s; });
    ASSERT_TRUE(got.has_value());
    EXPECT_FALSE(got->ok());
    class EmptySecrets final : public SecretStore {
    public:
        void read(const QString &, ReadCallback done) override
        {
            done(Error{Error::Code::NotFound, QStringLiteral("no such entry"), {}});
        }
        void write(const QString &, const QString &, WriteCallback done) override { done({}); }
        void remove(const QString &, WriteCallback done) override { done({}); }
    } empty; // "no such entry" is an answer: the keychain is there
    got.reset();
    empty.probe([&](Status s) { got = s; });
    ASSERT_TRUE(got.has_value());
    EXPECT_TRUE(got->ok());
}

} // namespace
