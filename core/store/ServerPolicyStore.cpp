// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ServerPolicyStore.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace poplar::store {

namespace {

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

std::optional<int> readOptionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

} // namespace

QDateTime ServerPolicy::nextLoginAllowed() const
{
    if (!lastLogin.isValid() || !loginDelaySeconds || *loginDelaySeconds <= 0)
        return {};
    return lastLogin.addSecs(*loginDelaySeconds);
}

ServerPolicyStore::ServerPolicyStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<ServerPolicy> ServerPolicyStore::load(const QString &accountId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT last_login, login_delay, expire_days FROM server_policy WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec())
        return storageError(QStringLiteral("Cannot read the server's policy"),
                            q.lastError().text());
    ServerPolicy policy;
    if (q.next()) {
        if (!q.value(0).isNull())
            policy.lastLogin = QDateTime::fromSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
        policy.loginDelaySeconds = readOptionalInt(q.value(1));
        policy.expireDays = readOptionalInt(q.value(2));
    }
    return policy;
}

Status ServerPolicyStore::save(const QString &accountId, const ServerPolicy &policy)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO server_policy (account_id, last_login, "
                             "login_delay, expire_days) VALUES (?, ?, ?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(policy.lastLogin.isValid() ? QVariant(policy.lastLogin.toSecsSinceEpoch())
                                              : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(optionalInt(policy.loginDelaySeconds));
    q.addBindValue(optionalInt(policy.expireDays));
    if (!q.exec())
        return storageError(QStringLiteral("Cannot record the server's policy"),
                            q.lastError().text());
    return {};
}

} // namespace poplar::store
