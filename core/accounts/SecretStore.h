// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QString>

#include <functional>

namespace poplar {

/// Where passwords are kept. Asynchronous, because the system keychain may ask the user.
/// Calls come from, and callbacks run on, the thread that owns the store.
class SecretStore {
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(Status)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, WriteCallback done) = 0;
    virtual void remove(const QString &key, WriteCallback done) = 0;
    /// Whether the store answers at all: ok when it does (an entry that is not there is an
    /// answer), the error in words when it cannot be reached. Asks for a key no account has.
    virtual void probe(WriteCallback done);
};

/// The system keychain through QtKeychain (Secret Service, KWallet), service "poplar".
class KeychainSecretStore final : public SecretStore {
public:
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
};

/// Whether `error` means "the store answered: there is no such entry", not a failure.
[[nodiscard]] inline bool isNotFound(const Error &error)
{
    return error.code == Error::Code::NotFound;
}

/// The keychain key under which an account's password is kept.
[[nodiscard]] QString passwordKey(const QString &accountId);

} // namespace poplar
