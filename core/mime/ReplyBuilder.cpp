// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/ReplyBuilder.h"

#include "mime/MessageRenderer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace poplar::mime {

namespace {

/// Strips every leading prefix of the kind `words` names ("re|aw"), with an optional
/// counter ("Re[2]:") and an ASCII or full-width colon, however many there are.
QString stripPrefixes(const QString &subject, const QString &words)
{
    const QRegularExpression prefix(
        QStringLiteral("^\\s*(?:%1)\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*").arg(words),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QString s = subject.trimmed();
    for (;;) {
        const QRegularExpressionMatch m = prefix.match(s);
        if (!m.hasMatch() || m.capturedLength() == 0)
            return s;
        s = s.mid(m.capturedLength());
    }
}

const QString replyWords = QStringLiteral("re|aw|sv|vs|antw|odp|回复|答复|回覆|答覆");
const QString forwardWords = QStringLiteral("fwd?|wg|tr|rv|enc|转发|轉寄|轉發");

bool sameAddress(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool isOwn(const Responder &me, const MailAddress &a)
{
    if (sameAddress(a.address, me.sender.address))
        return true;
    return std::any_of(me.ownAddresses.begin(), me.ownAddresses.end(),
                       [&](const QString &own) { return sameAddress(own, a.address); });
}

/// Appends the addresses not yet in `into` (nor in `also`), skipping the user's own.
void addNew(QList<MailAddress> &into, const QList<MailAddress> &from, const Responder &me,
            const QList<MailAddress> &also = {})
{
    auto present = [](const QList<MailAddress> &list, const MailAddress &a) {
        return std::any_of(list.begin(), list.end(),
                           [&](const MailAddress &x) { return sameAddress(x.address, a.address); });
    };
    for (const MailAddress &a : from) {
        if (a.address.trimmed().isEmpty() || isOwn(me, a) || present(into, a) || present(also, a))
            continue;
        into.append(a);
    }
}

QStringList messageIds(const QString &text)
{
    QStringList out;
    static const QRegularExpression id(QStringLiteral("<([^<>\\s]+)>"));
    for (auto it = id.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

QString addressList(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list)
        out.append(a.display());
    return out.join(QStringLiteral(", "));
}

QString dateText(const QDateTime &date)
{
    return date.isValid() ? date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : ReplyBuilder::tr("an unknown date");
}

QString withSignature(const QString &text, const QString &signature)
{
    QString out = text;
    while (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    if (!signature.trimmed().isEmpty())
        out += QStringLiteral("\n\n-- \n") + signature.trimmed();
    return out;
}

} // namespace

QString ReplyBuilder::replySubject(const QString &subject)
{
    return QStringLiteral("Re: ") + stripPrefixes(subject, replyWords);
}

QString ReplyBuilder::forwardSubject(const QString &subject)
{
    return QStringLiteral("Fwd: ") + stripPrefixes(subject, forwardWords);
}

QString ReplyBuilder::quote(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    for (QString &line : lines) {
        // Already quoted: one more mark, no space, so levels nest (">> a").
        line = line.startsWith(QLatin1Char('>')) ? QLatin1Char('>') + line
               : line.isEmpty()                  ? QStringLiteral(">")
                                                 : QStringLiteral("> ") + line;
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

OutgoingMessage ReplyBuilder::make(const QByteArray &original, ReplyKind kind, const Responder &me,
                                   const QString &text)
{
    const RenderedMessage shown = MessageRenderer::render(original);
    const MessageHeaders &h = shown.headers;
    OutgoingMessage out;
    out.from = me.sender;
    out.replyTo = me.replyTo;
    QString body = withSignature(text, me.signature);

    if (kind == ReplyKind::ForwardInline || kind == ReplyKind::ForwardAsAttachment) {
        out.subject = forwardSubject(h.subject);
        if (kind == ReplyKind::ForwardAsAttachment) {
            QString name =
                h.subject.trimmed().isEmpty() ? tr("Forwarded message") : h.subject.trimmed();
            name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]")),
                         QStringLiteral("_"));
            out.attachments.append({name.left(100) + QStringLiteral(".eml"),
                                    QStringLiteral("message/rfc822"), original, true});
            out.body = body + QLatin1Char('\n');
            return out;
        }
        QString header = tr("-------- Forwarded Message --------") + QLatin1Char('\n');
        header += tr("Subject: %1").arg(h.subject) + QLatin1Char('\n');
        header += tr("Date: %1").arg(dateText(h.date)) + QLatin1Char('\n');
        header += tr("From: %1").arg(h.from.display()) + QLatin1Char('\n');
        if (!h.to.isEmpty())
            header += tr("To: %1").arg(addressList(h.to)) + QLatin1Char('\n');
        if (!h.cc.isEmpty())
            header += tr("Cc: %1").arg(addressList(h.cc)) + QLatin1Char('\n');
        out.body = body + QStringLiteral("\n\n") + header + QLatin1Char('\n') + shown.text +
                   QLatin1Char('\n');
        for (const AttachmentInfo &a : shown.attachments) {
            if (a.dataComplete)
                out.attachments.append({a.filename, a.mimeType, a.data, false});
        }
        return out;
    }

    out.subject = replySubject(h.subject);
    // Threading (RFC 5322 §3.6.4): the parent's References (or its In-Reply-To when it has
    // none) followed by the parent's own Message-ID.
    if (!h.messageId.isEmpty()) {
        out.inReplyTo = h.messageId;
        QStringList refs = messageIds(h.references);
        if (refs.isEmpty())
            refs = messageIds(h.inReplyTo).mid(0, 1);
        refs.removeAll(h.messageId);
        refs.append(h.messageId);
        out.references = refs;
    }

    const QList<MailAddress> followupTo = MessageBuilder::parseAddresses(
        MessageRenderer::headerValues(original, "Mail-Followup-To").value(0));
    const QList<MailAddress> author = h.replyTo.isEmpty() ? QList<MailAddress>{h.from} : h.replyTo;
    const bool ownMessage = isOwn(me, h.from);
    if (kind == ReplyKind::ReplyAll && !followupTo.isEmpty()) {
        // The author asked for replies to go to these (a list), and only these.
        addNew(out.to, followupTo, me);
    } else if (kind == ReplyKind::ReplyAll) {
        addNew(out.to, ownMessage ? h.to : author, me);
        if (!ownMessage)
            addNew(out.to, h.to, me);
        addNew(out.cc, h.cc, me, out.to);
    } else {
        // Replying to what one sent oneself means writing to its recipients again.
        if (ownMessage)
            addNew(out.to, h.to, me);
        else
            out.to = author;
    }
    if (out.to.isEmpty() && out.cc.isEmpty())
        out.to = author; // everyone was the user: the reply goes to the author anyway

    const QString attribution =
        tr("On %1, %2 wrote:")
            .arg(dateText(h.date), h.from.name.isEmpty() ? h.from.address : h.from.display());
    out.body = body + QStringLiteral("\n\n") + attribution + QLatin1Char('\n') + quote(shown.text);
    return out;
}

} // namespace poplar::mime
