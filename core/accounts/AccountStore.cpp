// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountStore.h"

#include "accounts/SettingsKeys.h"

#include <QSettings>

#include <algorithm>

namespace poplar {

namespace {

QString groupOf(const QString &id)
{
    return keys::accountsGroup + QLatin1Char('/') + id;
}

Account readAccount(QSettings &s, const QString &id)
{
    Account a;
    a.id = id;
    s.beginGroup(groupOf(id));
    a.name = s.value(keys::name).toString();
    a.emailAddress = s.value(keys::email).toString();
    a.host = s.value(keys::host).toString();
    a.security = securityFromString(s.value(keys::security).toString()).value_or(Security::Tls);
    a.port = quint16(s.value(keys::port, defaultPort(a.security)).toUInt());
    a.user = s.value(keys::user).toString();
    a.auth = authMethodFromString(s.value(keys::auth).toString()).value_or(AuthMethod::Auto);
    a.passwordSource = passwordSourceFromString(s.value(keys::passwordSource).toString())
                           .value_or(PasswordSource::Keychain);
    a.passwordCommand = s.value(keys::passwordCommand).toString();
    a.leaveOnServer = s.value(keys::leaveOnServer, true).toBool();
    a.deleteFromServerOnLocalDelete = s.value(keys::deleteOnLocalDelete, true).toBool();
    a.deleteFromServerAfterDays = s.value(keys::deleteAfterDays, 0).toInt();
    a.sizeLimitKb = s.value(keys::sizeLimitKb, 0).toInt();
    a.checkOnStartup = s.value(keys::checkOnStartup, true).toBool();
    a.checkEveryMinutes = std::max(0, s.value(keys::checkEveryMinutes, 10).toInt());
    a.caFile = s.value(keys::caFile).toString();
    a.pinSha256 = s.value(keys::pinSha256).toString();
    a.identity.name = s.value(keys::fromName).toString();
    a.identity.address = s.value(keys::fromAddress).toString();
    a.identity.signature = s.value(keys::signature).toString();
    a.identity.replyTo = s.value(keys::replyTo).toString();
    OutgoingServer &o = a.smtp;
    o.host = s.value(keys::smtpHost).toString();
    o.security =
        securityFromString(s.value(keys::smtpSecurity).toString()).value_or(Security::StartTls);
    o.port = quint16(s.value(keys::smtpPort, defaultSmtpPort(o.security)).toUInt());
    o.user = s.value(keys::smtpUser).toString();
    o.auth = authMethodFromString(s.value(keys::smtpAuth).toString()).value_or(AuthMethod::Auto);
    o.login = s.value(keys::smtpLogin, true).toBool();
    o.samePassword = s.value(keys::smtpSamePassword, true).toBool();
    o.passwordSource = passwordSourceFromString(s.value(keys::smtpPasswordSource).toString())
                           .value_or(PasswordSource::Keychain);
    o.passwordCommand = s.value(keys::smtpPasswordCommand).toString();
    o.pinSha256 = s.value(keys::smtpPinSha256).toString();
    s.endGroup();
    return a;
}

void writeAccount(QSettings &s, const Account &a)
{
    s.beginGroup(groupOf(a.id));
    s.setValue(keys::name, a.name);
    s.setValue(keys::email, a.emailAddress);
    s.setValue(keys::host, a.host);
    s.setValue(keys::port, a.port);
    s.setValue(keys::security, securityToString(a.security));
    s.setValue(keys::user, a.user);
    s.setValue(keys::auth, authMethodToString(a.auth));
    s.setValue(keys::passwordSource, passwordSourceToString(a.passwordSource));
    s.setValue(keys::passwordCommand, a.passwordCommand);
    s.setValue(keys::leaveOnServer, a.leaveOnServer);
    s.setValue(keys::deleteOnLocalDelete, a.deleteFromServerOnLocalDelete);
    s.setValue(keys::deleteAfterDays, a.deleteFromServerAfterDays);
    s.setValue(keys::sizeLimitKb, a.sizeLimitKb);
    s.setValue(keys::checkOnStartup, a.checkOnStartup);
    s.setValue(keys::checkEveryMinutes, a.checkEveryMinutes);
    s.setValue(keys::caFile, a.caFile);
    s.setValue(keys::pinSha256, a.pinSha256);
    s.setValue(keys::fromName, a.identity.name);
    s.setValue(keys::fromAddress, a.identity.address);
    s.setValue(keys::signature, a.identity.signature);
    s.setValue(keys::replyTo, a.identity.replyTo);
    const OutgoingServer &o = a.smtp;
    s.setValue(keys::smtpHost, o.host);
    s.setValue(keys::smtpPort, o.port);
    s.setValue(keys::smtpSecurity, securityToString(o.security));
    s.setValue(keys::smtpUser, o.user);
    s.setValue(keys::smtpAuth, authMethodToString(o.auth));
    s.setValue(keys::smtpLogin, o.login);
    s.setValue(keys::smtpSamePassword, o.samePassword);
    s.setValue(keys::smtpPasswordSource, passwordSourceToString(o.passwordSource));
    s.setValue(keys::smtpPasswordCommand, o.passwordCommand);
    s.setValue(keys::smtpPinSha256, o.pinSha256);
    s.endGroup();
}

Status settingsStatus(QSettings &s)
{
    s.sync();
    if (s.status() != QSettings::NoError) {
        return Error{Error::Code::Storage,
                     AccountStore::tr("Cannot write the settings file %1").arg(s.fileName()),
                     {}};
    }
    return {};
}

QStringList orderOf(QSettings &s)
{
    return s.value(keys::accountsGroup + QLatin1Char('/') + keys::accountOrder).toStringList();
}

void setOrder(QSettings &s, const QStringList &order)
{
    s.setValue(keys::accountsGroup + QLatin1Char('/') + keys::accountOrder, order);
}

} // namespace

AccountStore::AccountStore(QString iniPath)
    : m_path(std::move(iniPath))
{}

QList<Account> AccountStore::accounts() const
{
    QSettings s(m_path, QSettings::IniFormat);
    QList<Account> out;
    for (const QString &id : orderOf(s))
        out.append(readAccount(s, id));
    return out;
}

std::optional<Account> AccountStore::account(const QString &id) const
{
    QSettings s(m_path, QSettings::IniFormat);
    if (!orderOf(s).contains(id))
        return std::nullopt;
    return readAccount(s, id);
}

Status AccountStore::validateOutgoing(const Account &a)
{
    auto invalid = [](const QString &why) { return Error{Error::Code::Config, why, {}}; };
    const auto lineBreak = [](const QString &text) {
        return text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
    };
    // These go into message headers: a line break would let them write headers of their own.
    if (lineBreak(a.identity.name) || lineBreak(a.identity.address) ||
        lineBreak(a.identity.replyTo))
        return invalid(tr("The sender name and addresses cannot contain a line break"));
    if (!a.canSend())
        return {};
    const OutgoingServer &o = a.smtp;
    if (o.host.contains(QLatin1Char(' ')) || o.host.contains(QLatin1Char('/')))
        return invalid(tr("The outgoing server name \"%1\" is not a host name").arg(o.host));
    if (o.port == 0)
        return invalid(tr("The outgoing server's port must be between 1 and 65535"));
    if (lineBreak(o.user))
        return invalid(tr("The outgoing server's user name contains a line break"));
    if (o.login && !o.samePassword && o.passwordSource == PasswordSource::Command &&
        o.passwordCommand.trimmed().isEmpty())
        return invalid(tr("The outgoing server's password command is empty"));
    if (a.senderAddress().isEmpty() || !a.senderAddress().contains(QLatin1Char('@')))
        return invalid(tr("Sending mail needs the sender's e-mail address"));
    return {};
}

Status AccountStore::validate(const Account &a)
{
    auto invalid = [](const QString &why) { return Error{Error::Code::Config, why, {}}; };
    if (a.host.trimmed().isEmpty())
        return invalid(tr("The server name is empty"));
    if (a.host.contains(QLatin1Char(' ')) || a.host.contains(QLatin1Char('/')))
        return invalid(tr("The server name \"%1\" is not a host name").arg(a.host));
    if (a.port == 0)
        return invalid(tr("The port must be between 1 and 65535"));
    if (a.user.isEmpty())
        return invalid(tr("The user name is empty"));
    if (a.user.contains(QLatin1Char('\r')) || a.user.contains(QLatin1Char('\n')))
        return invalid(tr("The user name contains a line break"));
    if (a.passwordSource == PasswordSource::Command && a.passwordCommand.trimmed().isEmpty())
        return invalid(tr("The password command is empty"));
    if (a.deleteFromServerAfterDays < 0 || a.sizeLimitKb < 0)
        return invalid(tr("Days and size limits cannot be negative"));
    return validateOutgoing(a);
}

Result<QString> AccountStore::add(Account account)
{
    if (Status s = validate(account); !s)
        return s.error();
    QSettings s(m_path, QSettings::IniFormat);
    const QString counterKey = keys::accountsGroup + QLatin1Char('/') + keys::nextAccountId;
    const int next = std::max(1, s.value(counterKey, 1).toInt());
    account.id = QString::number(next);
    if (account.name.isEmpty())
        account.name = account.user + QLatin1Char('@') + account.host;
    s.setValue(counterKey, next + 1);
    writeAccount(s, account);
    QStringList order = orderOf(s);
    order.append(account.id);
    setOrder(s, order);
    if (Status st = settingsStatus(s); !st)
        return st.error();
    return account.id;
}

Status AccountStore::update(const Account &account)
{
    if (Status s = validate(account); !s)
        return s;
    QSettings s(m_path, QSettings::IniFormat);
    if (!orderOf(s).contains(account.id))
        return Error{Error::Code::NotFound, tr("There is no account %1").arg(account.id), {}};
    s.remove(groupOf(account.id));
    writeAccount(s, account);
    return settingsStatus(s);
}

Status AccountStore::remove(const QString &id)
{
    QSettings s(m_path, QSettings::IniFormat);
    QStringList order = orderOf(s);
    if (!order.removeOne(id))
        return Error{Error::Code::NotFound, tr("There is no account %1").arg(id), {}};
    setOrder(s, order);
    s.remove(groupOf(id));
    const QString removedKey = keys::accountsGroup + QLatin1Char('/') + keys::removedWithMail;
    QStringList removed = s.value(removedKey).toStringList();
    if (!removed.contains(id))
        removed.append(id);
    s.setValue(removedKey, removed);
    return settingsStatus(s);
}

QStringList AccountStore::removedWithMailLeft() const
{
    QSettings s(m_path, QSettings::IniFormat);
    return s.value(keys::accountsGroup + QLatin1Char('/') + keys::removedWithMail).toStringList();
}

Status AccountStore::mailRemoved(const QString &id)
{
    QSettings s(m_path, QSettings::IniFormat);
    const QString removedKey = keys::accountsGroup + QLatin1Char('/') + keys::removedWithMail;
    QStringList removed = s.value(removedKey).toStringList();
    if (removed.removeAll(id) == 0)
        return {};
    if (removed.isEmpty())
        s.remove(removedKey);
    else
        s.setValue(removedKey, removed);
    return settingsStatus(s);
}

Status AccountStore::move(const QString &id, int steps)
{
    QSettings s(m_path, QSettings::IniFormat);
    QStringList order = orderOf(s);
    const qsizetype from = order.indexOf(id);
    if (from < 0)
        return Error{Error::Code::NotFound, tr("There is no account %1").arg(id), {}};
    const qsizetype to = std::clamp<qsizetype>(from + steps, 0, order.size() - 1);
    if (to == from)
        return {};
    order.move(from, to);
    setOrder(s, order);
    return settingsStatus(s);
}

} // namespace poplar
