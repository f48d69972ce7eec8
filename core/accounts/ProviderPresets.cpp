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

// The outgoing server as the provider publishes it: 465 with implicit TLS where offered
// (RFC 8314 prefers it), else 587 with STARTTLS.
ProviderPreset sending(ProviderPreset p, const char *smtpHost, quint16 port = 465)
{
    p.smtpHost = QString::fromLatin1(smtpHost);
    p.smtpPort = port;
    p.smtpSecurity = port == 465 ? Security::Tls : Security::StartTls;
    return p;
}

const QHash<QString, ProviderPreset> &table()
{
    static const QHash<QString, ProviderPreset> byDomain = [] {
        const Entry entries[] = {
            {"gmail.com googlemail.com",
             sending(tls("Gmail", "pop.gmail.com", gmail), "smtp.gmail.com")},
            {"outlook.com hotmail.com live.com msn.com hotmail.co.uk hotmail.fr hotmail.de "
             "outlook.de outlook.fr live.cn",
             sending(tls("Outlook.com", "outlook.office365.com", microsoft, AuthMethod::XOAuth2),
                     "smtp-mail.outlook.com", 587)},
            {"yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.co.jp ymail.com rocketmail.com",
             sending(tls("Yahoo Mail", "pop.mail.yahoo.com", appPassword), "smtp.mail.yahoo.com")},
            {"aol.com", sending(tls("AOL Mail", "pop.aol.com", appPassword), "smtp.aol.com")},
            {"qq.com vip.qq.com foxmail.com",
             sending(tls("QQ Mail", "pop.qq.com", authCode), "smtp.qq.com")},
            {"163.com", sending(tls("163 Mail", "pop.163.com", authCode), "smtp.163.com")},
            {"126.com", sending(tls("126 Mail", "pop.126.com", authCode), "smtp.126.com")},
            {"yeah.net", sending(tls("yeah.net", "pop.yeah.net", authCode), "smtp.yeah.net")},
            {"188.com", sending(tls("188 Mail", "pop.188.com", authCode), "smtp.188.com")},
            {"vip.163.com",
             sending(tls("163 VIP Mail", "pop.vip.163.com", authCode), "smtp.vip.163.com")},
            {"sina.com sina.com.cn",
             sending(tls("Sina Mail", "pop.sina.com", authCode), "smtp.sina.com")},
            {"sina.cn", sending(tls("Sina Mail", "pop.sina.cn", authCode), "smtp.sina.cn")},
            {"sohu.com", sending(tls("Sohu Mail", "pop3.sohu.com", authCode), "smtp.sohu.com")},
            {"aliyun.com",
             sending(tls("Aliyun Mail", "pop.aliyun.com", switchOn), "smtp.aliyun.com")},
            {"139.com", sending(tls("139 Mail", "pop.139.com", authCode), "smtp.139.com")},
            {"gmx.com", sending(tls("GMX", "pop.gmx.com", switchOn), "mail.gmx.com")},
            {"gmx.net gmx.de gmx.at gmx.ch",
             sending(tls("GMX", "pop.gmx.net", switchOn), "mail.gmx.net")},
            {"web.de", sending(tls("WEB.DE", "pop3.web.de", switchOn), "smtp.web.de", 587)},
            {"t-online.de", sending(tls("Telekom Mail", "securepop.t-online.de", nullptr),
                                    "securesmtp.t-online.de")},
            {"yandex.com",
             sending(tls("Yandex Mail", "pop.yandex.com", appPassword), "smtp.yandex.com")},
            {"yandex.ru ya.ru",
             sending(tls("Yandex Mail", "pop.yandex.ru", appPassword), "smtp.yandex.ru")},
            {"mail.ru inbox.ru list.ru bk.ru",
             sending(tls("Mail.ru", "pop.mail.ru", appPassword), "smtp.mail.ru")},
            {"zoho.com zohomail.com",
             sending(tls("Zoho Mail", "pop.zoho.com", switchOn), "smtp.zoho.com")},
            {"fastmail.com fastmail.fm",
             sending(tls("Fastmail", "pop.fastmail.com", appPassword), "smtp.fastmail.com")},
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

void ProviderPreset::applyOutgoing(Account &account) const
{
    if (smtpHost.isEmpty())
        return;
    account.smtp.host = smtpHost;
    account.smtp.port = smtpPort;
    account.smtp.security = smtpSecurity;
    account.smtp.auth = auth;
    account.smtp.user.clear(); // the POP3 user name
    account.smtp.login = true;
    account.smtp.samePassword = true;
}

QString presetUserName(const ProviderPreset &preset, const QString &address)
{
    const QString trimmed = address.trimmed();
    return preset.userIsLocalPart ? trimmed.left(trimmed.lastIndexOf(QLatin1Char('@'))) : trimmed;
}

} // namespace poplar
