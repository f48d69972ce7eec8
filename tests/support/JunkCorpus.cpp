// SPDX-License-Identifier: GPL-3.0-or-later
#include "JunkCorpus.h"

#include <QStringList>

#include <random>

namespace poplar::test {

namespace {

struct Kind {
    QStringList senders;  ///< "Name <local@domain>"
    QStringList subjects; ///< with %1 for a number that makes each one distinct
    QStringList sentences;
    QStringList closings;
};

const Kind &junkKind()
{
    static const Kind kind{
        {QStringLiteral("Pharmacy Direct <deals@cheap-meds-online.example>"),
         QStringLiteral("Lottery Claims Office <claims@intl-lotto-board.example>"),
         QStringLiteral("Exclusive Offers <offers@mega-discount-club.example>"),
         QStringLiteral("Crypto Profits <invest@bitcoin-millionaire.example>"),
         QStringLiteral("Loan Approval Desk <approve@instant-loans-now.example>"),
         QStringLiteral("Casino Royale VIP <vip@royal-casino-bonus.example>")},
        {QStringLiteral("URGENT: claim your prize number %1 today"),
         QStringLiteral("You have WON $%1,000,000 in the international lottery"),
         QStringLiteral("%1% OFF cheap pills, no prescription needed"),
         QStringLiteral("Exclusive offer #%1: double your bitcoin in 24 hours"),
         QStringLiteral("Pre-approved loan of $%1,500, act now"),
         QStringLiteral("Free casino bonus %1 spins waiting for you")},
        {QStringLiteral("Congratulations winner, your email address was selected in our "
                        "international lottery draw."),
         QStringLiteral("Buy cheap viagra and cialis online with no prescription and discreet "
                        "shipping."),
         QStringLiteral("Our pharmacy offers the lowest prices on pills, guaranteed discount on "
                        "every order."),
         QStringLiteral("To claim your prize, send your bank account details and a processing "
                        "fee by wire transfer."),
         QStringLiteral("This exclusive limited time offer expires tonight, click here to "
                        "unlock your bonus."),
         QStringLiteral("Earn thousands of dollars from home with our secret crypto trading "
                        "robot, guaranteed profit."),
         QStringLiteral("Your loan is pre-approved regardless of credit history, no questions "
                        "asked."),
         QStringLiteral("Act now and receive free casino spins plus a one hundred percent "
                        "deposit bonus."),
         QStringLiteral("Lose weight fast with our miracle diet pills, doctors hate this "
                        "trick."),
         QStringLiteral("You are our lucky winner, confirm your identity to release the "
                        "million dollar jackpot."),
         QStringLiteral("Unsubscribe is not needed, this is a one time exclusive cash "
                        "reward."),
         QStringLiteral("Hot singles in your area want to meet you, click the link for free "
                        "access.")},
        {QStringLiteral("CLICK HERE NOW: http://claim-prize.example/win"),
         QStringLiteral("Best regards, the Claims Department"),
         QStringLiteral("Order now: http://cheap-meds-online.example/buy"),
         QStringLiteral("Limited offer, reply with your details today!")}};
    return kind;
}

const Kind &goodKind()
{
    static const Kind kind{
        {QStringLiteral("Maria Keller <maria.keller@acme-engineering.example>"),
         QStringLiteral("Tom Baker <tom@projects.example>"),
         QStringLiteral("Accounts Payable <ap@supplier-gmbh.example>"),
         QStringLiteral("Linda Chen <linda.chen@university.example>"),
         QStringLiteral("Dad <robert.smith@family.example>"),
         QStringLiteral("Build Server <ci@builds.example>")},
        {QStringLiteral("Minutes of the project meeting, week %1"),
         QStringLiteral("Invoice %1 for October consulting work"),
         QStringLiteral("Review of the design document, draft %1"),
         QStringLiteral("Agenda for Thursday's planning session (item %1)"),
         QStringLiteral("Re: quarterly budget figures, version %1"),
         QStringLiteral("Build %1 passed on the release branch")},
        {QStringLiteral("Attached are the minutes of yesterday's meeting with the action items "
                        "for each team member."),
         QStringLiteral("Please review the updated schedule; the milestone for the storage "
                        "layer moved by a week."),
         QStringLiteral("The invoice covers the consulting hours for October, payable within "
                        "thirty days to the usual account."),
         QStringLiteral("I left comments in the design document about the migration of the "
                        "database schema."),
         QStringLiteral("Can we move the planning session to Thursday afternoon, after the "
                        "customer call?"),
         QStringLiteral("The quarterly budget spreadsheet now includes the travel costs for "
                        "the conference."),
         QStringLiteral("The release branch builds cleanly and the integration tests are "
                        "green on both machines."),
         QStringLiteral("Thanks for the quick turnaround on the pull request, I merged it this "
                        "morning."),
         QStringLiteral("Mum says the garden looks lovely this year; we will visit on Sunday "
                        "for lunch."),
         QStringLiteral("The seminar on compilers starts next Tuesday in room 204, bring your "
                        "laptop."),
         QStringLiteral("Could you send me the figures for the report before Friday so I can "
                        "finish the summary?"),
         QStringLiteral("The contract draft is with legal; they will send their remarks by "
                        "the end of the week.")},
        {QStringLiteral("Best regards,\nMaria"), QStringLiteral("Thanks,\nTom"),
         QStringLiteral("Kind regards,\nAccounts Payable"), QStringLiteral("Cheers,\nLinda")}};
    return kind;
}

QString subjectOf(const Kind &kind, int n)
{
    return kind.subjects.at(n % kind.subjects.size()).arg(100 + n * 7);
}

QByteArray mailOf(const Kind &kind, int n, quint32 seed)
{
    std::mt19937 rng(seed + quint32(n) * 7919u);
    const QString sender = kind.senders.at(n % kind.senders.size());
    QString body;
    const int sentences = 4 + int(rng() % 4);
    for (int i = 0; i < sentences; ++i) {
        body += kind.sentences.at(qsizetype(rng() % quint32(kind.sentences.size())));
        body += (i % 2 == 1) ? QStringLiteral("\n\n") : QStringLiteral(" ");
    }
    body +=
        QStringLiteral("\n") + kind.closings.at(qsizetype(rng() % quint32(kind.closings.size())));
    const QString date = QStringLiteral("Mon, %1 Nov 2026 %2:%3:00 +0000")
                             .arg(1 + n % 28)
                             .arg(8 + n % 12, 2, 10, QLatin1Char('0'))
                             .arg(n % 60, 2, 10, QLatin1Char('0'));
    const QString text =
        QStringLiteral("From: %1\r\nTo: Alice <alice@example.org>\r\n"
                       "Subject: %2\r\nDate: %3\r\n"
                       "Message-ID: <%4.%5@poplar.test>\r\nMIME-Version: 1.0\r\n"
                       "Content-Type: text/plain; charset=utf-8\r\n\r\n%6\r\n")
            .arg(sender, subjectOf(kind, n), date)
            .arg(seed)
            .arg(n)
            .arg(QString(body).replace(QStringLiteral("\n"), QStringLiteral("\r\n")));
    return text.toUtf8();
}

} // namespace

QString junkSubject(int n)
{
    return subjectOf(junkKind(), n);
}
QString goodSubject(int n)
{
    return subjectOf(goodKind(), n);
}
QByteArray junkMail(int n)
{
    return mailOf(junkKind(), n, 1);
}
QByteArray goodMail(int n)
{
    return mailOf(goodKind(), n, 2);
}

} // namespace poplar::test
