// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/SecretStore.h"

#include <QHash>

namespace poplar::test {

/// A SecretStore that keeps passwords in memory and answers at once; tests only.
class MemorySecretStore final : public SecretStore {
public:
    void read(const QString &key, ReadCallback done) override
    {
        if (m_unreachable)
            return done(unreachable());
        if (!m_secrets.contains(key))
            return done(Error{Error::Code::NotFound, QStringLiteral("No password stored"), {}});
        done(m_secrets.value(key));
    }

    void write(const QString &key, const QString &secret, WriteCallback done) override
    {
        if (m_unreachable)
            return done(unreachable());
        if (m_failWrites)
            return done(Error{Error::Code::Storage, QStringLiteral("The keychain is locked"), {}});
        m_secrets.insert(key, secret);
        done({});
    }

    void remove(const QString &key, WriteCallback done) override
    {
        if (m_unreachable)
            return done(unreachable());
        m_secrets.remove(key);
        done({});
    }

    /// Makes every call fail, as on a desktop with no Secret Service running.
    void setUnreachable(bool unreachable) { m_unreachable = unreachable; }
    /// Makes every write fail, as a locked or missing keychain would.
    void setFailWrites(bool fail) { m_failWrites = fail; }
    [[nodiscard]] const QHash<QString, QString> &secrets() const { return m_secrets; }

private:
    static Error unreachable()
    {
        return {Error::Code::Config,
                QStringLiteral("Failed to execute child process \"dbus-launch\""),
                {}};
    }

    QHash<QString, QString> m_secrets;
    bool m_failWrites = false;
    bool m_unreachable = false;
};

} // namespace poplar::test
