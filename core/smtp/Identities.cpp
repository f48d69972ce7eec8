// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/Identities.h"

namespace poplar::smtp {

mime::MailAddress senderOf(const Account &account)
{
    return {account.identity.name.trimmed(), account.senderAddress()};
}

mime::Responder responderFor(const Account &account, const QList<Account> &all)
{
    mime::Responder me;
    me.sender = senderOf(account);
    if (!account.identity.replyTo.trimmed().isEmpty())
        me.replyTo = mime::MessageBuilder::parseAddresses(account.identity.replyTo.toUtf8());
    me.signature = account.identity.signature;
    for (const Account &a : all) {
        for (const QString &address : {a.emailAddress, a.senderAddress(), a.identity.replyTo}) {
            if (!address.trimmed().isEmpty() && !me.ownAddresses.contains(address.trimmed()))
                me.ownAddresses.append(address.trimmed());
        }
    }
    return me;
}

QString signatureBlock(const Account &account)
{
    const QString signature = account.identity.signature.trimmed();
    return signature.isEmpty() ? QString()
                               : QStringLiteral("-- \n") + signature + QLatin1Char('\n');
}

mime::OutgoingMessage newMessageFrom(const Account &account)
{
    mime::OutgoingMessage m;
    m.from = senderOf(account);
    if (!account.identity.replyTo.trimmed().isEmpty())
        m.replyTo = mime::MessageBuilder::parseAddresses(account.identity.replyTo.toUtf8());
    if (const QString signature = signatureBlock(account); !signature.isEmpty())
        m.body = QStringLiteral("\n\n") + signature; // room to write above it
    return m;
}

std::optional<Account> sendingAccountFor(const QString &messageAccountId, const QList<Account> &all)
{
    for (const Account &a : all) {
        if (a.id == messageAccountId && a.canSend())
            return a;
    }
    for (const Account &a : all) {
        if (a.canSend())
            return a;
    }
    return std::nullopt;
}

} // namespace poplar::smtp
