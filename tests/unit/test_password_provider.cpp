// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"

#include "TestUtil.h"

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

} // namespace
