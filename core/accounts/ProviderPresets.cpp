// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/ProviderPresets.h"

#include <QCoreApplication>
#include <QHash>

namespace poplar {

namespace {

// The notes are marked for translation here and translated where they are shown.
const char *const appPassword = QT_TRANSLATE_NOOP(
    "ProviderPresets", "Use an app password (made in the account's security settings, with "
                       "2-step verification on), not your usual password.");
const char *const gmail = QT_TRANSLATE_NOOP(
    "ProviderPresets", "Switch POP on in Gmail's settings (Forwarding and POP/IMAP), and use an "
                       "app password made in your Google Account's security settings.");
const char *const microsoft = QT_TRANSLATE_NOOP(
    "ProviderPresets", "Microsoft accepts only OAuth 2.0 sign-in for POP: choose XOAUTH2 and a "
                       "password command that prints an access token. Switch POP on in "
                       "Outlook's settings (Mail > Forwarding and IMAP).");
const char *const authCode = QT_TRANSLATE_NOOP(
    "ProviderPresets", "Switch POP3 on in the web mail's settings and use the authorisation "
                       "code (授权码) it gives you as the password, not your login password.");
const char *const switchOn =
    QT_TRANSLATE_NOOP("ProviderPresets", "Switch POP3 on in the web mail's settings first.");
const char *const noPop = QT_TRANSLATE_NOOP(
    "ProviderPresets", "This provider offers no POP3 access, so Poplar cannot fetch its mail.");

struct Entry {
    const char *domains; ///< space-separated
    ProviderPreset preset;
};

ProviderPreset tls(const char *provider, const char *host, const char *note,
                   AuthMethod auth = AuthMethod::Auto)
{
    ProviderPreset p;
    p.provider = QString::fromUtf8(provider);
    p.host = QString::fromLatin1(host);
    p.auth = auth;
    p.note = note;
    return p;
}

const QHash<QString, ProviderPreset> &table()
{
    static const QHash<QString, ProviderPreset> byDomain = [] {
        const Entry entries[] = {
            {"gmail.com googlemail.com", tls("Gmail", "pop.gmail.com", gmail)},
            {"outlook.com hotmail.com live.com msn.com hotmail.co.uk hotmail.fr hotmail.de "
             "outlook.de outlook.fr live.cn",
             tls("Outlook.com", "outlook.office365.com", microsoft, AuthMethod::XOAuth2)},
            {"yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.co.jp ymail.com rocketmail.com",
             tls("Yahoo Mail", "pop.mail.yahoo.com", appPassword)},
            {"aol.com", tls("AOL Mail", "pop.aol.com", appPassword)},
            {"qq.com vip.qq.com foxmail.com", tls("QQ Mail", "pop.qq.com", authCode)},
            {"163.com", tls("163 Mail", "pop.163.com", authCode)},
            {"126.com", tls("126 Mail", "pop.126.com", authCode)},
            {"yeah.net", tls("yeah.net", "pop.yeah.net", authCode)},
            {"188.com", tls("188 Mail", "pop.188.com", authCode)},
            {"vip.163.com", tls("163 VIP Mail", "pop.vip.163.com", authCode)},
            {"sina.com sina.com.cn", tls("Sina Mail", "pop.sina.com", authCode)},
            {"sina.cn", tls("Sina Mail", "pop.sina.cn", authCode)},
            {"sohu.com", tls("Sohu Mail", "pop3.sohu.com", authCode)},
            {"aliyun.com", tls("Aliyun Mail", "pop.aliyun.com", switchOn)},
            {"139.com", tls("139 Mail", "pop.139.com", authCode)},
            {"gmx.com", tls("GMX", "pop.gmx.com", switchOn)},
            {"gmx.net gmx.de gmx.at gmx.ch", tls("GMX", "pop.gmx.net", switchOn)},
            {"web.de", tls("WEB.DE", "pop3.web.de", switchOn)},
            {"t-online.de", tls("Telekom Mail", "securepop.t-online.de", nullptr)},
            {"yandex.com", tls("Yandex Mail", "pop.yandex.com", appPassword)},
            {"yandex.ru ya.ru", tls("Yandex Mail", "pop.yandex.ru", appPassword)},
            {"mail.ru inbox.ru list.ru bk.ru", tls("Mail.ru", "pop.mail.ru", appPassword)},
            {"zoho.com zohomail.com", tls("Zoho Mail", "pop.zoho.com", switchOn)},
            {"fastmail.com fastmail.fm", tls("Fastmail", "pop.fastmail.com", appPassword)},
            {"icloud.com me.com mac.com", tls("iCloud Mail", "", noPop)},
            {"proton.me protonmail.com pm.me", tls("Proton Mail", "", noPop)},
        };
        QHash<QString, ProviderPreset> map;
        for (const Entry &e : entries) {
            for (const QString &domain :
                 QString::fromLatin1(e.domains).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                map.insert(domain, e.preset);
        }
        return map;
    }();
    return byDomain;
}

} // namespace

std::optional<ProviderPreset> presetForAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == address.size() - 1)
        return std::nullopt;
    const QString domain = address.mid(at + 1).trimmed().toLower();
    const auto it = table().constFind(domain);
    if (it == table().constEnd())
        return std::nullopt;
    return it.value();
}

QString presetNote(const ProviderPreset &preset)
{
    return preset.note ? QCoreApplication::translate("ProviderPresets", preset.note) : QString();
}

QString presetUserName(const ProviderPreset &preset, const QString &address)
{
    const QString trimmed = address.trimmed();
    return preset.userIsLocalPart ? trimmed.left(trimmed.lastIndexOf(QLatin1Char('@'))) : trimmed;
}

} // namespace poplar
