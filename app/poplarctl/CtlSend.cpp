// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl send, reply, forward and outbox: writing mail and the Outbox.
#include "CtlSupport.h"

#include "JsonFormat.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "mime/MessageBuilder.h"
#include "mime/ReplyBuilder.h"
#include "smtp/Identities.h"
#include "smtp/OutboxController.h"
#include "store/OutboxStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>

namespace poplar::ctl {

namespace {

Error configError(const QString &why)
{
    return {Error::Code::Config, why, {}};
}

Result<QString> readBody(const QString &path)
{
    QFile file;
    const bool ok = path == QLatin1String("-")
                        ? file.open(stdin, QIODevice::ReadOnly)
                        : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok)
        return configError(Words::tr("Cannot read %1: %2").arg(path, file.errorString()));
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return text;
}

Result<QList<mime::MailAddress>> addressesOf(const QStringList &values, const QString &option)
{
    QList<mime::MailAddress> out;
    for (const QString &v : values) {
        const auto parsed = mime::MessageBuilder::parseAddresses(v.toUtf8());
        if (parsed.isEmpty() || std::any_of(parsed.begin(), parsed.end(), [](const auto &a) {
                return !a.address.contains(QLatin1Char('@'));
            }))
            return configError(Words::tr("--%1: \"%2\" is not an e-mail address").arg(option, v));
        out += parsed;
    }
    return out;
}

Result<Account> sendingAccount(const AccountStore &accounts, const QString &id)
{
    const auto account = accounts.account(id);
    if (!account)
        return Error{Error::Code::NotFound, Words::tr("There is no account %1").arg(id), {}};
    if (!account->canSend())
        return configError(Words::tr("Account %1 has no outgoing server; set one with "
                                     "'poplarctl account add --smtp-host ...' or in Poplar")
                               .arg(id));
    return *account;
}

/// Why a message still waits (or was refused), in one line: our words, the server's, and
/// whether it may have arrived already.
QString whyWaiting(const store::OutgoingRecord &r)
{
    QString why = Error{Error::Code::ServerRejected, r.lastError, r.serverText}.message();
    if (r.maybeSent)
        why = Words::tr("%1 [it may have arrived already]").arg(why);
    return why;
}

/// Puts the message in the Outbox and sends it now: exit 0 once the server took it, 1 when
/// it waits in the Outbox (with why) or was refused.
int submitAndSend(Session &s, const Account &account, const mime::OutgoingMessage &message)
{
    if (Status st = s.profile.lock(); !st)
        return fail(st.error());
    KeychainSecretStore secrets;
    PasswordProvider passwords(secrets);
    smtp::OutboxController outbox(s.profile.cachePath(), passwords);
    qint64 messageId = 0;
    std::optional<Error> submitError;
    QObject::connect(&outbox, &smtp::OutboxController::submitted,
                     [&](quint64, qint64 id, const Error &error) {
                         messageId = id;
                         if (id == 0)
                             submitError = error;
                     });
    QObject::connect(&outbox, &smtp::OutboxController::idle, [] { QCoreApplication::exit(); });
    outbox.submit(account, message);
    QCoreApplication::exec();
    if (submitError)
        return fail(*submitError);
    auto record = store::OutboxStore(s.db->connection()).record(messageId);
    if (!record || !record.value())
        return fail(record
                        ? Error{Error::Code::NotFound, Words::tr("The message left the Outbox"), {}}
                        : record.error());
    const store::OutgoingRecord &r = *record.value();
    const QString why = whyWaiting(r);
    switch (r.state) {
    case store::OutgoingState::Sent:
        if (r.maybeSent)
            printErr(Words::tr("message %1 may have been sent already: an earlier attempt "
                               "lost the connection after the whole message had gone out")
                         .arg(r.messageId));
        printOut(QStringLiteral("sent %1\n").arg(r.messageId));
        return Success;
    case store::OutgoingState::Failed:
        printErr(
            Words::tr("not sent, message %1 stays in the Outbox: %2").arg(r.messageId).arg(why));
        return Failure;
    case store::OutgoingState::Queued:
    case store::OutgoingState::Sending:
        break;
    }
    printErr(Words::tr("queued: message %1 waits in the Outbox and goes at the next "
                       "connection: %2")
                 .arg(r.messageId)
                 .arg(why));
    printOut(QStringLiteral("queued %1\n").arg(r.messageId));
    return Failure;
}

} // namespace

