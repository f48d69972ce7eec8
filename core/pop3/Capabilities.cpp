// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/Capabilities.h"

namespace poplar::pop3 {

Capabilities Capabilities::parse(const QByteArray &body)
{
    Capabilities caps;
    caps.known = true;
    for (const QByteArray &raw : body.split('\n')) {
        const QByteArrayList words = raw.simplified().split(' ');
        const QByteArray name = words.value(0).toUpper();
        if (name.isEmpty())
            continue;
        if (name == "USER") {
            caps.user = true;
        } else if (name == "TOP") {
            caps.top = true;
        } else if (name == "UIDL") {
            caps.uidl = true;
        } else if (name == "PIPELINING") {
            caps.pipelining = true;
        } else if (name == "STLS") {
            caps.stls = true;
        } else if (name == "RESP-CODES") {
            caps.respCodes = true;
        } else if (name == "SASL") {
            for (qsizetype i = 1; i < words.size(); ++i)
                caps.sasl.append(words.at(i).toUpper());
        } else if (name == "LOGIN-DELAY") {
            bool ok = false;
            const int seconds = words.value(1).toInt(&ok);
            if (ok && seconds >= 0)
                caps.loginDelaySeconds = seconds;
            caps.policyPerUser |= words.value(2).toUpper() == "USER";
        } else if (name == "EXPIRE") {
            bool ok = false;
            const int days = words.value(1).toInt(&ok);
            if (ok && days >= 0)
                caps.expireDays = days;
            caps.policyPerUser |= words.value(2).toUpper() == "USER";
        } else if (name == "IMPLEMENTATION") {
            caps.implementation = raw.trimmed().mid(15).left(100);
        }
    }
    return caps;
}

bool Capabilities::offersSasl(const QByteArray &mechanism) const
{
    return sasl.contains(mechanism.toUpper());
}

} // namespace poplar::pop3
