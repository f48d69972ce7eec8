// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonFormat.h"

#include <QJsonArray>

namespace poplar::json {

namespace {

QJsonValue isoDate(const QDateTime &date)
{
    if (!date.isValid())
        return QJsonValue::Null;
    return date.toUTC().toString(Qt::ISODate);
}

QJsonArray addresses(const QList<mime::MailAddress> &list)
{
    QJsonArray out;
    for (const mime::MailAddress &a : list)
        out.append(address(a));
    return out;
}

} // namespace

QJsonObject address(const mime::MailAddress &a)
{
    return {{QStringLiteral("name"), a.name}, {QStringLiteral("address"), a.address}};
}

QJsonObject summary(const store::MessageSummary &s, const QList<store::Tag> &tags)
{
    QJsonArray tagNames;
    for (const store::Tag &t : tags) {
        if (s.tagIds.contains(t.id))
            tagNames.append(t.name);
    }
    return {
        {QStringLiteral("id"), s.id},
        {QStringLiteral("account"), s.accountId},
        {QStringLiteral("uidl"), s.uidl},
        {QStringLiteral("folder"), store::folderToString(s.folder)},
        {QStringLiteral("from"), address({s.fromName, s.fromAddress})},
        {QStringLiteral("subject"), s.subject},
        {QStringLiteral("date"), isoDate(s.date)},
        {QStringLiteral("size"), s.size},
        {QStringLiteral("seen"), s.seen},
        {QStringLiteral("partial"), s.partial},
        {QStringLiteral("localFolder"), s.localFolder},
        {QStringLiteral("flagged"), s.flagged},
        {QStringLiteral("junk"), s.junk},
        {QStringLiteral("junkReason"), s.junkReason},
        // The rule that placed it, or null: {"rule": name ("" for an unnamed rule), "line"}.
        {QStringLiteral("filedBy"),
         s.filedByLine > 0 ? QJsonValue(QJsonObject{{QStringLiteral("rule"), s.filedBy},
                                                    {QStringLiteral("line"), s.filedByLine}})
                           : QJsonValue()},
        {QStringLiteral("tags"), tagNames},
    };
}

QJsonObject rendered(const mime::RenderedMessage &m)
{
    QJsonArray attachments;
    for (const mime::AttachmentInfo &a : m.attachments) {
        attachments.append(QJsonObject{{QStringLiteral("filename"), a.filename},
                                       {QStringLiteral("mimeType"), a.mimeType},
                                       {QStringLiteral("size"), a.size}});
    }
    return {
        {QStringLiteral("subject"), m.headers.subject},
        {QStringLiteral("from"), address(m.headers.from)},
        {QStringLiteral("to"), addresses(m.headers.to)},
        {QStringLiteral("cc"), addresses(m.headers.cc)},
        {QStringLiteral("replyTo"), addresses(m.headers.replyTo)},
        {QStringLiteral("date"), isoDate(m.headers.date)},
        {QStringLiteral("text"), m.text},
        {QStringLiteral("html"), m.html},
        {QStringLiteral("attachments"), attachments},
        {QStringLiteral("remoteContentBlocked"), m.remoteContentBlocked},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(m.warnings)},
    };
}

QJsonObject pendingDeletion(const store::PendingDeletion &p)
{
    return {
        {QStringLiteral("account"), p.accountId},
        {QStringLiteral("uidl"), p.uidl},
        {QStringLiteral("reason"), store::deletionReasonToString(p.reason)},
        {QStringLiteral("since"), isoDate(p.since)},
        {QStringLiteral("messageId"), p.messageId > 0 ? QJsonValue(p.messageId) : QJsonValue()},
        {QStringLiteral("subject"), p.subject},
    };
}

QJsonObject account(const Account &a)
{
    QJsonObject out{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("email"), a.emailAddress},
        {QStringLiteral("host"), a.host},
        {QStringLiteral("port"), a.port},
        {QStringLiteral("security"), securityToString(a.security)},
        {QStringLiteral("user"), a.user},
        {QStringLiteral("auth"), authMethodToString(a.auth)},
        {QStringLiteral("passwordSource"), passwordSourceToString(a.passwordSource)},
        {QStringLiteral("leaveOnServer"), a.leaveOnServer},
        {QStringLiteral("deleteFromServerOnLocalDelete"), a.deleteFromServerOnLocalDelete},
        {QStringLiteral("deleteFromServerAfterDays"), a.deleteFromServerAfterDays},
        {QStringLiteral("sizeLimitKb"), a.sizeLimitKb},
        {QStringLiteral("checkOnStartup"), a.checkOnStartup},
        {QStringLiteral("checkEveryMinutes"), a.checkEveryMinutes},
        {QStringLiteral("caFile"), a.caFile},
        {QStringLiteral("pinSha256"), a.pinSha256},
    };
    out.insert(QStringLiteral("identity"),
               QJsonObject{{QStringLiteral("name"), a.identity.name},
                           {QStringLiteral("address"), a.senderAddress()},
                           {QStringLiteral("signature"), a.identity.signature},
                           {QStringLiteral("replyTo"), a.identity.replyTo}});
    if (a.canSend()) {
        out.insert(QStringLiteral("smtp"),
                   QJsonObject{
                       {QStringLiteral("host"), a.smtp.host},
                       {QStringLiteral("port"), a.smtp.port},
                       {QStringLiteral("security"), securityToString(a.smtp.security)},
                       {QStringLiteral("user"), a.smtpUser()},
                       {QStringLiteral("auth"),
                        a.smtp.login ? authMethodToString(a.smtp.auth) : QStringLiteral("none")},
                       {QStringLiteral("passwordSource"),
                        a.smtp.samePassword ? QStringLiteral("same")
                                            : passwordSourceToString(a.smtp.passwordSource)},
                       {QStringLiteral("pinSha256"), a.smtp.pinSha256},
                   });
    } else {
        out.insert(QStringLiteral("smtp"), QJsonValue::Null);
    }
    return out;
}

QJsonObject outgoing(const store::OutgoingRecord &r)
{
    QJsonArray to;
    for (const QByteArray &a : r.recipients)
        to.append(QString::fromUtf8(a));
    auto date = [](const QDateTime &d) {
        return d.isValid() ? QJsonValue(d.toUTC().toString(Qt::ISODate)) : QJsonValue();
    };
    return {
        {QStringLiteral("id"), r.messageId},
        {QStringLiteral("account"), r.accountId},
        {QStringLiteral("subject"), r.subject},
        {QStringLiteral("from"), QString::fromUtf8(r.envelopeFrom)},
        {QStringLiteral("recipients"), to},
        {QStringLiteral("state"), store::outgoingStateToString(r.state)},
        {QStringLiteral("attempts"), r.attempts},
        {QStringLiteral("nextAttempt"),
         r.state == store::OutgoingState::Queued ? date(r.nextAttempt) : QJsonValue()},
        {QStringLiteral("error"), r.lastError},
        {QStringLiteral("serverText"), r.serverText},
        {QStringLiteral("mayHaveBeenSentAlready"), r.maybeSent},
        {QStringLiteral("queuedAt"), date(r.queuedAt)},
        {QStringLiteral("sentAt"), date(r.sentAt)},
    };
}

} // namespace poplar::json