int sendWaiting(Profile &profile, const QList<Account> &accounts)
{
    QList<Account> senders;
    for (const Account &a : accounts) {
        if (a.canSend())
            senders.append(a);
    }
    if (senders.isEmpty())
        return Success;
    KeychainSecretStore secrets;
    PasswordProvider passwords(secrets);
    smtp::OutboxController outbox(profile.cachePath(), passwords);
    bool allOk = true;
    QHash<QString, QString> names;
    for (const Account &a : senders)
        names.insert(a.id, a.name);
    QObject::connect(&outbox, &smtp::OutboxController::messageSent, [&](qint64 id, bool twice) {
        if (twice)
            printErr(Words::tr("message %1 was sent, and may have been sent already: an "
                               "earlier attempt lost the connection after the whole "
                               "message had gone out")
                         .arg(id));
    });
    QObject::connect(
        &outbox, &smtp::OutboxController::accountFinished, [&](const smtp::SendResult &r) {
            const QString name = names.value(r.accountId);
            if (r.sent > 0)
                printOut(Words::tr("%1: %n message(s) sent", nullptr, r.sent).arg(name) +
                         QLatin1Char('\n'));
            if (r.error) {
                allOk = false;
                printErr(Words::tr("%1: sending: %2").arg(name, r.error->message()));
            }
            if (r.refused > 0 || r.waiting > 0) {
                allOk = false;
                if (r.refused > 0)
                    printErr(Words::tr("%1: %n message(s) refused and kept in the Outbox "
                                       "('poplarctl outbox' says why)",
                                       nullptr, r.refused)
                                 .arg(name));
                if (r.waiting > 0)
                    printErr(Words::tr("%1: %n message(s) waiting in the Outbox for the next "
                                       "attempt ('poplarctl outbox' says why)",
                                       nullptr, r.waiting)
                                 .arg(name));
            }
        });
    QObject::connect(&outbox, &smtp::OutboxController::idle, [] { QCoreApplication::exit(); });
    outbox.sendWaiting(senders, true);
    QCoreApplication::exec();
    return allOk ? Success : Failure;
}

int send(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl send: write a message and send it; exit 1 when it "
                             "waits in the Outbox (\"queued\") or was refused."),
                   args);
    cl.add(QStringLiteral("account"), Words::tr("The account to send from."), QStringLiteral("ID"));
    cl.add(QStringLiteral("to"), Words::tr("A recipient (repeat, or separate with commas)."),
           QStringLiteral("ADDR"));
    cl.add(QStringLiteral("cc"), Words::tr("A copy recipient."), QStringLiteral("ADDR"));
    cl.add(QStringLiteral("bcc"), Words::tr("A hidden recipient (in no header)."),
           QStringLiteral("ADDR"));
    cl.add(QStringLiteral("subject"), Words::tr("The subject."), QStringLiteral("S"));
    cl.add(QStringLiteral("body-file"), Words::tr("The text, UTF-8 ('-': standard input)."),
           QStringLiteral("FILE"));
    cl.add(QStringLiteral("attach"), Words::tr("Attach a file (repeat for more)."),
           QStringLiteral("FILE"));
    if (auto code = cl.parse())
        return *code;
    if (!cl.isSet(QStringLiteral("account")) || !cl.isSet(QStringLiteral("to")) ||
        !cl.isSet(QStringLiteral("body-file"))) {
        printErr(Words::tr("send needs --account, --to and --body-file"));
        return Usage;
    }
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    const AccountStore accounts(s.profile.iniPath());
    auto account = sendingAccount(accounts, cl.value(QStringLiteral("account")));
    if (!account)
        return fail(account.error());
    mime::OutgoingMessage m = smtp::newMessageFrom(account.value());
    for (const auto &[option, list] :
         {std::pair{QStringLiteral("to"), &m.to}, std::pair{QStringLiteral("cc"), &m.cc},
          std::pair{QStringLiteral("bcc"), &m.bcc}}) {
        auto parsed = addressesOf(cl.values(option), option);
        if (!parsed)
            return fail(parsed.error());
        *list = parsed.value();
    }
    m.subject = cl.value(QStringLiteral("subject"));
    auto body = readBody(cl.value(QStringLiteral("body-file")));
    if (!body)
        return fail(body.error());
    m.body = body.value();
    if (const QString signature = smtp::signatureBlock(account.value()); !signature.isEmpty()) {
        if (!m.body.isEmpty() && !m.body.endsWith(QLatin1Char('\n')))
            m.body += QLatin1Char('\n');
        m.body += signature;
    }
    for (const QString &path : cl.values(QStringLiteral("attach"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(configError(Words::tr("Cannot read %1: %2").arg(path, file.errorString())));
        m.attachments.append({QFileInfo(path).fileName(), {}, file.readAll(), false});
    }
    return submitAndSend(s, account.value(), m);
}

int replyOrForward(const QString &profileDir, const QStringList &args, bool forward)
{
    CommandLine cl(forward ? Words::tr("poplarctl forward: forward a message, inline or as "
                                       "an attachment (the original byte for byte).")
                           : Words::tr("poplarctl reply: answer a message; the text is put "
                                       "above the quoted original."),
                   args);
    cl.addMessageId();
    cl.add(QStringLiteral("account"),
           Words::tr("Send from this account (default: the message's own)."), QStringLiteral("ID"));
    cl.add(QStringLiteral("body-file"), Words::tr("Your text, UTF-8 ('-': standard input)."),
           QStringLiteral("FILE"));
    if (forward) {
        cl.add(QStringLiteral("to"), Words::tr("A recipient (repeat, or separate with commas)."),
               QStringLiteral("ADDR"));
        cl.add(QStringLiteral("cc"), Words::tr("A copy recipient."), QStringLiteral("ADDR"));
        cl.add(QStringLiteral("as-attachment"),
               Words::tr("Attach the original message instead of quoting it."));
    } else {
        cl.add(QStringLiteral("all"), Words::tr("Reply to everyone (you left out)."));
    }
    if (auto code = cl.parse())
        return *code;
    if ((!forward && !cl.isSet(QStringLiteral("body-file"))) ||
        (forward && !cl.isSet(QStringLiteral("to")))) {
        printErr(forward ? Words::tr("forward needs --to") : Words::tr("reply needs --body-file"));
        return Usage;
    }
    auto opened = openMessageSession(profileDir, cl.arg(0));
    if (!opened)
        return fail(opened.error());
    auto &[id, s] = opened.value();
    auto summary = s.store->message(id);
    if (!summary)
        return fail(summary.error());
    auto raw = s.store->raw(id);
    if (!raw)
        return fail(raw.error());
    if (summary.value().partial)
        return fail(configError(Words::tr("Message %1 was stored headers-only; download the "
                                          "rest first with 'poplarctl fetch %1'")
                                    .arg(id)));
    const AccountStore accounts(s.profile.iniPath());
    const QString accountId = cl.isSet(QStringLiteral("account"))
                                  ? cl.value(QStringLiteral("account"))
                                  : summary.value().accountId;
    auto account = sendingAccount(accounts, accountId);
    if (!account)
        return fail(account.error());
    QString text;
    if (cl.isSet(QStringLiteral("body-file"))) {
        auto body = readBody(cl.value(QStringLiteral("body-file")));
        if (!body)
            return fail(body.error());
        text = body.value();
    }
    const mime::ReplyKind kind =
        forward ? (cl.isSet(QStringLiteral("as-attachment")) ? mime::ReplyKind::ForwardAsAttachment
                                                             : mime::ReplyKind::ForwardInline)
                : (cl.isSet(QStringLiteral("all")) ? mime::ReplyKind::ReplyAll
                                                   : mime::ReplyKind::Reply);
    mime::OutgoingMessage m = mime::ReplyBuilder::make(
        raw.value(), kind, smtp::responderFor(account.value(), accounts.accounts()), text);
    if (forward) {
        for (const auto &[option, list] :
             {std::pair{QStringLiteral("to"), &m.to}, std::pair{QStringLiteral("cc"), &m.cc}}) {
            auto parsed = addressesOf(cl.values(option), option);
            if (!parsed)
                return fail(parsed.error());
            *list = parsed.value();
        }
    }
    return submitAndSend(s, account.value(), m);
}

int outbox(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl outbox: what waits to be sent, and why."), args);
    cl.addFormat();
    cl.add(QStringLiteral("all"), Words::tr("Also list what was sent."));
    cl.add(QStringLiteral("send"), Words::tr("Send what waits now."));
    cl.add(QStringLiteral("retry"), Words::tr("Queue a refused message again."),
           QStringLiteral("ID"));
    cl.add(QStringLiteral("discard"), Words::tr("Delete a message that waits, unsent."),
           QStringLiteral("ID"));
    if (auto code = cl.parse())
        return *code;
    auto session = openSession(profileDir);
    if (!session)
        return fail(session.error());
    Session &s = session.value();
    store::OutboxStore outboxStore(s.db->connection());
    for (const auto &[option, retry] :
         {std::pair{QStringLiteral("retry"), true}, std::pair{QStringLiteral("discard"), false}}) {
        if (!cl.isSet(option))
            continue;
        const qint64 id = cl.value(option).toLongLong();
        if (Status st = retry ? outboxStore.retry(id) : outboxStore.discard(id); !st)
            return fail(st.error());
    }
    if (cl.isSet(QStringLiteral("send"))) {
        if (Status st = s.profile.lock(); !st)
            return fail(st.error());
        return sendWaiting(s.profile, AccountStore(s.profile.iniPath()).accounts());
    }
    auto rows = outboxStore.records(cl.isSet(QStringLiteral("all")));
    if (!rows)
        return fail(rows.error());
    if (cl.format() == QLatin1String("json")) {
        QJsonArray out;
        for (const store::OutgoingRecord &r : rows.value())
            out.append(json::outgoing(r));
        printJson(out);
        return Success;
    }
    for (const store::OutgoingRecord &r : rows.value()) {
        printOut(QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                     .arg(r.messageId)
                     .arg(store::outgoingStateToString(r.state),
                          QString::fromUtf8(r.recipients.join(", ")), r.subject, whyWaiting(r)));
    }
    return Success;
}

} // namespace poplar::ctl
